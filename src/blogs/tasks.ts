import type { TaskConfig } from 'payload'

import { fetchActiveFeeds, fetchFeed } from './fetchFeed'

type FetchFeedsOutput = {
  created: number
  failed: number
  feeds: number
  succeeded: number
  updated: number
}

/**
 * Fetches every active feed, highest priority first, every 30 minutes. A
 * broken feed is recorded on that feed and never fails the task: the task
 * fails (and is retried) only when the feeds cannot be listed at all.
 */
export const fetchFeedsTask: TaskConfig<{ input: Record<string, never>; output: FetchFeedsOutput }> = {
  slug: 'fetchFeeds',
  handler: async ({ req }) => {
    const results = await fetchActiveFeeds(req.payload)
    const output: FetchFeedsOutput = { created: 0, failed: 0, feeds: results.length, succeeded: 0, updated: 0 }
    for (const result of results) {
      output.created += result.created
      output.updated += result.updated
      if (result.ok) output.succeeded += 1
      else output.failed += 1
    }
    return { output }
  },
  inputSchema: [],
  label: 'Fetch all active blog feeds',
  retries: 1,
  schedule: [{ cron: '0 */30 * * * *', queue: 'default' }],
}

type FetchFeedOutput = { created: number; error: string; ok: boolean; updated: number }

/**
 * Fetches one feed now (queued by staff or by code). An unknown feed fails
 * the job; an inactive one is left alone; a broken one is recorded on the
 * feed, as by fetchFeeds.
 */
export const fetchFeedTask: TaskConfig<{ input: { feed: string }; output: FetchFeedOutput }> = {
  slug: 'fetchFeed',
  handler: async ({ input, req }) => {
    // overrideAccess: the system reads the feed it was asked to fetch
    const feed = await req.payload.findByID({ collection: 'feeds', depth: 0, id: input.feed, overrideAccess: true })
    if (!feed.isActive) {
      return { output: { created: 0, error: 'The feed is not active.', ok: false, updated: 0 } }
    }
    const result = await fetchFeed(req.payload, feed)
    return { output: { created: result.created, error: result.error ?? '', ok: result.ok, updated: result.updated } }
  },
  inputSchema: [{ name: 'feed', type: 'text', required: true }],
  label: 'Fetch one blog feed',
  retries: 0,
}
