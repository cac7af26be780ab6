import type { CollectionConfig } from 'payload'

import { parentOwnerOrStaffCreate, parentOwnerOrStaffUpdate } from '../../access/parentOwnerOrStaff'
import { parentReadable } from '../../access/parentReadable'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { dateOnlyWhenAllDay, dtEndNotBeforeStart } from '../../hooks/events/validateTimes'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

const ofEvent = { parentCollection: 'events' as const, parentField: 'event', untilPublished: 'isPublished' }

export const EventOccurrences: CollectionConfig = {
  slug: 'event-occurrences',
  access: {
    // the event's submitter while it is unpublished, and staff
    create: parentOwnerOrStaffCreate(ofEvent),
    delete: parentOwnerOrStaffUpdate(ofEvent),
    // visible exactly when the event is
    read: parentReadable({ parentField: 'event', parentOwnerField: 'creator' }),
    update: parentOwnerOrStaffUpdate(ofEvent),
  },
  admin: { defaultColumns: ['dtStart', 'event', 'dtEnd', 'allDay'], group: ADMIN_GROUPS.events, useAsTitle: 'dtStart' },
  dbName: 'event_occurrences',
  defaultPopulate: { allDay: true, dtEnd: true, dtStart: true, event: true },
  defaultSort: 'dtStart',
  fields: [
    {
      name: 'event',
      type: 'relationship',
      index: true,
      relationTo: 'events',
      required: true,
      validate: existingIn('events', 'event'),
    },
    {
      name: 'allDay',
      type: 'checkbox',
      admin: { description: 'Whole days: the dates are kept, the times ignored; dtEnd is the last day.' },
      defaultValue: false,
    },
    {
      name: 'dtStart',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      hooks: { beforeValidate: [dateOnlyWhenAllDay] },
      index: true,
      label: 'Starts',
      required: true,
    },
    {
      name: 'dtEnd',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      hooks: { beforeValidate: [dateOnlyWhenAllDay] },
      index: true,
      label: 'Ends',
      required: true,
      validate: dtEndNotBeforeStart,
    },
    legacyIdField('event_occurrences_legacy_id_seq'),
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
}
