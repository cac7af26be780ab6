import type { CollectionAfterChangeHook } from 'payload'

import type { SponsorContract } from '../../payload-types'
import { queueEmail } from '../../src/mailing/queueEmail'
import { SPONSOR_TEMPLATES } from '../../src/sponsors/config'
import { idOf } from '../../src/sponsors/workflow'
import { applicantEmail, sponsorshipEmailContext } from './notifySponsorshipStatusChange'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/**
 * A contract sent for signature goes to the applicant with its PDF attached
 * (the attachment refers to the stored document; the sending task reads the
 * file when it sends).
 */
export const notifyContractSent: CollectionAfterChangeHook<SponsorContract> = async ({
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries history: nobody is told again of what happened on python.org
  if (context[PRESERVE_CONTENT_MANAGED]) return doc
  if (operation !== 'update' || doc.status !== 'AWAITING_SIGNATURE' || previousDoc?.status === doc.status) return doc
  const document = idOf(doc.document)
  const sponsorshipId = idOf(doc.sponsorship)
  if (!document || !sponsorshipId) return doc
  // the system reads the sponsorship it is writing about
  const sponsorship = await req.payload.findByID({
    collection: 'sponsorships',
    depth: 0,
    id: sponsorshipId,
    overrideAccess: true,
    req,
  })
  const to = await applicantEmail(req, sponsorship)
  if (!to) return doc
  await queueEmail(req, {
    attachments: [{ collection: 'sponsor-contract-documents', filename: 'Contract.pdf', id: document }],
    context: {
      ...(await sponsorshipEmailContext(req, sponsorship)),
      contractId: String(doc.id),
      revision: doc.revision,
    },
    template: SPONSOR_TEMPLATES.contractSent,
    to,
  })
  return doc
}
