import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint, NotFound } from 'payload'

import { inTransaction } from '../platform/db/transaction'

import { userId, userIsStaff } from '../../access/roles'
import { execute } from '../platform/db/sql'
import type { EmailAttachmentRef } from './attachments'
import { queueEmail } from './queueEmail'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * POST /api/email-logs/:id/resend: staff send a logged email again, after it
 * failed for good (SMTP down through every retry) or when its recipient says
 * it never arrived. It goes out through queueEmail like every email, as a new
 * log row recording which email it resends (`resendOf`) and who asked
 * (`resentBy`). The original row stays as it was.
 *
 * One resend at a time: the original row is locked, and an email still
 * queued, or with a resend still queued, is refused (409), so a double click
 * sends once.
 */
export const resendEmailEndpoint: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to resend emails.', 401, undefined, true)
    if (!userIsStaff(req)) throw new APIError('Only staff resend emails.', 403, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not an email log id', 400, undefined, true)
    return inTransaction(req, async () => {
      const [row] = await execute(req, sql`SELECT status FROM email_logs WHERE id = ${id} FOR UPDATE`)
      if (!row) throw new NotFound(req.t)
      if (row.status === 'QUEUED') {
        throw new APIError('status: this email is still queued; it is sent (or fails) on its own', 409, undefined, true)
      }
      const [pending] = await execute(
        req,
        sql`SELECT id FROM email_logs WHERE resend_of_id = ${id} AND status = 'QUEUED' LIMIT 1`,
      )
      if (pending) {
        throw new APIError(`a resend of this email is already queued (${String(pending.id)})`, 409, undefined, true)
      }
      const original = await req.payload.findByID({
        collection: 'email-logs',
        depth: 0,
        id,
        overrideAccess: false,
        req,
      })
      const { totalDocs } = await req.payload.count({
        collection: 'email-templates',
        overrideAccess: false,
        req,
        where: { and: [{ internalName: { equals: original.templateName } }, { isActive: { equals: true } }] },
      })
      if (!totalDocs) {
        throw new APIError(
          `templateName: no active email template named "${original.templateName}" to resend it with`,
          409,
          undefined,
          true,
        )
      }
      const log = await queueEmail(req, {
        // the same files as the first time (a contract PDF): references, read again when sending
        attachments: Array.isArray(original.attachments) ? (original.attachments as EmailAttachmentRef[]) : undefined,
        context: (original.context ?? {}) as Record<string, unknown>,
        resendOf: id,
        template: original.templateName,
        to: original.recipientEmail,
      })
      req.payload.logger.info({ by: userId(req), emailLog: id, msg: 'email resend queued', resend: log.id })
      return Response.json(
        { emailLog: log.id, message: `Queued a new copy to ${original.recipientEmail}.` },
        { status: 202 },
      )
    })
  },
}
