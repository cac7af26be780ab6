import type { CollectionAfterChangeHook } from 'payload'

import { userIsStaff } from '../../access/roles'
import { jobsTeamEmail } from '../../src/jobs/config'
import { queueEmail } from '../../src/mailing/queueEmail'
import { JOB_TEMPLATES, jobEmailContext } from './notifyJobStatusChange'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/** A comment by staff goes to the job's contact; one by the owner to the job-board team. */
export const notifyReviewComment: CollectionAfterChangeHook = async ({ context: hookContext, doc, operation, req }) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries history: nobody is told again of what happened on python.org
  if (operation !== 'create' || hookContext[PRESERVE_CONTENT_MANAGED]) return doc
  const jobId = doc.job && typeof doc.job === 'object' ? doc.job.id : doc.job
  // overrideAccess: the system reads the job to address the email
  const job = await req.payload.findByID({ collection: 'jobs', depth: 0, id: jobId, overrideAccess: true, req })
  const context = { ...jobEmailContext(job as unknown as Record<string, unknown>), comment: doc.comment }
  const to = userIsStaff(req) ? job.email : jobsTeamEmail()
  if (to) await queueEmail(req, { context, template: JOB_TEMPLATES.comment, to })
  return doc
}
