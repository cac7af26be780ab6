/**
 * Production runs several instances on one database, each working the jobs
 * queue. A queued job runs exactly once however many of them look for work
 * at the same moment: the claim is one conditional UPDATE in the database
 * (src/platform/queue/atomicClaim.ts), not a read followed by a write.
 */
import type { Payload } from 'payload'

import { queueEmail } from '../../src/mailing/queueEmail'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { captureLogs, query } from '../helpers/assertions'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, requestAs, unique } from '../mailing/fixtures'

let t: TestContext
let sink: SmtpSink
let second: { close: () => Promise<void>; payload: Payload }

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  await t.makeUser('superuser') // the first account of a database is a superuser
  second = await t.startAnotherInstance()
})
afterAll(async () => {
  await second?.close()
  await t?.close()
  await sink?.close()
})
beforeEach(() => sink.clear())
afterEach(async () => {
  // no test leaves a job behind for the next one
  await query(t, `DELETE FROM payload_jobs`)
})

/** Every warning or error either instance logs (a foreign-key error on payload_jobs_log, for one). */
const captureErrors = (instances: Payload[]) => {
  const captured = instances.map(captureLogs)
  return {
    errors: () => captured.flatMap((capture) => capture.atLeast('warn')),
    restore: () => captured.forEach((capture) => capture.restore()),
  }
}

const queueMany = async (count: number) => {
  const template = await createTemplate(t, { contentText: 'Body {{ n }}', subject: 'Subject {{ n }}' })
  const req = await requestAs(t)
  const recipients: string[] = []
  for (let n = 0; n < count; n += 1) {
    const to = `${unique(`many${n}`)}@example.org`
    recipients.push(to)
    await queueEmail(req, { context: { n }, template: template.internalName, to })
  }
  return recipients
}

const logsFor = async (recipients: string[]) =>
  (
    await t.payload.find({
      collection: 'email-logs',
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: { recipientEmail: { in: recipients } },
    })
  ).docs

describe('two instances working one queue', () => {
  it('N queued emails: exactly N sent, each logged SENT once with attempts 1, no errors', async () => {
    const count = 30
    const recipients = await queueMany(count)
    const { errors, restore } = captureErrors([t.payload, second.payload])
    try {
      // both instances, twice each, look for work at the same moment
      const runs = () =>
        Promise.all([
          t.payload.jobs.run({ limit: 50 }),
          second.payload.jobs.run({ limit: 50 }),
          t.payload.jobs.run({ limit: 50 }),
          second.payload.jobs.run({ limit: 50 }),
        ])
      await runs()
      // whatever one round left (a job claimed by nobody) the next takes
      await runs()
    } finally {
      restore()
    }

    expect(errors()).toEqual([])
    expect(sink.messages).toHaveLength(count)
    for (const to of recipients) expect(sink.messagesTo(to)).toHaveLength(1)
    const logs = await logsFor(recipients)
    expect(logs).toHaveLength(count)
    for (const log of logs) expect(log).toMatchObject({ attempts: 1, status: 'SENT' })
    // completed jobs are deleted; nothing is left claimed or pending
    const { rows } = await query(t, `SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'sendEmail'`)
    expect(rows[0].n).toBe(0)
  })

  it('runByID on two instances at once runs the job once', async () => {
    const [to] = await queueMany(1)
    const { rows } = await query(t, `SELECT id FROM payload_jobs WHERE completed_at IS NULL`)
    expect(rows).toHaveLength(1)
    const id = String(rows[0].id)
    const { errors, restore } = captureErrors([t.payload, second.payload])
    try {
      await Promise.all([t.payload.jobs.runByID({ id }), second.payload.jobs.runByID({ id })])
    } finally {
      restore()
    }
    expect(errors()).toEqual([])
    expect(sink.messagesTo(to!)).toHaveLength(1)
    const [log] = await logsFor([to!])
    expect(log).toMatchObject({ attempts: 1, status: 'SENT' })
  })

  it('a job another instance holds is left alone', async () => {
    const [to] = await queueMany(1)
    // another instance has claimed it and is still working on it
    await query(t, `UPDATE payload_jobs SET processing = true WHERE task_slug = 'sendEmail' AND completed_at IS NULL`)
    await Promise.all([t.payload.jobs.run(), second.payload.jobs.run()])
    expect(sink.messagesTo(to!)).toHaveLength(0)
    const [log] = await logsFor([to!])
    expect(log).toMatchObject({ attempts: 0, status: 'QUEUED' })
    await query(t, `UPDATE payload_jobs SET processing = false WHERE task_slug = 'sendEmail' AND completed_at IS NULL`)
    await t.payload.jobs.run()
    expect(sink.messagesTo(to!)).toHaveLength(1)
  })

  it('a claim left by an instance that died is released after JOBS_STALE_AFTER_MINUTES: the job runs', async () => {
    const [to] = await queueMany(1)
    // claimed 31 minutes ago (the default is 30) and never finished
    await query(
      t,
      `UPDATE payload_jobs SET processing = true, updated_at = now() - interval '31 minutes'
       WHERE task_slug = 'sendEmail' AND completed_at IS NULL`,
    )
    const logs = captureLogs(t.payload)
    try {
      await t.payload.jobs.run()
    } finally {
      logs.restore()
    }
    expect(sink.messagesTo(to!)).toHaveLength(1)
    expect(logs.atLeast('warn').map((line) => JSON.stringify(line.args))).toEqual([
      expect.stringMatching(/Released 1 job\(s\) claimed over 30 minutes ago/),
    ])
    const [log] = await logsFor([to!])
    expect(log).toMatchObject({ attempts: 1, status: 'SENT' })
  })
})
