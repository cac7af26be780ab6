/**
 * The blogs API: the staff-only "fetch this feed now" endpoint, feed
 * aggregates' merged entries, and who may read and write feeds and entries
 * over REST and GraphQL.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { type FeedServer, MALFORMED_FEED, pythonInsider, pythonInsiderPosts, startFeedServer, unique } from './feedServer'

let t: TestContext
let server: FeedServer
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  server = await startFeedServer()
  t = await startTestPayload({ FEED_FETCH_TIMEOUT_MS: '1000' })
  await t.makeUser('superuser') // the first account of a database is a superuser
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
  await server?.close()
})

// overrideAccess on fixtures and read-backs: the test sets up and inspects, no user acts
const createFeed = async (feedUrl: string, overrides: Record<string, unknown> = {}) =>
  t.payload.create({
    collection: 'feeds',
    data: { feedUrl, isActive: true, name: unique('feed'), ...overrides },
    overrideAccess: true,
  })

const createEntry = async (feed: string, title: string, pubDate: string, overrides: Record<string, unknown> = {}) => {
  const guid = unique('guid')
  return t.payload.create({
    collection: 'blog-entries',
    data: { feed, guid, pubDate, title, url: `https://blog.example/${guid}`, ...overrides },
    overrideAccess: true,
  })
}

const countEntries = async (feed: string) =>
  (await t.payload.count({ collection: 'blog-entries', overrideAccess: true, where: { feed: { equals: feed } } })).totalDocs

describe('POST /api/feeds/:id/fetch', () => {
  it('lets staff fetch one feed now and answers with what it stored', async () => {
    const tag = unique('trigger')
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: pythonInsider(tag) }))
    const response = await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ created: 3, feed: feed.id, ok: true, updated: 0 })
    expect(await countEntries(feed.id)).toBe(3)

    const again = await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    expect(await again.json()).toMatchObject({ created: 0, ok: true, unchanged: 3, updated: 0 })
    expect(await countEntries(feed.id)).toBe(3)
  })

  it('answers a broken feed with its error, recorded on the feed', async () => {
    const tag = unique('trigger-bad')
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: MALFORMED_FEED }))
    const response = await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { error: string; ok: boolean }
    expect(body.ok).toBe(false)
    expect(body.error).toMatch(/not well-formed XML/)
    const stored = await t.payload.findByID({ collection: 'feeds', id: feed.id, overrideAccess: true })
    expect(stored.lastError).toBe(body.error)
  })

  it('refuses members (403) and anonymous callers (401) without fetching', async () => {
    const tag = unique('trigger-denied')
    const path = `/${tag}/feed.rss`
    const feed = await createFeed(server.serve(path, { body: pythonInsider(tag) }))
    expect((await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: member })).status).toBe(403)
    expect((await t.api('POST', `/feeds/${feed.id}/fetch`)).status).toBe(401)
    expect(server.requests).not.toContain(path)
    expect(await countEntries(feed.id)).toBe(0)
  })

  it('answers 404 for an unknown feed, 400 for a malformed id and 409 for an inactive feed', async () => {
    const unknown = await t.api('POST', '/feeds/3f2b8c1e-0000-4000-8000-000000000000/fetch', { auth: staff })
    expect(unknown.status).toBe(404)
    const malformed = await t.api('POST', '/feeds/not-a-uuid/fetch', { auth: staff })
    expect(malformed.status).toBe(400)
    expect(JSON.stringify(await malformed.json())).toMatch(/not a feed id/)

    const tag = unique('trigger-inactive')
    const path = `/${tag}/feed.rss`
    const inactive = await createFeed(server.serve(path, { body: pythonInsider(tag) }), { isActive: false })
    expect((await t.api('POST', `/feeds/${inactive.id}/fetch`, { auth: staff })).status).toBe(409)
    expect(server.requests).not.toContain(path)
  })
})

describe('GET /api/feed-aggregates/:slug/entries', () => {
  let slug: string
  let titles: string[]

  beforeAll(async () => {
    const a = await createFeed(`https://a.example/${unique('a')}.rss`)
    const b = await createFeed(`https://b.example/${unique('b')}.rss`, { name: 'Blog B' })
    const outside = await createFeed(`https://c.example/${unique('c')}.rss`)
    await createEntry(a.id, 'a-2024', '2024-03-01T00:00:00.000Z')
    await createEntry(b.id, 'b-2026', '2026-01-15T00:00:00.000Z')
    await createEntry(outside.id, 'outside-2025', '2025-06-01T00:00:00.000Z')
    await createEntry(a.id, 'a-2025', '2025-09-30T00:00:00.000Z')
    await createEntry(b.id, 'b-2023', '2023-12-31T00:00:00.000Z')
    slug = unique('planet')
    await t.payload.create({
      collection: 'feed-aggregates',
      data: { feeds: [a.id, b.id], name: 'Planet Python', slug },
      overrideAccess: true,
    })
    titles = ['b-2026', 'a-2025', 'a-2024', 'b-2023']
  })

  it('merges the entries of its feeds only, newest first, for anyone', async () => {
    const response = await t.api('GET', `/feed-aggregates/${slug}/entries`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { aggregate: { slug: string }; docs: { feed: { name: string }; title: string }[]; totalDocs: number }
    expect(body.docs.map((doc) => doc.title)).toEqual(titles)
    expect(body.totalDocs).toBe(4)
    expect(body.aggregate.slug).toBe(slug)
    // each entry names its blog
    expect(body.docs[0]!.feed.name).toBe('Blog B')
  })

  it('paginates with limit and page', async () => {
    const response = await t.api('GET', `/feed-aggregates/${slug}/entries?limit=3&page=2`)
    const body = (await response.json()) as { docs: { title: string }[]; page: number; totalPages: number }
    expect(body.docs.map((doc) => doc.title)).toEqual(titles.slice(3))
    expect(body.page).toBe(2)
    expect(body.totalPages).toBe(2)
  })

  it('answers 404 for an unknown aggregate and 400 for a malformed limit', async () => {
    expect((await t.api('GET', `/feed-aggregates/${unique('nope')}/entries`)).status).toBe(404)
    expect((await t.api('GET', `/feed-aggregates/${slug}/entries?limit=ten`)).status).toBe(400)
  })

  it('answers an aggregate without feeds with no entries', async () => {
    const empty = unique('empty')
    await t.payload.create({ collection: 'feed-aggregates', data: { name: 'Empty', slug: empty }, overrideAccess: true })
    const response = await t.api('GET', `/feed-aggregates/${empty}/entries`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ docs: [], totalDocs: 0 })
  })
})

describe('feeds', () => {
  it('refuses a second feed with the same feedUrl with a 400 naming feedUrl', async () => {
    const feedUrl = `https://dup.example/${unique('dup')}.rss`
    const first = await t.api('POST', '/feeds', { auth: staff, body: { feedUrl, name: 'First' } })
    expect(first.status).toBe(201)
    const second = await t.api('POST', '/feeds', { auth: staff, body: { feedUrl, name: 'Second' } })
    expect(second.status).toBe(400)
    const body = (await second.json()) as { errors: { data?: { errors?: { path: string }[] } }[] }
    expect(body.errors[0]!.data!.errors!.map((error) => error.path)).toContain('feedUrl')
  })

  it('refuses a feedUrl that is not http(s)', async () => {
    const response = await t.api('POST', '/feeds', { auth: staff, body: { feedUrl: 'javascript:alert(1)', name: 'Bad' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/feedUrl must be an http\(s\) URL/)
  })

  it('is created by staff only, and staff cannot write lastFetched or lastError', async () => {
    const body = { feedUrl: `https://m.example/${unique('m')}.rss`, name: 'Member feed' }
    expect((await t.api('POST', '/feeds', { auth: member, body })).status).toBe(403)
    const created = await t.api('POST', '/feeds', {
      auth: staff,
      body: { ...body, lastError: 'forged', lastFetched: '2020-01-01T00:00:00.000Z' },
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string } }
    const stored = await t.payload.findByID({ collection: 'feeds', id: doc.id, overrideAccess: true })
    expect(stored.lastFetched).toBeFalsy()
    expect(stored.lastError).toBeFalsy()
  })

  it('takes its entries and related-blog rows along when staff delete it', async () => {
    const feed = await createFeed(`https://del.example/${unique('del')}.rss`)
    const entry = await createEntry(feed.id, 'Doomed', '2026-01-01T00:00:00.000Z')
    await t.payload.create({ collection: 'related-blogs', data: { feed: feed.id }, overrideAccess: true })
    expect((await t.api('DELETE', `/feeds/${feed.id}`, { auth: member })).status).toBe(403)
    expect(await countEntries(feed.id)).toBe(1)

    const response = await t.api('DELETE', `/feeds/${feed.id}`, { auth: staff })
    expect(response.status).toBe(200)
    expect(await t.payload.count({ collection: 'feeds', overrideAccess: true, where: { id: { equals: feed.id } } })).toEqual({ totalDocs: 0 })
    expect(await t.payload.count({ collection: 'blog-entries', overrideAccess: true, where: { id: { equals: entry.id } } })).toEqual({ totalDocs: 0 })
    expect(await t.payload.count({ collection: 'related-blogs', overrideAccess: true, where: { feed: { equals: feed.id } } })).toEqual({ totalDocs: 0 })
  })

  it('shows lastError to staff only', async () => {
    const tag = unique('lasterror')
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: 'gone', status: 500 }))
    await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    const asStaff = (await (await t.api('GET', `/feeds/${feed.id}`, { auth: staff })).json()) as { lastError?: string }
    expect(asStaff.lastError).toMatch(/HTTP 500/)
    const asAnonymous = (await (await t.api('GET', `/feeds/${feed.id}`)).json()) as { lastError?: string; name: string }
    expect(asAnonymous.name).toBe(feed.name)
    expect(asAnonymous.lastError).toBeUndefined()
  })
})

describe('blog entries', () => {
  let feedId: string
  let entryId: string

  beforeAll(async () => {
    const feed = await createFeed(`https://e.example/${unique('e')}.rss`)
    feedId = feed.id
    entryId = (await createEntry(feedId, 'Readable by all', '2026-02-02T00:00:00.000Z')).id
  })

  it('are readable by anonymous callers over REST and GraphQL', async () => {
    const rest = await t.api('GET', `/blog-entries/${entryId}`)
    expect(rest.status).toBe(200)
    expect(((await rest.json()) as { title: string }).title).toBe('Readable by all')

    const result = await t.graphql(`query { BlogEntries(where: { feed: { equals: "${feedId}" } }) { docs { title isFeatured url } } }`)
    expect(result.errors).toBeUndefined()
    expect(result.data.BlogEntries.docs).toEqual([{ isFeatured: false, title: 'Readable by all', url: expect.stringMatching(/^https:/) }])
  })

  it('cannot be created or changed by members or anonymous callers, featured or not', async () => {
    const data = { feed: feedId, guid: unique('g'), pubDate: '2026-01-01T00:00:00.000Z', title: 'Sneaky', url: 'https://x.example/' }
    expect((await t.api('POST', '/blog-entries', { auth: member, body: { ...data, isFeatured: true } })).status).toBe(403)
    expect([401, 403]).toContain((await t.api('POST', '/blog-entries', { body: data })).status)
    expect((await t.api('PATCH', `/blog-entries/${entryId}`, { auth: member, body: { isFeatured: true } })).status).toBe(403)
    expect([401, 403]).toContain((await t.api('PATCH', `/blog-entries/${entryId}`, { body: { isFeatured: true } })).status)

    const mutation = await t.graphql(`mutation { updateBlogEntry(id: "${entryId}", data: { isFeatured: true }) { isFeatured } }`, { auth: member })
    expect(mutation.errors?.length).toBeGreaterThan(0)

    expect(await t.payload.count({ collection: 'blog-entries', overrideAccess: true, where: { guid: { equals: data.guid } } })).toEqual({ totalDocs: 0 })
    const stored = await t.payload.findByID({ collection: 'blog-entries', id: entryId, overrideAccess: true })
    expect(stored.isFeatured).toBe(false)
  })

  it('are featured by staff', async () => {
    const response = await t.api('PATCH', `/blog-entries/${entryId}`, { auth: staff, body: { isFeatured: true } })
    expect(response.status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'blog-entries', id: entryId, overrideAccess: true })
    expect(stored.isFeatured).toBe(true)
  })

  it('keep staff-set isFeatured when a fetch updates them', async () => {
    const tag = unique('featured')
    const path = `/${tag}/feed.rss`
    const posts = pythonInsiderPosts(tag)
    const feed = await createFeed(server.serve(path, { body: pythonInsider(tag) }))
    await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    const { docs } = await t.payload.find({ collection: 'blog-entries', overrideAccess: true, where: { guid: { equals: posts[1]!.guid } } })
    await t.api('PATCH', `/blog-entries/${docs[0]!.id}`, { auth: staff, body: { isFeatured: true } })

    server.serve(path, { body: pythonInsider(tag, [posts[0]!, { ...posts[1]!, title: 'Beta 1, retitled' }, posts[2]!]) })
    const response = await t.api('POST', `/feeds/${feed.id}/fetch`, { auth: staff })
    expect(await response.json()).toMatchObject({ ok: true, updated: 1 })
    const stored = await t.payload.findByID({ collection: 'blog-entries', id: docs[0]!.id, overrideAccess: true })
    expect(stored.title).toBe('Beta 1, retitled')
    expect(stored.isFeatured).toBe(true)
  })
})
