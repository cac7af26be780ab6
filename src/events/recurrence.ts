/**
 * The times an event happens: its single occurrences and the expansion of its
 * recurring rules (RRULE semantics, by the `rrule` package), computed on
 * demand for a range, never stored. Timed rules expand on the wall clock of
 * the event's zone, so DST never shifts them; all-day ones expand on dates.
 */
import * as rruleModule from 'rrule'
import type { Options, RRule as RRuleType } from 'rrule'

import { fromFloating, toFloating } from './timeZones'

// rrule ships CommonJS for Node and ES modules for bundlers: take the class from whichever loaded
const { RRule } = (
  (rruleModule as { RRule?: unknown }).RRule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default
) as typeof rruleModule

export const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const MINUTE = 60_000
export const DAY = 86_400_000
/** More than the widest gap between two zones' offsets (UTC-12 to UTC+14): a safe margin for zone-free bounds. */
export const ZONE_MARGIN_MS = 2 * DAY

/** A single occurrence as stored. All-day: dtStart and dtEnd are the first and last day (UTC midnight). */
export type OccurrenceRow = {
  allDay: boolean
  createdAt?: Date
  dtEnd: Date | string
  dtStart: Date | string
  id?: string
}

/** A recurring rule as stored. `finish` bounds the starts (UNTIL); null with no count: no end. */
export type RuleRow = {
  allDay: boolean
  begin: Date | string
  byMonthDay?: null | number
  byWeekday?: null | string[]
  count?: null | number
  createdAt?: Date
  /** minutes */
  duration: number
  finish?: Date | null | string
  frequency: Frequency
  id?: string
  interval: number
  weekOfMonth?: null | number
}

/** One concrete time of an event. */
export type Instance = {
  allDay: boolean
  /** the instant it begins in the event's zone (all-day: midnight there): what "next" and "previous" compare */
  at: Date
  /** all-day: UTC midnight of the last day (inclusive); timed: start + duration */
  end: Date
  /** all-day: UTC midnight of the first day; timed: the instant */
  start: Date
}

export type Schedule = { occurrences: OccurrenceRow[]; rules: RuleRow[]; zone: string }

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value))

export const utcMidnight = (date: Date): Date =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))

/** Days an all-day rule's occurrence covers: its duration rounded up to whole days, at least one. */
export const allDayDays = (durationMinutes: number): number => Math.max(1, Math.ceil(durationMinutes / 1440))

const weekdayIndex = (day: string) => WEEKDAYS.indexOf(day as Weekday)

/** The `rrule` options of a rule, on floating time (see timeZones.ts), without dtstart/until. */
const patternOptions = (rule: RuleRow): Partial<Options> => {
  const options: Partial<Options> = {
    freq: RRule[rule.frequency],
    interval: rule.interval,
    wkst: RRule.MO,
  }
  const days = (rule.byWeekday ?? []).map(weekdayIndex).filter((index) => index >= 0)
  if (rule.frequency === 'MONTHLY' && rule.weekOfMonth && days.length === 1) {
    options.byweekday = [RRule[WEEKDAYS[days[0]!]!].nth(rule.weekOfMonth)]
  } else if (days.length && rule.frequency !== 'YEARLY') {
    options.byweekday = days
  }
  if (rule.frequency === 'MONTHLY' && rule.byMonthDay) options.bymonthday = [rule.byMonthDay]
  if (rule.count) options.count = rule.count
  return options
}

type Expander = {
  /** the instances whose floating start lies in [a, b] */
  between: (a: Date, b: Date) => Instance[]
  /** the first instance with floating start after `a` (inclusive), or null */
  after: (a: Date, inclusive: boolean) => Instance | null
  before: (b: Date, inclusive: boolean) => Instance | null
}

/**
 * Daily and weekly rules without a count repeat with a fixed period of
 * floating time: their start can move forward by whole periods without
 * changing the pattern, so expanding near `target` never walks from a
 * begin ten years back.
 */
const fastForward = (rule: RuleRow, dtstart: Date, target: Date): Date => {
  if (rule.count || (rule.frequency !== 'DAILY' && rule.frequency !== 'WEEKLY')) return dtstart
  const period = rule.interval * (rule.frequency === 'DAILY' ? 1 : 7) * DAY
  const periods = Math.floor((target.getTime() - dtstart.getTime()) / period) - 2
  return periods > 0 ? new Date(dtstart.getTime() + periods * period) : dtstart
}

const expander = (rule: RuleRow, zone: string, near: Date): Expander => {
  const begin = toDate(rule.begin)
  const start = rule.allDay ? utcMidnight(begin) : toFloating(begin, zone)
  const finish = rule.finish ? toDate(rule.finish) : null
  const until = finish
    ? rule.allDay
      ? new Date(utcMidnight(finish).getTime() + DAY - 1)
      : toFloating(finish, zone)
    : null
  const anchor = until && until < near ? until : near
  const dtstart = fastForward(rule, start, anchor)
  const rrule: RRuleType = new RRule({ ...patternOptions(rule), dtstart, until })
  const days = allDayDays(rule.duration)
  const instance = (floating: Date): Instance =>
    rule.allDay
      ? {
          allDay: true,
          at: fromFloating(floating, zone),
          end: new Date(floating.getTime() + (days - 1) * DAY),
          start: floating,
        }
      : (() => {
          const at = fromFloating(floating, zone)
          return { allDay: false, at, end: new Date(at.getTime() + rule.duration * MINUTE), start: at }
        })()
  return {
    after: (a, inclusive) => {
      const found = rrule.after(a, inclusive)
      return found ? instance(found) : null
    },
    before: (b, inclusive) => {
      const found = rrule.before(b, inclusive)
      return found ? instance(found) : null
    },
    between: (a, b) => rrule.between(a, b, true).map(instance),
  }
}

/** A single occurrence as an instance of the event (all-day ones begin at midnight in the event's zone). */
export const occurrenceInstance = (row: OccurrenceRow, zone: string): Instance => {
  if (row.allDay) {
    const start = utcMidnight(toDate(row.dtStart))
    const last = utcMidnight(toDate(row.dtEnd))
    return { allDay: true, at: fromFloating(start, zone), end: last < start ? start : last, start }
  }
  const start = toDate(row.dtStart)
  return { allDay: false, at: start, end: toDate(row.dtEnd), start }
}

/** The real span an instance covers; all-day ones cover whole days in `viewZone`. */
export const span = (instance: Instance, viewZone: string): { from: Date; to: Date } =>
  instance.allDay
    ? {
        from: fromFloating(instance.start, viewZone),
        to: fromFloating(new Date(instance.end.getTime() + DAY), viewZone),
      }
    : { from: instance.start, to: instance.end }

const overlaps = (instance: Instance, from: Date, to: Date, viewZone: string): boolean => {
  const covered = span(instance, viewZone)
  if (covered.to.getTime() === covered.from.getTime()) return covered.from >= from && covered.from < to
  return covered.from < to && covered.to > from
}

/**
 * Every instance of the schedule overlapping [from, to), sorted by start.
 * All-day instances are placed on their dates in `viewZone` (the caller's
 * calendar view; default UTC).
 */
export const instancesBetween = (schedule: Schedule, from: Date, to: Date, viewZone = 'UTC'): Instance[] => {
  const found: Instance[] = []
  for (const row of schedule.occurrences) {
    const instance = occurrenceInstance(row, schedule.zone)
    if (overlaps(instance, from, to, viewZone)) found.push(instance)
  }
  for (const rule of schedule.rules) {
    const length = rule.allDay ? allDayDays(rule.duration) * DAY : rule.duration * MINUTE
    const a = new Date(toFloating(from, schedule.zone).getTime() - ZONE_MARGIN_MS - length)
    const b = new Date(toFloating(to, schedule.zone).getTime() + ZONE_MARGIN_MS)
    for (const instance of expander(rule, schedule.zone, a).between(a, b)) {
      if (overlaps(instance, from, to, viewZone)) found.push(instance)
    }
  }
  return found.sort((x, y) => x.at.getTime() - y.at.getTime() || x.start.getTime() - y.start.getTime())
}

/** The earliest instance beginning after `now`, and the latest beginning at or before it. */
export const nextAndPrevious = (
  schedule: Schedule,
  now: Date,
): { next: Instance | null; previous: Instance | null } => {
  let next: Instance | null = null
  let previous: Instance | null = null
  const consider = (instance: Instance | null) => {
    if (!instance) return
    if (instance.at > now) {
      if (!next || instance.at < next.at) next = instance
    } else if (!previous || instance.at > previous.at) {
      previous = instance
    }
  }
  for (const row of schedule.occurrences) consider(occurrenceInstance(row, schedule.zone))
  const nowFloating = toFloating(now, schedule.zone)
  for (const rule of schedule.rules) {
    const low = new Date(nowFloating.getTime() - ZONE_MARGIN_MS)
    const expand = expander(rule, schedule.zone, low)
    // the floating window around now is wider than any offset: walk out of it in each direction
    let cursor = expand.after(low, true)
    while (cursor && cursor.at <= now) {
      consider(cursor)
      cursor = expand.after(cursor.allDay ? cursor.start : toFloating(cursor.at, schedule.zone), false)
    }
    consider(cursor)
    if (!previous || (previous as Instance).at < low) consider(expand.before(low, false))
  }
  return { next, previous }
}
