import type { CollectionAfterChangeHook } from 'payload'

import { jobsTeamEmail } from '../../src/jobs/config'
import { queueEmail } from '../../src/mailing/queueEmail'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

export const JOB_TEMPLATES = {
  approved: 'jobs.approved',
  comment: 'jobs.comment',
  rejected: 'jobs.rejected',
  submitted: 'jobs.submitted',
} as const

export const jobEmailContext = (doc: Record<string, unknown>) => ({
  companyName: doc.companyName,
  jobId: String(doc.id),
  jobTitle: doc.jobTitle,
  slug: doc.slug,
  status: doc.status,
})

/**
 * Emails only when the status actually changed: submitted -> the job-board
 * team; approved or rejected -> the job's contact and the team.
 */
export const notifyJobStatusChange: CollectionAfterChangeHook = async ({
  context: hookContext,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries history: nobody is told again of what happened on python.org
  if (hookContext[PRESERVE_CONTENT_MANAGED]) return doc
  const before = operation === 'create' ? null : previousDoc?.status
  if (doc.status === before) return doc
  const context = jobEmailContext(doc)
  if (doc.status === 'REVIEW') {
    await queueEmail(req, { context, template: JOB_TEMPLATES.submitted, to: jobsTeamEmail() })
  } else if (doc.status === 'APPROVED' || doc.status === 'REJECTED') {
    const template = doc.status === 'APPROVED' ? JOB_TEMPLATES.approved : JOB_TEMPLATES.rejected
    if (doc.email) await queueEmail(req, { context, template, to: doc.email })
    await queueEmail(req, { context, template, to: jobsTeamEmail() })
  }
  return doc
}
