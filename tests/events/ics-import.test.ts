/**
 * Importing a calendar's ICS URL (POST /api/calendars/:id/import for staff,
 * and the importCalendars jobs-queue task), with feeds served from a local
 * HTTP server as Google Calendar, Outlook and Thunderbird export them:
 * events created or updated by UID, venues by name, RRULEs kept as rules
 * where the model holds them and otherwise expanded (never dropped), all-day
 * kept, floating times on the calendar's clock, VTIMEZONE (even a Windows
 * zone name) honoured, published on import, unpublished (not deleted) when
 * they leave the feed, and a second run changing nothing. A malformed feed
 * reports each bad event and imports the rest.
 */
import fs from 'node:fs'
import path from 'node:path'

import { Calendars } from '../../collections/events/Calendars'
import { importCalendarsTask } from '../../src/events/tasks'
import { projectRoot } from '../../src/platform/paths'
import { startFeedServer, type FeedServer } from '../blogs/feedServer'
import { makeActors, type Actors } from '../helpers/actors'
import { expectUnchanged } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { createCalendar, occurrences, setNow, wallClock, type Json } from './fixtures'

let t: TestContext
let actors: Actors
let server: FeedServer

const NOW = '2026-02-25T12:00:00Z'
const fixture = (name: string) =>
  fs.readFileSync(path.join(projectRoot, 'tests/fixtures/ics', name), 'utf8').replace(/\r?\n/g, '\r\n')

const serveIcs = (route: string, body: string) =>
  server.serve(route, { body, contentType: 'text/calendar; charset=utf-8' })

beforeAll(async () => {
  server = await startFeedServer()
  t = await startTestPayload()
  actors = await makeActors(t)
})
beforeEach(() => setNow(NOW))
afterAll(async () => {
  setNow(null)
  await t?.close()
  await server?.close()
})

const runImport = async (calendar: Json, auth: Actors[keyof Actors] = actors.staff) => {
  const response = await t.api('POST', `/calendars/${calendar.id}/import`, { auth })
  expect(response.status).toBe(200)
  return (await response.json()) as Json
}

// overrideAccess on the reads below: the test checks what the import stored
const eventsOf = async (calendar: Json) =>
  (
    await t.payload.find({
      collection: 'events',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { calendar: { equals: calendar.id } },
    })
  ).docs as unknown as Json[]

const byUid = async (calendar: Json, uid: string) => (await eventsOf(calendar)).find((event) => event.uid === uid)!

const scheduleOf = async (event: Json) => {
  const [occurrenceRows, ruleRows] = await Promise.all([
    t.payload.find({
      collection: 'event-occurrences',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'dtStart',
      where: { event: { equals: event.id } },
    }),
    t.payload.find({
      collection: 'event-recurring-rules',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      where: { event: { equals: event.id } },
    }),
  ])
  return { occurrences: occurrenceRows.docs as unknown as Json[], rules: ruleRows.docs as unknown as Json[] }
}

const EVENT_TABLES = ['events', 'event-occurrences', 'event-recurring-rules', 'event-locations'] as const

describe('a Google Calendar export', () => {
  let calendar: Json
  let first: Json
  beforeAll(async () => {
    setNow(NOW)
    calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/google/basic.ics', fixture('google.ics')),
      timeZone: 'Europe/Berlin',
    })
    first = await runImport(calendar)
  })

  it('creates each event once, published, and reports what it did', async () => {
    expect(first).toMatchObject({ created: 6, failed: 0, ok: true, unpublished: 0, updated: 0 })
    const events = await eventsOf(calendar)
    expect(events.map((event) => event.title).sort()).toEqual(
      [
        'Board call',
        'Monthly Sprint Night',
        'PyBerlin Meetup',
        'PyCon DE & PyData 2026',
        'Python Study Group',
        'Typing webinar',
      ].sort(),
    )
    for (const event of events) expect(event).toMatchObject({ importStatus: 'IN_FEED', isPublished: true })
    // the cancelled event is not imported
    expect(events.find((event) => event.uid === 'c4nc3ll3d-3v3n7@google.com')).toBeUndefined()
    const stored = await t.payload.findByID({ collection: 'calendars', id: calendar.id, overrideAccess: true })
    expect(stored.lastImported).toBe(new Date(NOW).toISOString())
    expect(stored.lastImportError).toBeNull()
  })

  it('keeps a weekly BYDAY rule and a monthly "second Thursday" as rules, on the feed zone’s clock', async () => {
    const meetup = await byUid(calendar, '5q8t1v0m2a9c3e7g4i6k8m0o2q@google.com')
    const { occurrences: singles, rules } = await scheduleOf(meetup)
    expect(singles).toEqual([])
    expect(rules).toHaveLength(1)
    expect(rules[0]).toMatchObject({
      allDay: false,
      begin: '2026-03-05T18:00:00.000Z',
      byWeekday: ['TH'],
      duration: 120,
      finish: '2026-12-31T22:59:59.000Z',
      frequency: 'WEEKLY',
      interval: 1,
    })
    expect(meetup.contentType).toBe('HTML')
    const sprint = await byUid(calendar, '7h3m0n7hly5pr1n7s@google.com')
    expect((await scheduleOf(sprint)).rules[0]).toMatchObject({
      byWeekday: ['TH'],
      finish: null,
      frequency: 'MONTHLY',
      weekOfMonth: 2,
    })
    const { docs } = await occurrences(t, actors.anonymous, {
      from: '2026-03-01',
      to: '2026-05-01',
      tz: 'Europe/Berlin',
    })
    const meetups = docs.filter((item: Json) => item.event === meetup.id)
    // four Thursdays in March, five in April
    expect(meetups).toHaveLength(9)
    for (const item of meetups) expect(wallClock(item.start, 'Europe/Berlin').slice(11)).toBe('19:00')
    expect(docs.filter((item: Json) => item.event === sprint.id).map((item: Json) => item.start)).toEqual([
      '2026-03-12T17:00:00.000Z',
      '2026-04-09T16:00:00.000Z',
    ])
  })

  it('expands EXDATE and changed instances into single occurrences, dropping none', async () => {
    const study = await byUid(calendar, '0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com')
    const studySchedule = await scheduleOf(study)
    expect(studySchedule.rules).toEqual([])
    const starts = studySchedule.occurrences.map((row) => wallClock(row.dtStart, 'Europe/Berlin'))
    expect(starts).toEqual([
      '2026-03-03 18:30',
      '2026-03-10 18:30',
      '2026-03-24 18:30',
      '2026-03-31 18:30',
      '2026-04-07 18:30',
      '2026-04-14 18:30',
      '2026-04-21 18:30',
      '2026-04-28 18:30',
      '2026-05-05 18:30',
    ])
    const board = await byUid(calendar, 'm0v3d1n574nc3@google.com')
    const boardStarts = (await scheduleOf(board)).occurrences.map((row) => wallClock(row.dtStart, 'Europe/Berlin'))
    expect(boardStarts).toEqual(['2026-04-01 19:00', '2026-05-04 20:00', '2026-06-01 19:00', '2026-07-01 19:00'])
    expect(first.expanded).toBe(2)
  })

  it('keeps all-day events on their dates, UTC times as they are, and venues by name', async () => {
    const conference = await byUid(calendar, 'pyc0nde2026@google.com')
    expect((await scheduleOf(conference)).occurrences).toEqual([
      expect.objectContaining({ allDay: true, dtEnd: '2026-04-17T00:00:00.000Z', dtStart: '2026-04-15T00:00:00.000Z' }),
    ])
    const webinar = await byUid(calendar, 'w3b1n4r-ut1@google.com')
    expect((await scheduleOf(webinar)).occurrences).toEqual([
      expect.objectContaining({
        allDay: false,
        dtEnd: '2026-06-01T17:30:00.000Z',
        dtStart: '2026-06-01T16:00:00.000Z',
      }),
    ])
    expect(webinar.venue ?? null).toBeNull()
    const { docs: venues } = await t.payload.find({
      collection: 'event-locations',
      overrideAccess: true,
      pagination: false,
      where: { calendar: { equals: calendar.id } },
    })
    expect(venues.map((venue) => venue.name).sort()).toEqual(
      [
        'Betahaus, Rudi-Dutschke-Straße 23, 10969 Berlin',
        'Online',
        'c-base, Rungestraße 20, 10179 Berlin, Germany',
        'darmstadtium, Schlossgraben 1, 64283 Darmstadt, Germany',
      ].sort(),
    )
    const meetup = await byUid(calendar, '5q8t1v0m2a9c3e7g4i6k8m0o2q@google.com')
    const sprint = await byUid(calendar, '7h3m0n7hly5pr1n7s@google.com')
    expect(meetup.venue).toBe(sprint.venue)
  })

  it('changes nothing when run again on the same feed (every row compared)', async () => {
    let second: Json = {}
    await expectUnchanged(t, [...EVENT_TABLES], async () => {
      second = await runImport(calendar)
    })
    expect(second).toMatchObject({ created: 0, failed: 0, ok: true, unchanged: 6, unpublished: 0, updated: 0 })
  })

  it('updates an event whose feed entry changed, in place', async () => {
    const before = await byUid(calendar, '5q8t1v0m2a9c3e7g4i6k8m0o2q@google.com')
    const rulesBefore = (await scheduleOf(before)).rules.map((rule) => rule.id)
    const changed = fixture('google.ics')
      .replace('SUMMARY:PyBerlin Meetup', 'SUMMARY:PyBerlin Meetup at Betahaus')
      .replace(
        'LOCATION:c-base\\, Rungestraße 20\\, 10179 Berlin\\, Germany\r\nSEQUENCE:2',
        'LOCATION:Betahaus\\, Rudi-Dutschke-Straße 23\\, 10969 Berlin\r\nSEQUENCE:3',
      )
    serveIcs('/google/basic.ics', changed)
    const report = await runImport(calendar)
    expect(report).toMatchObject({ created: 0, updated: 1 })
    const after = await byUid(calendar, '5q8t1v0m2a9c3e7g4i6k8m0o2q@google.com')
    expect(after.id).toBe(before.id)
    expect(after.title).toBe('PyBerlin Meetup at Betahaus')
    expect(after.venue).not.toBe(before.venue)
    expect((await scheduleOf(after)).rules.map((rule) => rule.id)).toEqual(rulesBefore)
    serveIcs('/google/basic.ics', fixture('google.ics'))
    await runImport(calendar)
  })

  it('unpublishes (never deletes) an event that left the feed, and publishes it again when it returns', async () => {
    const webinar = await byUid(calendar, 'w3b1n4r-ut1@google.com')
    const without = fixture('google.ics').replace(/BEGIN:VEVENT\r\nDTSTART:20260601T160000Z[\s\S]*?END:VEVENT\r\n/, '')
    expect(without).not.toContain('w3b1n4r-ut1@google.com')
    serveIcs('/google/basic.ics', without)
    expect(await runImport(calendar)).toMatchObject({ unpublished: 1 })
    const gone = await byUid(calendar, 'w3b1n4r-ut1@google.com')
    expect(gone).toMatchObject({ id: webinar.id, importStatus: 'REMOVED', isPublished: false })
    expect([403, 404]).toContain((await t.api('GET', `/events/${webinar.id}`)).status)
    const { docs } = await occurrences(t, actors.anonymous, { from: '2026-06-01', to: '2026-06-02' })
    expect(docs.filter((item: Json) => item.event === webinar.id)).toEqual([])
    // a staff event in the same calendar is not the feed's to unpublish
    const own = await t.api('POST', '/events', {
      auth: actors.staff,
      body: { calendar: calendar.id, isPublished: true, title: 'Staff-made event' },
    })
    expect(own.status).toBe(201)
    serveIcs('/google/basic.ics', fixture('google.ics'))
    expect(await runImport(calendar)).toMatchObject({ republished: 1, unpublished: 0 })
    expect(await byUid(calendar, 'w3b1n4r-ut1@google.com')).toMatchObject({
      importStatus: 'IN_FEED',
      isPublished: true,
    })
    const ownDoc = (await own.json()).doc
    expect((await t.payload.findByID({ collection: 'events', id: ownDoc.id, overrideAccess: true })).isPublished).toBe(
      true,
    )
  })
})

describe('an Outlook export', () => {
  let calendar: Json
  let report: Json
  beforeAll(async () => {
    setNow(NOW)
    calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/outlook/calendar.ics', fixture('outlook.ics')),
    })
    report = await runImport(calendar)
  })

  it('reads the Windows zone name through its VTIMEZONE and keeps the weekly rule on Berlin’s clock', async () => {
    expect(report).toMatchObject({ created: 3, failed: 0, ok: true })
    const events = await eventsOf(calendar)
    const sync = events.find((event) => event.title === 'Weekly staff sync')!
    expect(sync.uid).toMatch(/^040000008200E00074C5B7101A82E008.{60,}$/)
    expect(sync.timeZone).toBe('Europe/Berlin')
    expect((await scheduleOf(sync)).rules).toEqual([
      expect.objectContaining({
        begin: '2026-03-02T17:00:00.000Z',
        byWeekday: ['MO'],
        count: 8,
        duration: 30,
        frequency: 'WEEKLY',
      }),
    ])
    const { docs } = await occurrences(t, actors.anonymous, { from: '2026-03-01', to: '2026-05-01' })
    const starts = docs
      .filter((item: Json) => item.event === sync.id)
      .map((item: Json) => wallClock(item.start, 'Europe/Berlin'))
    expect(starts).toEqual([
      '2026-03-02 18:00',
      '2026-03-09 18:00',
      '2026-03-16 18:00',
      '2026-03-23 18:00',
      '2026-03-30 18:00',
      '2026-04-06 18:00',
      '2026-04-13 18:00',
      '2026-04-20 18:00',
    ])
  })

  it('expands BYSETPOS and keeps a yearly all-day rule', async () => {
    const events = await eventsOf(calendar)
    const review = events.find((event) => event.title === 'Month-end review')!
    const reviewSchedule = await scheduleOf(review)
    expect(reviewSchedule.rules).toEqual([])
    const days = reviewSchedule.occurrences.map((row) => wallClock(row.dtStart, 'Europe/Berlin'))
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-03-31 16:00',
        '2026-04-30 16:00',
        '2026-05-29 16:00',
        '2026-08-31 16:00',
        '2026-09-30 16:00',
      ]),
    )
    const birthday = events.find((event) => event.title === "Python's birthday")!
    expect((await scheduleOf(birthday)).rules).toEqual([
      expect.objectContaining({
        allDay: true,
        begin: '2026-02-20T00:00:00.000Z',
        duration: 1440,
        finish: null,
        frequency: 'YEARLY',
      }),
    ])
  })
})

describe('a Thunderbird export', () => {
  let calendar: Json
  beforeAll(async () => {
    setNow(NOW)
    calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/thunderbird/home.ics', fixture('thunderbird.ics')),
      timeZone: 'America/Chicago',
    })
    expect(await runImport(calendar)).toMatchObject({ created: 3, failed: 0, ok: true })
  })

  it('reads floating times on the calendar’s clock', async () => {
    const planning = await byUid(calendar, '3f0c6a2e-9d41-4b6f-8e2c-7a1d5b9c0e34')
    expect((await scheduleOf(planning)).occurrences).toEqual([
      expect.objectContaining({ dtEnd: '2026-07-10T15:30:00.000Z', dtStart: '2026-07-10T14:00:00.000Z' }),
    ])
  })

  it('keeps a DAILY INTERVAL=2 rule in the feed’s zone across its DST change, and expands RDATE', async () => {
    const sprint = await byUid(calendar, '8b2e4f10-3c5d-4e6f-9a7b-1c2d3e4f5a6b')
    expect(sprint.timeZone).toBe('America/New_York')
    expect((await scheduleOf(sprint)).rules).toEqual([
      expect.objectContaining({ count: 5, frequency: 'DAILY', interval: 2 }),
    ])
    const { docs } = await occurrences(t, actors.anonymous, { from: '2026-03-01', to: '2026-04-01' })
    expect(docs.filter((item: Json) => item.event === sprint.id).map((item: Json) => item.start)).toEqual([
      '2026-03-05T15:00:00.000Z',
      '2026-03-07T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-11T14:00:00.000Z',
      '2026-03-13T14:00:00.000Z',
    ])
    const office = await byUid(calendar, 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f')
    expect((await scheduleOf(office)).occurrences.map((row) => row.dtStart)).toEqual([
      '2026-03-02T22:00:00.000Z',
      '2026-03-09T21:00:00.000Z',
      '2026-03-16T21:00:00.000Z',
      '2026-03-30T21:00:00.000Z',
    ])
  })
})

describe('a malformed feed', () => {
  it('reports each bad event by UID and imports the good ones', async () => {
    const calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/broken/events.ics', fixture('malformed.ics')),
    })
    const report = await runImport(calendar)
    expect(report).toMatchObject({ created: 2, failed: 5, ok: true })
    const problems = Object.fromEntries(
      report.problems.map((problem: Json) => [problem.uid ?? problem.summary, problem.message]),
    )
    expect(problems['no-start@example.org']).toMatch(/DTSTART/)
    expect(problems['end-before-start@example.org']).toMatch(/DTEND is before DTSTART/)
    expect(problems['An event without a UID']).toMatch(/UID/)
    expect(problems['unknown-zone@example.org']).toMatch(/Mars\/Olympus_Mons/)
    expect(problems['broken-line@example.org']).toMatch(/could not be read/)
    const events = await eventsOf(calendar)
    expect(events.map((event) => event.uid).sort()).toEqual(['good-1@example.org', 'good-2@example.org'])
    const allDay = events.find((event) => event.uid === 'good-2@example.org')!
    expect((await scheduleOf(allDay)).occurrences).toEqual([
      expect.objectContaining({ allDay: true, dtEnd: '2026-06-20T00:00:00.000Z', dtStart: '2026-06-20T00:00:00.000Z' }),
    ])
    const stored = await t.payload.findByID({ collection: 'calendars', id: calendar.id, overrideAccess: true })
    expect(stored.lastImportError).toContain('end-before-start@example.org')
  })

  it('a document that is not a calendar changes nothing and is recorded on the calendar', async () => {
    const calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/flaky/events.ics', fixture('malformed.ics')),
    })
    expect(await runImport(calendar)).toMatchObject({ created: 2, ok: true })
    server.serve('/flaky/events.ics', {
      body: '<html><body>Service unavailable</body></html>',
      contentType: 'text/html',
    })
    let report: Json = {}
    await expectUnchanged(t, ['events', 'event-occurrences'], async () => {
      report = await runImport(calendar)
    })
    expect(report.ok).toBe(false)
    expect(report.error).toMatch(/not an iCalendar feed/)
    server.serve('/flaky/events.ics', { body: 'gone', status: 500 })
    expect((await runImport(calendar)).error).toMatch(/HTTP 500/)
    const stored = await t.payload.findByID({ collection: 'calendars', id: calendar.id, overrideAccess: true })
    expect(stored.lastImportError).toMatch(/HTTP 500/)
  })
})

describe('who may import, and the schedule', () => {
  it('staff only: anonymous 401, a member 403, no ICS URL 409, unknown 404', async () => {
    const calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/who/events.ics', fixture('malformed.ics')),
    })
    expect((await t.api('POST', `/calendars/${calendar.id}/import`)).status).toBe(401)
    expect((await t.api('POST', `/calendars/${calendar.id}/import`, { auth: actors.member })).status).toBe(403)
    const plain = await createCalendar(t, actors.staff)
    expect((await t.api('POST', `/calendars/${plain.id}/import`, { auth: actors.staff })).status).toBe(409)
    expect(
      (await t.api('POST', '/calendars/00000000-0000-4000-8000-000000000000/import', { auth: actors.staff })).status,
    ).toBe(404)
    expect(await eventsOf(calendar)).toEqual([])
  })

  it('the importCalendars task runs on a schedule and imports every calendar with an ICS URL', async () => {
    expect(importCalendarsTask.schedule?.[0]?.cron).toBeTruthy()
    const calendar = await createCalendar(t, actors.staff, {
      icsUrl: serveIcs('/task/events.ics', fixture('thunderbird.ics')),
      timeZone: 'UTC',
    })
    await t.payload.jobs.queue({ input: {}, task: 'importCalendars' })
    await t.payload.jobs.run()
    expect((await eventsOf(calendar)).length).toBe(3)
    const stored = await t.payload.findByID({ collection: 'calendars', id: calendar.id, overrideAccess: true })
    expect(stored.lastImported).toBe(new Date(NOW).toISOString())
  })
})

describe('the admin', () => {
  it('offers staff an "Import now" button on the calendar, registered in the import map', () => {
    const COMPONENT = '/src/events/ImportCalendarButton#ImportCalendarButton'
    const field = Calendars.fields.find((candidate) => 'name' in candidate && candidate.name === 'importNow')
    expect(field).toMatchObject({ admin: { components: { Field: COMPONENT } }, type: 'ui' })
    const importMap = fs.readFileSync(path.join(projectRoot, 'src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain(`"${COMPONENT}"`)
    const source = fs.readFileSync(path.join(projectRoot, 'src/events/ImportCalendarButton.tsx'), 'utf8')
    // it calls the endpoint tested above, as POST
    expect(source).toMatch(/fetch\(`\/api\/calendars\/\$\{id\}\/import`, \{[^}]*method: 'POST'/)
  })
})
