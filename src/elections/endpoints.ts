import { APIError, type Endpoint, NotFound } from 'payload'

import { inTransaction } from '../platform/db/transaction'

import { userId, userIsStaff } from '../../access/roles'
import type { Acceptance } from './acceptance'
import { idOf } from './lookups'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * POST /api/nominees/:id/accept and /decline: the nominated user's answer
 * (or staff's, on their behalf). A plain update of `acceptance` as the
 * caller, so the nominee workflow hook (hooks/elections/enforceNomineeWorkflow.ts)
 * decides exactly as for a PATCH, a GraphQL mutation or the admin's save.
 */
const answer = (action: 'accept' | 'decline', acceptance: Acceptance): Endpoint => ({
  path: `/:id/${action}`,
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(`Log in to ${action} a nomination.`, 401, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not a nominee id', 400, undefined, true)
    return inTransaction(req, async () => {
      // what the caller may not see does not exist for them
      const nominee = await req.payload.findByID({
        collection: 'nominees',
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: false,
        req,
      })
      if (!nominee) throw new NotFound(req.t)
      if (!userIsStaff(req) && idOf(nominee.user) !== String(userId(req))) {
        throw new APIError(`Only the nominated user (or staff) may ${action} this nomination.`, 403, undefined, true)
      }
      const doc = await req.payload.update({
        collection: 'nominees',
        data: { acceptance },
        id,
        overrideAccess: false,
        req,
        user: req.user,
      })
      return Response.json({
        doc,
        message: acceptance === 'ACCEPTED' ? 'Nomination accepted.' : 'Nomination declined.',
      })
    })
  },
})

export const nomineeEndpoints: Endpoint[] = [answer('accept', 'ACCEPTED'), answer('decline', 'DECLINED')]
