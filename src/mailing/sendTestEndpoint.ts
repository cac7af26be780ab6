import { APIError, type Endpoint } from 'payload'

import { userIsStaff } from '../../access/roles'
import { queueEmail } from './queueEmail'

/**
 * POST /api/email-templates/send-test { template, to? }: staff check a
 * template and the mail setup by sending it (to themselves by default).
 */
export const sendTestEmailEndpoint: Endpoint = {
  path: '/send-test',
  method: 'post',
  handler: async (req) => {
    if (!userIsStaff(req)) throw new APIError('Only staff may send test emails.', 403, undefined, true)
    const body = (await req.json?.().catch(() => null)) as { template?: unknown; to?: unknown } | null
    const template = typeof body?.template === 'string' ? body.template : 'system.test'
    const to = typeof body?.to === 'string' && body.to ? body.to : (req.user as { email?: string }).email
    if (!to || !/^[^\s@]+@[^\s@]+$/.test(to)) {
      throw new APIError('to: a valid recipient email address is required', 400, undefined, true)
    }
    const exists = await req.payload.count({
      collection: 'email-templates',
      overrideAccess: false,
      req,
      where: { and: [{ internalName: { equals: template } }, { isActive: { equals: true } }] },
    })
    if (!exists.totalDocs)
      throw new APIError(`template: no active email template named "${template}"`, 400, undefined, true)
    const log = await queueEmail(req, {
      context: { name: (req.user as { username?: string }).username ?? 'there', site: 'python.org' },
      template,
      to,
    })
    return Response.json({ emailLog: log.id, message: `Queued "${template}" to ${to}.` }, { status: 202 })
  },
}
