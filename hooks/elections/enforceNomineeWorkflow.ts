import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { userId, userIsStaff } from '../../access/roles'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { type Acceptance, ACCEPTANCES, type Actor, checkAcceptance } from '../../src/elections/acceptance'
import { displayName, idOf, invalid, loadElection, loadUser, lockCandidacy } from '../../src/elections/lookups'
import { electionStatus } from '../../src/elections/status'
import { execute } from '../../src/platform/db/sql'

const refuse = (message: string, status: 403 | 409): never => {
  throw new APIError(message, status, undefined, true)
}

const FROM = { collection: 'nominees' }

/**
 * The answer a write asks for: `acceptance` when it changes it, else the
 * spec's boolean `accepted` (true: ACCEPTED; false on an accepted nominee:
 * DECLINED), else the current answer. The admin form sends both, unchanged
 * but for the one the editor touched.
 */
const requestedAcceptance = (data: Record<string, unknown>, current: Acceptance): Acceptance => {
  const asked = data.acceptance
  if (asked !== undefined && asked !== null) {
    if (typeof asked !== 'string' || !(ACCEPTANCES as readonly string[]).includes(asked)) {
      invalid(
        'nominees',
        'acceptance',
        `"${String(asked)}" is not an answer; expected one of ${ACCEPTANCES.join(', ')}`,
      )
    }
    if (asked !== current) return asked as Acceptance
  }
  if (typeof data.accepted === 'boolean' && data.accepted !== (current === 'ACCEPTED')) {
    return data.accepted ? 'ACCEPTED' : 'DECLINED'
  }
  return current
}

const actorsOf = (req: PayloadRequest, nomineeUser: unknown): Actor[] => [
  ...(userIsStaff(req) ? ['staff' as const] : []),
  ...(userId(req) && String(userId(req)) === idOf(nomineeUser) ? ['nominee' as const] : []),
]

/**
 * A nominee on every entry point (admin, REST, GraphQL, the accept/decline
 * endpoints, the Local API): created only while the election takes
 * nominations, once per (election, user); its election and user never
 * change; its answer moves only along src/elections/acceptance.ts, read
 * under a row lock so two concurrent answers cannot both apply to one state.
 * An import (PRESERVE_CONTENT_MANAGED) carries python.org's values as they were.
 */
export const enforceNomineeWorkflow: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const importing = Boolean(context[PRESERVE_CONTENT_MANAGED])
  if (operation === 'create') {
    const election = await loadElection(req, data.election, { ...FROM, path: 'election' })
    const user = await loadUser(req, data.user, { ...FROM, path: 'user' })
    const acceptance = requestedAcceptance(data, 'PENDING')
    if (!importing) {
      const status = electionStatus(election)
      if (status !== 'NOMINATIONS_OPEN') {
        refuse(
          `election: "${election.name}" is ${status}: nominees can be added only while it is NOMINATIONS_OPEN`,
          409,
        )
      }
      if (acceptance !== 'PENDING' && !actorsOf(req, user.id).length) {
        refuse('acceptance: only the nominated user or staff may answer a nomination', 403)
      }
    }
    await lockCandidacy(req, String(election.id), String(user.id))
    const { totalDocs } = await req.payload.count({
      collection: 'nominees',
      // overrideAccess: a duplicate is a duplicate whoever may see it
      overrideAccess: true,
      req,
      where: { and: [{ election: { equals: election.id } }, { user: { equals: user.id } }] },
    })
    if (totalDocs) {
      refuse(`user: ${displayName(user)} is already a nominee in "${election.name}"`, 409)
    }
    return {
      ...data,
      acceptance,
      accepted: acceptance === 'ACCEPTED',
      election: election.id,
      nomineeName: displayName(user),
      user: user.id,
    }
  }

  for (const field of ['election', 'user'] as const) {
    if (idOf(data[field]) !== idOf(originalDoc[field]) && !importing) {
      refuse(`${field}: a nominee's ${field} never changes; delete the nominee and nominate again instead`, 409)
    }
  }
  const [row] = await execute(req, sql`SELECT acceptance FROM nominees WHERE id = ${originalDoc.id} FOR UPDATE`)
  const current = (row?.acceptance ?? originalDoc.acceptance) as Acceptance
  if (current !== originalDoc.acceptance) {
    refuse(
      `acceptance: it was ${originalDoc.acceptance} when this request started and another change made it ${current} meanwhile; reload and retry`,
      409,
    )
  }
  const requested = requestedAcceptance(data, current)
  if (requested !== current && !importing) {
    const election = await loadElection(req, originalDoc.election, { ...FROM, path: 'election' })
    const check = checkAcceptance(current, requested, actorsOf(req, originalDoc.user), electionStatus(election))
    if (!check.ok) refuse(check.message, check.status)
  }
  const user = await loadUser(req, originalDoc.user, { ...FROM, path: 'user' })
  return {
    ...data,
    acceptance: requested,
    accepted: requested === 'ACCEPTED',
    nomineeName: displayName(user),
  }
}
