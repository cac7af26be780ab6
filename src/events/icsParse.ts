/**
 * Reading an iCalendar feed (with `ical.js`) into what the events model
 * holds: per UID, the event's text, venue name, zone, single occurrences and
 * recurring rules. A rule the model can hold (FREQ with INTERVAL, UNTIL or
 * COUNT, weekly BYDAY, monthly by day or by weekday) stays a rule; anything
 * else (EXDATE, RDATE, BYSETPOS, changed or cancelled instances...) is
 * expanded by ical.js itself into single occurrences, up to a horizon for
 * endless ones, and never dropped. A broken VEVENT is reported on its own;
 * the others are read.
 */
import ICAL from 'ical.js'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import * as windowsIana from 'windows-iana'

import { allDayDays, DAY, type Frequency, type RuleRow, utcMidnight, WEEKDAYS } from './recurrence'
import { instancesBetween } from './recurrence'
import { canonicalTimeZone, fromFloating } from './timeZones'

const { findIana } = (
  (windowsIana as { findIana?: unknown }).findIana
    ? windowsIana
    : (windowsIana as unknown as { default: typeof windowsIana }).default
) as typeof windowsIana

const MINUTE = 60_000

export type ParsedOccurrence = { allDay: boolean; dtEnd: string; dtStart: string }
export type ParsedRule = Required<
  Pick<RuleRow, 'allDay' | 'byMonthDay' | 'byWeekday' | 'count' | 'duration' | 'frequency' | 'interval' | 'weekOfMonth'>
> & { begin: string; finish: null | string }

export type ParsedEvent = {
  description: null | string
  /** ended up as single occurrences because the model cannot hold the recurrence as it is */
  expanded: boolean
  location: null | string
  occurrences: ParsedOccurrence[]
  rules: ParsedRule[]
  /** the event's IANA zone when the feed gives one (TZID, or the calendar's for floating times) */
  timeZone: null | string
  title: string
  /** cut off at the horizon (an endless recurrence the model could not hold) */
  truncated: boolean
  uid: string
  url: null | string
}

export type ParseProblem = { message: string; summary?: string; uid?: string }

export type ParsedFeed = {
  cancelled: string[]
  events: ParsedEvent[]
  problems: ParseProblem[]
  /** every UID the feed names, readable or not: events with these UIDs are not "removed from the feed" */
  uids: string[]
}

export type ParseOptions = {
  /** the calendar's zone: floating times are read on its clock */
  calendarZone: string
  /** expand endless recurrences the model cannot hold up to here */
  horizon: Date
  /** at most this many expanded occurrences per event */
  maxExpanded: number
}

class EventProblem extends Error {}

/** The IANA zone a TZID names: itself, its VTIMEZONE's X-LIC-LOCATION, or the Windows zone's (Outlook). */
const ianaZoneOf = (tzid: string, vtimezones: Map<string, ICAL.Component>): null | string => {
  const direct = canonicalTimeZone(tzid.replace(/^\/+/, ''))
  if (direct) return direct
  const location = vtimezones.get(tzid)?.getFirstPropertyValue('x-lic-location')
  if (typeof location === 'string' && canonicalTimeZone(location)) return canonicalTimeZone(location)
  const windows = findIana(tzid)[0]
  return windows ? canonicalTimeZone(windows) : null
}

/** ical.js keeps a TZID it has no definition for beside the (then floating) zone */
const tzidOf = (time: ICAL.Time): string | undefined => {
  const zone = time.zone?.tzid
  return zone && zone !== 'floating' ? zone : ((time as ICAL.Time & { timezone?: string }).timezone ?? zone)
}

type TimeReader = {
  /** the instant a DATE-TIME means (a DATE: its UTC midnight) */
  instant: (time: ICAL.Time) => Date
  /** the IANA zone of a DATE-TIME, if it has one (floating: the calendar's) */
  zone: (time: ICAL.Time) => null | string
}

const timeReader = (vtimezones: Map<string, ICAL.Component>, calendarZone: string): TimeReader => {
  const zone = (time: ICAL.Time): null | string => {
    if (time.isDate) return null
    const tzid = tzidOf(time)
    if (!tzid || tzid === 'floating') return calendarZone === 'UTC' ? null : calendarZone
    if (tzid === 'UTC' || tzid === 'Z') return null
    return ianaZoneOf(tzid, vtimezones)
  }
  const instant = (time: ICAL.Time): Date => {
    const wall = new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second))
    if (time.isDate) return wall
    const tzid = tzidOf(time)
    if (!tzid || tzid === 'floating') return fromFloating(wall, calendarZone)
    if (tzid === 'UTC' || tzid === 'Z') return wall
    // the feed's own VTIMEZONE decides what its times mean; without one, the IANA zone of that name
    if (vtimezones.has(tzid)) return new Date(time.toUnixTime() * 1000)
    const iana = ianaZoneOf(tzid, vtimezones)
    if (!iana) throw new EventProblem(`unknown time zone "${tzid}" (no VTIMEZONE in the feed)`)
    return fromFloating(wall, iana)
  }
  return { instant, zone }
}

const text = (component: ICAL.Component, name: string): null | string => {
  const value = component.getFirstPropertyValue(name)
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

type Recur = ICAL.Recur & { parts: Record<string, (number | string)[]> }

const MODEL_FREQUENCIES = new Set<string>(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'])

/**
 * The rule as the model holds it, or null when it cannot: then the caller
 * expands it. RFC 5545 leaves a DTSTART off its rule's pattern undefined
 * (some apps count it as an occurrence, ical.js and rrule do not): such a
 * rule is expanded as ical.js reads it, so what is stored is explicit and
 * our own feed cannot be read two ways.
 */
const modelRule = (
  recur: Recur,
  start: ICAL.Time,
  begin: Date,
  duration: number,
  allDay: boolean,
  reader: TimeReader,
): null | ParsedRule => {
  // the model bounds COUNT (10000): a longer one is expanded up to the horizon
  if (!MODEL_FREQUENCIES.has(recur.freq) || (recur.count ?? 0) > 10_000) return null
  const parts = recur.parts ?? {}
  const names = Object.keys(parts).filter((name) => (parts[name] ?? []).length)
  const interval = recur.interval || 1
  let byWeekday: string[] = []
  let weekOfMonth: null | number = null
  let byMonthDay: null | number = null
  for (const name of names) {
    const values = parts[name]!
    if (name === 'BYDAY') {
      const parsed = values.map((value) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(String(value)))
      if (parsed.some((match) => !match)) return null
      const ordinals = parsed.map((match) => (match![1] ? Number(match![1]) : null))
      if (ordinals.some((ordinal) => ordinal !== null)) {
        if (recur.freq !== 'MONTHLY' || parsed.length !== 1) return null
        const ordinal = ordinals[0]!
        if (ordinal !== -1 && (ordinal < 1 || ordinal > 5)) return null
        weekOfMonth = ordinal
      } else if (recur.freq === 'YEARLY') {
        return null
      }
      byWeekday = parsed.map((match) => match![2]!)
    } else if (name === 'BYMONTHDAY') {
      if (values.length !== 1) return null
      const day = Number(values[0])
      // YEARLY;BYMONTHDAY=<its own day> (Outlook) says nothing more than DTSTART
      if (recur.freq === 'YEARLY' && day === start.day) continue
      if (recur.freq !== 'MONTHLY' || (day !== -1 && (day < 1 || day > 31))) return null
      byMonthDay = day
    } else if (name === 'BYMONTH') {
      if (recur.freq !== 'YEARLY' || values.length !== 1 || Number(values[0]) !== start.month) return null
    } else {
      // BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR...: more than the model holds
      return null
    }
  }
  if (byMonthDay !== null && byWeekday.length) return null
  // a week start other than Monday changes which weeks count only when several days repeat every n weeks
  if (recur.wkst && recur.wkst !== ICAL.Time.MONDAY && interval > 1 && byWeekday.length > 1) return null
  const until = recur.until ? reader.instant(recur.until) : null
  const rule: ParsedRule = {
    allDay,
    begin: begin.toISOString(),
    byMonthDay,
    byWeekday: byWeekday.length ? byWeekday : null,
    count: recur.count ?? null,
    duration,
    finish: recur.count ? null : until ? (allDay ? utcMidnight(until).toISOString() : until.toISOString()) : null,
    frequency: recur.freq as Frequency,
    interval,
    weekOfMonth,
  }
  if (rule.finish && new Date(rule.finish) <= begin) return null
  // DTSTART must be the rule's own first instance
  const zone = reader.zone(start) ?? 'UTC'
  const [first] = instancesBetween(
    { occurrences: [], rules: [rule as RuleRow], zone },
    new Date(begin.getTime() - DAY),
    new Date(begin.getTime() + 400 * DAY),
  )
  if (!first || first.start.getTime() !== (allDay ? utcMidnight(begin) : begin).getTime()) return null
  return rule
}

const occurrenceOf = (start: Date, end: Date, allDay: boolean): ParsedOccurrence =>
  allDay
    ? {
        allDay: true,
        // DTEND of an all-day event is exclusive; the model keeps the last day
        dtEnd: new Date(Math.max(start.getTime(), end.getTime() - DAY)).toISOString(),
        dtStart: start.toISOString(),
      }
    : {
        allDay: false,
        dtEnd: new Date(Math.max(start.getTime(), end.getTime())).toISOString(),
        dtStart: start.toISOString(),
      }

const isCancelled = (component: ICAL.Component) =>
  String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED'

/** One UID's VEVENTs (the series and its changed instances) as the model's event. */
const readEvent = (
  master: ICAL.Component,
  exceptions: ICAL.Component[],
  reader: TimeReader,
  options: ParseOptions,
): ParsedEvent => {
  const uid = text(master, 'uid')!
  const title = text(master, 'summary')
  if (!title) throw new EventProblem('SUMMARY is missing')
  const startProperty = master.getFirstProperty('dtstart')
  if (!startProperty) throw new EventProblem('DTSTART is missing')
  const event = new ICAL.Event(master, { exceptions, strictExceptions: false })
  const start = event.startDate
  if (!start || Number.isNaN(start.year)) throw new EventProblem('DTSTART is not a date')
  const allDay = start.isDate
  const begin = reader.instant(start)
  const endTime = master.hasProperty('dtend') || master.hasProperty('duration') ? event.endDate : null
  const end = endTime ? reader.instant(endTime) : allDay ? new Date(begin.getTime() + DAY) : begin
  if (Number.isNaN(begin.getTime()) || Number.isNaN(end.getTime()))
    throw new EventProblem('DTSTART or DTEND is not a valid date')
  if (end < begin) throw new EventProblem('DTEND is before DTSTART')
  const duration = allDay
    ? Math.max(1, Math.round((end.getTime() - begin.getTime()) / DAY)) * 1440
    : Math.round((end.getTime() - begin.getTime()) / MINUTE)
  const base = {
    description: text(master, 'description'),
    expanded: false,
    location: text(master, 'location'),
    occurrences: [] as ParsedOccurrence[],
    rules: [] as ParsedRule[],
    timeZone: reader.zone(start),
    title,
    truncated: false,
    uid,
    url: text(master, 'url'),
  }
  const rrules = master.getAllProperties('rrule')
  if (!rrules.length && !master.hasProperty('rdate')) {
    return { ...base, occurrences: [occurrenceOf(begin, end, allDay)] }
  }
  const simple =
    rrules.length === 1 && !master.hasProperty('rdate') && !master.hasProperty('exdate') && !exceptions.length
      ? modelRule(
          rrules[0]!.getFirstValue() as Recur,
          start,
          begin,
          Math.max(allDay ? 1440 : 1, duration),
          allDay,
          reader,
        )
      : null
  if (simple)
    return { ...base, rules: [{ ...simple, duration: allDay ? allDayDays(duration) * 1440 : Math.max(1, duration) }] }
  // ical.js expands what the model cannot hold: EXDATE, RDATE, BYSETPOS, changed or cancelled instances
  const occurrences: ParsedOccurrence[] = []
  const iterator = event.iterator()
  let truncated = false
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next)
    const at = reader.instant(details.startDate)
    if (at > options.horizon) {
      truncated = true
      break
    }
    if (occurrences.length >= options.maxExpanded) {
      truncated = true
      break
    }
    if (isCancelled(details.item.component)) continue
    occurrences.push(occurrenceOf(at, reader.instant(details.endDate), details.startDate.isDate))
  }
  return { ...base, expanded: true, occurrences, truncated }
}

/**
 * Unfolded content lines, cut into the feed's VTIMEZONE and VEVENT blocks:
 * only used when ical.js cannot read the whole document, so that one broken
 * VEVENT does not lose the others (each block is still parsed by ical.js).
 */
const blocks = (source: string): { events: string[]; timezones: string[] } => {
  const lines = source.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)
  const events: string[] = []
  const timezones: string[] = []
  let current: null | string[] = null
  let kind: 'VEVENT' | 'VTIMEZONE' | null = null
  for (const line of lines) {
    const upper = line.trim().toUpperCase()
    if (!current && (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE')) {
      kind = upper === 'BEGIN:VEVENT' ? 'VEVENT' : 'VTIMEZONE'
      current = [line.trim()]
      continue
    }
    if (!current) continue
    current.push(line)
    if (upper === `END:${kind}`) {
      ;(kind === 'VEVENT' ? events : timezones).push(current.join('\r\n'))
      current = null
      kind = null
    }
  }
  if (current && kind === 'VEVENT') events.push(current.join('\r\n'))
  return { events, timezones }
}

const wrap = (body: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//python.org//import//EN\r\n${body}\r\nEND:VCALENDAR\r\n`

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/** Raised when the document is not an iCalendar feed at all. */
export class FeedUnreadable extends Error {}

/**
 * The feed's events. ical.js's timezone registry is process-wide: the
 * feed's VTIMEZONEs are registered for the parse and removed after it.
 */
export const parseIcs = (source: string, options: ParseOptions): ParsedFeed => {
  if (!/BEGIN:VCALENDAR/i.test(source))
    throw new FeedUnreadable('The document is not an iCalendar feed (no BEGIN:VCALENDAR).')
  const problems: ParseProblem[] = []
  let vevents: ICAL.Component[] = []
  let vtimezoneList: ICAL.Component[] = []
  try {
    const root = new ICAL.Component(ICAL.parse(source))
    vevents = root.getAllSubcomponents('vevent')
    vtimezoneList = root.getAllSubcomponents('vtimezone')
  } catch {
    const { events, timezones } = blocks(source)
    for (const zone of timezones) {
      try {
        vtimezoneList.push(...new ICAL.Component(ICAL.parse(wrap(zone))).getAllSubcomponents('vtimezone'))
      } catch (err) {
        problems.push({ message: `a VTIMEZONE could not be read: ${messageOf(err)}` })
      }
    }
    for (const block of events) {
      try {
        vevents.push(...new ICAL.Component(ICAL.parse(wrap(block))).getAllSubcomponents('vevent'))
      } catch (err) {
        const uid = /^UID(?:;[^:\r\n]*)?:(.+)$/im.exec(block)?.[1]?.trim()
        const summary = /^SUMMARY(?:;[^:\r\n]*)?:(.+)$/im.exec(block)?.[1]?.trim()
        problems.push({ message: `could not be read: ${messageOf(err)}`, summary, uid })
      }
    }
  }
  // a TZID the feed names without defining it: the IANA zone's definition (timezones-ical-library)
  const defined = new Set(vtimezoneList.map((zone) => zone.getFirstPropertyValue('tzid')))
  for (const match of source.matchAll(/;TZID=("?)([^":;\r\n]+)\1[:;]/gi)) {
    const tzid = match[2]!
    const iana = canonicalTimeZone(tzid)
    if (defined.has(tzid) || !iana) continue
    const block = tzlib_get_ical_block(iana)[0]
    if (typeof block !== 'string' || !block.startsWith('BEGIN:VTIMEZONE')) continue
    const zone = new ICAL.Component(ICAL.parse(wrap(block))).getFirstSubcomponent('vtimezone')
    if (!zone) continue
    zone.updatePropertyWithValue('tzid', tzid)
    vtimezoneList.push(zone)
    defined.add(tzid)
  }
  const vtimezones = new Map<string, ICAL.Component>()
  const registered: string[] = []
  for (const zone of vtimezoneList) {
    const tzid = zone.getFirstPropertyValue('tzid')
    if (typeof tzid !== 'string') continue
    vtimezones.set(tzid, zone)
    if (!ICAL.TimezoneService.has(tzid)) {
      ICAL.TimezoneService.register(zone)
      registered.push(tzid)
    }
  }
  try {
    const reader = timeReader(vtimezones, options.calendarZone)
    const masters = new Map<string, ICAL.Component>()
    const exceptions = new Map<string, ICAL.Component[]>()
    const uids = new Set<string>(problems.map((problem) => problem.uid).filter((uid): uid is string => Boolean(uid)))
    for (const vevent of vevents) {
      const uid = text(vevent, 'uid')
      if (!uid) {
        problems.push({ message: 'UID is missing', summary: text(vevent, 'summary') ?? undefined })
        continue
      }
      uids.add(uid)
      if (vevent.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent])
      else if (masters.has(uid))
        problems.push({ message: 'the UID appears twice', summary: text(vevent, 'summary') ?? undefined, uid })
      else masters.set(uid, vevent)
    }
    const events: ParsedEvent[] = []
    const cancelled: string[] = []
    for (const [uid, master] of masters) {
      if (isCancelled(master)) {
        cancelled.push(uid)
        continue
      }
      try {
        events.push(readEvent(master, exceptions.get(uid) ?? [], reader, options))
      } catch (err) {
        problems.push({ message: messageOf(err), summary: text(master, 'summary') ?? undefined, uid })
      }
    }
    // changed instances whose series is not in the feed: each its own event
    for (const [uid, changed] of exceptions) {
      if (masters.has(uid)) continue
      for (const vevent of changed) {
        try {
          const single = readEvent(vevent, [], reader, options)
          const existing = events.find((event) => event.uid === uid)
          if (existing) existing.occurrences.push(...single.occurrences)
          else events.push(single)
        } catch (err) {
          problems.push({ message: messageOf(err), summary: text(vevent, 'summary') ?? undefined, uid })
        }
      }
    }
    return { cancelled, events, problems, uids: [...uids] }
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid)
  }
}
