import type { RequiredDataFromCollectionSlug } from 'payload'

import { renderTemplate } from '../../src/mailing/templates'
import { ID_ONLY, runStep, type SeedRun } from '../context'
import { EMAIL_TEMPLATES } from '../emailTemplates'
import { JOB_EMAIL_TEMPLATES } from '../jobEmailTemplates'
import { SPONSOR_EMAIL_TEMPLATES } from '../sponsorEmailTemplates'

/** Every email the system sends has its template here (tests/seed/email-templates.test.ts checks the code). */
export const ALL_EMAIL_TEMPLATES: RequiredDataFromCollectionSlug<'email-templates'>[] = [
  ...EMAIL_TEMPLATES,
  ...JOB_EMAIL_TEMPLATES,
  ...SPONSOR_EMAIL_TEMPLATES,
]

type LogEntry = {
  attempts: number
  context: Record<string, unknown>
  daysAgo: number
  errorMessage?: string
  key: string
  recipient: string
  /** the key of the entry this one resends */
  resendOf?: string
  status: 'FAILED' | 'FILE' | 'SENT'
  template: string
}

/**
 * A short mail history for the admin's email log: emails as the sending task
 * leaves them (sent, written to a file, failed after its retries, resent).
 * Recorded history, not queued work: nothing here is ever sent.
 */
const HISTORY: LogEntry[] = [
  {
    attempts: 1,
    context: { name: 'Maya', site: 'https://www.python.org' },
    daysAgo: 40,
    key: 'history-test-message',
    recipient: 'maya.okafor@example.org',
    status: 'SENT',
    template: 'system.test',
  },
  {
    attempts: 3,
    context: { companyName: 'Northwind Robotics', jobId: 'demo', jobTitle: 'Senior Python Engineer', slug: 'demo' },
    daysAgo: 12,
    errorMessage: 'connect ECONNREFUSED 127.0.0.1:587',
    key: 'history-job-approved-failed',
    recipient: 'sofia.rossi@example.com',
    status: 'FAILED',
    template: 'jobs.approved',
  },
  {
    attempts: 1,
    context: { companyName: 'Northwind Robotics', jobId: 'demo', jobTitle: 'Senior Python Engineer', slug: 'demo' },
    daysAgo: 11,
    key: 'history-job-approved-resent',
    recipient: 'sofia.rossi@example.com',
    resendOf: 'history-job-approved-failed',
    status: 'SENT',
    template: 'jobs.approved',
  },
  {
    attempts: 1,
    context: { levelName: 'Supporting', sponsorName: 'Orchard Labs', year: 2026 },
    daysAgo: 5,
    key: 'history-sponsor-approved-file',
    recipient: 'sponsorship@orchard-labs.example.com',
    status: 'FILE',
    template: 'sponsors.approved',
  },
]

export const MAILING_STEP_SIZE = ALL_EMAIL_TEMPLATES.length + HISTORY.length

/** Email templates the code sends, created when missing (editors' changes are kept), and a short mail history. */
export const seedMailing = (run: SeedRun, { history = true }: { history?: boolean } = {}) =>
  runStep(run, 'mailing', MAILING_STEP_SIZE, async (step) => {
    for (const template of ALL_EMAIL_TEMPLATES) {
      await step.ensure('email-templates', template.internalName, {
        create: async () => {
          // overrideAccess: the system installs the templates its code sends
          const doc = await step.payload.create({
            collection: 'email-templates',
            data: template,
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(),
          })
          return String(doc.id)
        },
        find: () => step.findId('email-templates', { internalName: { equals: template.internalName } }),
      })
      step.tick()
    }

    if (!history) return
    const ids = new Map<string, string>()
    for (const entry of HISTORY) {
      const template = ALL_EMAIL_TEMPLATES.find((candidate) => candidate.internalName === entry.template)!
      const at = new Date(step.now.getTime() - entry.daysAgo * 86_400_000).toISOString()
      const { id } = await step.ensure('email-logs', entry.key, {
        create: async () => {
          // overrideAccess: email logs are written by the system only
          const doc = await step.payload.create({
            collection: 'email-logs',
            data: {
              attempts: entry.attempts,
              context: entry.context,
              errorMessage: entry.errorMessage,
              recipientEmail: entry.recipient,
              resendOf: entry.resendOf ? ids.get(entry.resendOf) : undefined,
              resentBy: entry.resendOf ? step.actor('maya').id : undefined,
              sentAt: entry.status === 'FAILED' ? undefined : at,
              status: entry.status,
              subject: renderTemplate(template.subject, entry.context),
              templateName: entry.template,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(),
          })
          return String(doc.id)
        },
      })
      ids.set(entry.key, id)
      step.tick()
    }
  })
