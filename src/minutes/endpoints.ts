import type { Endpoint } from 'payload'

import { rssResponse, siteUrl } from '../platform/rss'

/** GET /api/minutes/rss: RSS of the newest published minutes. */
export const minutesFeedEndpoint: Endpoint = {
  path: '/rss',
  method: 'get',
  handler: async (req) => {
    // published only, whoever asks: a feed is public by nature
    const { docs } = await req.payload.find({
      collection: 'minutes',
      depth: 0,
      limit: 20,
      overrideAccess: true,
      pagination: false,
      req,
      sort: '-date',
      where: { isPublished: { equals: true } },
    })
    const base = siteUrl()
    return rssResponse({
      description: 'Minutes of the Python Software Foundation board meetings',
      items: docs.map((doc) => ({
        description: doc.contentHtml ?? undefined,
        guid: `${base}/psf/records/board/minutes/${doc.slug}/`,
        link: `${base}/psf/records/board/minutes/${doc.slug}/`,
        pubDate: doc.date,
        title: `PSF Board Meeting Minutes ${String(doc.date).slice(0, 10)}`,
      })),
      link: `${base}/psf/records/board/minutes/`,
      selfUrl: `${base}/api/minutes/rss`,
      title: 'PSF Board Meeting Minutes',
    })
  },
}
