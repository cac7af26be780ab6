import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { userId, userIsStaff } from '../../access/roles'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import {
  displayName,
  findNominee,
  idOf,
  invalid,
  loadElection,
  loadUser,
  lockCandidacy,
} from '../../src/elections/lookups'
import { electionStatus } from '../../src/elections/status'

const refuse = (message: string, status: 401 | 403 | 409): never => {
  throw new APIError(message, status, undefined, true)
}

const FROM = { collection: 'nominations' }

/** What a nominator writes; everything else is linked or filled by the server. */
export const NOMINATION_CONTENT = ['statement', 'employer', 'otherAffiliations', 'previousBoardService'] as const

/** Fixed at creation: which election, whom, by whom. */
const LINKS = ['election', 'nomineeUser', 'nominee', 'nominator'] as const

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null)

/**
 * Nominating, on every entry point: only while the election is
 * NOMINATIONS_OPEN (409 naming the status otherwise); the nominator is the
 * requesting user; the nominee row of (election, user) is found or created
 * under a lock, so concurrent nominations of one person share one nominee;
 * a self-nomination accepts at once; one nomination per nominator and
 * nominee. Afterwards the links never change, and a nominator edits the
 * text only while nominations are open (staff at any time).
 * An import (PRESERVE_CONTENT_MANAGED) carries python.org's rows as they were.
 */
export const enforceNominationRules: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const importing = Boolean(context[PRESERVE_CONTENT_MANAGED])
  if (operation === 'create') {
    const election = await loadElection(req, data.election, { ...FROM, path: 'election' })
    if (importing) {
      const nominator = await loadUser(req, data.nominator, { ...FROM, path: 'nominator' })
      const nominee =
        (await findNominee(req, data.nominee)) ??
        invalid('nominations', 'nominee', 'This must be the id of an existing nominee.')
      return { ...data, nominatorName: data.nominatorName || displayName(nominator), nomineeUser: nominee.user }
    }
    const nominatorId = userId(req)
    if (!nominatorId) refuse('Log in to nominate someone.', 401)
    const nominated = await loadUser(req, data.nomineeUser, { ...FROM, path: 'nomineeUser' })
    const status = electionStatus(election)
    if (status !== 'NOMINATIONS_OPEN') {
      refuse(
        `election: "${election.name}" is ${status}: nominations are accepted only while it is NOMINATIONS_OPEN`,
        409,
      )
    }
    const self = String(nominated.id) === String(nominatorId)
    await lockCandidacy(req, String(election.id), String(nominated.id))
    // overrideAccess: the system looks up and creates the nominee row on the
    // nominator's behalf (members cannot create nominees themselves)
    const { docs } = await req.payload.find({
      collection: 'nominees',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ election: { equals: election.id } }, { user: { equals: nominated.id } }] },
    })
    let nominee = docs[0]
    if (nominee) {
      const { totalDocs } = await req.payload.count({
        collection: 'nominations',
        overrideAccess: true,
        req,
        where: { and: [{ nominee: { equals: nominee.id } }, { nominator: { equals: nominatorId } }] },
      })
      if (totalDocs) {
        refuse(
          `nomineeUser: you have already nominated ${displayName(nominated)} in "${election.name}"; edit that nomination instead`,
          409,
        )
      }
      if (self && nominee.acceptance !== 'ACCEPTED') {
        // nominating oneself is accepting: the nominee's own answer, through the nominee workflow
        nominee = await req.payload.update({
          collection: 'nominees',
          data: { acceptance: 'ACCEPTED' },
          id: nominee.id,
          overrideAccess: false,
          req,
          user: req.user,
        })
      }
    } else {
      nominee = await req.payload.create({
        collection: 'nominees',
        data: { acceptance: self ? 'ACCEPTED' : 'PENDING', election: election.id, user: nominated.id },
        overrideAccess: true,
        req,
      })
    }
    return {
      ...data,
      election: election.id,
      nominator: nominatorId,
      nominatorName: displayName(req.user as never),
      nominee: nominee.id,
      nomineeUser: nominated.id,
    }
  }

  if (importing) return data
  for (const field of LINKS) {
    if (!same(idOf(data[field]), idOf(originalDoc[field]))) {
      refuse(`${field}: a nomination's ${field} never changes; make a new nomination instead`, 409)
    }
  }
  if (!userIsStaff(req) && userId(req)) {
    const changed = NOMINATION_CONTENT.filter((field) => !same(data[field], originalDoc[field]))
    if (changed.length) {
      const election = await loadElection(req, originalDoc.election, { ...FROM, path: 'election' })
      const status = electionStatus(election)
      if (status !== 'NOMINATIONS_OPEN') {
        refuse(
          `election: "${election.name}" is ${status}: a nominator can edit a nomination only while it is NOMINATIONS_OPEN (changed: ${changed.join(', ')})`,
          409,
        )
      }
    }
  }
  return data
}
