/**
 * python.org's events dump (tests/fixtures/pythondotorg/events.json, public
 * data from python/pythondotorg) through the events domain's ModelMappers:
 * every row lands in its collection with its pk as legacyId, its foreign
 * keys resolved, python.org's content-managed stamps kept, and the times
 * meaning what they meant there (all-day first/last day, dateutil's DAILY,
 * Django's "00:15:00" duration).
 */
import { eventMappers } from '../../src/events/djangoImport'
import { importDjangoRows, readDump, type ImportedRows } from '../helpers/djangoImport'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { setNow, type Json } from './fixtures'

let t: TestContext
let imported: ImportedRows
let admin: string

const read = async (collection: 'calendars' | 'event-categories' | 'event-locations' | 'events', id: string) =>
  // overrideAccess: the test checks what was stored
  (await t.payload.findByID({ collection, depth: 0, id, overrideAccess: true })) as unknown as Json

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser', { username: 'admin' })
  admin = String(
    (await t.payload.find({ collection: 'users', overrideAccess: true, where: { username: { equals: 'admin' } } }))
      .docs[0]!.id,
  )
  imported = await importDjangoRows(t, eventMappers, readDump('events.json'))
})
afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('python.org events dump', () => {
  it('maps every model the dump has, one mapper each', () => {
    const models = new Set(readDump('events.json').map((row) => row.model))
    expect(new Set(eventMappers.map((mapper) => mapper.model))).toEqual(models)
  })

  it('calendars: name, slug, links, the ICS URL, python.org’s creator and dates', async () => {
    const calendar = await read('calendars', imported.idOf('events.calendar', 1))
    expect(calendar).toMatchObject({
      created: '2024-10-08T18:43:33.081Z',
      creator: admin,
      description: 'Example',
      icsUrl: null,
      legacyId: 1,
      name: 'python-events',
      rss: 'http://python.org/downloads/feed.rss',
      slug: 'python-events',
      twitter: 'https://x.com/ThePSF',
      updated: '2024-10-08T18:43:33.123Z',
    })
  })

  it('categories and locations belong to their calendar', async () => {
    const calendar = imported.idOf('events.calendar', 1)
    expect(await read('event-categories', imported.idOf('events.eventcategory', 1))).toMatchObject({
      calendar,
      legacyId: 1,
      name: 'test category',
      slug: 'test-category',
    })
    expect(await read('event-locations', imported.idOf('events.eventlocation', 1))).toMatchObject({
      address: '123 Python Way',
      calendar,
      legacyId: 1,
      name: 'Location',
    })
  })

  it('events: calendar, categories, featured, reStructuredText rendered, public, with a UID of their own', async () => {
    const category = imported.idOf('events.eventcategory', 1)
    const first = await read('events', imported.idOf('events.event', 1))
    expect(first).toMatchObject({
      calendar: imported.idOf('events.calendar', 1),
      categories: [category],
      contentType: 'RESTRUCTUREDTEXT',
      created: '2024-10-08T18:45:00.226Z',
      creator: admin,
      description: 'Example event',
      descriptionHtml: expect.stringContaining('<p>Example event</p>'),
      featured: true,
      isPublished: true,
      legacyId: 1,
      title: 'Example event',
      venue: null,
    })
    expect(first.uid).toMatch(/@python\.org$/)
    expect((await read('events', imported.idOf('events.event', 3))).categories).toEqual([])
    // the public sees them (python.org had no drafts)
    const response = await t.api('GET', `/events/${first.id}`)
    expect(response.status).toBe(200)
  })

  it('occurring and recurring rules keep their meaning: next and previous occurrences as on python.org', async () => {
    setNow('2024-10-09T00:00:00Z')
    const body = async (pk: number) =>
      (await (await t.api('GET', `/events/${imported.idOf('events.event', pk)}`)).json()) as Json
    // all-day from 7 October 2024 to 8 October 2030 (python.org kept the last day itself)
    const allDay = await body(1)
    expect(allDay.previousOccurrence).toEqual({
      allDay: true,
      end: '2030-10-08T00:00:00.000Z',
      start: '2024-10-07T00:00:00.000Z',
    })
    expect(allDay.nextOccurrence.start).toBeNull()
    // DAILY (dateutil 3) from 8 to 9 October 2024, 15 minutes; and a single occurrence a year later
    const recurring = await body(3)
    expect(recurring.previousOccurrence).toEqual({
      allDay: false,
      end: '2024-10-08T19:00:16.000Z',
      start: '2024-10-08T18:45:16.000Z',
    })
    expect(recurring.nextOccurrence).toEqual({
      allDay: false,
      end: '2024-10-09T19:00:16.000Z',
      start: '2024-10-09T18:45:16.000Z',
    })
    setNow('2024-10-10T00:00:00Z')
    expect((await body(3)).nextOccurrence.start).toBe('2025-10-08T18:45:16.000Z')
    const { docs: rules } = await t.payload.find({
      collection: 'event-recurring-rules',
      overrideAccess: true,
      where: { legacyId: { equals: 1 } },
    })
    expect(rules[0]).toMatchObject({
      count: null,
      duration: 15,
      finish: '2024-10-09T18:45:16.000Z',
      frequency: 'DAILY',
      interval: 1,
    })
    expect(imported.skipped).toEqual([])
  })

  it('a rule that finishes when it begins becomes a single repeat, and is reported', async () => {
    const rows = readDump('events.json').filter((row) => row.model === 'events.recurringrule')
    const odd = {
      ...rows[0]!,
      fields: { ...rows[0]!.fields, duration_internal: '1 02:00:00', finish: rows[0]!.fields.begin, frequency: 1 },
      pk: 99,
    }
    const skipped: string[] = []
    const mapper = eventMappers.find((candidate) => candidate.model === 'events.recurringrule')!
    const data = await mapper.toData(odd, {
      resolve: async () => 'event-id',
      siteTimeZone: 'UTC',
      skip: (_row, field) => skipped.push(field),
    })
    expect(data).toMatchObject({ count: 1, duration: 26 * 60, finish: null, frequency: 'MONTHLY' })
    expect(skipped).toEqual(['finish'])
  })
})
