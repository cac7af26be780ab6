import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { uniqueSlugFrom } from '../../hooks/events/eventIdentity'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { timeZoneField } from '../../src/events/fields'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const EventLocations: CollectionConfig = {
  slug: 'event-locations',
  // staff-managed venues (the ICS import adds them by name), public
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'address', 'calendar', 'timeZone'], group: ADMIN_GROUPS.events, useAsTitle: 'name' },
  dbName: 'event_locations',
  defaultPopulate: { name: true, address: true, slug: true, timeZone: true, url: true },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', index: true, maxLength: 255, required: true },
    slugField({
      from: 'name',
      overrides: {
        admin: { description: 'Made from the name when left empty.' },
        hooks: { beforeValidate: [uniqueSlugFrom('event-locations', 'name')] },
      },
    }),
    { name: 'address', type: 'text', maxLength: 255 },
    { name: 'url', type: 'text', label: 'URL', maxLength: 1000, validate: httpUrlValidator('url') },
    timeZoneField('Where the venue is (IANA name): its events recur on this zone’s clock. Empty: the calendar’s zone.'),
    {
      name: 'calendar',
      type: 'relationship',
      admin: { description: 'The calendar whose import created the venue (optional).' },
      index: true,
      relationTo: 'calendars',
      validate: existingIn('calendars', 'calendar'),
    },
    legacyIdField('event_locations_legacy_id_seq'),
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
}
