import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Sponsorship } from '../../payload-types'
import { queueEmail } from '../../src/mailing/queueEmail'
import { SPONSOR_TEMPLATES, sponsorsTeamEmail } from '../../src/sponsors/config'
import { idOf } from '../../src/sponsors/workflow'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/**
 * What a sponsorship email may say about it. The system reads the sponsor,
 * level and applicant (overrideAccess): it is writing the email, not
 * answering a user.
 */
export const sponsorshipEmailContext = async (req: PayloadRequest, doc: Sponsorship) => {
  const [sponsor, level] = await Promise.all([
    req.payload.findByID({
      collection: 'sponsors',
      depth: 0,
      disableErrors: true,
      id: idOf(doc.sponsor)!,
      overrideAccess: true,
      req,
    }),
    req.payload.findByID({
      collection: 'sponsorship-levels',
      depth: 0,
      disableErrors: true,
      id: idOf(doc.level)!,
      overrideAccess: true,
      req,
    }),
  ])
  return {
    endDate: doc.endDate ? doc.endDate.slice(0, 10) : null,
    fee: typeof doc.sponsorshipFee === 'number' ? `USD $${doc.sponsorshipFee.toLocaleString('en-US')}` : null,
    levelName: level?.name ?? null,
    sponsorName: sponsor?.name ?? null,
    sponsorshipFee: doc.sponsorshipFee ?? null,
    sponsorshipId: String(doc.id),
    startDate: doc.startDate ? doc.startDate.slice(0, 10) : null,
    status: doc.status,
    year: doc.year ?? null,
  }
}

/** The applicant's address: the member who submitted the application. */
export const applicantEmail = async (
  req: PayloadRequest,
  doc: Pick<Sponsorship, 'submittedBy'>,
): Promise<null | string> => {
  const user = idOf(doc.submittedBy)
  if (!user) return null
  const found = await req.payload.findByID({
    collection: 'users',
    depth: 0,
    disableErrors: true,
    id: user,
    overrideAccess: true,
    req,
  })
  return found?.email ?? null
}

/**
 * Through the one mailing path, in the change's transaction: a new
 * application goes to the sponsorship team; approval and rejection to the
 * applicant. Only when the status actually changed.
 */
export const notifySponsorshipStatusChange: CollectionAfterChangeHook<Sponsorship> = async ({
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries history: nobody is told again of what happened on python.org
  if (context[PRESERVE_CONTENT_MANAGED]) return doc
  const before = operation === 'create' ? null : previousDoc?.status
  if (doc.status === before) return doc
  if (doc.status === 'APPLIED') {
    const context = await sponsorshipEmailContext(req, doc)
    await queueEmail(req, { context, template: SPONSOR_TEMPLATES.applied, to: sponsorsTeamEmail() })
  } else if (doc.status === 'APPROVED' || doc.status === 'REJECTED') {
    const to = await applicantEmail(req, doc)
    if (!to) return doc
    const template = doc.status === 'APPROVED' ? SPONSOR_TEMPLATES.approved : SPONSOR_TEMPLATES.rejected
    await queueEmail(req, { context: await sponsorshipEmailContext(req, doc), template, to })
  }
  return doc
}
