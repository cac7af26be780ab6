/**
 * Must never happen: an unpublished event, or an occurrence or rule of one,
 * in any list, range, ICS feed, GraphQL answer or count for someone who may
 * not see it (anonymous, another member). Its submitter and staff do see
 * it. And anonymous answers show related documents as summaries: never a
 * user's account, never a calendar's import bookkeeping.
 */
import { makeActors, type Actors, type ActorName } from '../helpers/actors'
import { asRequestUser, json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  addOccurrence,
  addRule,
  createCalendar,
  createCategory,
  createEvent,
  createVenue,
  setNow,
  type Json,
} from './fixtures'

let t: TestContext
let actors: Actors
let calendar: Json
let published: Json
let draft: Json
const MARKER = `SECRET-EVENT-${Math.random().toString(36).slice(2, 8)}`
const draftIds: string[] = []
const NOW = '2026-05-01T00:00:00Z'

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  calendar = await createCalendar(t, actors.staff, {
    name: 'Visible calendar',
    slug: 'visible-calendar',
    timeZone: 'Europe/Berlin',
  })
  const category = await createCategory(t, actors.staff, calendar.id, { slug: 'conferences' })
  const venue = await createVenue(t, actors.staff, { name: 'Venue', slug: 'the-venue' })
  published = await createEvent(t, actors.owner, calendar.id, {
    categories: [category.id],
    title: 'Public event',
    venue: venue.id,
  })
  await addOccurrence(t, actors.owner, published.id, { dtEnd: '2026-06-01T12:00:00Z', dtStart: '2026-06-01T10:00:00Z' })
  await addRule(t, actors.owner, published.id, { begin: '2026-04-01T10:00:00Z', duration: 60, frequency: 'WEEKLY' })
  expect(
    (
      await t.api('PATCH', `/events/${published.id}`, {
        auth: actors.staff,
        body: { featured: true, isPublished: true },
      })
    ).status,
  ).toBe(200)
  draft = await createEvent(t, actors.owner, calendar.id, {
    categories: [category.id],
    description: MARKER,
    title: `Draft ${MARKER}`,
    venue: venue.id,
  })
  draftIds.push(draft.id)
  draftIds.push(
    (await addOccurrence(t, actors.owner, draft.id, { dtEnd: '2026-06-02T12:00:00Z', dtStart: '2026-06-02T10:00:00Z' }))
      .id,
  )
  draftIds.push(
    (await addOccurrence(t, actors.owner, draft.id, { dtEnd: '2026-03-02T12:00:00Z', dtStart: '2026-03-02T10:00:00Z' }))
      .id,
  )
  draftIds.push(
    (await addRule(t, actors.owner, draft.id, { begin: '2026-04-02T10:00:00Z', duration: 60, frequency: 'DAILY' })).id,
  )
})
beforeEach(() => setNow(NOW))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const OUTSIDERS: ActorName[] = ['anonymous', 'member']
const INSIDERS: ActorName[] = ['owner', 'staff']

/** What an actor gets back from every read path, as one text to search. */
const everything = async (name: ActorName): Promise<string> => {
  const auth = actors[name]
  const rest = [
    '/events?limit=100&depth=2',
    '/events?where[calendar][equals]=' + calendar.id,
    '/events/count',
    `/events/${draft.id}`,
    '/event-occurrences?limit=100&depth=1',
    '/event-recurring-rules?limit=100&depth=1',
    '/event-occurrences/count',
    '/events/upcoming?limit=100',
    '/events/upcoming?featured=false&calendar=visible-calendar&category=conferences&location=the-venue',
    '/events/past?limit=100',
    '/events/occurrences?from=2026-01-01&to=2026-12-31',
    '/calendars?depth=2',
    '/event-categories?depth=2',
  ]
  // the answers only (the paths asked for name the draft's id themselves)
  const texts = await Promise.all(rest.map(async (path) => (await t.api('GET', path, { auth })).text()))
  texts.push(await (await t.api('GET', '/events/ics', { auth })).text())
  texts.push(await (await t.api('GET', '/calendars/visible-calendar/ics', { auth })).text())
  const graphql = await t.graphql(
    `query ($id: String!) {
      Events(limit: 100) { totalDocs docs { id title description occurrences { docs { id } } recurringRules { docs { id } } } }
      Event(id: $id) { id title }
      countEvents { totalDocs }
      EventOccurrences(limit: 100) { totalDocs docs { id event { id title } } }
      EventRecurringRules(limit: 100) { totalDocs docs { id event { id title } } }
      countEventOccurrences { totalDocs }
      upcomingEvents(limit: 100) { totalDocs docs { id title } }
      pastEvents(limit: 100) { totalDocs docs { id title } }
      eventOccurrences(from: "2026-01-01", to: "2026-12-31") { totalDocs docs { event title } }
    }`,
    { auth, variables: { id: draft.id } },
  )
  texts.push(JSON.stringify(graphql.data), JSON.stringify(graphql.errors ?? []).replaceAll(draft.id, '<asked id>'))
  return texts.join('\n')
}

describe('an unpublished event', () => {
  it.each(OUTSIDERS)('is nowhere for %s: lists, by id, counts, ranges, upcoming, past, ICS, GraphQL', async (name) => {
    const seen = await everything(name)
    expect(seen).toContain('Public event')
    expect(seen).not.toContain(MARKER)
    for (const id of draftIds) expect(seen).not.toContain(id)
  })

  it.each(OUTSIDERS)('counts only what %s may see', async (name) => {
    const auth = actors[name]
    expect((await json(await t.api('GET', '/events/count', { auth }))).totalDocs).toBe(1)
    expect((await json(await t.api('GET', '/event-occurrences/count', { auth }))).totalDocs).toBe(1)
    expect((await json(await t.api('GET', '/events/upcoming', { auth }))).totalDocs).toBe(1)
    const graphql = await t.graphql('{ countEvents { totalDocs } countEventRecurringRules { totalDocs } }', { auth })
    expect(graphql.data).toEqual({ countEventRecurringRules: { totalDocs: 1 }, countEvents: { totalDocs: 1 } })
  })

  it('is nowhere through the Local API with access (a member, overrideAccess: false)', async () => {
    const user = await asRequestUser(t, actors.member)
    for (const collection of ['events', 'event-occurrences', 'event-recurring-rules'] as const) {
      const { docs, totalDocs } = await t.payload.find({ collection, depth: 1, overrideAccess: false, user })
      expect(JSON.stringify(docs)).not.toContain(MARKER)
      for (const id of draftIds) expect(JSON.stringify(docs)).not.toContain(id)
      expect(totalDocs).toBe(1)
    }
    await expect(
      t.payload.findByID({ collection: 'events', id: draft.id, overrideAccess: false, user }),
    ).rejects.toThrow()
  })

  it.each(INSIDERS)('is visible to %s, with its occurrences', async (name) => {
    const seen = await everything(name)
    expect(seen).toContain(MARKER)
    for (const id of draftIds) expect(seen).toContain(id)
  })

  it('stays out of the public lists once unpublished again', async () => {
    const event = await createEvent(t, actors.staff, calendar.id, { isPublished: true, title: 'Withdrawn event' })
    await addOccurrence(t, actors.staff, event.id, { dtEnd: '2026-07-01T12:00:00Z', dtStart: '2026-07-01T10:00:00Z' })
    expect(await everything('anonymous')).toContain('Withdrawn event')
    await t.api('PATCH', `/events/${event.id}`, { auth: actors.staff, body: { isPublished: false } })
    expect(await everything('anonymous')).not.toContain('Withdrawn event')
  })
})

describe('anonymous answers show summaries', () => {
  it('no user records, no import bookkeeping: calendar, venue and categories as summaries', async () => {
    const body = await json(await t.api('GET', `/events/${published.id}?depth=2`))
    expect(body.creator).toBeUndefined()
    expect(body.lastModifiedBy).toBeUndefined()
    expect(Object.keys(body.calendar).sort()).toEqual(['id', 'name', 'slug', 'timeZone'])
    expect(Object.keys(body.venue).sort()).toEqual(['address', 'id', 'name', 'slug', 'timeZone', 'url'])
    expect(Object.keys(body.categories[0]).sort()).toEqual(['calendar', 'id', 'name', 'slug'])
    const calendarBody = await json(await t.api('GET', `/calendars/${calendar.id}`))
    for (const field of ['lastImportError', 'lastImportSummary', 'creator', 'lastModifiedBy'])
      expect(calendarBody[field]).toBeUndefined()
    const occurrence = (await json(await t.api('GET', '/event-occurrences?depth=2'))).docs[0]
    expect(occurrence.event.creator).toBeUndefined()
    expect(Object.keys(occurrence.event).sort()).toEqual(['calendar', 'id', 'isPublished', 'slug', 'title', 'venue'])
    // the submitter and staff see who submitted it
    expect((await json(await t.api('GET', `/events/${published.id}?depth=0`, { auth: actors.owner }))).creator).toBe(
      actors.owner.id,
    )
    expect((await json(await t.api('GET', `/events/${published.id}?depth=0`, { auth: actors.staff }))).creator).toBe(
      actors.owner.id,
    )
    expect(
      (await json(await t.api('GET', `/events/${published.id}?depth=0`, { auth: actors.member }))).creator,
    ).toBeUndefined()
  })

  it('filtering by creator is refused to those who may not read it', async () => {
    const response = await t.api('GET', `/events?where[creator][equals]=${actors.owner.id}`)
    const body = await json(response)
    expect(JSON.stringify(body)).not.toContain(MARKER)
    if (response.status === 200) expect(body.docs).toEqual([])
    else expect(response.status).toBeLessThan(500)
  })
})
