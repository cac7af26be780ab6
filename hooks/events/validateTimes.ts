import type { CollectionBeforeValidateHook, FieldHook } from 'payload'

import { utcMidnight } from '../../src/events/recurrence'

/**
 * All-day times are dates: kept as the UTC midnight of the day given, so
 * they land on the same date in every zone.
 */
export const dateOnlyWhenAllDay: FieldHook = ({ siblingData, value }) => {
  if (!siblingData?.allDay || (typeof value !== 'string' && !(value instanceof Date))) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : utcMidnight(date).toISOString()
}

const time = (value: unknown): null | number => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? null : ms
}

/** A single occurrence ends when or after it starts (an all-day one: on or after its first day). */
export const dtEndNotBeforeStart = (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) => {
  const end = time(value)
  const start = time(siblingData?.dtStart)
  if (end === null || start === null) return true
  return end >= start ? true : 'dtEnd must not be before dtStart'
}

/** A rule's `finish` (the last possible start) comes after its `begin`. */
export const finishAfterBegin = (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) => {
  const finish = time(value)
  const begin = time(siblingData?.begin)
  if (value !== null && value !== undefined && value !== '' && finish === null) return 'finish must be a date'
  if (finish === null || begin === null) return true
  return finish > begin ? true : 'finish must be after begin'
}

/** Payload passes dates through as given; the hooks above need them parsed already. */
