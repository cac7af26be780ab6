/**
 * GET /api/minutes/rss is a valid RSS 2.0 document of the newest published
 * minutes, newest first (by meeting date), never drafts, whoever asks.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { seed } from './fixtures'

let t: TestContext
let staff: TestUser

const PUBLISHED_DATES = ['2023-05-02', '2024-01-15', '2022-11-30', '2024-06-01']

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  // created out of date order: the feed sorts by meeting date, not creation
  for (const date of PUBLISHED_DATES) {
    await seed(t, 'minutes', { content: `Minutes of *${date}* <script>alert(1)</script>`, contentType: 'MARKDOWN', date, isPublished: true })
  }
  await seed(t, 'minutes', { content: 'SECRET-DRAFT', date: '2025-01-01', isPublished: false })
})
afterAll(async () => {
  await t?.close()
})

const fetchFeed = async (auth?: TestUser) => {
  const response = await t.api('GET', '/minutes/rss', { auth })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml)
  return { parsed, xml }
}

describe('GET /api/minutes/rss', () => {
  it('is a well-formed RSS 2.0 document with a channel', async () => {
    const { parsed } = await fetchFeed()
    expect(parsed.rss['@_version']).toBe('2.0')
    const channel = parsed.rss.channel
    expect(channel.title).toBe('PSF Board Meeting Minutes')
    expect(channel.link).toMatch(/^https?:\/\//)
    expect(typeof channel.description).toBe('string')
  })

  it('lists the published minutes newest first, never drafts', async () => {
    for (const auth of [undefined, staff]) {
      const { parsed, xml } = await fetchFeed(auth)
      expect(xml).not.toContain('SECRET-DRAFT')
      const items = parsed.rss.channel.item as Record<string, any>[]
      const dates = items.map((item) => new Date(item.pubDate).toISOString().slice(0, 10))
      expect(dates).toEqual([...PUBLISHED_DATES].sort().reverse())
    }
  })

  it('each item has a title, a link, a guid, an RFC 822 pubDate and the rendered, sanitized HTML', async () => {
    const { parsed } = await fetchFeed()
    const [newest] = parsed.rss.channel.item as Record<string, any>[]
    expect(newest.title).toContain('2024-06-01')
    expect(newest.link).toMatch(/^https?:\/\/.+psf-board-2024-06-01\/$/)
    expect(newest.guid['#text']).toBe(newest.link)
    expect(newest.pubDate).toBe(new Date('2024-06-01T00:00:00Z').toUTCString())
    // the description is HTML carried as text: decoded, it is the rendered markup
    expect(newest.description).toContain('<em>2024-06-01</em>')
    expect(newest.description).not.toMatch(/<script/i)
  })

  it('publishing and unpublishing change the feed', async () => {
    const doc = await seed(t, 'minutes', { content: 'late', date: '2024-12-24', isPublished: false })
    expect((await fetchFeed()).xml).not.toContain('2024-12-24')
    await t.api('PATCH', `/minutes/${doc.id}`, { auth: staff, body: { isPublished: true } })
    const items = (await fetchFeed()).parsed.rss.channel.item as Record<string, any>[]
    expect(items[0].title).toContain('2024-12-24')
    await t.api('PATCH', `/minutes/${doc.id}`, { auth: staff, body: { isPublished: false } })
    expect((await fetchFeed()).xml).not.toContain('2024-12-24')
  })

  it('carries at most the 20 newest', async () => {
    for (let index = 0; index < 20; index += 1) {
      await seed(t, 'minutes', { content: 'bulk', date: `2010-01-${String(index + 1).padStart(2, '0')}`, isPublished: true })
    }
    const items = (await fetchFeed()).parsed.rss.channel.item as Record<string, any>[]
    expect(items).toHaveLength(20)
    // the newest are kept: every one of the real meetings is still there, the oldest bulk ones are not
    const dates = items.map((item) => new Date(item.pubDate).toISOString().slice(0, 10))
    expect(dates.slice(0, 4)).toEqual([...PUBLISHED_DATES].sort().reverse())
    expect(dates).not.toContain('2010-01-01')
  })
})
