/**
 * The ICS feeds (GET /api/calendars/:slug/ics, GET /api/events/ics), read
 * back with an independent parser (ical.js, not the writer): every upcoming
 * published event and nothing else; a rule as RRULE with DTSTART;TZID= and
 * DURATION; one VTIMEZONE per zone used; stable UIDs; escaped text; lines
 * folded at 75 octets. The occurrences ical.js expands from the feed (with
 * the feed's own VTIMEZONEs) are exactly those /api/events/occurrences
 * lists for the same range.
 */
import ICAL from 'ical.js'

import { startTestPayload, type TestContext } from '../helpers/harness'
import { makeActors, type Actors } from '../helpers/actors'
import {
  addOccurrence,
  addRule,
  createCalendar,
  createEvent,
  createVenue,
  occurrences,
  setNow,
  type Json,
} from './fixtures'

let t: TestContext
let actors: Actors
let calendar: Json
const NOW = '2026-03-01T12:00:00Z'
const TRICKY_TITLE = 'PyCon DE & PyData, Darmstadt; 2026 — “Pythonistas” über alles\\ a long title that must be folded'
const DRAFT = `Draft event ${Math.random().toString(36).slice(2, 8)}`

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  calendar = await createCalendar(t, actors.staff, {
    description: 'Python in Berlin',
    name: 'Python Berlin',
    slug: 'python-berlin',
    timeZone: 'Europe/Berlin',
  })
  const other = await createCalendar(t, actors.staff, { name: 'Elsewhere', timeZone: 'UTC' })
  const cbase = await createVenue(t, actors.staff, {
    address: 'Rungestraße 20, 10179 Berlin',
    name: 'c-base',
    timeZone: 'Europe/Berlin',
  })
  const nyc = await createVenue(t, actors.staff, {
    address: '1 Python Plaza, New York',
    name: 'NYC office',
    timeZone: 'America/New_York',
  })

  const meetup = await createEvent(t, actors.staff, calendar.id, {
    description: 'Talks,\nbeer; and *code*',
    isPublished: true,
    title: 'Berlin meetup',
    venue: cbase.id,
  })
  await addRule(t, actors.staff, meetup.id, {
    begin: '2026-03-05T17:00:00Z',
    byWeekday: ['TH'],
    duration: 120,
    finish: '2026-12-31T22:59:00Z',
    frequency: 'WEEKLY',
  })
  const conference = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: TRICKY_TITLE })
  await addOccurrence(t, actors.staff, conference.id, { allDay: true, dtEnd: '2026-04-16', dtStart: '2026-04-14' })
  const remote = await createEvent(t, actors.staff, calendar.id, {
    isPublished: true,
    title: 'Second Tuesday sync',
    venue: nyc.id,
  })
  // 12:00 New York on the second Tuesday, six times (spans New York's change on 8 March)
  await addRule(t, actors.staff, remote.id, {
    begin: '2026-03-10T16:00:00Z',
    byWeekday: ['TU'],
    count: 6,
    duration: 45,
    frequency: 'MONTHLY',
    weekOfMonth: 2,
  })
  // a yearly all-day rule with an end date
  const birthday = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: 'Python birthday' })
  await addRule(t, actors.staff, birthday.id, {
    allDay: true,
    begin: '2026-02-20',
    duration: 1440,
    finish: '2030-02-20',
    frequency: 'YEARLY',
  })
  // two single occurrences of one event: two VEVENTs, two UIDs
  const sprints = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: 'Sprints' })
  await addOccurrence(t, actors.staff, sprints.id, { dtEnd: '2026-05-02T16:00:00Z', dtStart: '2026-05-02T08:00:00Z' })
  await addOccurrence(t, actors.staff, sprints.id, { dtEnd: '2026-05-03T16:00:00Z', dtStart: '2026-05-03T08:00:00Z' })

  const draft = await createEvent(t, actors.owner, calendar.id, { title: DRAFT })
  await addOccurrence(t, actors.owner, draft.id, { dtEnd: '2026-06-01T12:00:00Z', dtStart: '2026-06-01T10:00:00Z' })
  const past = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: 'Long over' })
  await addOccurrence(t, actors.staff, past.id, { dtEnd: '2025-06-01T12:00:00Z', dtStart: '2025-06-01T10:00:00Z' })
  const elsewhere = await createEvent(t, actors.staff, other.id, { isPublished: true, title: 'Elsewhere event' })
  await addOccurrence(t, actors.staff, elsewhere.id, { dtEnd: '2026-07-01T12:00:00Z', dtStart: '2026-07-01T10:00:00Z' })
})
beforeEach(() => setNow(NOW))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const fetchIcs = async (path: string, auth?: Actors[keyof Actors]) => {
  const response = await t.api('GET', path, { auth })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/calendar/)
  return response.text()
}

/** The feed through ical.js: its zones registered from the feed itself, then every VEVENT. */
const parse = (text: string) => {
  const root = new ICAL.Component(ICAL.parse(text))
  const zones = root.getAllSubcomponents('vtimezone')
  for (const zone of zones) ICAL.TimezoneService.register(zone)
  return { events: root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)), root, zones }
}

/** ical.js's own expansion of every VEVENT up to `until`: "title|start" (all-day: the date). */
const expand = (events: ICAL.Event[], from: Date, until: Date): string[] => {
  const found: string[] = []
  for (const event of events) {
    const iterator = event.iterator()
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next)
      const start = details.startDate
      const end = details.endDate
      const startAt = start.toJSDate()
      if (startAt >= until) break
      if (start.isDate) {
        // a date: compare as dates (UTC midnight), as the API lists them
        const first = new Date(Date.UTC(start.year, start.month - 1, start.day))
        if (first < until && new Date(Date.UTC(end.year, end.month - 1, end.day)) > from)
          found.push(`${event.summary}|${first.toISOString()}`)
      } else if (end.toJSDate() > from) {
        found.push(`${event.summary}|${startAt.toISOString()}`)
      }
    }
  }
  return found.sort()
}

describe('GET /api/calendars/:slug/ics', () => {
  it('is text/calendar with a VTIMEZONE per zone used, RRULE with DTSTART;TZID= and DURATION, folded lines', async () => {
    const text = await fetchIcs('/calendars/python-berlin/ics')
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const { events, zones } = parse(text)
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid')).sort()).toEqual([
      'America/New_York',
      'Europe/Berlin',
    ])
    const meetup = events.find((event) => event.summary === 'Berlin meetup')!
    expect(meetup.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin')
    expect(meetup.component.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-03-05T18:00:00')
    expect((meetup.component.getFirstPropertyValue('duration') as ICAL.Duration).toSeconds()).toBe(7200)
    expect(meetup.component.hasProperty('dtend')).toBe(false)
    expect(meetup.component.getFirstPropertyValue('rrule')!.toString()).toMatch(
      /FREQ=WEEKLY.*BYDAY=TH|BYDAY=TH.*FREQ=WEEKLY/,
    )
    expect(meetup.location).toBe('c-base, Rungestraße 20, 10179 Berlin')
    expect(meetup.description).toBe('Talks,\nbeer; and *code*')
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Berlin:20260305T180000\r?$/m)
    expect(text).toMatch(/^DURATION:PT120M\r?$/m)
    const remote = events.find((event) => event.summary === 'Second Tuesday sync')!
    expect(remote.component.getFirstPropertyValue('rrule')!.toString()).toMatch(/BYDAY=\+?2TU/)
    // escaped text comes back exactly
    expect(events.find((event) => event.summary === TRICKY_TITLE)).toBeDefined()
    expect(text).toContain('PyCon DE & PyData\\, Darmstadt\\; 2026')
  })

  it('lists only upcoming published events of the calendar, whoever asks', async () => {
    for (const auth of [actors.anonymous, actors.owner, actors.staff]) {
      const titles = parse(await fetchIcs('/calendars/python-berlin/ics', auth)).events.map((event) => event.summary)
      expect(titles).not.toContain(DRAFT)
      expect(titles).not.toContain('Long over')
      expect(titles).not.toContain('Elsewhere event')
      expect(new Set(titles)).toEqual(
        new Set(['Berlin meetup', TRICKY_TITLE, 'Second Tuesday sync', 'Python birthday', 'Sprints']),
      )
    }
    const all = parse(await fetchIcs('/events/ics')).events.map((event) => event.summary)
    expect(all).toContain('Elsewhere event')
    expect(all).not.toContain(DRAFT)
    expect((await t.api('GET', '/calendars/no-such-calendar/ics')).status).toBe(404)
  })

  it('keeps UIDs stable across fetches, one per VEVENT', async () => {
    const uids = (text: string) =>
      parse(text)
        .events.map((event) => `${event.summary}|${event.uid}`)
        .sort()
    const first = uids(await fetchIcs('/calendars/python-berlin/ics'))
    setNow('2026-03-20T00:00:00Z')
    const second = uids(await fetchIcs('/calendars/python-berlin/ics'))
    expect(second).toEqual(first)
    const values = first.map((entry) => entry.split('|')[1])
    expect(new Set(values).size).toBe(values.length)
    expect(first.filter((entry) => entry.startsWith('Sprints|'))).toHaveLength(2)
  })

  it('expands (by ical.js, with the feed’s VTIMEZONEs) to exactly the occurrences the API lists', async () => {
    const from = new Date(NOW)
    const to = new Date('2027-03-01T12:00:00Z')
    const fromFeed = expand(parse(await fetchIcs('/calendars/python-berlin/ics')).events, from, to)
    const { docs } = await occurrences(t, actors.anonymous, {
      calendar: 'python-berlin',
      from: from.toISOString(),
      to: to.toISOString(),
    })
    const fromApi = docs.map((item: Json) => `${item.title}|${item.start}`).sort()
    expect(fromFeed.length).toBeGreaterThan(50)
    expect(fromFeed).toEqual(fromApi)
    // the New York rule: noon local on each second Tuesday, six times
    expect(fromApi.filter((entry: string) => entry.startsWith('Second Tuesday sync|'))).toEqual([
      'Second Tuesday sync|2026-03-10T16:00:00.000Z',
      'Second Tuesday sync|2026-04-14T16:00:00.000Z',
      'Second Tuesday sync|2026-05-12T16:00:00.000Z',
      'Second Tuesday sync|2026-06-09T16:00:00.000Z',
      'Second Tuesday sync|2026-07-14T16:00:00.000Z',
      'Second Tuesday sync|2026-08-11T16:00:00.000Z',
    ])
  })
})

describe('an event written in rich text', () => {
  it('has its text as the DESCRIPTION (and its HTML as X-ALT-DESC)', async () => {
    const rich = await createCalendar(t, actors.staff, { name: 'Rich', slug: 'rich-text-events', timeZone: 'UTC' })
    const paragraph = (text: string) => ({
      children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
      direction: 'ltr',
      format: '',
      indent: 0,
      type: 'paragraph',
      version: 1,
    })
    const event = await createEvent(t, actors.staff, rich.id, {
      contentType: 'RICHTEXT',
      descriptionRich: {
        root: {
          children: [paragraph('Sprints all day.')],
          direction: 'ltr',
          format: '',
          indent: 0,
          type: 'root',
          version: 1,
        },
      },
      isPublished: true,
      title: 'Rich sprint',
    })
    await addOccurrence(t, actors.staff, event.id, { dtEnd: '2026-05-01T18:00:00Z', dtStart: '2026-05-01T09:00:00Z' })
    const text = await fetchIcs('/calendars/rich-text-events/ics')
    const sprint = parse(text).events.find((item) => item.summary === 'Rich sprint')!
    expect(sprint.description).toBe('Sprints all day.')
    expect(text).toContain('<p>Sprints all day.</p>')
  })
})
