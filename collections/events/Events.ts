import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { authorUntilPublishedOrStaff } from '../../access/authorUntilPublished'
import { isStaff, isStaffField } from '../../access/isStaff'
import { ownerOrStaffField } from '../../access/ownerOrStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { existingIn } from '../../fields/existingIn'
import { isPublishedField } from '../../fields/isPublished'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { eventCategoriesValidator } from '../../hooks/events/categoriesOfCalendar'
import { assignUid, uidUniqueInCalendar, uniqueSlugFrom } from '../../hooks/events/eventIdentity'
import { notifyStaffOfEventSubmission } from '../../hooks/events/notifyStaffOfEventSubmission'
import { occurrenceField } from '../../hooks/events/occurrenceFields'
import { refuseDerivedQueries } from '../../hooks/events/refuseDerivedQueries'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { timeZoneField } from '../../src/events/fields'
import { eventsIcsEndpoint } from '../../src/events/icsExport'
import { eventReads } from '../../src/events/reads'
import { readEndpoints } from '../../src/platform/reads'
import { serverFilled } from '../../fields/serverFilled'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const Events: CollectionConfig = {
  slug: 'events',
  access: {
    // any member may submit an event; it stays unpublished until staff publish it
    create: authenticated,
    delete: isStaff,
    // public when published; submitters see their own; staff see all
    read: publishedOrStaff({ ownerField: 'creator' }),
    // the submitter may edit until it is published
    update: authorUntilPublishedOrStaff('creator'),
  },
  admin: {
    defaultColumns: ['title', 'calendar', 'venue', 'isPublished', 'featured'],
    group: ADMIN_GROUPS.events,
    listSearchableFields: ['title', 'uid'],
    useAsTitle: 'title',
  },
  dbName: 'events',
  // what a populated event (in an occurrence, a rule) shows
  defaultPopulate: { calendar: true, isPublished: true, slug: true, title: true, venue: true },
  defaultSort: '-createdAt',
  // GET /api/events/upcoming, /occurrences, /past (also GraphQL) and /ics
  endpoints: [...readEndpoints(eventReads), eventsIcsEndpoint],
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField({
      from: 'title',
      overrides: {
        admin: { description: 'Made from the title when left empty.' },
        hooks: { beforeValidate: [uniqueSlugFrom('events', 'title')] },
      },
    }),
    {
      name: 'calendar',
      type: 'relationship',
      index: true,
      relationTo: 'calendars',
      required: true,
      validate: existingIn('calendars', 'calendar'),
    },
    {
      name: 'venue',
      type: 'relationship',
      admin: { description: 'Its time zone is the one the event recurs in (else the calendar’s).' },
      index: true,
      relationTo: 'event-locations',
      validate: existingIn('event-locations', 'venue'),
    },
    {
      name: 'categories',
      type: 'relationship',
      admin: { description: 'Categories of the event’s calendar.' },
      hasMany: true,
      relationTo: 'event-categories',
      validate: eventCategoriesValidator,
    },
    ...markupFields({ name: 'description', sourceContentType: 'RESTRUCTUREDTEXT' }),
    isPublishedField(),
    {
      name: 'featured',
      type: 'checkbox',
      access: { create: isStaffField, update: isStaffField },
      admin: { position: 'sidebar' },
      defaultValue: false,
      index: true,
    },
    {
      name: 'uid',
      type: 'text',
      access: { create: isStaffField, update: isStaffField },
      admin: {
        description:
          'The iCalendar UID: how calendar apps and the ICS import recognise the event. Generated when empty.',
        position: 'sidebar',
      },
      hooks: { beforeChange: [assignUid] },
      index: true,
      maxLength: 255,
      validate: uidUniqueInCalendar,
    },
    {
      ...timeZoneField(
        'Only when the event keeps another clock than its venue and calendar (IANA name); the ICS import sets it from the feed.',
      ),
      admin: {
        description:
          'Only when the event keeps another clock than its venue and calendar (IANA name); the ICS import sets it from the feed.',
        position: 'sidebar',
      },
    },
    serverFilled(
      {
        name: 'importStatus',
        type: 'select',
        access: { read: isStaffField },
        admin: { position: 'sidebar' },
        index: true,
        options: [
          { label: 'in the feed', value: 'IN_FEED' },
          { label: 'removed from the feed', value: 'REMOVED' },
        ],
      },
      'Set by the ICS import: in the calendar’s feed, or removed from it (and so unpublished).',
    ),
    occurrenceField('nextOccurrence', 'next'),
    occurrenceField('previousOccurrence', 'previous'),
    {
      name: 'occurrences',
      type: 'join',
      admin: { defaultColumns: ['dtStart', 'dtEnd', 'allDay'] },
      collection: 'event-occurrences',
      defaultSort: 'dtStart',
      on: 'event',
    },
    {
      name: 'recurringRules',
      type: 'join',
      admin: { defaultColumns: ['frequency', 'interval', 'begin', 'finish'] },
      collection: 'event-recurring-rules',
      defaultSort: 'begin',
      on: 'event',
    },
    legacyIdField('events_legacy_id_seq'),
    // who submitted and edited an event: the submitter and staff, not the public
    ...contentManageableFields({ readUsers: ownerOrStaffField('creator') }),
  ],
  hooks: {
    afterChange: [notifyStaffOfEventSubmission],
    beforeDelete: [
      deleteDependents([
        { collection: 'event-occurrences', field: 'event' },
        { collection: 'event-recurring-rules', field: 'event' },
      ]),
    ],
    beforeOperation: [rejectMalformedInput, refuseDerivedQueries],
  },
  // one event per UID in a calendar: the ICS import matches on it
  indexes: [{ fields: ['calendar', 'uid'], unique: true }],
}
