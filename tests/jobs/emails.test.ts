/**
 * The job board's emails, end to end through the one sending path (seeded
 * templates -> email-logs row -> sendEmail task -> SMTP): submitted (to the
 * team, only when the status actually changes), approved and rejected (to
 * the job's contact and the team), review comments (staff -> contact, owner
 * -> team). Refused changes send nothing.
 */
import { seedEssentials } from '../../seed/seed'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { type SinkMessage, type SmtpSink, startSmtpSink } from '../helpers/smtpSink'
import { cancelQueuedEmails, createJob, jobEmailLogs, jobRow, type Json, json, setStatus, TEAM_EMAIL } from './fixtures'

let t: TestContext
let sink: SmtpSink
let staff: TestUser
let owner: TestUser
let otherMember: TestUser

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload({ ...sink.env, JOBS_TEAM_EMAIL: TEAM_EMAIL })
  // the seed's own superuser is the database's first account; it also creates the templates
  await seedEssentials(t.payload, () => undefined)
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
})
beforeEach(() => {
  sink.clear()
})
afterEach(async () => {
  await cancelQueuedEmails(t)
})

/** Sends what is queued; returns the messages about `job` (its title is unique). */
const deliver = async (job: Json): Promise<SinkMessage[]> => {
  await t.payload.jobs.run()
  return sink.messages.filter((message) => message.subject.includes(job.jobTitle) || (message.text ?? '').includes(job.jobTitle))
}

const to = (list: SinkMessage[], address: string) => list.filter((m) => m.rcptTo.map((r) => r.toLowerCase()).includes(address.toLowerCase()))

const submit = (job: Json, auth: TestUser = owner) => t.api('PATCH', `jobs/${job.id}`, { auth, body: { status: 'REVIEW' } })

describe('submitted for review', () => {
  it('the team gets one email when the owner submits a draft; the log row records it', async () => {
    const job = await createJob(t, owner)
    expect((await submit(job)).status).toBe(200)

    const queued = await jobEmailLogs(t, String(job.id))
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({ recipient_email: TEAM_EMAIL, status: 'QUEUED', template_name: 'jobs.submitted' })

    const messages = await deliver(job)
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message!.rcptTo).toEqual([TEAM_EMAIL])
    expect(message!.subject).toBe(`Job submitted for review: ${job.jobTitle} (${job.companyName})`)
    expect(message!.text).toContain(`${job.jobTitle} at ${job.companyName}`)
    expect(message!.text).toContain(`https://www.python.org/admin/collections/jobs/${job.id}`)

    const [sent] = await jobEmailLogs(t, String(job.id))
    expect(sent).toMatchObject({ recipient_email: TEAM_EMAIL, status: 'SENT', subject: message!.subject, template_name: 'jobs.submitted' })
  })

  it('a second PATCH with status REVIEW sends nothing; nor does editing a job under review', async () => {
    const job = await createJob(t, owner)
    await submit(job)
    await deliver(job)
    sink.clear()

    expect((await submit(job)).status).toBe(200)
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { description: 'Clarified.', status: 'REVIEW' } })).status).toBe(200)
    expect(await jobEmailLogs(t, String(job.id))).toHaveLength(1)
    expect(await deliver(job)).toHaveLength(0)
  })

  it('posting a job straight into REVIEW emails the team once', async () => {
    const response = await t.api('POST', 'jobs', {
      auth: owner,
      body: { companyName: 'Direct Co', country: 'NL', description: 'x', email: 'direct@example.org', jobTitle: `Direct ${Date.now()}`, status: 'REVIEW' },
    })
    const { doc } = await json(response)
    const messages = await deliver(doc)
    expect(messages.map((m) => m.rcptTo)).toEqual([[TEAM_EMAIL]])
  })

  it('a draft saved without submitting sends nothing', async () => {
    const job = await createJob(t, owner)
    await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { description: 'Draft two.' } })
    expect(await jobEmailLogs(t, String(job.id))).toHaveLength(0)
    expect(await deliver(job)).toHaveLength(0)
  })

  it('resubmitting a rejected job emails the team again (GraphQL)', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'REJECTED')
    const result = await t.graphql(`mutation { updateJob(id: "${job.id}", data: { status: REVIEW }) { status } }`, { auth: owner })
    expect(result.errors).toBeUndefined()
    const messages = await deliver(job)
    expect(messages.map((m) => [m.rcptTo, m.subject])).toEqual([[[TEAM_EMAIL], `Job submitted for review: ${job.jobTitle} (${job.companyName})`]])
  })
})

describe('approved and rejected', () => {
  it('approving (REST PATCH) emails the contact and the team with the job link', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'REVIEW')
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'APPROVED' } })).status).toBe(200)

    const logs = await jobEmailLogs(t, String(job.id))
    expect(logs.map((log) => [log.template_name, log.recipient_email]).sort()).toEqual(
      [
        ['jobs.approved', job.email],
        ['jobs.approved', TEAM_EMAIL],
      ].sort(),
    )
    const messages = await deliver(job)
    expect(messages).toHaveLength(2)
    for (const address of [job.email, TEAM_EMAIL]) {
      const [message] = to(messages, address)
      expect(message!.subject).toBe(`Job approved: ${job.jobTitle} (${job.companyName})`)
      expect(message!.text).toContain(`https://www.python.org/jobs/${job.slug}/`)
    }
    for (const log of await jobEmailLogs(t, String(job.id))) expect(log.status).toBe('SENT')
  })

  it('rejecting (the review endpoint) emails the contact and the team', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'REVIEW')
    expect((await t.api('POST', `jobs/${job.id}/review`, { auth: staff, body: { action: 'reject' } })).status).toBe(200)
    const messages = await deliver(job)
    expect(messages).toHaveLength(2)
    for (const address of [job.email, TEAM_EMAIL]) {
      const [message] = to(messages, address)
      expect(message!.subject).toBe(`Job not approved: ${job.jobTitle} (${job.companyName})`)
      expect(message!.text).toContain(`Your job posting "${job.jobTitle}" at ${job.companyName} was not approved`)
    }
    expect((await jobEmailLogs(t, String(job.id))).map((log) => log.template_name)).toEqual(['jobs.rejected', 'jobs.rejected'])
  })

  it('archiving, withdrawing and expiring send nothing', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'APPROVED')
    await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'ARCHIVED' } })
    const withdrawn = await createJob(t, owner)
    await t.api('PATCH', `jobs/${withdrawn.id}`, { auth: owner, body: { status: 'ARCHIVED' } })
    expect((await jobRow(t, String(job.id)))!.status).toBe('ARCHIVED')
    expect((await jobRow(t, String(withdrawn.id)))!.status).toBe('ARCHIVED')
    expect(await jobEmailLogs(t, String(job.id))).toHaveLength(0)
    expect(await jobEmailLogs(t, String(withdrawn.id))).toHaveLength(0)
    expect([...(await deliver(job)), ...(await deliver(withdrawn))]).toHaveLength(0)
  })

  it('a refused transition sends nothing', async () => {
    const job = await createJob(t, owner)
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'APPROVED' } })).status).toBe(409)
    await setStatus(t, String(job.id), 'REVIEW')
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { status: 'APPROVED' } })).status).toBe(403)
    expect(await jobEmailLogs(t, String(job.id))).toHaveLength(0)
    expect(await deliver(job)).toHaveLength(0)
  })
})

describe('review comments', () => {
  it('a staff comment emails the job contact, with the comment', async () => {
    const job = await createJob(t, owner)
    const response = await t.api('POST', 'job-review-comments', { auth: staff, body: { comment: 'Please add a salary range.', job: job.id } })
    expect(response.status).toBe(201)
    const messages = await deliver(job)
    expect(messages.map((m) => m.rcptTo)).toEqual([[job.email]])
    expect(messages[0]!.subject).toBe(`Review comment on ${job.jobTitle} (${job.companyName})`)
    expect(messages[0]!.text).toContain('Please add a salary range.')
    const logs = await jobEmailLogs(t, String(job.id))
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ recipient_email: job.email, status: 'SENT', template_name: 'jobs.comment' })
  })

  it('an owner comment emails the team', async () => {
    const job = await createJob(t, owner)
    const response = await t.api('POST', 'job-review-comments', { auth: owner, body: { comment: 'Added the salary range.', job: job.id } })
    expect(response.status).toBe(201)
    const messages = await deliver(job)
    expect(messages.map((m) => m.rcptTo)).toEqual([[TEAM_EMAIL]])
    expect(messages[0]!.text).toContain('Added the salary range.')
  })

  it('the review endpoint with a comment sends the decision to contact and team, and the comment to the contact', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'REVIEW')
    await t.api('POST', `jobs/${job.id}/review`, { auth: staff, body: { action: 'approve', comment: 'Looks good.' } })
    const messages = await deliver(job)
    expect(messages.map((m) => [m.rcptTo[0], m.subject.split(':')[0]]).sort()).toEqual(
      [
        [job.email, 'Job approved'],
        [TEAM_EMAIL, 'Job approved'],
        [job.email, 'Review comment on ' + job.jobTitle + ' (' + job.companyName + ')'],
      ].sort(),
    )
  })

  it('a refused comment (another member, empty) sends nothing', async () => {
    const job = await createJob(t, owner)
    expect((await t.api('POST', 'job-review-comments', { auth: otherMember, body: { comment: 'Me too!', job: job.id } })).status).toBe(403)
    expect((await t.api('POST', 'job-review-comments', { auth: owner, body: { comment: '   ', job: job.id } })).status).toBe(400)
    expect(await jobEmailLogs(t, String(job.id))).toHaveLength(0)
    expect(await deliver(job)).toHaveLength(0)
  })
})
