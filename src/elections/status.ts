/**
 * An election's status (docs/rules/elections.md): computed from its four
 * dates and the clock, never stored. Each date is a calendar day in UTC and
 * marks the instant its phase starts or ends, 00:00 UTC of that day:
 *
 *   UPCOMING            now < nominationsOpen
 *   NOMINATIONS_OPEN    nominationsOpen <= now < nominationsClose
 *   NOMINATIONS_CLOSED  nominationsClose <= now < votingOpen
 *   VOTING_OPEN         votingOpen <= now < votingClose
 *   CLOSED              votingClose <= now
 *
 * Half-open phases make the dates' order (each <= the next) enough for
 * exactly one status at every instant: equal dates are empty phases (equal
 * nominationsOpen and nominationsClose is an election without nominations,
 * a referendum), never two statuses at once. python.org closed nominations
 * at `nominations_close_at` too (open while `now < nominations_close_at`).
 *
 * The table below is the one definition: `electionStatus` evaluates it for a
 * document, `statusWhere` turns it into date conditions for a query, so SQL
 * and the read value cannot disagree.
 */
import type { Where } from 'payload'

import { now } from '../platform/clock'

export const ELECTION_STATUSES = [
  'UPCOMING',
  'NOMINATIONS_OPEN',
  'NOMINATIONS_CLOSED',
  'VOTING_OPEN',
  'CLOSED',
] as const
export type ElectionStatus = (typeof ELECTION_STATUSES)[number]

/** The dates in the order they must be in. */
export const ELECTION_DATES = ['nominationsOpen', 'nominationsClose', 'votingOpen', 'votingClose'] as const
export type ElectionDate = (typeof ELECTION_DATES)[number]

type Bound = { date: ElectionDate; side: 'from' | 'until' }

/** `from`: the phase has started (date <= now); `until`: it has not ended (now < date). */
const PHASES: Record<ElectionStatus, Bound[]> = {
  CLOSED: [{ date: 'votingClose', side: 'from' }],
  NOMINATIONS_CLOSED: [
    { date: 'nominationsClose', side: 'from' },
    { date: 'votingOpen', side: 'until' },
  ],
  NOMINATIONS_OPEN: [
    { date: 'nominationsOpen', side: 'from' },
    { date: 'nominationsClose', side: 'until' },
  ],
  UPCOMING: [{ date: 'nominationsOpen', side: 'until' }],
  VOTING_OPEN: [
    { date: 'votingOpen', side: 'from' },
    { date: 'votingClose', side: 'until' },
  ],
}

export type ElectionDates = Partial<Record<ElectionDate, Date | null | string | undefined>>

const time = (value: Date | null | string | undefined): number =>
  value === null || value === undefined ? Number.NaN : new Date(value).getTime()

/** The status at `at` (the clock's now by default); null when a date is missing or unreadable. */
export const electionStatus = (dates: ElectionDates, at: Date = now()): ElectionStatus | null => {
  const instant = at.getTime()
  if (ELECTION_DATES.some((date) => Number.isNaN(time(dates[date])))) return null
  return (
    ELECTION_STATUSES.find((status) =>
      PHASES[status].every(({ date, side }) =>
        side === 'from' ? time(dates[date]) <= instant : instant < time(dates[date]),
      ),
    ) ?? null
  )
}

/** The Where for "status is `status` at `at`", on the date fields under `prefix` (e.g. `election.`). */
export const statusIs = (status: ElectionStatus, prefix = '', at: Date = now()): Where => {
  const iso = at.toISOString()
  const conditions: Where[] = PHASES[status].map(({ date, side }) => ({
    [`${prefix}${date}`]: side === 'from' ? { less_than_equal: iso } : { greater_than: iso },
  }))
  return conditions.length === 1 ? conditions[0]! : { and: conditions }
}

/** Nominations have closed: every status from NOMINATIONS_CLOSED on. */
export const nominationsHaveClosed = (prefix = '', at: Date = now()): Where => ({
  [`${prefix}nominationsClose`]: { less_than_equal: at.toISOString() },
})

/** The start (00:00 UTC) of the UTC calendar day of `value`; what every election date is stored as. */
export const utcDayStart = (value: Date | string): Date => {
  const date = new Date(value)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}
