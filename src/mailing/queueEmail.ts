import type { PayloadRequest } from 'payload'

export type QueueEmailArgs = {
  context?: Record<string, unknown>
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
export const queueEmail = async (req: PayloadRequest, { context = {}, template, to }: QueueEmailArgs) => {
  // overrideAccess: the system writes its own log; no user may
  const log = await req.payload.create({
    collection: 'email-logs',
    data: { context, recipientEmail: to, status: 'QUEUED', templateName: template },
    overrideAccess: true,
    req,
  })
  await req.payload.jobs.queue({ input: { emailLog: String(log.id) }, req, task: 'sendEmail' })
  return log
}
