import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint, NotFound } from 'payload'

import { inTransaction } from '../platform/db/transaction'

import { publicJobs } from '../../access/jobs'
import { userIsStaff } from '../../access/roles'
import { execute } from '../platform/db/sql'
import { rssResponse, siteUrl } from '../platform/rss'
import { REVIEW_COMMENT_MAX_LENGTH } from './config'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * POST /api/jobs/:id/review { action: "approve" | "reject", comment? }: the
 * admin panel's one-click review. The status change and the optional review
 * comment commit together or not at all.
 */
const reviewEndpoint: Endpoint = {
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to review jobs.', 401, undefined, true)
    if (!userIsStaff(req)) throw new APIError('Only staff review jobs.', 403, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not a job id', 400, undefined, true)
    const body = (await req.json?.().catch(() => null)) as { action?: unknown; comment?: unknown } | null
    const status = body?.action === 'approve' ? 'APPROVED' : body?.action === 'reject' ? 'REJECTED' : null
    if (!status) throw new APIError('action: expected "approve" or "reject"', 400, undefined, true)
    if (body?.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') {
      throw new APIError('comment: expected text', 400, undefined, true)
    }
    // a blank comment is no comment (the admin sends the empty box); an
    // invalid one refuses the whole review before anything is written
    const comment = typeof body?.comment === 'string' ? body.comment.trim() : ''
    if (comment.length > REVIEW_COMMENT_MAX_LENGTH) {
      throw new APIError(`comment: at most ${REVIEW_COMMENT_MAX_LENGTH} characters`, 400, undefined, true)
    }
    return inTransaction(req, async () => {
      // the review is a transition from REVIEW: lock the row and check
      // before writing, so a job approved meanwhile is a conflict, not a no-op
      const [row] = await execute(req, sql`SELECT status FROM jobs WHERE id = ${id} FOR UPDATE`)
      if (!row) throw new NotFound(req.t)
      if (row.status !== 'REVIEW') {
        throw new APIError(
          `status: cannot ${String(body?.action)} a job that is ${String(row.status)}: only a job in REVIEW can move to ${status}`,
          409,
          undefined,
          true,
        )
      }
      const job = await req.payload.update({
        collection: 'jobs',
        data: { status },
        id,
        overrideAccess: false,
        req,
        user: req.user,
      })
      if (comment) {
        await req.payload.create({
          collection: 'job-review-comments',
          data: { comment, job: id },
          overrideAccess: false,
          req,
          user: req.user,
        })
      }
      return Response.json({ doc: job, message: `Job ${status.toLowerCase()}.` })
    })
  },
}

/** GET /api/jobs/rss: the newest publicly visible jobs (never expired or unapproved ones). */
const rssEndpoint: Endpoint = {
  path: '/rss',
  method: 'get',
  handler: async (req) => {
    // the anonymous view, whoever asks: staff's drafts do not belong in a public feed
    const { docs } = await req.payload.find({
      collection: 'jobs',
      depth: 0,
      limit: 30,
      overrideAccess: true,
      pagination: false,
      req,
      sort: '-createdAt',
      where: publicJobs(),
    })
    const base = siteUrl()
    return rssResponse({
      description: 'The newest jobs on the Python Job Board',
      items: docs.map((job) => ({
        description: job.descriptionHtml ?? undefined,
        guid: `${base}/jobs/${job.slug}/`,
        link: `${base}/jobs/${job.slug}/`,
        pubDate: job.createdAt,
        title: `${job.jobTitle}, ${job.companyName}`,
      })),
      link: `${base}/jobs/`,
      selfUrl: `${base}/api/jobs/rss`,
      title: 'Python Job Board',
    })
  },
}

export const jobEndpoints: Endpoint[] = [reviewEndpoint, rssEndpoint]
