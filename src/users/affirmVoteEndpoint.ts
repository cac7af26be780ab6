import { APIError, type Endpoint } from 'payload'

import { AFFIRM_VOTE } from '../../hooks/users/voteAffirmation'

/**
 * POST /api/memberships/affirm-vote: the logged-in member affirms they wish
 * to keep voting (old bug: python.org's affirm action needed no login).
 */
export const affirmVoteEndpoint: Endpoint = {
  path: '/affirm-vote',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to affirm your vote.', 401, undefined, true)
    const { docs } = await req.payload.find({
      collection: 'memberships',
      limit: 1,
      overrideAccess: false,
      req,
      user: req.user,
      where: { user: { equals: req.user.id } },
    })
    const membership = docs[0]
    if (!membership) throw new APIError('You have no membership to affirm.', 404, undefined, true)
    // the date is server-filled: the hook stamps today when the write carries this action's context
    const doc = await req.payload.update({
      id: membership.id,
      collection: 'memberships',
      context: { [AFFIRM_VOTE]: true },
      data: { votes: true },
      overrideAccess: false,
      req,
      user: req.user,
    })
    return Response.json({ doc, message: 'Vote affirmed.' })
  },
}
