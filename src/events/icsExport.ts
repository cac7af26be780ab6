/**
 * iCalendar feeds a calendar app can subscribe to: GET /api/calendars/:slug/ics
 * (one calendar) and GET /api/events/ics (all). Every published event that
 * has not finished; a recurring rule is one VEVENT with RRULE, DTSTART;TZID=
 * on the event's zone and DURATION, each single occurrence a VEVENT of its
 * own, and a VTIMEZONE for every zone used. Written by `ical-generator`
 * (escaping, folding at 75 octets); VTIMEZONE blocks come from
 * `timezones-ical-library`, which ships the IANA rules as ready VTIMEZONE
 * text, has no dependencies and follows tzdata releases.
 */
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { TZDate } from '@date-fns/tz'
import ical, { type ICalCalendar } from 'ical-generator'
import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'
import * as rruleModule from 'rrule'
import type { Options } from 'rrule'
import { tzlib_get_ical_block } from 'timezones-ical-library'

import type { Calendar, Event, EventCategory, EventLocation } from '../../payload-types'
import { now } from '../platform/clock'
import {
  allDayDays,
  DAY,
  nextAndPrevious,
  type OccurrenceRow,
  type RuleRow,
  type Schedule,
  span,
  utcMidnight,
  WEEKDAYS,
} from './recurrence'
import { candidatesBetween, loadSchedules } from './schedules'

const { RRule } = (
  (rruleModule as { RRule?: unknown }).RRule
    ? rruleModule
    : (rruleModule as unknown as { default: typeof rruleModule }).default
) as typeof rruleModule

/** ical-generator offers no DURATION property: it is written as this X- name and renamed (same length class, never folded differently in practice). */
const DURATION_MARK = 'X-PDO-DURATION'

const vtimezone = (zone: string): null | string => {
  const block = tzlib_get_ical_block(zone)
  return Array.isArray(block) && typeof block[0] === 'string' && block[0].startsWith('BEGIN:VTIMEZONE')
    ? block[0]
    : null
}

const inZone = (instant: Date, zone: string) => new TZDate(instant.getTime(), zone)

const ymd = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '')

/** The RRULE of a stored rule, by the `rrule` package (its UNTIL a UTC instant, or a date for all-day rules). */
const rruleText = (rule: RuleRow): string => {
  const options: Partial<Options> = { freq: RRule[rule.frequency], interval: rule.interval }
  const days = (rule.byWeekday ?? []).map((day) => WEEKDAYS.indexOf(day as never)).filter((index) => index >= 0)
  if (rule.frequency === 'MONTHLY' && rule.weekOfMonth && days.length === 1) {
    options.byweekday = [RRule[WEEKDAYS[days[0]!]!].nth(rule.weekOfMonth)]
  } else if (days.length && rule.frequency !== 'YEARLY') options.byweekday = days
  if (rule.frequency === 'MONTHLY' && rule.byMonthDay) options.bymonthday = [rule.byMonthDay]
  if (rule.count) options.count = rule.count
  else if (rule.finish) options.until = new Date(rule.finish)
  let text = RRule.optionsToString(options)
  if (rule.allDay && rule.finish && !rule.count)
    text = text.replace(/UNTIL=\d{8}T\d{6}Z/, `UNTIL=${ymd(utcMidnight(new Date(rule.finish)))}`)
  return text.startsWith('RRULE:') ? text : `RRULE:${text}`
}

type Component = { kind: 'occurrence'; row: OccurrenceRow } | { kind: 'rule'; row: RuleRow }

/**
 * Stable UIDs: the event's own UID for its first component (by creation),
 * `<component id>-<event UID>` for the others, so a calendar app keeps
 * recognising each of them across refreshes.
 */
const components = (schedule: Schedule): { component: Component; uidPrefix: string }[] => {
  const all: Component[] = [
    ...schedule.occurrences.map((row) => ({ kind: 'occurrence' as const, row })),
    ...schedule.rules.map((row) => ({ kind: 'rule' as const, row })),
  ].sort(
    (a, b) =>
      (a.row.createdAt?.getTime() ?? 0) - (b.row.createdAt?.getTime() ?? 0) ||
      String(a.row.id).localeCompare(String(b.row.id)),
  )
  return all.map((component, index) => ({ component, uidPrefix: index === 0 ? '' : `${component.row.id}-` }))
}

/** Not over yet: a single occurrence that has not ended, a rule with an instance ahead or going on. */
const stillOn = (component: Component, zone: string, at: Date): boolean => {
  const schedule: Schedule =
    component.kind === 'rule'
      ? { occurrences: [], rules: [component.row], zone }
      : { occurrences: [component.row], rules: [], zone }
  const { next, previous } = nextAndPrevious(schedule, at)
  return Boolean(next || (previous && span(previous, zone).to > at))
}

type IcsEvent = Pick<
  Event,
  | 'categories'
  | 'contentType'
  | 'description'
  | 'descriptionHtml'
  | 'descriptionRich'
  | 'id'
  | 'title'
  | 'uid'
  | 'updatedAt'
  | 'venue'
>

/** The description as text: the source as written, or the text of rich text. */
const plainDescription = (event: IcsEvent): string =>
  (event.contentType === 'RICHTEXT'
    ? event.descriptionRich
      ? convertLexicalToPlaintext({ data: event.descriptionRich as never })
      : ''
    : event.description) ?? ''

const addEvent = (cal: ICalCalendar, event: IcsEvent, schedule: Schedule, at: Date) => {
  const zone = schedule.zone
  const venue = event.venue && typeof event.venue === 'object' ? (event.venue as EventLocation) : null
  const location = venue ? [venue.name, venue.address].filter(Boolean).join(', ') : null
  const categories = (event.categories ?? [])
    .map((category) => (category && typeof category === 'object' ? (category as EventCategory).name : null))
    .filter((name): name is string => Boolean(name))
  const uid = event.uid || `${event.id}@python.org`
  const plain = plainDescription(event)
  for (const { component, uidPrefix } of components(schedule)) {
    if (!stillOn(component, zone, at)) continue
    const common = {
      categories: categories.map((name) => ({ name })),
      description: plain ? { html: event.descriptionHtml ?? undefined, plain } : null,
      id: `${uidPrefix}${uid}`,
      location,
      stamp: new Date(event.updatedAt),
      summary: event.title,
    }
    if (component.kind === 'occurrence') {
      const row = component.row
      if (row.allDay) {
        const first = utcMidnight(new Date(row.dtStart))
        const last = utcMidnight(new Date(row.dtEnd))
        // DTEND of an all-day event is the day after the last (exclusive)
        cal.createEvent({
          ...common,
          allDay: true,
          end: inZone(new Date(Math.max(last.getTime(), first.getTime()) + DAY), 'UTC'),
          start: inZone(first, 'UTC'),
        })
      } else {
        cal.createEvent({
          ...common,
          end: inZone(new Date(row.dtEnd), zone),
          start: inZone(new Date(row.dtStart), zone),
          timezone: zone === 'UTC' ? null : zone,
        })
      }
      continue
    }
    const rule = component.row
    const duration = rule.allDay ? `P${allDayDays(rule.duration)}D` : `PT${rule.duration}M`
    cal.createEvent({
      ...common,
      ...(rule.allDay
        ? { allDay: true, start: inZone(utcMidnight(new Date(rule.begin)), 'UTC') }
        : { start: inZone(new Date(rule.begin), zone), timezone: zone === 'UTC' ? null : zone }),
      repeating: rruleText(rule),
      x: [[DURATION_MARK, duration]],
    })
  }
}

/**
 * The feed of the published events of `calendar` (or of all calendars) that
 * are not over at `now()`. Published only, whoever asks: a subscribed
 * calendar app must never receive a draft.
 */
export const buildIcs = async (
  req: PayloadRequest,
  calendar: null | Pick<Calendar, 'description' | 'id' | 'name' | 'slug'>,
) => {
  const at = now()
  const cal = ical({
    description: calendar?.description ?? 'Python events from python.org',
    name: calendar ? calendar.name : 'Python events',
    prodId: '//python.org//Events//EN',
    timezone: { generator: vtimezone, name: null },
    ttl: 60 * 60,
  })
  const candidates = await candidatesBetween(req, at, new Date(at.getTime() + 200 * 365 * DAY))
  if (candidates.length) {
    const where: Where[] = [{ id: { in: candidates } }, { isPublished: { equals: true } }]
    if (calendar) where.push({ calendar: { equals: calendar.id } })
    const { docs } = await req.payload.find({
      collection: 'events',
      depth: 1,
      overrideAccess: false,
      pagination: false,
      req,
      select: {
        categories: true,
        contentType: true,
        description: true,
        descriptionHtml: true,
        descriptionRich: true,
        title: true,
        uid: true,
        updatedAt: true,
        venue: true,
      },
      sort: 'createdAt',
      where: { and: where },
    })
    const schedules = await loadSchedules(
      req,
      docs.map((doc) => String(doc.id)),
    )
    for (const doc of docs) {
      const schedule = schedules.get(String(doc.id))
      if (schedule) addEvent(cal, doc as IcsEvent, schedule, at)
    }
  }
  return cal.toString().replace(new RegExp(`^${DURATION_MARK}:`, 'gm'), 'DURATION:')
}

const icsResponse = (body: string, filename: string) =>
  new Response(body, {
    headers: {
      'Cache-Control': 'public, max-age=300',
      'Content-Disposition': `inline; filename="${filename}.ics"`,
      'Content-Type': 'text/calendar; charset=utf-8',
    },
  })

/** GET /api/calendars/:slug/ics */
export const calendarIcsEndpoint: Endpoint = {
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const { docs } = await req.payload.find({
      collection: 'calendars',
      depth: 0,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      select: { description: true, name: true, slug: true },
      where: { slug: { equals: slug } },
    })
    const calendar = docs[0]
    if (!calendar) throw new APIError(`No calendar "${slug.slice(0, 200)}".`, 404, undefined, true)
    return icsResponse(await buildIcs(req, calendar as Calendar), calendar.slug)
  },
  method: 'get',
  path: '/:slug/ics',
}

/** GET /api/events/ics */
export const eventsIcsEndpoint: Endpoint = {
  handler: async (req) => icsResponse(await buildIcs(req, null), 'python-events'),
  method: 'get',
  path: '/ics',
}
