import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A job's review comments go with it: job_review_comments.job is required,
 * so the foreign key's ON DELETE SET NULL would otherwise make deleting a
 * commented job fail. Runs in the delete's transaction (req).
 */
export const deleteReviewComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // overrideAccess: staff deleting the job may remove what belongs to it
  await req.payload.delete({ collection: 'job-review-comments', overrideAccess: true, req, where: { job: { equals: id } } })
}
