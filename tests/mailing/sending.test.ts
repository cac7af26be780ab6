/**
 * The one sending path: queueEmail writes the log and queues the job in the
 * caller's transaction; the sendEmail task renders, sends through SMTP (a
 * local sink here) and records SENT or FAILED; failures are retried and
 * never fail the caller.
 */
import crypto from 'node:crypto'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { queueEmail } from '../../src/mailing/queueEmail'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, findJobs, findLogs, requestAs, unique, userDoc, waitPast } from './fixtures'

let t: TestContext
let sink: SmtpSink
let staff: TestUser
let member: TestUser

const fromAddress = process.env.EMAIL_FROM ?? 'noreply@python.org'
const recipient = () => `${unique('to')}@example.org`

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  await t.makeUser('superuser') // the first account of a database is a superuser
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
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
  // no test leaves a job behind for the next one's jobs.run()
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
})

const getLog = (id: string) => t.payload.findByID({ collection: 'email-logs', id, overrideAccess: true })

/** An active template written by a staff member through the Local API, as the admin panel would. */
const staffTemplate = async (overrides: Record<string, unknown> = {}) => {
  const user = await userDoc(t, staff)
  return t.payload.create({
    collection: 'email-templates',
    data: {
      contentHtml: '<p>Hello {{ name }},</p>\n{% if count %}<p>You have {{ count }} new messages.</p>{% endif %}',
      // trimBlocks: the newline right after a block tag is dropped, as in Jinja2 with trim_blocks
      contentText: 'Hello {{ name }},\n{% if count %}You have {{ count }} new messages.\n{% endif %}-- The PSF',
      displayName: 'Welcome',
      internalName: unique('welcome'),
      isActive: true,
      subject: 'Welcome, {{ name }}!',
      templateType: 'TRANSACTIONAL',
      ...overrides,
    } as never,
    overrideAccess: false,
    user,
  })
}

describe('queueEmail -> jobs.run -> SMTP', () => {
  it('logs QUEUED at once, sends on jobs.run with the rendered subject and bodies, then logs SENT', async () => {
    const template = await staffTemplate()
    const to = recipient()
    const req = await requestAs(t, member)
    const log = await queueEmail(req, { context: { count: 3, name: '<b>Ann</b> & co' }, template: template.internalName, to })

    // immediately: the log row, and the job; nothing sent yet
    const queued = await getLog(String(log.id))
    expect(queued).toMatchObject({
      attempts: 0,
      context: { count: 3, name: '<b>Ann</b> & co' },
      recipientEmail: to,
      status: 'QUEUED',
      templateName: template.internalName,
    })
    expect(queued.sentAt ?? null).toBeNull()
    const [job, ...moreJobs] = await findJobs(t, String(log.id))
    expect(job).toBeDefined()
    expect(moreJobs).toHaveLength(0)
    expect(job!.completedAt ?? null).toBeNull()
    expect(sink.messages).toHaveLength(0)

    const before = Date.now()
    await t.payload.jobs.run()

    await sink.waitFor(1)
    expect(sink.messages).toHaveLength(1)
    const [message] = sink.messages
    expect(message!.rcptTo).toEqual([to])
    expect(message!.mailFrom).toBe(fromAddress)
    expect(message!.headers.to).toContain(to)
    // subject and text are plain text: no HTML escaping
    expect(message!.subject).toBe('Welcome, <b>Ann</b> & co!')
    expect(message!.text).toBe('Hello <b>Ann</b> & co,\nYou have 3 new messages.\n-- The PSF')
    // the HTML part escapes context values
    expect(message!.html).toBe('<p>Hello &lt;b&gt;Ann&lt;/b&gt; &amp; co,</p>\n<p>You have 3 new messages.</p>')
    expect(message!.html).not.toContain('<b>Ann</b>')
    expect(message!.headers['content-type']).toMatch(/multipart\/alternative/)

    const sent = await getLog(String(log.id))
    expect(sent).toMatchObject({ attempts: 1, status: 'SENT', subject: 'Welcome, <b>Ann</b> & co!' })
    expect(sent.errorMessage ?? null).toBeNull()
    expect(new Date(sent.sentAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    // done: the job is completed (Payload deletes completed jobs by default)
    const left = await findJobs(t, String(log.id))
    expect(left.filter((row) => !row.completedAt || row.hasError)).toEqual([])
  })

  it('sends each queued email once: a second jobs.run sends nothing more', async () => {
    const template = await staffTemplate()
    const to = [recipient(), recipient()]
    const req = await requestAs(t, member)
    for (const address of to) await queueEmail(req, { context: { name: address }, template: template.internalName, to: address })
    await t.payload.jobs.run()
    await sink.waitFor(2)
    await t.payload.jobs.run()
    expect(sink.messages).toHaveLength(2)
    for (const address of to) {
      expect(sink.messagesTo(address)).toHaveLength(1)
      expect(sink.messagesTo(address)[0]!.subject).toBe(`Welcome, ${address}!`)
      const [log] = await findLogs(t, address)
      expect(log!.status).toBe('SENT')
    }
  })

  it('a context value cannot inject headers through the subject', async () => {
    const template = await staffTemplate()
    const to = recipient()
    const name = 'Mallory\r\nBcc: victim@example.org\r\nX-Injected: yes'
    await queueEmail(await requestAs(t), { context: { name }, template: template.internalName, to })
    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.rcptTo).toEqual([to])
    expect(message!.headers.bcc).toBeUndefined()
    expect(message!.headers['x-injected']).toBeUndefined()
    expect(message!.subject).toBe('Welcome, Mallory Bcc: victim@example.org X-Injected: yes!')
  })

  it('sends a text-only email when the template has no HTML body', async () => {
    const template = await staffTemplate({ contentHtml: null })
    const to = recipient()
    await queueEmail(await requestAs(t), { context: { name: 'Bo' }, template: template.internalName, to })
    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.html).toBeUndefined()
    expect(message!.text).toBe('Hello Bo,\n-- The PSF')
    expect(message!.headers['content-type']).toMatch(/text\/plain/)
  })
})

describe('transactions: the email goes out only if the change that caused it commits', () => {
  it('a rolled-back transaction leaves no log row, no job and no email', async () => {
    const template = await staffTemplate()
    const to = recipient()
    const req = await requestAs(t, staff)
    await initTransaction(req)
    const log = await queueEmail(req, { template: template.internalName, to })
    await killTransaction(req)

    expect(await findLogs(t, to)).toHaveLength(0)
    expect(await findJobs(t, String(log.id))).toHaveLength(0)
    await t.payload.jobs.run()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(sink.messages).toHaveLength(0)
  })

  it('a Local API operation failing in the same request rolls the queued email back', async () => {
    const template = await staffTemplate()
    const to = recipient()
    const req = await requestAs(t, staff)
    await initTransaction(req)
    const log = await queueEmail(req, { template: template.internalName, to })
    // the change the email was about fails: duplicate internalName
    await expect(
      t.payload.create({
        collection: 'email-templates',
        data: { contentText: 'x', displayName: 'x', internalName: template.internalName, subject: 'x' } as never,
        overrideAccess: false,
        req,
      }),
    ).rejects.toThrow()
    await killTransaction(req)

    expect(await findLogs(t, to)).toHaveLength(0)
    expect(await findJobs(t, String(log.id))).toHaveLength(0)
    await t.payload.jobs.run()
    expect(sink.messages).toHaveLength(0)
  })

  it('an email queued in an open transaction is not sent before the commit, and is sent after it', async () => {
    const template = await staffTemplate()
    const to = recipient()
    const req = await requestAs(t, staff)
    await initTransaction(req)
    const log = await queueEmail(req, { context: { name: 'Cy' }, template: template.internalName, to })

    // a worker running now does not see the uncommitted job
    await t.payload.jobs.run()
    expect(sink.messages).toHaveLength(0)

    await commitTransaction(req)
    expect((await getLog(String(log.id))).status).toBe('QUEUED')
    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.rcptTo).toEqual([to])
    expect((await getLog(String(log.id))).status).toBe('SENT')
  })
})

describe('failures are logged, retried, and never fail the caller', () => {
  it('a missing or inactive template: FAILED with the reason, retried, SENT once the template is active', async () => {
    const template = await staffTemplate({ isActive: false })
    const to = recipient()
    const log = await queueEmail(await requestAs(t, member), { context: { name: 'Di' }, template: template.internalName, to })
    expect(log.status).toBe('QUEUED')

    await t.payload.jobs.run()
    const failed = await getLog(String(log.id))
    expect(failed).toMatchObject({ attempts: 1, status: 'FAILED' })
    expect(failed.errorMessage).toMatch(new RegExp(`No active email template named "${template.internalName}"`))
    expect(sink.messages).toHaveLength(0)

    // the job is kept for a retry, after a backoff
    const [job] = await findJobs(t, String(log.id))
    expect(job).toMatchObject({ totalTried: 1 })
    expect(job!.hasError ?? false).toBe(false)
    expect(job!.completedAt ?? null).toBeNull()
    expect(new Date(job!.waitUntil!).getTime()).toBeGreaterThan(Date.now() - 1000)

    // staff fix the template; the retry sends
    await t.payload.update({ collection: 'email-templates', data: { isActive: true }, id: template.id, overrideAccess: true })
    await waitPast(job!.waitUntil)
    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.subject).toBe('Welcome, Di!')
    const sent = await getLog(String(log.id))
    expect(sent).toMatchObject({ attempts: 2, status: 'SENT', subject: 'Welcome, Di!' })
    expect(sent.errorMessage ?? null).toBeNull()
    expect(sent.sentAt).toBeTruthy()
  })

  it('an SMTP server refusing the message: FAILED with its reply, then SENT on a retry', async () => {
    const template = await staffTemplate()
    const to = recipient()
    sink.failWith({ code: 451, message: 'Try again later, greylisted' })
    const log = await queueEmail(await requestAs(t, member), { context: { name: 'Ed' }, template: template.internalName, to })

    await t.payload.jobs.run()
    const failed = await getLog(String(log.id))
    expect(failed.status).toBe('FAILED')
    expect(failed.errorMessage).toMatch(/451|greylisted/)
    // rendered before sending: the subject is known even though sending failed
    expect(failed.subject).toBe('Welcome, Ed!')
    expect(sink.messages).toHaveLength(0)

    sink.failWith(null)
    const [job] = await findJobs(t, String(log.id))
    await waitPast(job!.waitUntil)
    await t.payload.jobs.run()
    await sink.waitFor(1)
    expect(sink.messagesTo(to)).toHaveLength(1)
    expect(await getLog(String(log.id))).toMatchObject({ attempts: 2, status: 'SENT' })
  })

  it('after the last retry the failure stays in the log and the job is given up', async () => {
    const to = recipient()
    const log = await queueEmail(await requestAs(t), { template: unique('no-such-template'), to })
    const [job] = await findJobs(t, String(log.id))
    // run it again and again, without waiting for the backoff
    for (let run = 0; run < 10; run += 1) {
      await t.payload.jobs.runByID({ id: job!.id })
      const [current] = await findJobs(t, String(log.id))
      if (current!.hasError) break
    }
    const [final] = await findJobs(t, String(log.id))
    expect(final!.hasError).toBe(true)
    // retries: { attempts: 4 } -> one try and four retries
    expect(final!.totalTried).toBe(5)
    const failed = await getLog(String(log.id))
    expect(failed).toMatchObject({ attempts: 5, status: 'FAILED' })
    expect(failed.errorMessage).toMatch(/No active email template/)
    // a worker leaves it alone from now on
    await t.payload.jobs.run()
    expect((await getLog(String(log.id))).attempts).toBe(5)
    expect(sink.messages).toHaveLength(0)
  })

  it('the change that queued the email commits even though sending fails', async () => {
    const template = await staffTemplate()
    const to = recipient()
    sink.failWith({ code: 554, message: 'Transaction failed' })
    // a request by staff: create a template and queue a notification about it
    const req = await requestAs(t, staff)
    await initTransaction(req)
    const name = unique('created-in-request')
    const created = await t.payload.create({
      collection: 'email-templates',
      data: { contentText: 'x', displayName: 'x', internalName: name, subject: 'x' } as never,
      overrideAccess: false,
      req,
    })
    await expect(queueEmail(req, { context: { name }, template: template.internalName, to })).resolves.toMatchObject({
      status: 'QUEUED',
    })
    await commitTransaction(req)

    await expect(t.payload.jobs.run()).resolves.toBeDefined()
    const [log] = await findLogs(t, to)
    expect(log!.status).toBe('FAILED')
    expect(log!.errorMessage).toMatch(/554|Transaction failed/)
    // the caller's change is there
    const reread = await t.payload.findByID({ collection: 'email-templates', id: created.id, overrideAccess: true })
    expect(reread.internalName).toBe(name)
  })
})

describe('the sandbox holds on the sending path', () => {
  it('a template reaching for process.env renders nothing from the host: the send fails and is logged', async () => {
    const canary = `canary-${crypto.randomBytes(6).toString('hex')}`
    process.env.MAILING_SEND_CANARY = canary
    try {
      // syntactically valid, so it saves
      const template = await staffTemplate({
        contentText: 'Env: {{ range.constructor("return process.env.MAILING_SEND_CANARY")() }}',
        subject: 'Env {{ "".constructor.constructor("return process.env")() }}',
      })
      const to = recipient()
      const log = await queueEmail(await requestAs(t), { template: template.internalName, to })
      await t.payload.jobs.run()
      const failed = await getLog(String(log.id))
      expect(failed.status).toBe('FAILED')
      expect(JSON.stringify(failed)).not.toContain(canary)
      for (const message of sink.messages) expect(message.raw).not.toContain(canary)
      expect(sink.messagesTo(to)).toHaveLength(0)
    } finally {
      delete process.env.MAILING_SEND_CANARY
    }
  })
})
