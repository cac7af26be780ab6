import type { CollectionConfig, NumberFieldSingleValidation } from 'payload'

import { parentOwnerOrStaffCreate, parentOwnerOrStaffUpdate } from '../../access/parentOwnerOrStaff'
import { parentReadable } from '../../access/parentReadable'
import { existingIn } from '../../fields/existingIn'
import { integerValidator } from '../../fields/integer'
import { legacyIdField } from '../../fields/legacyId'
import { dateOnlyWhenAllDay, finishAfterBegin } from '../../hooks/events/validateTimes'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { FREQUENCIES, WEEKDAYS } from '../../src/events/recurrence'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** every read walks a counted rule from its begin: a bound keeps that cheap */
const MAX_COUNT = 10_000

const ofEvent = { parentCollection: 'events' as const, parentField: 'event', untilPublished: 'isPublished' }

const wholeNumber =
  (field: string, check: (value: number) => string | true): NumberFieldSingleValidation =>
  (value, options) => {
    const base = integerValidator(field)(value, options)
    if (base !== true || value === null || value === undefined) return base
    return check(value)
  }

type Sibling = { byMonthDay?: unknown; byWeekday?: unknown; frequency?: string; weekOfMonth?: unknown }

const weekdays = (sibling: Sibling): unknown[] => (Array.isArray(sibling.byWeekday) ? sibling.byWeekday : [])

/** A MONTHLY-only option: a whole number, checked with the rule's other fields (the whole rule on update). */
const monthly =
  (field: string, check: (value: number, sibling: Sibling) => string | true): NumberFieldSingleValidation =>
  (value, options) => {
    const base = integerValidator(field)(value, options)
    if (base !== true || value === null || value === undefined) return base
    const sibling = (options.siblingData ?? {}) as Sibling
    if (sibling.frequency !== 'MONTHLY') return `${field} applies to MONTHLY rules only`
    return check(value, sibling)
  }

export const EventRecurringRules: CollectionConfig = {
  slug: 'event-recurring-rules',
  access: {
    // the event's submitter while it is unpublished, and staff
    create: parentOwnerOrStaffCreate(ofEvent),
    delete: parentOwnerOrStaffUpdate(ofEvent),
    // visible exactly when the event is
    read: parentReadable({ parentField: 'event', parentOwnerField: 'creator' }),
    update: parentOwnerOrStaffUpdate(ofEvent),
  },
  admin: {
    defaultColumns: ['begin', 'event', 'frequency', 'interval', 'finish'],
    group: ADMIN_GROUPS.events,
    useAsTitle: 'begin',
  },
  dbName: 'event_recurring_rules',
  defaultPopulate: { allDay: true, begin: true, duration: true, event: true, finish: true, frequency: true, interval: true },
  defaultSort: 'begin',
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
      name: 'begin',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'The first occurrence; its time of day on the event’s zone’s clock is kept for every repeat.',
      },
      hooks: { beforeValidate: [dateOnlyWhenAllDay] },
      index: true,
      required: true,
    },
    {
      name: 'finish',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'No occurrence begins after this. Empty: no end (or after `count` occurrences).',
      },
      index: true,
      validate: finishAfterBegin,
    },
    {
      name: 'count',
      type: 'number',
      admin: { description: 'Stop after this many occurrences (iCalendar COUNT).' },
      validate: wholeNumber('count', (value) =>
        value < 1 ? 'count must be at least 1' : value > MAX_COUNT ? `count must be at most ${MAX_COUNT}` : true,
      ),
    },
    {
      name: 'duration',
      type: 'number',
      access: serverDefaulted,
      admin: { description: 'Minutes each occurrence lasts (all-day: rounded up to whole days).' },
      defaultValue: 60,
      required: true,
      validate: wholeNumber('duration', (value) => (value > 0 ? true : 'duration must be more than 0 minutes')),
    },
    {
      name: 'interval',
      type: 'number',
      access: serverDefaulted,
      admin: { description: 'Every this many periods (2 with WEEKLY: every other week).' },
      defaultValue: 1,
      required: true,
      validate: wholeNumber('interval', (value) => (value >= 1 ? true : 'interval must be at least 1')),
    },
    {
      name: 'frequency',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'WEEKLY',
      options: FREQUENCIES.map((value) => ({ label: value.toLowerCase(), value })),
      required: true,
    },
    {
      name: 'byWeekday',
      type: 'select',
      admin: { description: 'WEEKLY: on these days. MONTHLY with a week of the month: that weekday (one).' },
      hasMany: true,
      options: WEEKDAYS.map((value) => ({ label: value, value })),
      validate: (value: null | string[] | undefined, { siblingData }: { siblingData: Sibling }) => {
        if (!Array.isArray(value) || !value.length) return true
        if (siblingData.frequency === 'YEARLY') return 'byWeekday does not apply to YEARLY rules'
        if (value.some((day) => !(WEEKDAYS as readonly string[]).includes(day)))
          return `byWeekday takes ${WEEKDAYS.join(', ')}`
        return true
      },
    },
    {
      name: 'weekOfMonth',
      type: 'number',
      admin: { description: 'MONTHLY: the 1st to 5th (or -1, the last) of the chosen weekday.' },
      validate: monthly('weekOfMonth', (value, sibling) => {
        if (value !== -1 && (value < 1 || value > 5)) return 'weekOfMonth must be 1 to 5, or -1 for the last'
        return weekdays(sibling).length === 1 ? true : 'weekOfMonth needs exactly one byWeekday'
      }),
    },
    {
      name: 'byMonthDay',
      type: 'number',
      admin: { description: 'MONTHLY: on this day of the month (1 to 31, or -1 for the last day).' },
      validate: monthly('byMonthDay', (value, sibling) => {
        if (value !== -1 && (value < 1 || value > 31)) return 'byMonthDay must be 1 to 31, or -1 for the last day'
        return weekdays(sibling).length ? 'byMonthDay and byWeekday cannot be combined' : true
      }),
    },
    { name: 'allDay', type: 'checkbox', defaultValue: false },
    legacyIdField('event_recurring_rules_legacy_id_seq'),
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
}
