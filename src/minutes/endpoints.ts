import { APIError, type Endpoint } from 'payload'

import { rssResponse, siteUrl } from '../platform/rss'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** GET /api/minutes/by-date/2024-01-15: the (published, unless staff) minutes of that meeting. */
export const minutesByDateEndpoint: Endpoint = {
  path: '/by-date/:date',
  method: 'get',
  handler: async (req) => {
    const date = String(req.routeParams?.date ?? '')
    const start = new Date(`${date}T00:00:00.000Z`)
    // a calendar date that exists: Date would roll 2024-02-30 over into March
    if (!DATE.test(date) || Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== date) {
      throw new APIError('date: expected a date as YYYY-MM-DD', 400, undefined, true)
    }
    const end = new Date(start.getTime() + 24 * 60 * 60 * 1000)
    const { docs } = await req.payload.find({
      collection: 'minutes',
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: {
        and: [{ date: { greater_than_equal: start.toISOString() } }, { date: { less_than: end.toISOString() } }],
      },
    })
    if (!docs[0]) throw new APIError(`No minutes for ${date}`, 404, undefined, true)
    return Response.json(docs[0])
  },
}

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
