/**
 * GET /api/releases/rss: a valid RSS 2.0 feed of the newest published
 * releases, newest first; an unpublished release is never in it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser

const day = (offset: number) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString()

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  // 32 published releases on consecutive days (3.0.0 oldest ... 3.0.31 newest)
  for (let index = 0; index < 32; index += 1) {
    await seedRelease(t, { name: `Python 3.0.${index}`, releaseDate: day(index), slug: `python-300-${index}` })
  }
  // newer than all of them, but not published
  await seedRelease(t, { isPublished: false, name: 'Python 3.99.0 <draft> & secret', releaseDate: day(100), slug: 'python-3990-draft' })
})
afterAll(async () => {
  await t?.close()
})

type Item = { description?: string; guid: unknown; link: string; pubDate: string; title: string }

const fetchFeed = async (auth?: TestUser) => {
  const response = await t.api('GET', '/releases/rss', { auth })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    rss: { '@_version': string; channel: { item?: Item | Item[]; link: string; title: string } }
  }
  const items = parsed.rss.channel.item
  return { parsed, items: Array.isArray(items) ? items : items ? [items] : [] }
}

describe('releases RSS feed', () => {
  it('is RSS 2.0 with a channel title and link', async () => {
    const { parsed } = await fetchFeed()
    expect(parsed.rss['@_version']).toBe('2.0')
    expect(parsed.rss.channel.title).toBe('Python Releases')
    expect(parsed.rss.channel.link).toMatch(/^https?:\/\/.+\/downloads\/$/)
  })

  it('lists the newest published releases, newest first, 30 at most', async () => {
    const { items } = await fetchFeed()
    expect(items).toHaveLength(30)
    expect(items.map((item) => item.title)).toEqual(
      Array.from({ length: 30 }, (_, index) => `Python 3.0.${31 - index}`),
    )
    // dates are RFC 822 and descending
    const dates = items.map((item) => Date.parse(item.pubDate))
    expect(dates.every((value) => !Number.isNaN(value))).toBe(true)
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
    expect(items[0]!.link).toMatch(/\/downloads\/release\/python-300-31\/$/)
  })

  it('never includes an unpublished release, not even for staff', async () => {
    for (const auth of [undefined, staff]) {
      const { items } = await fetchFeed(auth)
      const text = JSON.stringify(items)
      expect(text).not.toContain('3.99.0')
      expect(text).not.toContain('python-3990-draft')
    }
  })

  it('shows a release once it is published, with its name escaped safely', async () => {
    const slug = unique('amp')
    const release = await seedRelease(t, { isPublished: false, name: 'Python 3.98.0 "fish" & <chips>', releaseDate: day(200), slug })
    expect(JSON.stringify((await fetchFeed()).items)).not.toContain(slug)

    const response = await t.api('PATCH', `/releases/${release.id}`, { auth: staff, body: { isPublished: true } })
    expect(response.status).toBe(200)
    const { items } = await fetchFeed()
    expect(items[0]!.title).toBe('Python 3.98.0 "fish" & <chips>')
    expect(items[0]!.link).toContain(`/downloads/release/${slug}/`)
  })
})
