import type { PayloadRequest } from 'payload'

import { userId } from '../../access/roles'

import type { EmailAttachmentRef } from './attachments'

export type QueueEmailArgs = {
  /** stored uploads to attach (read from disk when the task sends) */
  attachments?: EmailAttachmentRef[]
  context?: Record<string, unknown>
  /** the email log this email resends (the request's user is recorded as who asked) */
  resendOf?: number | string
  /** internalName of an email template */
  template: string
  to: string
}

/**
 * The one way the system sends email. Writes the EmailLog row and queues the
 * sending task inside the caller's transaction: the email goes out only if
 * the change that caused it commits, and a failing SMTP server never fails
 * that change (the task retries on its own).
 */
export const queueEmail = async (
  req: PayloadRequest,
  { attachments, context = {}, resendOf, template, to }: QueueEmailArgs,
) => {
  const resend = resendOf === undefined ? {} : { resendOf: String(resendOf), resentBy: userId(req) ?? null }
  // overrideAccess: the system writes its own log; no user may
  const log = await req.payload.create({
    collection: 'email-logs',
    data: {
      attachments: attachments?.length ? attachments : null,
      context,
      recipientEmail: to,
      status: 'QUEUED',
      templateName: template,
      ...resend,
    } as never,
    overrideAccess: true,
    req,
  })
  await req.payload.jobs.queue({ input: { emailLog: String(log.id) }, req, task: 'sendEmail' })
  return log
}
