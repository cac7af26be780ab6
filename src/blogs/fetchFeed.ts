import { type Payload, ValidationError } from 'payload'

import type { BlogEntry, Feed } from '../../payload-types'
import { sanitize } from '../platform/markup/sanitize'
import { type ParsedEntry, type ParsedFeed, parseFeed } from './parseFeed'

/** What one fetch of one feed did. */
export type FeedFetchResult = {
  /** entries new to the database */
  created: number
  /** the reason the fetch failed, or why some entries could not be stored (the feed's lastError); absent when all worked */
  error?: string
  /** entries that could not be stored (a guid or URL over 2000 characters, ...) */
  failed: number
  feed: string
  feedUrl: string
  /** the document was downloaded and parsed */
  ok: boolean
  /** entries whose guid already belongs to another feed: left alone */
  skipped: number
  /** entries already stored and unchanged */
  unchanged: number
  /** entries already stored whose title, text, URL or date changed */
  updated: number
}

type FeedRow = Pick<Feed, 'feedUrl' | 'id' | 'name' | 'websiteUrl'>

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
const ERROR_MAX = 1000

const positiveNumber = (value: string | undefined, fallback: number): number => {
  const number = Number(value)
  return Number.isFinite(number) && number > 0 ? number : fallback
}

/** How long one feed may take to answer, body included (env FEED_FETCH_TIMEOUT_MS). */
export const feedFetchTimeoutMs = (): number => positiveNumber(process.env.FEED_FETCH_TIMEOUT_MS, DEFAULT_TIMEOUT_MS)

/** The largest feed document read (env FEED_MAX_BYTES). */
export const feedMaxBytes = (): number => positiveNumber(process.env.FEED_MAX_BYTES, DEFAULT_MAX_BYTES)

/** A download that failed for a reason worth showing staff as is. */
class FeedDownloadError extends Error {}

const readLimited = async (response: Response, maxBytes: number): Promise<Uint8Array> => {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new FeedDownloadError(`The feed is larger than the ${maxBytes}-byte limit.`)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw new FeedDownloadError(`The feed is larger than the ${maxBytes}-byte limit.`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** The charset from Content-Type, else from the XML declaration, else UTF-8. */
const decode = (bytes: Uint8Array, contentType: null | string): string => {
  const declared =
    /charset="?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1]
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

const messageOf = (err: unknown): string => {
  const message = (err as { message?: unknown } | null)?.message
  if (typeof message === 'string' && message) return message
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : String(err)
}

// duck-typed: errors from fetch() may come from another realm (instanceof Error fails there)
const describeError = (err: unknown): string => {
  const cause = (err as { cause?: unknown } | null)?.cause
  // fetch() reports "fetch failed" and puts the reason (ECONNREFUSED, DNS) in `cause`
  return cause ? `${messageOf(err)}: ${messageOf(cause)}` : messageOf(err)
}

/** GETs the feed document: http(s) only, within the timeout and size limit. */
const download = async (feedUrl: string): Promise<{ text: string; url: string }> => {
  let url: URL
  try {
    url = new URL(feedUrl)
  } catch {
    throw new FeedDownloadError(`The feed URL "${feedUrl}" is not a valid URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedDownloadError(`The feed URL must be http or https, not ${url.protocol}`)
  }
  const timeoutMs = feedFetchTimeoutMs()
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const response = await fetch(url, {
      headers: {
        Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'User-Agent': 'python.org feed aggregator (+https://www.python.org/)',
      },
      redirect: 'follow',
      signal,
    })
    if (!response.ok) {
      await response.body?.cancel()
      throw new FeedDownloadError(
        `The feed answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      )
    }
    const bytes = await readLimited(response, feedMaxBytes())
    return { text: decode(bytes, response.headers.get('content-type')), url: response.url || url.href }
  } catch (err) {
    if (err instanceof FeedDownloadError) throw err
    if (signal.aborted) throw new FeedDownloadError(`The feed did not answer within ${timeoutMs} ms.`)
    throw new FeedDownloadError(`The feed could not be downloaded: ${describeError(err)}`)
  }
}

type StoredEntry = Pick<BlogEntry, 'content' | 'feed' | 'guid' | 'id' | 'pubDate' | 'summary' | 'title' | 'url'>

const ENTRY_SELECT = {
  content: true,
  feed: true,
  guid: true,
  pubDate: true,
  summary: true,
  title: true,
  url: true,
} as const

const idOf = (value: unknown): string =>
  String(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

// overrideAccess on every read and write below: the system, not a user, keeps entries in step with their feed
const findEntries = async (payload: Payload, guids: string[]): Promise<StoredEntry[]> =>
  guids.length
    ? ((
        await payload.find({
          collection: 'blog-entries',
          depth: 0,
          overrideAccess: true,
          pagination: false,
          select: ENTRY_SELECT,
          where: { guid: { in: guids } },
        })
      ).docs as StoredEntry[])
    : []

/** The entry's fields as they will be stored (summary/content sanitized by the collection's hook, as here). */
const entryData = (entry: ParsedEntry, existing: StoredEntry | undefined) => ({
  content: entry.content === null ? null : sanitize(entry.content),
  // a feed without dates keeps the date an entry was first seen with
  pubDate: (entry.pubDate ?? (existing ? new Date(existing.pubDate) : new Date())).toISOString(),
  summary: entry.summary === null ? null : sanitize(entry.summary),
  title: entry.title,
  url: entry.url,
})

const isUnchanged = (stored: StoredEntry, data: ReturnType<typeof entryData>): boolean =>
  stored.title === data.title &&
  stored.url === data.url &&
  (stored.summary ?? null) === data.summary &&
  (stored.content ?? null) === data.content &&
  new Date(stored.pubDate).getTime() === new Date(data.pubDate).getTime()

const isGuidClash = (err: unknown): boolean =>
  err instanceof ValidationError && err.data.errors.some((problem) => problem.path === 'guid')

type Tally = Pick<FeedFetchResult, 'created' | 'failed' | 'skipped' | 'unchanged' | 'updated'> & { problems: string[] }

/** Updates an entry already stored, when it is this feed's and something changed. */
const updateEntry = async (payload: Payload, feedId: string, entry: ParsedEntry, stored: StoredEntry, tally: Tally) => {
  // guids are unique across feeds: an entry syndicated by two feeds stays with the first
  if (idOf(stored.feed) !== feedId) {
    tally.skipped += 1
    return
  }
  const data = entryData(entry, stored)
  if (isUnchanged(stored, data)) {
    tally.unchanged += 1
    return
  }
  await payload.update({ collection: 'blog-entries', data, depth: 0, id: stored.id, overrideAccess: true })
  tally.updated += 1
}

/**
 * Creates the entry, or updates it when its guid is already stored. When a
 * concurrent fetch of the same feed creates it first (the guid is unique),
 * our create fails on its own and becomes an update.
 */
const storeEntry = async (
  payload: Payload,
  feedId: string,
  entry: ParsedEntry,
  existing: StoredEntry | undefined,
  tally: Tally,
) => {
  if (existing) return updateEntry(payload, feedId, entry, existing, tally)
  try {
    await payload.create({
      collection: 'blog-entries',
      data: { ...entryData(entry, undefined), feed: feedId, guid: entry.guid },
      depth: 0,
      overrideAccess: true,
    })
    tally.created += 1
  } catch (err) {
    if (!isGuidClash(err)) throw err
    const [winner] = await findEntries(payload, [entry.guid])
    if (!winner) throw err
    await updateEntry(payload, feedId, entry, winner, tally)
  }
}

const entryProblem = (entry: ParsedEntry, err: unknown): string => {
  const details =
    err instanceof ValidationError
      ? err.data.errors.map((problem) => `${problem.path}: ${problem.message}`).join(', ')
      : ''
  return `${entry.guid.slice(0, 200)}: ${details || describeError(err)}`
}

/**
 * Creates or updates each entry, matched by guid; never deletes. Each write
 * is its own transaction: one entry that cannot be stored does not lose
 * the others.
 */
const storeEntries = async (payload: Payload, feedId: string, entries: ParsedEntry[]): Promise<Tally> => {
  const tally: Tally = { created: 0, failed: 0, problems: [], skipped: 0, unchanged: 0, updated: 0 }
  const stored = new Map(
    (
      await findEntries(
        payload,
        entries.map((entry) => entry.guid),
      )
    ).map((doc) => [doc.guid, doc]),
  )
  for (const entry of entries) {
    try {
      await storeEntry(payload, feedId, entry, stored.get(entry.guid), tally)
    } catch (err) {
      tally.failed += 1
      tally.problems.push(entryProblem(entry, err))
    }
  }
  return tally
}

/**
 * Refreshes the related-blogs rows of this feed: the blog's name and website
 * when left empty, and the title and date of the feed's newest entry.
 */
const refreshRelatedBlogs = async (payload: Payload, feed: FeedRow, parsed: ParsedFeed) => {
  const { docs: blogs } = await payload.find({
    collection: 'related-blogs',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { feed: { equals: feed.id } },
  })
  if (!blogs.length) return
  const {
    docs: [latest],
  } = await payload.find({
    collection: 'blog-entries',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    select: { pubDate: true, title: true },
    sort: '-pubDate',
    where: { feed: { equals: feed.id } },
  })
  for (const blog of blogs) {
    await payload.update({
      collection: 'related-blogs',
      data: {
        blogName: blog.blogName || (parsed.title ?? feed.name).slice(0, 200),
        blogWebsite: blog.blogWebsite || parsed.link || feed.websiteUrl || null,
        lastEntryPublished: latest?.pubDate ?? blog.lastEntryPublished ?? null,
        lastEntryTitle: latest?.title ?? blog.lastEntryTitle ?? null,
      },
      depth: 0,
      id: blog.id,
      overrideAccess: true,
    })
  }
}

const recordFailure = async (payload: Payload, feed: FeedRow, message: string) => {
  await payload.update({
    collection: 'feeds',
    data: { lastError: message.slice(0, ERROR_MAX), lastErrorAt: new Date().toISOString() },
    depth: 0,
    id: feed.id,
    overrideAccess: true,
  })
}

/**
 * Fetches one feed now and stores its entries. Never throws for a broken,
 * slow or unreachable feed: the failure is recorded on the feed
 * (lastError, lastErrorAt) and returned. Writes run outside any caller's
 * transaction, so what was stored and the recorded error both stay.
 */
export const fetchFeed = async (payload: Payload, feed: FeedRow): Promise<FeedFetchResult> => {
  const result: FeedFetchResult = {
    created: 0,
    failed: 0,
    feed: feed.id,
    feedUrl: feed.feedUrl,
    ok: false,
    skipped: 0,
    unchanged: 0,
    updated: 0,
  }
  try {
    const { text, url } = await download(feed.feedUrl)
    const parsed = parseFeed(text, url)
    const { problems, ...tally } = await storeEntries(payload, feed.id, parsed.entries)
    Object.assign(result, tally)
    if (problems.length)
      result.error = `${problems.length} ${problems.length === 1 ? 'entry' : 'entries'} could not be stored: ${problems.join('; ')}`
    const now = new Date().toISOString()
    await payload.update({
      collection: 'feeds',
      data: {
        lastError: result.error?.slice(0, ERROR_MAX) ?? null,
        lastErrorAt: result.error ? now : null,
        lastFetched: now,
      },
      depth: 0,
      id: feed.id,
      overrideAccess: true,
    })
    await refreshRelatedBlogs(payload, feed, parsed)
    result.ok = true
  } catch (err) {
    result.error = describeError(err)
    payload.logger.warn({ err, feed: feed.id, msg: `feed fetch failed: ${feed.feedUrl}` })
    try {
      await recordFailure(payload, feed, result.error)
    } catch (recordErr) {
      payload.logger.error({ err: recordErr, feed: feed.id, msg: 'could not record a feed fetch failure' })
    }
  }
  return result
}

/**
 * Fetches every active feed, highest priority first, one after another; one
 * feed's failure never stops the others.
 */
export const fetchActiveFeeds = async (payload: Payload): Promise<FeedFetchResult[]> => {
  const { docs: feeds } = await payload.find({
    collection: 'feeds',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { feedUrl: true, name: true, websiteUrl: true },
    sort: ['-priority', 'name'],
    where: { isActive: { equals: true } },
  })
  const results: FeedFetchResult[] = []
  for (const feed of feeds) results.push(await fetchFeed(payload, feed as FeedRow))
  return results
}
