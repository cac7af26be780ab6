
import { createLocalReq, type PayloadRequest } from 'payload'

import type { TestContext, TestUser } from '../helpers/harness'
import { unique } from '../helpers/assertions'

export { unique } from '../helpers/assertions'

/** Shared fixtures for the mailing tests (not a test file itself). */

export type TemplateData = {
  contentHtml?: null | string
  contentText: string
  description?: string
  displayName: string
  internalName: string
  isActive?: boolean
  subject: string
  templateType?: string
}

export const templateData = (overrides: Partial<TemplateData> = {}): TemplateData => ({
  contentHtml: '<p>Hello {{ name }}</p>',
  contentText: 'Hello {{ name }}',
  displayName: 'A test template',
  internalName: unique('tpl'),
  subject: 'Hi {{ name }}',
  templateType: 'TRANSACTIONAL',
  ...overrides,
})

/** The full users row, as `req.user` carries it (access functions read isStaff...). */
export const userDoc = async (t: TestContext, user: TestUser) =>
  // overrideAccess: reading a fixture back, not a user action
  t.payload.findByID({ collection: 'users', depth: 0, id: user.id, overrideAccess: true })

/** A Local API request made by `user`, as a hook or an endpoint would hold. */
export const requestAs = async (t: TestContext, user?: TestUser): Promise<PayloadRequest> =>
  createLocalReq(user ? { user: { ...(await userDoc(t, user)), collection: 'users' } as never } : {}, t.payload)

/** A template written as fixture by the system. */
export const createTemplate = async (t: TestContext, overrides: Partial<TemplateData> = {}) =>
  t.payload.create({ collection: 'email-templates', data: templateData(overrides) as never, overrideAccess: true })

export const countTemplates = async (t: TestContext, internalName: string) =>
  (
    await t.payload.count({
      collection: 'email-templates',
      overrideAccess: true,
      where: { internalName: { equals: internalName } },
    })
  ).totalDocs

export const findLogs = async (t: TestContext, recipientEmail: string) =>
  (
    await t.payload.find({
      collection: 'email-logs',
      overrideAccess: true,
      pagination: false,
      where: { recipientEmail: { equals: recipientEmail } },
    })
  ).docs

/** The sendEmail jobs queued for one log row. */
export const findJobs = async (t: TestContext, emailLogId: string) =>
  (
    (
      await t.payload.find({
        collection: 'payload-jobs',
        overrideAccess: true,
        pagination: false,
        where: { taskSlug: { equals: 'sendEmail' } },
      })
    ).docs as unknown as JobRow[]
  ).filter((job) => job.input?.emailLog === emailLogId)

type JobRow = {
  completedAt?: null | string
  hasError?: boolean | null
  id: string
  input: { emailLog: string }
  processing?: boolean | null
  totalTried?: null | number
  waitUntil?: null | string
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until a job's retry backoff is over, so that `jobs.run()` picks it up again. */
export const waitPast = async (isoDate: null | string | undefined) => {
  if (!isoDate) return
  const ms = new Date(isoDate).getTime() - Date.now() + 50
  if (ms > 0) await sleep(ms)
}

/** The nested field errors of a Payload REST validation error. */
export const fieldErrors = (body: any): { message: string; path: string }[] =>
  (body?.errors ?? []).flatMap((error: any) => error?.data?.errors ?? [])
