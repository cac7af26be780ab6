/**
 * The one clock of the system. Rules that depend on "now" (an election's
 * status, an event's next occurrence, live sponsors, expired jobs) read it
 * here, never `new Date()` directly, so tests can set the instant they check
 * (a boundary exactly) instead of depending on today's date or sleeping.
 *
 * Only tests move the clock: `setNow` refuses outside NODE_ENV=test, and
 * `PAYLOAD_TEST_NOW` (an ISO instant, for a test's child process) is read
 * under NODE_ENV=test only.
 */
let fixed: Date | null = null

const fromEnv = (): Date | null => {
  if (process.env.NODE_ENV !== 'test' || !process.env.PAYLOAD_TEST_NOW) return null
  const date = new Date(process.env.PAYLOAD_TEST_NOW)
  return Number.isNaN(date.getTime()) ? null : date
}

export const now = (): Date => new Date((fixed ?? fromEnv() ?? new Date()).getTime())

/** The start of today (UTC) by this clock. */
export const startOfTodayUtc = (): Date => {
  const current = now()
  return new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth(), current.getUTCDate()))
}

/** Tests only: fix the clock at `instant` (null returns to real time). */
export const setNow = (instant: Date | string | null): void => {
  if (process.env.NODE_ENV !== 'test') throw new Error('the clock can only be set in tests')
  fixed = instant === null ? null : new Date(instant)
}
