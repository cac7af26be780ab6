import { type CollectionBeforeChangeHook, type FieldHook, ValidationError } from 'payload'

import { ELECTION_DATES, utcDayStart } from '../../src/elections/status'

const readable = (value: unknown): value is Date | string =>
  (typeof value === 'string' || value instanceof Date) && !Number.isNaN(new Date(value).getTime())

const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10)

/**
 * An election date is a calendar day: stored as 00:00 UTC of its UTC day,
 * whatever time of day the client or the admin's date picker sent (the
 * picker sends noon local time, which is the same day in UTC). Unreadable
 * values pass through for the field's own validation to refuse.
 */
export const normalizeElectionDate: FieldHook = ({ value }) =>
  readable(value) ? utcDayStart(value).toISOString() : value

/**
 * The dates must be in order (nominationsOpen <= nominationsClose <=
 * votingOpen <= votingClose). A refusal names the first date that comes
 * before the one it must follow, with both days.
 */
export const validateElectionDates: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const dates = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  for (let i = 1; i < ELECTION_DATES.length; i += 1) {
    const previous = ELECTION_DATES[i - 1]!
    const current = ELECTION_DATES[i]!
    const before = dates[previous]
    const value = dates[current]
    // a missing or unreadable date is the field validation's to report
    if (!readable(before) || !readable(value)) return data
    if (new Date(value).getTime() < new Date(before).getTime()) {
      throw new ValidationError({
        collection: 'elections',
        errors: [
          {
            message: `${current} (${day(value)}) must not be before ${previous} (${day(before)}): the dates go nominationsOpen <= nominationsClose <= votingOpen <= votingClose`,
            path: current,
          },
        ],
      })
    }
  }
  return data
}
