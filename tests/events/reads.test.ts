/**
 * The event reads frontends use, REST and GraphQL from one definition:
 * upcoming (by next occurrence, soonest first, recurring ones included;
 * limit, calendar/category/location by id or slug, featured), past (most
 * recent first, none with an occurrence ahead), occurrences in a range
 * (sorted, at most 366 days). Bad arguments are 400s naming the argument.
 * The derived next/previous occurrence costs the same number of queries for
 * a list of 3 events as for a list of 15 (one batched schedule query).
 */
import type pg from 'pg'

import { makeActors, type Actors } from '../helpers/actors'
import { json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  addOccurrence,
  addRule,
  createCalendar,
  createCategory,
  createEvent,
  createVenue,
  occurrences,
  setNow,
  type Json,
} from './fixtures'

let t: TestContext
let actors: Actors
const NOW = '2026-05-01T00:00:00Z'
const ids: Record<string, string> = {}
let pycon: Json
let meetups: Json
let category: Json
let venue: Json

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  pycon = await createCalendar(t, actors.staff, { name: 'PyCon calendar', slug: 'pycon-cal' })
  meetups = await createCalendar(t, actors.staff, { name: 'Meetups', slug: 'meetups', timeZone: 'Europe/Berlin' })
  category = await createCategory(t, actors.staff, pycon.id, { name: 'Conferences', slug: 'conferences' })
  venue = await createVenue(t, actors.staff, { name: 'Hall', slug: 'hall' })
  const event = async (name: string, calendar: Json, data: Json = {}) => {
    ids[name] = (await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: name, ...data })).id
    return ids[name]!
  }
  await addOccurrence(
    t,
    actors.staff,
    await event('Conference', pycon, { categories: [category.id], featured: true, venue: venue.id }),
    {
      dtEnd: '2026-05-20T18:00:00Z',
      dtStart: '2026-05-20T10:00:00Z',
    },
  )
  await addRule(t, actors.staff, await event('Weekly meetup', meetups), {
    begin: '2026-01-06T17:00:00Z',
    byWeekday: ['TU'],
    duration: 120,
    frequency: 'WEEKLY',
  })
  await addOccurrence(t, actors.staff, await event('Soonest', pycon), {
    dtEnd: '2026-05-03T10:00:00Z',
    dtStart: '2026-05-03T09:00:00Z',
  })
  await addOccurrence(t, actors.staff, await event('Long past', pycon), {
    dtEnd: '2026-03-01T10:00:00Z',
    dtStart: '2026-03-01T09:00:00Z',
  })
  await addRule(t, actors.staff, await event('Ended series', meetups), {
    begin: '2026-01-07T17:00:00Z',
    duration: 60,
    finish: '2026-04-15T23:00:00Z',
    frequency: 'WEEKLY',
  })
  const both = await event('Past and future', pycon)
  await addOccurrence(t, actors.staff, both, { dtEnd: '2026-02-01T10:00:00Z', dtStart: '2026-02-01T09:00:00Z' })
  await addOccurrence(t, actors.staff, both, { dtEnd: '2026-06-10T10:00:00Z', dtStart: '2026-06-10T09:00:00Z' })
})
beforeEach(() => setNow(NOW))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const get = async (path: string) => {
  const response = await t.api('GET', path)
  return { body: await json(response), status: response.status }
}
const titles = (body: Json) => body.docs.map((doc: Json) => doc.title)

describe('GET /api/events/upcoming', () => {
  it('lists events by their next occurrence, soonest first, recurring ones by their next repeat', async () => {
    const { body } = await get('/events/upcoming')
    expect(titles(body)).toEqual(['Soonest', 'Weekly meetup', 'Conference', 'Past and future'])
    expect(body.totalDocs).toBe(4)
    expect(body.docs[1].nextOccurrence.start).toBe('2026-05-05T16:00:00.000Z')
    expect(body.docs[0].calendar).toMatchObject({ slug: 'pycon-cal' })
    expect((await get('/events/upcoming?depth=0')).body.docs[0].calendar).toBe(pycon.id)
  })

  it('filters by limit, calendar, category and location (id or slug), and featured', async () => {
    expect(titles((await get('/events/upcoming?limit=2')).body)).toEqual(['Soonest', 'Weekly meetup'])
    expect((await get('/events/upcoming?limit=2')).body.totalDocs).toBe(4)
    expect(titles((await get('/events/upcoming?calendar=pycon-cal')).body)).toEqual([
      'Soonest',
      'Conference',
      'Past and future',
    ])
    expect(titles((await get(`/events/upcoming?calendar=${meetups.id}`)).body)).toEqual(['Weekly meetup'])
    for (const value of ['conferences', category.id])
      expect(titles((await get(`/events/upcoming?category=${value}`)).body)).toEqual(['Conference'])
    for (const value of ['hall', venue.id])
      expect(titles((await get(`/events/upcoming?location=${value}`)).body)).toEqual(['Conference'])
    expect(titles((await get('/events/upcoming?featured=true')).body)).toEqual(['Conference'])
    expect(titles((await get('/events/upcoming?featured=false')).body)).toEqual([
      'Soonest',
      'Weekly meetup',
      'Past and future',
    ])
    expect(titles((await get('/events/upcoming?calendar=no-such-calendar')).body)).toEqual([])
  })

  it('follows the clock', async () => {
    setNow('2026-05-04T00:00:00Z')
    expect(titles((await get('/events/upcoming')).body)).toEqual(['Weekly meetup', 'Conference', 'Past and future'])
  })
})

describe('GET /api/events/past', () => {
  it('lists events with nothing ahead, the most recent first', async () => {
    const { body } = await get('/events/past')
    expect(titles(body)).toEqual(['Ended series', 'Long past'])
    // 18:00 in Berlin, summer time by then
    expect(body.docs[0].previousOccurrence.start).toBe('2026-04-15T16:00:00.000Z')
    expect(titles((await get('/events/past?limit=1')).body)).toEqual(['Ended series'])
    expect(titles((await get('/events/past?calendar=pycon-cal')).body)).toEqual(['Long past'])
  })
})

describe('GET /api/events/occurrences', () => {
  it('lists each occurrence in the range with the event’s id, title, slug, start, end, all-day and venue, sorted by start', async () => {
    const { docs, from, to } = await occurrences(t, actors.anonymous, {
      from: '2026-05-01',
      to: '2026-05-21',
      tz: 'Europe/Berlin',
    })
    expect(from).toBe('2026-04-30T22:00:00.000Z')
    expect(to).toBe('2026-05-20T22:00:00.000Z')
    expect(docs.map((item: Json) => `${item.title} ${item.start}`)).toEqual([
      'Soonest 2026-05-03T09:00:00.000Z',
      'Weekly meetup 2026-05-05T16:00:00.000Z',
      'Weekly meetup 2026-05-12T16:00:00.000Z',
      'Weekly meetup 2026-05-19T16:00:00.000Z',
      'Conference 2026-05-20T10:00:00.000Z',
    ])
    expect(docs[4]).toEqual({
      allDay: false,
      calendar: pycon.id,
      end: '2026-05-20T18:00:00.000Z',
      event: ids.Conference,
      slug: 'conference',
      start: '2026-05-20T10:00:00.000Z',
      timeZone: 'UTC',
      title: 'Conference',
      venue: { address: null, id: venue.id, name: 'Hall', slug: 'hall', timeZone: null, url: null },
    })
    const meetupsOnly = await occurrences(t, actors.anonymous, {
      calendar: 'meetups',
      from: '2026-05-01',
      to: '2026-05-21',
    })
    expect(meetupsOnly.docs.every((item: Json) => item.title === 'Weekly meetup')).toBe(true)
  })

  it('takes up to 366 days; more, or a bad argument, is a 400 naming it (REST and GraphQL)', async () => {
    expect((await get('/events/occurrences?from=2026-01-01&to=2027-01-02')).status).toBe(200)
    const cases: [string, string][] = [
      ['/events/occurrences?from=2026-01-01&to=2027-01-03', 'to'],
      ['/events/occurrences?from=2026-05-01&to=2026-04-01', 'to'],
      ['/events/occurrences?to=2026-04-01', 'from'],
      ['/events/occurrences?from=2026-13-01&to=2027-01-01', 'from'],
      ['/events/occurrences?from=2026-01-01&to=2026-02-01&tz=Mars/Olympus_Mons', 'tz'],
      ['/events/upcoming?limit=0', 'limit'],
      ['/events/upcoming?limit=many', 'limit'],
      ['/events/upcoming?featured=maybe', 'featured'],
      ['/events/past?limit=101', 'limit'],
    ]
    for (const [path, argument] of cases) {
      const { body, status } = await get(path)
      expect([path, status]).toEqual([path, 400])
      expect(body.errors[0].message).toMatch(new RegExp(`^${argument}: `))
    }
    expect((await get('/events/occurrences?from=2026-01-01&to=2027-01-03')).body.errors[0].message).toMatch(/366 days/)
    const graphql = await t.graphql('{ eventOccurrences(from: "2026-01-01", to: "2027-06-01") { totalDocs } }')
    expect(graphql.errors?.[0]?.message).toMatch(/^to: .*366 days/)
  })
})

describe('GraphQL', () => {
  it('upcomingEvents, pastEvents and eventOccurrences answer as REST does', async () => {
    const { data, errors } = await t.graphql(
      `{ upcomingEvents(limit: 2, calendar: "pycon-cal") { totalDocs docs { id title calendar { slug } nextOccurrence { start allDay } } }
         pastEvents(limit: 5) { totalDocs docs { title previousOccurrence { start } } }
         eventOccurrences(from: "2026-05-01", to: "2026-05-08", calendar: "meetups", tz: "Europe/Berlin") { totalDocs docs { event title slug start end allDay venue { name } } } }`,
    )
    expect(errors).toBeUndefined()
    expect(data.upcomingEvents).toEqual({
      docs: [
        {
          calendar: { slug: 'pycon-cal' },
          id: ids.Soonest,
          nextOccurrence: { allDay: false, start: '2026-05-03T09:00:00.000Z' },
          title: 'Soonest',
        },
        {
          calendar: { slug: 'pycon-cal' },
          id: ids.Conference,
          nextOccurrence: { allDay: false, start: '2026-05-20T10:00:00.000Z' },
          title: 'Conference',
        },
      ],
      totalDocs: 3,
    })
    expect(data.pastEvents.docs.map((doc: Json) => doc.title)).toEqual(['Ended series', 'Long past'])
    expect(data.eventOccurrences).toEqual({
      docs: [
        {
          allDay: false,
          end: '2026-05-05T18:00:00.000Z',
          event: ids['Weekly meetup'],
          slug: 'weekly-meetup',
          start: '2026-05-05T16:00:00.000Z',
          title: 'Weekly meetup',
          venue: null,
        },
      ],
      totalDocs: 1,
    })
  })
})

describe('cost of the derived occurrences', () => {
  /** SQL statements Payload sends while `work` runs. */
  const countQueries = async (work: () => Promise<unknown>) => {
    const pool = (t.payload.db as unknown as { pool: pg.Pool }).pool
    const original = pool.query.bind(pool)
    let count = 0
    pool.query = ((...args: Parameters<pg.Pool['query']>) => {
      count += 1
      return (original as (...a: unknown[]) => unknown)(...args)
    }) as pg.Pool['query']
    try {
      await work()
    } finally {
      pool.query = original
    }
    return count
  }

  it('does not grow with the number of events listed', async () => {
    const calendar = await createCalendar(t, actors.staff, { slug: 'many' })
    for (let i = 0; i < 15; i += 1) {
      const event = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: `Many ${i}` })
      await addRule(t, actors.staff, event.id, { begin: '2026-01-01T10:00:00Z', duration: 30, frequency: 'DAILY' })
    }
    const list = (limit: number) => async () => {
      const { body } = await get(`/events?where[calendar][equals]=${calendar.id}&limit=${limit}&depth=0`)
      expect(body.docs).toHaveLength(limit)
      for (const doc of body.docs) expect(doc.nextOccurrence.start).toBe('2026-05-01T10:00:00.000Z')
    }
    const few = await countQueries(list(3))
    const many = await countQueries(list(15))
    expect(few).toBeGreaterThan(0)
    expect(many).toBe(few)
  })
})
