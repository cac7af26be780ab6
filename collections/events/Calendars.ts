import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff, isStaffField } from '../../access/isStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { httpUrlValidator } from '../../fields/url'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { calendarIcsEndpoint } from '../../src/events/icsExport'
import { importCalendarEndpoint } from '../../src/events/importEndpoint'
import { timeZoneField } from '../../src/events/fields'
import { serverFilled } from '../../fields/serverFilled'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

const url = (name: string, label: string) => ({
  name,
  type: 'text' as const,
  label,
  maxLength: 1000,
  validate: httpUrlValidator(name),
})

export const Calendars: CollectionConfig = {
  slug: 'calendars',
  // staff manage calendars; everyone reads them
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: {
    defaultColumns: ['name', 'slug', 'timeZone', 'icsUrl', 'lastImported'],
    group: ADMIN_GROUPS.events,
    useAsTitle: 'name',
  },
  dbName: 'calendars',
  // a populated calendar is a summary, not the import bookkeeping
  defaultPopulate: { name: true, slug: true, timeZone: true },
  // GET /api/calendars/:slug/ics, POST /api/calendars/:id/import (staff)
  endpoints: [calendarIcsEndpoint, importCalendarEndpoint],
  fields: [
    { name: 'name', type: 'text', maxLength: 100, required: true },
    slugField({ from: 'name' }),
    { name: 'description', type: 'text', maxLength: 255 },
    timeZoneField('Where the calendar’s events happen unless their venue says otherwise (IANA name). Empty: UTC.'),
    {
      ...url('icsUrl', 'ICS import URL'),
      admin: {
        description:
          'An iCalendar feed imported on a schedule (and by the import button): its events join this calendar.',
      },
    },
    url('rss', 'RSS feed'),
    url('embed', 'Embed URL'),
    url('twitter', 'Twitter / X feed'),
    {
      name: 'importNow',
      type: 'ui',
      admin: {
        components: { Field: '/src/events/ImportCalendarButton#ImportCalendarButton' },
        position: 'sidebar',
      },
    },
    serverFilled(
      { name: 'lastImported', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar' } },
      'When the ICS import last ran.',
    ),
    serverFilled(
      { name: 'lastImportError', type: 'textarea', access: { read: isStaffField } },
      'Why the last import failed, or which events it could not take.',
    ),
    serverFilled(
      { name: 'lastImportSummary', type: 'json', access: { read: isStaffField } },
      'What the last import did.',
    ),
    legacyIdField('calendars_legacy_id_seq'),
    // who set a calendar up is staff bookkeeping
    ...contentManageableFields({ readUsers: isStaffField }),
  ],
  hooks: {
    beforeDelete: [
      // python.org deleted a calendar's events, categories and venues with it
      deleteDependents([
        { collection: 'events', field: 'calendar' },
        { collection: 'event-categories', field: 'calendar' },
        { collection: 'event-locations', field: 'calendar' },
      ]),
    ],
    beforeOperation: [rejectMalformedInput],
  },
}
