import { APIError, type Endpoint } from 'payload'

import { normalizePagePath } from '../../fields/pagePath'

/**
 * GET /api/pages/by-path?path=/about/psf/: resolves a URL path to the page
 * in one request (published only, unless the caller is staff).
 */
export const pageByPathEndpoint: Endpoint = {
  path: '/by-path',
  method: 'get',
  handler: async (req) => {
    const raw = req.searchParams.get('path')
    if (raw === null) throw new APIError('path: the query parameter "path" is required', 400, undefined, true)
    const path = normalizePagePath(raw)
    const depth = Number(req.searchParams.get('depth') ?? 1)
    const { docs } = await req.payload.find({
      collection: 'pages',
      depth: Number.isInteger(depth) && depth >= 0 && depth <= 3 ? depth : 1,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: { path: { equals: path } },
    })
    if (!docs[0]) throw new APIError(`No page at "${path}"`, 404, undefined, true)
    return Response.json(docs[0])
  },
}
