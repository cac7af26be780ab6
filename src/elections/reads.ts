import { APIError } from 'payload'

import { defineRead } from '../platform/reads'

/**
 * GET /api/elections/:slug/nominees: an election's nominee list, the page
 * python.org got wrong (its list showed a logged-in user's nominee rows of
 * every election, and the nominations on them). Only this election's
 * nominees, and of those only what the caller may read: the public ones once
 * nominations have closed, plus the caller's own candidacy and the nominees
 * they nominated; staff see all. Each nominee's `nominations` (a join) obeys
 * the same rules, so a nominator sees their own nomination and nobody else's.
 */
export const electionNominees = defineRead({
  args: {
    slug: { description: "the election's slug", maxLength: 200, required: true, type: 'string' },
  },
  description: "An election's nominees the caller may see, by name (with their visible nominations).",
  name: 'electionNominees',
  path: '/:slug/nominees',
  resolve: async (req, { slug }, { depth }) => {
    const { docs: elections } = await req.payload.find({
      collection: 'elections',
      depth: 0,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: { slug: { equals: slug } },
    })
    const election = elections[0]
    if (!election) throw new APIError(`No election with slug "${slug}"`, 404, undefined, true)
    const { docs } = await req.payload.find({
      collection: 'nominees',
      depth,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      sort: 'nomineeName',
      where: { election: { equals: election.id } },
    })
    // a list read answers { docs } in REST and GraphQL alike
    return { docs }
  },
  returns: { collection: 'nominees', shape: 'list' },
})

export const electionReads = [electionNominees]
