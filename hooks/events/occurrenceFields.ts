import type { Field, FieldHook, GroupField } from 'payload'

import { anyoneField } from '../../access/anyone'
import { serverFilled } from '../../fields/serverFilled'

import { now } from '../../src/platform/clock'
import { nextPreviousOf } from '../../src/events/schedules'
import type { Instance } from '../../src/events/recurrence'

// a group is always an object (Payload reads its sub-fields from it): "none" is all nulls
const asValue = (instance: Instance | null) =>
  instance
    ? { allDay: instance.allDay, end: instance.end.toISOString(), start: instance.start.toISOString() }
    : { allDay: null, end: null, start: null }

const compute =
  (which: 'next' | 'previous'): FieldHook =>
  async ({ req, siblingData }) => {
    const id = siblingData?.id
    if (typeof id !== 'string') return asValue(null)
    return asValue((await nextPreviousOf(req, id, now()))[which])
  }

/**
 * Derived, read-only and never stored: the event's next occurrence (the
 * earliest beginning after now) or its previous one (the latest beginning at
 * or before now), over its single occurrences and its rules' expansions.
 * One query serves every event of a list (src/events/schedules.ts).
 */
export const occurrenceField = (name: 'nextOccurrence' | 'previousOccurrence', which: 'next' | 'previous'): Field =>
  serverFilled<GroupField>(
    {
      name,
      type: 'group',
      // as public as the event itself (and anyoneField, so a `where` on it is not mistaken for a private field)
      access: { read: anyoneField },
      admin: { position: 'sidebar' },
      fields: [
        { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'end', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'allDay', type: 'checkbox' },
      ],
      hooks: { afterRead: [compute(which)] },
      virtual: true,
    },
    which === 'next'
      ? 'Derived on read: the next time the event begins.'
      : 'Derived on read: the last time the event began.',
  )
