/**
 * Recurring rules expand on the wall clock of the event's zone (venue, else
 * calendar, else UTC): a weekly 18:00 Europe/Berlin meetup stays at 18:00
 * local across both daylight-saving changes (so its UTC time moves by an
 * hour); all-day occurrences stay on their dates whatever zone views them;
 * a ten-year daily rule answers a month with about 30 occurrences and
 * stores nothing per repeat. Checked through REST, GraphQL, and the
 * derived nextOccurrence/previousOccurrence with a fixed clock.
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { makeActors, type Actors } from '../helpers/actors'
import { query } from '../helpers/assertions'
import {
  addOccurrence,
  addRule,
  createCalendar,
  createEvent,
  createVenue,
  occurrences,
  setNow,
  wallClock,
  type Json,
} from './fixtures'

let t: TestContext
let actors: Actors
let berlin: Json
let meetup: Json

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  const calendar = await createCalendar(t, actors.staff, { timeZone: 'America/New_York' })
  berlin = await createVenue(t, actors.staff, { name: 'c-base', timeZone: 'Europe/Berlin' })
  meetup = await createEvent(t, actors.staff, calendar.id, {
    isPublished: true,
    title: 'Berlin Python meetup',
    venue: berlin.id,
  })
  // 18:00 in Berlin on Thursday 2026-03-05 (CET, UTC+1): 17:00 UTC
  await addRule(t, actors.staff, meetup.id, {
    begin: '2026-03-05T17:00:00.000Z',
    duration: 120,
    finish: '2026-12-31T23:00:00.000Z',
    frequency: 'WEEKLY',
    interval: 1,
  })
})
afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('a weekly 18:00 Europe/Berlin meetup', () => {
  it('stays at 18:00 local across the spring and autumn changes (UTC moves by an hour, local never does)', async () => {
    const { docs } = await occurrences(t, actors.anonymous, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-11-30T00:00:00Z',
    })
    const mine = docs.filter((item: Json) => item.event === meetup.id)
    expect(mine.length).toBeGreaterThan(35)
    for (const item of mine) {
      expect(wallClock(item.start, 'Europe/Berlin').slice(11)).toBe('18:00')
      expect(wallClock(item.end, 'Europe/Berlin').slice(11)).toBe('20:00')
      expect(item.timeZone).toBe('Europe/Berlin')
    }
    const starts = mine.map((item: Json) => item.start)
    // the last Thursday before and the first after 29 March (summer time begins), and around 25 October
    expect(starts).toEqual(expect.arrayContaining(['2026-03-26T17:00:00.000Z', '2026-04-02T16:00:00.000Z']))
    expect(starts).toEqual(expect.arrayContaining(['2026-10-22T16:00:00.000Z', '2026-10-29T17:00:00.000Z']))
    // every week exactly, on Thursdays
    for (let i = 1; i < mine.length; i += 1) {
      expect(wallClock(mine[i].start, 'Europe/Berlin').slice(0, 10)).toBe(
        wallClock(
          new Date(new Date(mine[i - 1].start).getTime() + 7 * 86_400_000).toISOString(),
          'Europe/Berlin',
        ).slice(0, 10),
      )
    }
  })

  it('next and previous occurrence follow the clock, on the local 18:00 in summer and winter', async () => {
    setNow('2026-03-27T12:00:00Z')
    let event = (await (await t.api('GET', `/events/${meetup.id}`)).json()) as Json
    expect(event.previousOccurrence.start).toBe('2026-03-26T17:00:00.000Z')
    expect(event.nextOccurrence).toMatchObject({
      allDay: false,
      end: '2026-04-02T18:00:00.000Z',
      start: '2026-04-02T16:00:00.000Z',
    })
    setNow('2026-10-25T12:00:00Z')
    event = (await (await t.api('GET', `/events/${meetup.id}`)).json()) as Json
    expect(event.previousOccurrence.start).toBe('2026-10-22T16:00:00.000Z')
    expect(event.nextOccurrence.start).toBe('2026-10-29T17:00:00.000Z')
    // exactly at an occurrence's start it is the previous one; the next is a week on
    setNow('2026-10-29T17:00:00Z')
    event = (await (await t.api('GET', `/events/${meetup.id}`)).json()) as Json
    expect(event.previousOccurrence.start).toBe('2026-10-29T17:00:00.000Z')
    expect(event.nextOccurrence.start).toBe('2026-11-05T17:00:00.000Z')
    // after finish: no next
    setNow('2027-01-10T00:00:00Z')
    event = (await (await t.api('GET', `/events/${meetup.id}`)).json()) as Json
    expect(event.nextOccurrence).toEqual({ allDay: null, end: null, start: null })
    expect(event.previousOccurrence.start).toBe('2026-12-31T17:00:00.000Z')
    setNow(null)
  })

  it('GraphQL answers the same derived values and occurrences', async () => {
    setNow('2026-03-27T12:00:00Z')
    const { data, errors } = await t.graphql(
      `query ($id: String!) { Event(id: $id) { nextOccurrence { start end allDay } previousOccurrence { start } }
        eventOccurrences(from: "2026-03-20T00:00:00Z", to: "2026-04-10T00:00:00Z") { totalDocs docs { event start end allDay timeZone venue { name timeZone } } } }`,
      { variables: { id: meetup.id } },
    )
    setNow(null)
    expect(errors).toBeUndefined()
    expect(data.Event.nextOccurrence).toEqual({
      allDay: false,
      end: '2026-04-02T18:00:00.000Z',
      start: '2026-04-02T16:00:00.000Z',
    })
    expect(data.Event.previousOccurrence.start).toBe('2026-03-26T17:00:00.000Z')
    const mine = data.eventOccurrences.docs.filter((item: Json) => item.event === meetup.id)
    expect(mine.map((item: Json) => item.start)).toEqual([
      '2026-03-26T17:00:00.000Z',
      '2026-04-02T16:00:00.000Z',
      '2026-04-09T16:00:00.000Z',
    ])
    expect(mine[0].venue).toEqual({ name: 'c-base', timeZone: 'Europe/Berlin' })
  })
})

describe('the zone an event recurs in', () => {
  it('is the venue’s, else the calendar’s, else UTC', async () => {
    const zoned = await createCalendar(t, actors.staff, { timeZone: 'America/New_York' })
    const plain = await createCalendar(t, actors.staff)
    const inCalendarZone = await createEvent(t, actors.staff, zoned.id, { isPublished: true })
    const inUtc = await createEvent(t, actors.staff, plain.id, { isPublished: true })
    // 09:00 New York (EST, UTC-5) on 2026-03-02; New York changes on 8 March
    for (const event of [inCalendarZone, inUtc]) {
      await addRule(t, actors.staff, event.id, {
        begin: '2026-03-02T14:00:00.000Z',
        count: 3,
        duration: 30,
        frequency: 'WEEKLY',
      })
    }
    const { docs } = await occurrences(t, actors.anonymous, { from: '2026-03-01', to: '2026-03-31' })
    const startsOf = (id: string) => docs.filter((item: Json) => item.event === id).map((item: Json) => item.start)
    expect(startsOf(inCalendarZone.id)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ])
    expect(startsOf(inUtc.id)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ])
  })
})

describe('all-day occurrences', () => {
  it('stay on their dates in every viewing zone, single and recurring', async () => {
    const calendar = await createCalendar(t, actors.staff, { timeZone: 'Pacific/Auckland' })
    const event = await createEvent(t, actors.staff, calendar.id, { isPublished: true })
    // sent with times of day (the end's earlier than the start's): kept as the dates they name
    await addOccurrence(t, actors.staff, event.id, {
      allDay: true,
      dtEnd: '2026-06-03T01:30:00Z',
      dtStart: '2026-06-01T22:30:00Z',
    })
    // a one-day occurrence whose end time is before its start time on the same date is fine too
    const oneDay = await createEvent(t, actors.staff, calendar.id, { isPublished: true })
    await addOccurrence(t, actors.staff, oneDay.id, {
      allDay: true,
      dtEnd: '2026-06-10T08:00:00Z',
      dtStart: '2026-06-10T20:00:00Z',
    })
    await addRule(t, actors.staff, event.id, {
      allDay: true,
      begin: '2026-07-04',
      count: 2,
      duration: 1440,
      frequency: 'YEARLY',
    })
    for (const tz of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata']) {
      const { docs } = await occurrences(t, actors.anonymous, { from: '2026-05-01', to: '2026-08-01', tz })
      const mine = docs.filter((item: Json) => item.event === event.id)
      expect(mine).toEqual([
        expect.objectContaining({ allDay: true, end: '2026-06-03T00:00:00.000Z', start: '2026-06-01T00:00:00.000Z' }),
        expect.objectContaining({ allDay: true, end: '2026-07-04T00:00:00.000Z', start: '2026-07-04T00:00:00.000Z' }),
      ])
    }
    // a range covering only 3 June in Los Angeles still finds the June occurrence (its last day)
    const { docs } = await occurrences(t, actors.anonymous, {
      from: '2026-06-03',
      to: '2026-06-04',
      tz: 'America/Los_Angeles',
    })
    expect(docs.filter((item: Json) => item.event === event.id)).toHaveLength(1)
    const { docs: after } = await occurrences(t, actors.anonymous, {
      from: '2026-06-04',
      to: '2026-06-05',
      tz: 'America/Los_Angeles',
    })
    expect(after.filter((item: Json) => item.event === event.id)).toHaveLength(0)
  })
})

describe('long rules', () => {
  it('a daily rule over ten years answers a month with its 31 days and stores one row', async () => {
    const calendar = await createCalendar(t, actors.staff, { timeZone: 'Europe/London' })
    const event = await createEvent(t, actors.staff, calendar.id, { isPublished: true })
    await addRule(t, actors.staff, event.id, {
      begin: '2020-01-01T09:00:00Z',
      duration: 15,
      finish: '2030-01-01T09:00:00Z',
      frequency: 'DAILY',
    })
    const { docs } = await occurrences(t, actors.anonymous, {
      from: '2027-03-01',
      to: '2027-04-01',
      tz: 'Europe/London',
    })
    const mine = docs.filter((item: Json) => item.event === event.id)
    expect(mine).toHaveLength(31)
    for (const item of mine) expect(wallClock(item.start, 'Europe/London').slice(11)).toBe('09:00')
    const rows = await query(t, 'SELECT count(*)::int AS n FROM event_recurring_rules WHERE event_id = $1', [event.id])
    expect(rows.rows[0].n).toBe(1)
    const singles = await query(t, 'SELECT count(*)::int AS n FROM event_occurrences WHERE event_id = $1', [event.id])
    expect(singles.rows[0].n).toBe(0)
  })

  it('an open-ended weekly rule has a next occurrence years later, and a range far ahead', async () => {
    const calendar = await createCalendar(t, actors.staff, { timeZone: 'Europe/Berlin' })
    const event = await createEvent(t, actors.staff, calendar.id, { isPublished: true })
    await addRule(t, actors.staff, event.id, {
      begin: '2015-01-06T18:30:00Z',
      byWeekday: ['TU', 'TH'],
      duration: 90,
      frequency: 'WEEKLY',
      interval: 2,
    })
    setNow('2040-06-01T00:00:00Z')
    const doc = (await (await t.api('GET', `/events/${event.id}`)).json()) as Json
    setNow(null)
    expect(new Date(doc.nextOccurrence.start) > new Date('2040-06-01T00:00:00Z')).toBe(true)
    expect(['Tue', 'Thu']).toContain(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(
        new Date(doc.nextOccurrence.start),
      ),
    )
    expect(wallClock(doc.nextOccurrence.start, 'Europe/Berlin').slice(11)).toBe('19:30')
    const { docs } = await occurrences(t, actors.anonymous, {
      from: '2040-06-01',
      to: '2040-07-01',
      tz: 'Europe/Berlin',
    })
    const mine = docs.filter((item: Json) => item.event === event.id)
    // every other week, Tuesday and Thursday: four or five in a month
    expect(mine.length).toBeGreaterThanOrEqual(4)
    expect(mine.length).toBeLessThanOrEqual(5)
  })
})
