/**
 * A feed aggregate's merged entries (GET /api/feed-aggregates/:slug/entries,
 * GraphQL `feedAggregateEntries(slug)`): the entries of its feeds, newest
 * first, in one query on blog-entries, each with its feed's name and website.
 */
import { paginatedWith, defineRead } from '../platform/reads'

export const feedAggregateEntries = defineRead({
  args: {
    limit: { description: 'entries per page (default 20)', max: 100, min: 1, type: 'int' },
    page: { description: 'page number (default 1)', min: 1, type: 'int' },
    slug: { description: "the aggregate's slug", maxLength: 200, required: true, type: 'string' },
  },
  description: "The merged entries of a feed aggregate's feeds, newest first, with the aggregate itself.",
  name: 'feedAggregateEntries',
  notFound: ({ slug }) => `No feed aggregate "${slug}".`,
  path: '/:slug/entries',
  resolve: async (req, { limit = 20, page = 1, slug }, { depth }) => {
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
    if (!aggregate) return null
    const feeds = (aggregate.feeds ?? []).map((feed) => (typeof feed === 'object' ? feed.id : feed))
    const entries = feeds.length
      ? await req.payload.find({
          collection: 'blog-entries',
          depth,
          limit,
          overrideAccess: false,
          page,
          // what an entry list shows of its blog; GraphQL populates `feed` itself
          populate: { feeds: { name: true, websiteUrl: true } },
          req,
          sort: ['-pubDate', '-createdAt'],
          where: { feed: { in: feeds } },
        })
      : {
          docs: [],
          hasNextPage: false,
          hasPrevPage: false,
          limit,
          nextPage: null,
          page,
          pagingCounter: 0,
          prevPage: null,
          totalDocs: 0,
          totalPages: 0,
        }
    return { ...entries, aggregate }
  },
  returns: {
    shape: 'custom',
    type: (graphQL, info) =>
      paginatedWith(graphQL, info, 'blog-entries', 'FeedAggregateEntries', {
        aggregate: { type: new graphQL.GraphQLNonNull(info.collections['feed-aggregates']!.graphQL!.type) },
      }),
  },
})

export const blogReads = [feedAggregateEntries]
