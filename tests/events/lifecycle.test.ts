/**
 * What goes with what: deleting an event deletes its occurrences and rules;
 * deleting a calendar deletes its events (and their times), categories and
 * venues, as python.org's cascades did; deleting a category takes it off
 * its events; deleting a venue leaves its events without one. Derived
 * fields are not filters: asking to filter or sort on them is a client
 * error, never a 500.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { addOccurrence, addRule, createCalendar, createCategory, createEvent, createVenue, type Json } from './fixtures'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

// overrideAccess: the test counts what is stored
const count = async (
  collection: 'event-categories' | 'event-locations' | 'event-occurrences' | 'event-recurring-rules' | 'events',
  where: Json,
) => (await t.payload.count({ collection, overrideAccess: true, where })).totalDocs

const withTimes = async (calendar: Json, data: Json = {}) => {
  const event = await createEvent(t, actors.staff, calendar.id, data)
  await addOccurrence(t, actors.staff, event.id, { dtEnd: '2026-06-01T12:00:00Z', dtStart: '2026-06-01T10:00:00Z' })
  await addRule(t, actors.staff, event.id, {
    begin: '2026-06-02T10:00:00Z',
    count: 4,
    duration: 30,
    frequency: 'WEEKLY',
  })
  return event
}

describe('deleting', () => {
  it('an event deletes its occurrences and rules (staff only)', async () => {
    const calendar = await createCalendar(t, actors.staff)
    const event = await withTimes(calendar)
    expect([401, 403]).toContain((await t.api('DELETE', `/events/${event.id}`)).status)
    expect((await t.api('DELETE', `/events/${event.id}`, { auth: actors.staff })).status).toBe(200)
    expect(await count('event-occurrences', { event: { equals: event.id } })).toBe(0)
    expect(await count('event-recurring-rules', { event: { equals: event.id } })).toBe(0)
  })

  it('a calendar deletes its events, their times, its categories and venues', async () => {
    const calendar = await createCalendar(t, actors.staff)
    const category = await createCategory(t, actors.staff, calendar.id)
    const venue = await createVenue(t, actors.staff, { calendar: calendar.id })
    const event = await withTimes(calendar, { categories: [category.id], venue: venue.id })
    expect((await t.api('DELETE', `/calendars/${calendar.id}`, { auth: actors.staff })).status).toBe(200)
    expect(await count('events', { id: { equals: event.id } })).toBe(0)
    expect(await count('event-occurrences', { event: { equals: event.id } })).toBe(0)
    expect(await count('event-recurring-rules', { event: { equals: event.id } })).toBe(0)
    expect(await count('event-categories', { id: { equals: category.id } })).toBe(0)
    expect(await count('event-locations', { id: { equals: venue.id } })).toBe(0)
  })

  it('a category takes it off its events; a venue leaves its events without one', async () => {
    const calendar = await createCalendar(t, actors.staff)
    const category = await createCategory(t, actors.staff, calendar.id)
    const venue = await createVenue(t, actors.staff)
    const event = await withTimes(calendar, { categories: [category.id], venue: venue.id })
    expect((await t.api('DELETE', `/event-categories/${category.id}`, { auth: actors.staff })).status).toBe(200)
    expect((await t.api('DELETE', `/event-locations/${venue.id}`, { auth: actors.staff })).status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'events', depth: 0, id: event.id, overrideAccess: true })
    expect(stored.categories).toEqual([])
    expect(stored.venue ?? null).toBeNull()
  })
})

describe('derived fields', () => {
  it('are not stored, and filtering or sorting on them is a client error, not a 500', async () => {
    const calendar = await createCalendar(t, actors.staff)
    await withTimes(calendar, { isPublished: true })
    for (const path of [
      '/events?where[nextOccurrence.start][greater_than]=2026-01-01',
      '/events?where[or][0][previousOccurrence.start][exists]=true',
      '/events?sort=-nextOccurrence.start',
      '/events/count?where[nextOccurrence.allDay][equals]=true',
    ]) {
      const response = await t.api('GET', path)
      expect([path, response.status]).toEqual([path, 400])
      expect((await json(response)).errors[0].message).toMatch(/^(next|previous)Occurrence: derived/)
    }
    const graphql = await t.graphql('{ Events(sort: "nextOccurrence.start") { docs { id } } }')
    expect(graphql.errors?.[0]?.message).toMatch(/^nextOccurrence: derived/)
    // a client cannot write them
    const event = await createEvent(t, actors.staff, calendar.id, { nextOccurrence: { start: '2030-01-01T00:00:00Z' } })
    expect(event.nextOccurrence.start).toBeNull()
  })
})
