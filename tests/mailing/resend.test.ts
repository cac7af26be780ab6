/**
 * POST /api/email-logs/:id/resend: staff send a logged email again through
 * the one mailing path (queueEmail): a new log row that records what it
 * resends and who asked; the original stays as it was. One resend at a time.
 */
import { queueEmail } from '../../src/mailing/queueEmail'
import { makeActors, type Actors } from '../helpers/actors'
import { json, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, findLogs, requestAs, unique } from './fixtures'

let t: TestContext
let sink: SmtpSink
let actors: Actors
let templateName: string

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  actors = await makeActors(t)
  templateName = (await createTemplate(t, { contentText: 'Code {{ code }}', subject: 'Your code, {{ name }}' }))
    .internalName
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
})
beforeEach(() => {
  sink.clear()
  sink.failWith(null)
})
afterEach(async () => {
  await query(t, 'DELETE FROM payload_jobs')
})

const getLog = (id: string) => t.payload.findByID({ collection: 'email-logs', depth: 0, id, overrideAccess: true })

/** An email that failed for good: SMTP refused it through every attempt. */
const failedEmail = async () => {
  const to = `${unique('resend')}@example.org`
  const log = await queueEmail(await requestAs(t, actors.member), {
    context: { code: 'A-1', name: 'Ida' },
    template: templateName,
    to,
  })
  sink.failWith({ code: 550, message: 'Mailbox unavailable' })
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { rows } = await query(t, `SELECT id FROM payload_jobs WHERE input->>'emailLog' = $1`, [String(log.id)])
    await t.payload.jobs.runByID({ id: String(rows[0].id), silent: true })
  }
  sink.failWith(null)
  const failed = await getLog(String(log.id))
  expect(failed).toMatchObject({ attempts: 5, status: 'FAILED' })
  return { id: String(log.id), to }
}

const resend = (id: string, auth: Actors[keyof Actors]) => t.api('POST', `/email-logs/${id}/resend`, { auth })

describe('resending an email', () => {
  it('staff resend a failed email: a new log row, queued through queueEmail, sent by the queue', async () => {
    const original = await failedEmail()
    const before = await getLog(original.id)

    const response = await resend(original.id, actors.staff)
    expect(response.status).toBe(202)
    const body = await json(response)
    const copy = await getLog(String(body.emailLog))
    expect(copy).toMatchObject({
      attempts: 0,
      context: { code: 'A-1', name: 'Ida' },
      recipientEmail: original.to,
      resendOf: original.id,
      resentBy: actors.staff.id,
      status: 'QUEUED',
      templateName,
    })
    expect(await getLog(original.id)).toEqual(before)

    await t.payload.jobs.run({ silent: true })
    const [message] = await sink.waitFor(1)
    expect(message!.rcptTo).toEqual([original.to])
    expect(message!.subject).toBe('Your code, Ida')
    expect(await getLog(copy.id)).toMatchObject({ attempts: 1, status: 'SENT' })
    expect(await getLog(original.id)).toMatchObject({ attempts: 5, status: 'FAILED' })
  })

  it('a superuser may resend; a member, anonymous and a bad id are refused without writing anything', async () => {
    const original = await failedEmail()
    const count = async () => (await findLogs(t, original.to)).length
    expect((await resend(original.id, actors.member)).status).toBe(403)
    expect((await resend(original.id, actors.anonymous)).status).toBe(401)
    expect((await resend('not-a-uuid', actors.staff)).status).toBe(400)
    expect((await resend('00000000-0000-4000-8000-000000000000', actors.staff)).status).toBe(404)
    expect(await count()).toBe(1)
    expect((await resend(original.id, actors.superuser)).status).toBe(202)
    expect(await count()).toBe(2)
  })

  it('one resend at a time: a queued email, or one whose resend is still queued, is refused (409)', async () => {
    const queued = await queueEmail(await requestAs(t), { template: templateName, to: `${unique('q')}@example.org` })
    const stillQueued = await resend(String(queued.id), actors.staff)
    expect(stillQueued.status).toBe(409)
    expect(JSON.stringify(await json(stillQueued))).toMatch(/still queued/)
    await query(t, 'DELETE FROM payload_jobs')

    const original = await failedEmail()
    expect((await resend(original.id, actors.staff)).status).toBe(202)
    const again = await resend(original.id, actors.staff)
    expect(again.status).toBe(409)
    expect(JSON.stringify(await json(again))).toMatch(/a resend of this email is already queued/)
    // once that copy went out, the email may be resent again (a recipient who lost it)
    await t.payload.jobs.run({ silent: true })
    expect((await resend(original.id, actors.staff)).status).toBe(202)
    expect(await findLogs(t, original.to)).toHaveLength(3)
  })

  it('two resends at the same moment queue one copy', async () => {
    const original = await failedEmail()
    const attempts = [1, 2, 3].map(() => resend(original.id, actors.staff))
    const statuses = (await Promise.all(attempts)).map((response) => response.status)
    expect(statuses.sort()).toEqual([202, 409, 409])
    expect(await findLogs(t, original.to)).toHaveLength(2)
  })

  it('refuses (409) while the template is inactive, naming it', async () => {
    const original = await failedEmail()
    await t.payload.update({
      collection: 'email-templates',
      data: { isActive: false },
      overrideAccess: true,
      where: { internalName: { equals: templateName } },
    })
    try {
      const response = await resend(original.id, actors.staff)
      expect(response.status).toBe(409)
      expect(JSON.stringify(await json(response))).toContain(`no active email template named \\"${templateName}\\"`)
      expect(await findLogs(t, original.to)).toHaveLength(1)
    } finally {
      await t.payload.update({
        collection: 'email-templates',
        data: { isActive: true },
        overrideAccess: true,
        where: { internalName: { equals: templateName } },
      })
    }
  })
})
