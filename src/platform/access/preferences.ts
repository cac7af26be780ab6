import { Forbidden, NotFound, UnauthorizedError, type Endpoint, type PayloadRequest } from 'payload'

import { userIsStaff } from '../../../access/roles'

const hasOwnPreference = async (req: PayloadRequest, key: string) => {
  // overrideAccess: the system checks the caller's own row, named by key, user and collection
  const { totalDocs } = await req.payload.count({
    collection: 'payload-preferences',
    overrideAccess: true,
    req,
    where: {
      and: [
        { key: { equals: key } },
        { 'user.value': { equals: req.user!.id } },
        { 'user.relationTo': { equals: req.user!.collection } },
      ],
    },
  })
  return totalDocs > 0
}

/**
 * Payload's preference routes (GET, POST and DELETE /api/payload-preferences/:key)
 * act on the caller's own preferences; only staff (the admin panel's users)
 * reach them: anonymous callers get a 401, members a 403. Deleting a
 * preference the caller does not have answers 404 (Payload's own handler
 * fails in the database there, a 500).
 */
export const ownPreferenceRoute = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    if (!req.user) throw new UnauthorizedError(req.t)
    if (!userIsStaff(req)) throw new Forbidden(req.t)
    const key = req.routeParams?.key
    if (endpoint.method === 'delete' && (typeof key !== 'string' || !(await hasOwnPreference(req, key)))) {
      throw new NotFound(req.t)
    }
    return endpoint.handler(req)
  },
})
