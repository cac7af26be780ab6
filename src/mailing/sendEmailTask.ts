import type { Payload, TaskConfig } from 'payload'

import { resolveAttachments } from './attachments'
import { renderTemplate } from './templates'
import { writtenToFile } from './transport'

type EmailLogRow = {
  attachments?: unknown
  attempts?: null | number
  context?: unknown
  id: number | string
  recipientEmail: string
  templateName: string
}

const findTemplate = async (payload: Payload, internalName: string) => {
  const { docs } = await payload.find({
    collection: 'email-templates',
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ internalName: { equals: internalName } }, { isActive: { equals: true } }] },
  })
  if (!docs[0]) throw new Error(`No active email template named "${internalName}"`)
  return docs[0] as { contentHtml?: null | string; contentText: string; subject: string }
}

/**
 * Renders and sends one logged email. Log updates run outside the job's
 * transaction (no `req`) so a failure stays recorded when the attempt is
 * rolled back and retried.
 */
export const sendEmailTask: TaskConfig<{ input: { emailLog: string }; output: Record<string, never> }> = {
  slug: 'sendEmail',
  handler: async ({ input, req }) => {
    const { payload } = req
    const log = (await payload.findByID({
      id: input.emailLog,
      collection: 'email-logs',
      overrideAccess: true,
    })) as unknown as EmailLogRow
    const attempts = (log.attempts ?? 0) + 1
    let subject: string | undefined
    let delivery: unknown
    try {
      const template = await findTemplate(payload, log.templateName)
      const context = (log.context ?? {}) as Record<string, unknown>
      subject = renderTemplate(template.subject, context).replace(/\s+/g, ' ').trim()
      const text = renderTemplate(template.contentText, context)
      const html = template.contentHtml ? renderTemplate(template.contentHtml, context, 'html') : undefined
      const attachments = await resolveAttachments(payload, log.attachments)
      delivery = await payload.sendEmail({ attachments, html, subject, text, to: log.recipientEmail })
    } catch (err) {
      await payload.update({
        id: log.id,
        collection: 'email-logs',
        data: { attempts, errorMessage: err instanceof Error ? err.message : String(err), status: 'FAILED', subject },
        overrideAccess: true,
      })
      throw err
    }
    await payload.update({
      id: log.id,
      collection: 'email-logs',
      // without SMTP_HOST the message went to a file: say so rather than SENT
      data: {
        attempts,
        errorMessage: null,
        sentAt: new Date().toISOString(),
        status: writtenToFile(delivery) ? 'FILE' : 'SENT',
        subject,
      },
      overrideAccess: true,
    })
    return { output: {} }
  },
  inputSchema: [{ name: 'emailLog', type: 'text', required: true }],
  retries: { attempts: 4, backoff: { delay: 2_000, type: 'exponential' } },
}
