import { APIError, type Endpoint } from 'payload'

const positiveInt = (value: null | string, fallback: number, name: string): number => {
  if (value === null || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new APIError(`${name}: expected a whole number of at least 1`, 400, undefined, true)
  return number
}

/**
 * GET /api/feed-aggregates/:slug/entries?limit=&page=: the merged entries
 * of the aggregate's feeds, newest first, in one query on blog-entries.
 * Each entry carries its feed's name and website.
 */
export const aggregateEntriesEndpoint: Endpoint = {
  path: '/:slug/entries',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const limit = Math.min(positiveInt(req.searchParams.get('limit'), 20, 'limit'), 100)
    const page = positiveInt(req.searchParams.get('page'), 1, 'page')
    const { docs } = await req.payload.find({
      collection: 'feed-aggregates',
      depth: 0,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: { slug: { equals: slug } },
    })
    const aggregate = docs[0]
    if (!aggregate) throw new APIError(`No feed aggregate "${slug}".`, 404, undefined, true)
    const feeds = (aggregate.feeds ?? []).map((feed) => (typeof feed === 'object' ? feed.id : feed))
    const about = { id: aggregate.id, name: aggregate.name, slug: aggregate.slug }
    if (!feeds.length) {
      const empty = { docs: [], hasNextPage: false, hasPrevPage: false, limit, nextPage: null, page, pagingCounter: 0 }
      return Response.json({ ...empty, aggregate: about, prevPage: null, totalDocs: 0, totalPages: 0 })
    }
    const entries = await req.payload.find({
      collection: 'blog-entries',
      depth: 1,
      limit,
      overrideAccess: false,
      page,
      populate: { feeds: { name: true, websiteUrl: true } },
      req,
      sort: ['-pubDate', '-createdAt'],
      where: { feed: { in: feeds } },
    })
    return Response.json({ ...entries, aggregate: about })
  },
}
