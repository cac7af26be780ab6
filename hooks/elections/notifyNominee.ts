import type { CollectionAfterChangeHook } from 'payload'

import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { displayName, idOf, loadElection, loadUser } from '../../src/elections/lookups'
import { queueEmail } from '../../src/mailing/queueEmail'
import { siteUrl } from '../../src/platform/rss'

export const NOMINATED_TEMPLATE = 'elections.nominated'

/**
 * Where the nominated user accepts or declines: the frontend's page for it,
 * which calls POST /api/nominees/:id/accept or /decline (docs/rules/elections.md).
 */
export const acceptUrl = (electionSlug: string, nomineeId: string) =>
  `${siteUrl()}/nominations/${electionSlug}/nominees/${nomineeId}/accept/`

/**
 * Someone nominated by another member hears of it by email, with the link to
 * accept. Queued in the nomination's transaction: a refused nomination sends
 * nothing; a self-nomination needs no email (it is accepted at once).
 */
export const notifyNominee: CollectionAfterChangeHook = async ({ context, doc, operation, req }) => {
  if (operation !== 'create' || context[PRESERVE_CONTENT_MANAGED]) return doc
  const nominated = idOf(doc.nomineeUser)
  if (!nominated || nominated === idOf(doc.nominator)) return doc
  const from = { collection: 'nominations', path: 'nomineeUser' }
  // one after the other: both run on the request's one transaction connection
  const election = await loadElection(req, doc.election, from)
  const user = await loadUser(req, nominated, from)
  if (!user.email) return doc
  const nomineeId = String(idOf(doc.nominee))
  await queueEmail(req, {
    context: {
      acceptUrl: acceptUrl(election.slug, nomineeId),
      electionName: election.name,
      nominationId: String(doc.id),
      nomineeId,
      nomineeName: displayName(user),
      nominatorName: doc.nominatorName,
    },
    template: NOMINATED_TEMPLATE,
    to: user.email,
  })
  return doc
}
