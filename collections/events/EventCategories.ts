import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { categoryCalendarValidator } from '../../hooks/events/categoriesOfCalendar'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const EventCategories: CollectionConfig = {
  slug: 'event-categories',
  // staff-managed vocabulary of each calendar, public
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'slug', 'calendar'], group: ADMIN_GROUPS.events, useAsTitle: 'name' },
  dbName: 'event_categories',
  defaultPopulate: { name: true, slug: true, calendar: true },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    {
      name: 'calendar',
      type: 'relationship',
      admin: { description: 'Only events of this calendar can be in the category.' },
      index: true,
      relationTo: 'calendars',
      required: true,
      validate: categoryCalendarValidator,
    },
    legacyIdField('event_categories_legacy_id_seq'),
  ],
  // an event's link to a deleted category goes with it (events_rels cascades)
  hooks: { beforeOperation: [rejectMalformedInput] },
}
