import { APIError, type Endpoint } from 'payload'

import { userIsStaff } from '../../access/roles'
import { fetchFeed } from './fetchFeed'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * POST /api/feeds/:id/fetch: staff fetch one active feed now and get the
 * result back (entries created and updated, or the error, which is also
 * recorded on the feed). A broken feed is a 200 with `ok: false`: the
 * request did what it was asked.
 */
export const fetchFeedEndpoint: Endpoint = {
  path: '/:id/fetch',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to fetch feeds.', 401, undefined, true)
    if (!userIsStaff(req)) throw new APIError('Only staff fetch feeds.', 403, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not a feed id', 400, undefined, true)
    // overrideAccess: access was checked above; lastError and friends are staff-only fields
    const { docs } = await req.payload.find({
      collection: 'feeds',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      where: { id: { equals: id } },
    })
    const feed = docs[0]
    if (!feed) throw new APIError(`No feed with id ${id}.`, 404, undefined, true)
    // only active feeds are fetched, by the schedule and by hand alike
    if (!feed.isActive) throw new APIError('The feed is not active: activate it to fetch it.', 409, undefined, true)
    const result = await fetchFeed(req.payload, feed)
    return Response.json(result)
  },
}
