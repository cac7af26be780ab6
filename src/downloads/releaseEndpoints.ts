import type { Endpoint, Where } from 'payload'

import { rssResponse, siteUrl } from '../platform/rss'

const published: Where = { isPublished: { equals: true } }

/** The release reads that are not JSON (see reads.ts for the rest). */
export const releaseEndpoints: Endpoint[] = [
  {
    // GET /api/releases/rss: the newest published releases
    path: '/rss',
    method: 'get',
    handler: async (req) => {
      const { docs } = await req.payload.find({
        collection: 'releases',
        depth: 0,
        limit: 30,
        overrideAccess: false,
        pagination: false,
        req,
        sort: '-releaseDate',
        where: published,
      })
      const base = siteUrl()
      return rssResponse({
        description: 'The newest Python releases',
        items: docs.map((release) => ({
          description: release.contentHtml ?? undefined,
          guid: `${base}/downloads/release/${release.slug}/`,
          link: `${base}/downloads/release/${release.slug}/`,
          pubDate: release.releaseDate ?? release.createdAt,
          title: release.name,
        })),
        link: `${base}/downloads/`,
        selfUrl: `${base}/api/releases/rss`,
        title: 'Python Releases',
      })
    },
  },
]
