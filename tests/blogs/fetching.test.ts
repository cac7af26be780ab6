/**
 * Fetching feeds: the fetchFeeds task (queued and run through the jobs
 * queue) and fetchFeed, against RSS and Atom documents served by a local
 * HTTP server. Entries are upserted by guid, never duplicated, never
 * deleted; failures are recorded per feed and stop nothing else.
 */
import { createLocalReq, type TaskHandler } from 'payload'

import { fetchFeed } from '../../src/blogs/fetchFeed'
import { fetchFeedsTask } from '../../src/blogs/tasks'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  atomDocument,
  type FeedServer,
  hostileFeed,
  MALFORMED_FEED,
  pythonInsider,
  pythonInsiderPosts,
  pythonInsiderSummary,
  rssDocument,
  startFeedServer,
  unique,
  unreachableUrl,
} from './feedServer'

let t: TestContext
let server: FeedServer

const TIMEOUT_MS = 1000

beforeAll(async () => {
  server = await startFeedServer()
  t = await startTestPayload({ FEED_FETCH_TIMEOUT_MS: String(TIMEOUT_MS), FEED_MAX_BYTES: '200000' })
})
afterAll(async () => {
  await t?.close()
  await server?.close()
})
beforeEach(async () => {
  // each test fetches only the feeds it creates: earlier tests' feeds go inactive
  // overrideAccess: fixture housekeeping by the system
  await t.payload.update({ collection: 'feeds', data: { isActive: false }, overrideAccess: true, where: { isActive: { equals: true } } })
})

// overrideAccess on fixtures and read-backs below: the test sets up and inspects, no user acts
const createFeed = async (feedUrl: string, overrides: Record<string, unknown> = {}) =>
  t.payload.create({
    collection: 'feeds',
    data: { feedUrl, isActive: true, name: unique('feed'), priority: 0, ...overrides },
    overrideAccess: true,
  })

const getFeed = (id: string) => t.payload.findByID({ collection: 'feeds', depth: 0, id, overrideAccess: true })

const entriesOf = async (feedId: string) =>
  (
    await t.payload.find({
      collection: 'blog-entries',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      sort: '-pubDate',
      where: { feed: { equals: feedId } },
    })
  ).docs

const runFetchFeedsJob = async () => {
  await t.payload.jobs.queue({ input: {}, task: 'fetchFeeds' })
  await t.payload.jobs.run()
}

describe('fetchFeeds through the jobs queue', () => {
  it('stores the entries of every active RSS and Atom feed and records lastFetched', async () => {
    const tag = unique('both')
    const rss = await createFeed(server.serve(`/${tag}/insider.rss`, { body: pythonInsider(tag) }))
    const atom = await createFeed(server.serve(`/${tag}/pypy.atom`, { body: atomDocument(tag), contentType: 'application/atom+xml' }))
    expect(rss.lastFetched).toBeFalsy()

    await runFetchFeedsJob()

    const posts = pythonInsiderPosts(tag)
    const rssEntries = await entriesOf(rss.id)
    expect(rssEntries.map((entry) => [entry.guid, entry.url, entry.title, entry.pubDate])).toEqual(
      posts.map((post) => [post.guid, post.link, post.title, new Date(post.pubDate).toISOString()]),
    )
    expect(rssEntries[0]!.content).toBe(posts[0]!.content)
    expect(rssEntries[0]!.summary).toBe(pythonInsiderSummary(posts[0]!))
    expect(rssEntries[1]!.summary).toBe('<p>Python 3.15.0 beta 1 &amp; the feature freeze: read on.</p>')
    expect(rssEntries.every((entry) => entry.isFeatured === false)).toBe(true)

    const atomEntries = await entriesOf(atom.id)
    expect(atomEntries.map((entry) => [entry.guid, entry.title, entry.url])).toEqual([
      [`urn:pypy:${tag}:release-7.3.20`, 'PyPy v7.3.20 & more', `https://pypy.org/posts/2026/06/${tag}-pypy-v7320-release.html`],
      [`urn:pypy:${tag}:profiling`, 'Profiling the JIT', `https://pypy.org/posts/2026/05/${tag}-profiling-the-jit.html`],
    ])
    expect(atomEntries[1]!.content).toBe('<p>A look at <code>vmprof</code> &amp; friends.</p>')

    for (const feed of [rss, atom]) {
      const after = await getFeed(feed.id)
      expect(after.lastFetched).toBeTruthy()
      expect(after.lastError).toBeFalsy()
    }
  })

  it('returns counts as the task output', async () => {
    const tag = unique('counts')
    await createFeed(server.serve(`/${tag}/good.rss`, { body: pythonInsider(tag) }))
    await createFeed(server.serve(`/${tag}/broken.xml`, { body: MALFORMED_FEED }))
    const handler = fetchFeedsTask.handler as TaskHandler<{ input: object; output: object }>
    const req = await createLocalReq({}, t.payload)
    const result = await handler({ input: {}, req } as never)
    expect(result).toEqual({ output: { created: 3, failed: 1, feeds: 2, succeeded: 1, updated: 0 } })
  })
})

describe('fetching again', () => {
  it('creates no duplicates, updates changed entries, keeps entries the feed no longer lists and keeps isFeatured', async () => {
    const tag = unique('again')
    const path = `/${tag}/insider.rss`
    const feed = await createFeed(server.serve(path, { body: pythonInsider(tag) }))
    await runFetchFeedsJob()
    const first = await entriesOf(feed.id)
    expect(first).toHaveLength(3)
    const byGuid = new Map(first.map((entry) => [entry.guid, entry]))
    const posts = pythonInsiderPosts(tag)
    // staff featured the post that is about to be retitled
    await t.payload.update({ collection: 'blog-entries', data: { isFeatured: true }, id: byGuid.get(posts[0]!.guid)!.id, overrideAccess: true })

    // the unchanged document again: nothing new
    await runFetchFeedsJob()
    expect(await entriesOf(feed.id)).toHaveLength(3)

    // the blog retitles post 1, drops post 3 from the feed and publishes a new post
    const newer = {
      content: '<p>Python 3.14.7 fixes a regression.</p>',
      guid: `tag:blogger.com,1999:blog-3941553907430899163.post-${tag}-3147`,
      link: `https://pythoninsider.blogspot.com/2026/06/${tag}-python-3147.html`,
      pubDate: 'Fri, 12 Jun 2026 10:00:00 +0000',
      title: 'Python 3.14.7 is now available',
    }
    server.serve(path, { body: pythonInsider(tag, [newer, { ...posts[0]!, title: 'Python 3.14.6 is now available (updated)' }, posts[1]!]) })
    await runFetchFeedsJob()

    const after = await entriesOf(feed.id)
    expect(after.map((entry) => entry.guid)).toEqual([newer.guid, posts[0]!.guid, posts[1]!.guid, posts[2]!.guid])
    const retitled = after.find((entry) => entry.guid === posts[0]!.guid)!
    expect(retitled.id).toBe(byGuid.get(posts[0]!.guid)!.id)
    expect(retitled.title).toBe('Python 3.14.6 is now available (updated)')
    expect(retitled.isFeatured).toBe(true)
    // the dropped post is still there, untouched
    expect(after.find((entry) => entry.guid === posts[2]!.guid)!.title).toBe(posts[2]!.title)
  })

  it('matches entries without a guid by their URL', async () => {
    const tag = unique('noguid')
    const path = `/${tag}/feed.rss`
    const items = [
      { link: `https://blog.example/${tag}/one`, pubDate: 'Mon, 01 Jun 2026 10:00:00 GMT', title: 'One' },
      { link: `https://blog.example/${tag}/two`, pubDate: 'Tue, 02 Jun 2026 10:00:00 GMT', title: 'Two' },
    ]
    const feed = await createFeed(server.serve(path, { body: rssDocument({ link: 'https://blog.example/', title: 'No guids' }, items) }))
    await fetchFeed(t.payload, feed)
    server.serve(path, { body: rssDocument({ link: 'https://blog.example/', title: 'No guids' }, [{ ...items[0]!, title: 'One, edited' }, items[1]!]) })
    const result = await fetchFeed(t.payload, feed)

    expect(result).toMatchObject({ created: 0, ok: true, unchanged: 1, updated: 1 })
    const entries = await entriesOf(feed.id)
    expect(entries.map((entry) => [entry.guid, entry.url, entry.title])).toEqual([
      [items[1]!.link, items[1]!.link, 'Two'],
      [items[0]!.link, items[0]!.link, 'One, edited'],
    ])
  })

  it('dates an undated entry when first seen and keeps that date on later fetches', async () => {
    const tag = unique('undated')
    const path = `/${tag}/feed.rss`
    const item = { guid: `${tag}-1`, link: `https://blog.example/${tag}/1`, title: 'Undated' }
    const feed = await createFeed(server.serve(path, { body: rssDocument({ link: 'https://blog.example/', title: 'Undated' }, [item]) }))
    const before = Date.now()
    await fetchFeed(t.payload, feed)
    const [entry] = await entriesOf(feed.id)
    expect(new Date(entry!.pubDate).getTime()).toBeGreaterThanOrEqual(before - 1000)

    // pretend it was first seen long ago; the next fetch (title changed, still no date) keeps that date
    await t.payload.update({ collection: 'blog-entries', data: { pubDate: '2020-01-01T00:00:00.000Z' }, id: entry!.id, overrideAccess: true })
    server.serve(path, { body: rssDocument({ link: 'https://blog.example/', title: 'Undated' }, [{ ...item, title: 'Undated, edited' }]) })
    await fetchFeed(t.payload, feed)
    const [again] = await entriesOf(feed.id)
    expect(again!.title).toBe('Undated, edited')
    expect(again!.pubDate).toBe('2020-01-01T00:00:00.000Z')
  })

  it('never duplicates entries when the same feed is fetched twice at once', async () => {
    const tag = unique('race')
    const feed = await createFeed(server.serve(`/${tag}/insider.rss`, { body: pythonInsider(tag) }))
    const results = await Promise.all([fetchFeed(t.payload, feed), fetchFeed(t.payload, feed), fetchFeed(t.payload, feed)])
    expect(results.every((result) => result.ok && !result.error)).toBe(true)
    expect(results.reduce((sum, result) => sum + result.created, 0)).toBe(3)
    expect(await entriesOf(feed.id)).toHaveLength(3)
  })

  it('leaves an entry whose guid another feed already has with that feed', async () => {
    const tag = unique('shared')
    const body = pythonInsider(tag)
    const original = await createFeed(server.serve(`/${tag}/original.rss`, { body }))
    const mirror = await createFeed(server.serve(`/${tag}/mirror.rss`, { body }))
    await fetchFeed(t.payload, original)
    const result = await fetchFeed(t.payload, mirror)
    expect(result).toMatchObject({ created: 0, ok: true, skipped: 3, updated: 0 })
    expect(await entriesOf(original.id)).toHaveLength(3)
    expect(await entriesOf(mirror.id)).toHaveLength(0)
  })
})

describe('which feeds, in which order', () => {
  it('skips inactive feeds', async () => {
    const tag = unique('inactive')
    const activePath = `/${tag}/active.rss`
    const inactivePath = `/${tag}/inactive.rss`
    await createFeed(server.serve(activePath, { body: pythonInsider(`${tag}-a`) }))
    const inactive = await createFeed(server.serve(inactivePath, { body: pythonInsider(`${tag}-i`) }), { isActive: false })
    await runFetchFeedsJob()
    expect(server.requests).toContain(activePath)
    expect(server.requests).not.toContain(inactivePath)
    expect(await entriesOf(inactive.id)).toHaveLength(0)
    expect((await getFeed(inactive.id)).lastFetched).toBeFalsy()
  })

  it('fetches higher priority first', async () => {
    const tag = unique('prio')
    const paths = { high: `/${tag}/high.rss`, low: `/${tag}/low.rss`, middle: `/${tag}/middle.rss` }
    await createFeed(server.serve(paths.low, { body: pythonInsider(`${tag}-l`) }), { priority: 1 })
    await createFeed(server.serve(paths.high, { body: pythonInsider(`${tag}-h`) }), { priority: 10 })
    await createFeed(server.serve(paths.middle, { body: pythonInsider(`${tag}-m`) }), { priority: 5 })
    await runFetchFeedsJob()
    expect(server.requests.filter((path) => path.startsWith(`/${tag}/`))).toEqual([paths.high, paths.middle, paths.low])
  })
})

describe('broken feeds', () => {
  it('records each failure on its own feed and still fetches the others', async () => {
    const tag = unique('broken')
    // the broken ones first: each must be passed, not stop the run
    const malformed = await createFeed(server.serve(`/${tag}/malformed.xml`, { body: MALFORMED_FEED }), { priority: 60 })
    const slow = await createFeed(server.serve(`/${tag}/slow.rss`, { body: pythonInsider(`${tag}-s`), delayMs: TIMEOUT_MS * 3 }), { priority: 50 })
    const failing = await createFeed(server.serve(`/${tag}/500.rss`, { body: 'oops', contentType: 'text/plain', status: 500 }), { priority: 40 })
    const unreachable = await createFeed(await unreachableUrl(), { priority: 30 })
    const notAFeed = await createFeed(server.serve(`/${tag}/page.html`, { body: '<html><body>Moved</body></html>', contentType: 'text/html' }), {
      priority: 20,
    })
    const huge = await createFeed(server.serve(`/${tag}/huge.rss`, { body: `<rss><channel>${'<!-- padding -->'.repeat(20000)}</channel></rss>` }), {
      priority: 15,
    })
    const good = await createFeed(server.serve(`/${tag}/good.rss`, { body: pythonInsider(tag) }), { priority: 10 })

    await runFetchFeedsJob()

    const expected: [string, RegExp][] = [
      [malformed.id, /not well-formed XML/],
      [slow.id, new RegExp(`did not answer within ${TIMEOUT_MS} ms`)],
      [failing.id, /HTTP 500/],
      [unreachable.id, /could not be downloaded.*ECONNREFUSED/],
      [notAFeed.id, /Not an RSS or Atom feed.*<html>/],
      [huge.id, /larger than the 200000-byte limit/],
    ]
    for (const [id, message] of expected) {
      const feed = await getFeed(id)
      expect(feed.lastError).toMatch(message)
      expect(feed.lastErrorAt).toBeTruthy()
      expect(feed.lastFetched).toBeFalsy()
    }
    expect(await entriesOf(good.id)).toHaveLength(3)
    const fetched = await getFeed(good.id)
    expect(fetched.lastFetched).toBeTruthy()
    expect(fetched.lastError).toBeFalsy()
  })

  it('clears the recorded error once the feed works again, and keeps the entries it had', async () => {
    const tag = unique('recover')
    const path = `/${tag}/feed.rss`
    const feed = await createFeed(server.serve(path, { body: pythonInsider(tag) }))
    await fetchFeed(t.payload, feed)
    const fetchedAt = (await getFeed(feed.id)).lastFetched

    server.serve(path, { body: 'maintenance', contentType: 'text/plain', status: 503 })
    const failed = await fetchFeed(t.payload, feed)
    expect(failed).toMatchObject({ ok: false })
    expect(failed.error).toMatch(/HTTP 503/)
    const broken = await getFeed(feed.id)
    expect(broken.lastError).toMatch(/HTTP 503/)
    expect(broken.lastFetched).toBe(fetchedAt)
    expect(await entriesOf(feed.id)).toHaveLength(3)

    server.serve(path, { body: pythonInsider(tag) })
    expect(await fetchFeed(t.payload, feed)).toMatchObject({ ok: true, unchanged: 3 })
    const recovered = await getFeed(feed.id)
    expect(recovered.lastError).toBeFalsy()
    expect(recovered.lastErrorAt).toBeFalsy()
    expect(new Date(recovered.lastFetched!).getTime()).toBeGreaterThan(new Date(fetchedAt!).getTime())
  })
})

describe('entries that cannot be stored', () => {
  it('stores the others and records the problem on the feed', async () => {
    const tag = unique('toolong')
    const [first, ...others] = pythonInsiderPosts(tag)
    const tooLong = { ...first!, guid: `${tag}-${'x'.repeat(2100)}` }
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: pythonInsider(tag, [tooLong, ...others]) }))
    const result = await fetchFeed(t.payload, feed)
    expect(result).toMatchObject({ created: 2, failed: 1, ok: true })
    expect(await entriesOf(feed.id)).toHaveLength(2)
    const after = await getFeed(feed.id)
    expect(after.lastFetched).toBeTruthy()
    expect(after.lastError).toMatch(/^1 entry could not be stored: .*guid/)
  })
})

describe('untrusted HTML', () => {
  it('stores entries sanitized: no script, no event handlers, no javascript: URLs', async () => {
    const tag = unique('hostile')
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: hostileFeed(tag) }))
    const result = await fetchFeed(t.payload, feed)
    expect(result).toMatchObject({ created: 1, ok: true })
    const entries = await entriesOf(feed.id)
    // the item whose only link was javascript: is not stored at all
    expect(entries).toHaveLength(1)
    const [entry] = entries
    for (const html of [entry!.content!, entry!.summary!]) {
      expect(html).not.toMatch(/<script|alert\(|onerror|onclick|javascript:/i)
    }
    expect(entry!.content).toContain('<p>Hello</p>')
    expect(entry!.content).toContain('<img src="https://evil.example/x.png" />')
    expect(entry!.summary).toBe('<p>Summary</p>')
    expect(entry!.url).toBe(`https://evil.example/${tag}/posts/1`)
  })
})

describe('the fetchFeed task', () => {
  it('fetches the one feed it is given', async () => {
    const tag = unique('one')
    const path = `/${tag}/feed.atom`
    const otherPath = `/${tag}/other.rss`
    const feed = await createFeed(server.serve(path, { body: atomDocument(tag) }))
    await createFeed(server.serve(otherPath, { body: pythonInsider(tag) }))
    await t.payload.jobs.queue({ input: { feed: feed.id }, task: 'fetchFeed' })
    await t.payload.jobs.run()
    expect(await entriesOf(feed.id)).toHaveLength(2)
    expect(server.requests).toContain(path)
    expect(server.requests).not.toContain(otherPath)
  })
})

describe('related blogs', () => {
  it('takes the blog name and website from the feed when empty, and the newest entry title and date', async () => {
    const tag = unique('related')
    const feed = await createFeed(server.serve(`/${tag}/feed.rss`, { body: pythonInsider(tag) }), { name: 'Insider (curated name)' })
    const blank = await t.payload.create({ collection: 'related-blogs', data: { feed: feed.id }, overrideAccess: true })
    await fetchFeed(t.payload, feed)

    const refreshed = await t.payload.findByID({ collection: 'related-blogs', id: blank.id, overrideAccess: true })
    expect(refreshed.blogName).toBe('Python Insider')
    expect(refreshed.blogWebsite).toBe('https://pythoninsider.blogspot.com/')
    expect(refreshed.lastEntryTitle).toBe('Python 3.14.6 is now available')
    expect(refreshed.lastEntryPublished).toBe('2026-06-02T14:30:00.000Z')
  })

  it('keeps a name staff gave and follows a newer entry', async () => {
    const tag = unique('related2')
    const path = `/${tag}/feed.rss`
    const feed = await createFeed(server.serve(path, { body: pythonInsider(tag) }))
    const named = await t.payload.create({
      collection: 'related-blogs',
      data: { blogName: 'Core dev news', blogWebsite: 'https://blog.python.org/', feed: feed.id },
      overrideAccess: true,
    })
    await fetchFeed(t.payload, feed)
    const posts = pythonInsiderPosts(tag)
    const newest = { ...posts[0]!, guid: `${tag}-new`, link: `https://blog.example/${tag}/new`, pubDate: 'Sat, 20 Jun 2026 08:00:00 GMT', title: 'Newest' }
    server.serve(path, { body: pythonInsider(tag, [newest, ...posts]) })
    await fetchFeed(t.payload, feed)

    const refreshed = await t.payload.findByID({ collection: 'related-blogs', id: named.id, overrideAccess: true })
    expect(refreshed.blogName).toBe('Core dev news')
    expect(refreshed.blogWebsite).toBe('https://blog.python.org/')
    expect(refreshed.lastEntryTitle).toBe('Newest')
    expect(refreshed.lastEntryPublished).toBe('2026-06-20T08:00:00.000Z')
  })
})
