/**
 * A member's success-story submission is announced to every active staff
 * member through the one sending path: queueEmail writes an email-logs row
 * per recipient and queues the send; the jobs queue renders the seeded
 * `successstories.submitted` template and delivers it over SMTP (a local
 * sink here). Inactive staff and members get nothing; a story staff create
 * themselves, an edit, or a refused submission email nobody.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { SUCCESS_STORY_SUBMITTED_TEMPLATE } from '../../hooks/success-stories/notifyStaffOfSubmission'
import { seedEssentials } from '../../seed/seed'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createCategory, expectClientError, json, storyData, submitStory, unique, type Json } from './fixtures'

let t: TestContext
let sink: SmtpSink
let dataDir: string
let staff: TestUser
let otherStaff: TestUser
let superuser: TestUser
let inactiveStaff: TestUser
let member: TestUser
let bystander: TestUser
let category: Json
/** every active staff address, the seed's superuser included */
let activeStaffEmails: string[]

beforeAll(async () => {
  sink = await startSmtpSink()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-story-mail-'))
  t = await startTestPayload({ ...sink.env, PAYLOAD_DATA_DIR: dataDir })
  // the seed creates the first superuser and the email templates
  await seedEssentials(t.payload, () => undefined)
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  otherStaff = await t.makeUser('staff')
  inactiveStaff = await t.makeUser('staff', { isActive: false })
  member = await t.makeUser('member')
  bystander = await t.makeUser('member')
  category = await createCategory(t, staff)
  const { docs } = await t.payload.find({
    collection: 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ isActive: { equals: true } }, { or: [{ isStaff: { equals: true } }, { isSuperuser: { equals: true } }] }] },
  })
  activeStaffEmails = docs.map((doc) => doc.email.toLowerCase()).sort()
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
  if (dataDir) fs.rmSync(dataDir, { force: true, recursive: true })
})
beforeEach(() => sink.clear())
afterEach(async () => {
  // no test leaves a job behind for the next one's jobs.run()
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
})

/** The submission emails logged for one story. */
const logsFor = async (storyId: string) =>
  (
    (
      await t.payload.find({
        collection: 'email-logs',
        overrideAccess: true,
        pagination: false,
        where: { templateName: { equals: SUCCESS_STORY_SUBMITTED_TEMPLATE } },
      })
    ).docs as unknown as Json[]
  ).filter((log) => log.context?.storyId === storyId)

const allLogs = async () => (await t.payload.count({ collection: 'email-logs', overrideAccess: true })).totalDocs

describe('the successstories.submitted template', () => {
  it('is created by the seed, active, and renders the story it is about', async () => {
    const { docs } = await t.payload.find({
      collection: 'email-templates',
      overrideAccess: true,
      where: { internalName: { equals: SUCCESS_STORY_SUBMITTED_TEMPLATE } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ isActive: true, internalName: 'successstories.submitted' })
    for (const variable of ['name', 'companyName', 'submitter', 'storyId']) {
      expect(`${docs[0]!.subject}\n${docs[0]!.contentText}`).toContain(variable)
    }
  })
})

describe('a member submits a story', () => {
  it('emails every active staff member (not inactive staff, not members), with the story in the subject', async () => {
    expect(activeStaffEmails).toEqual(expect.arrayContaining([staff.email, otherStaff.email, superuser.email]))
    expect(activeStaffEmails).not.toContain(inactiveStaff.email)

    const name = unique('Submitted story')
    const story = await submitStory(t, member, category.id, { companyName: 'Widgets Ltd', name })

    // queued in the same request: one log row per active staff member, nothing sent yet
    const queued = await logsFor(story.id)
    expect(queued.map((log) => log.recipientEmail).sort()).toEqual(activeStaffEmails)
    expect(queued.every((log) => log.status === 'QUEUED')).toBe(true)
    expect(queued[0]!.context).toMatchObject({ companyName: 'Widgets Ltd', name, storyId: story.id, submitter: member.username })
    expect(sink.messages).toHaveLength(0)

    await t.payload.jobs.run()
    const messages = await sink.waitFor(activeStaffEmails.length)
    expect(messages).toHaveLength(activeStaffEmails.length)
    const recipients = messages.flatMap((message) => message.rcptTo.map((address) => address.toLowerCase())).sort()
    expect(recipients).toEqual(activeStaffEmails)
    for (const nobody of [inactiveStaff.email, member.email, bystander.email]) expect(sink.messagesTo(nobody)).toEqual([])

    for (const message of messages) {
      expect(message.subject).toContain(name)
      expect(message.subject).toContain('Widgets Ltd')
      expect(message.text).toContain(member.username)
      expect(message.text).toContain(`/admin/collections/success-stories/${story.id}`)
      expect(message.html).toContain(name)
    }

    const sent = await logsFor(story.id)
    expect(sent).toHaveLength(activeStaffEmails.length)
    for (const log of sent) {
      expect(log.status).toBe('SENT')
      expect(log.subject).toContain(name)
    }
  })

  it('through GraphQL too', async () => {
    const name = unique('gql-submission')
    const gql = await t.graphql(
      `mutation { createSuccessStory(data: { name: "${name}", slug: "${name}", companyName: "G Inc", category: "${category.id}", contentType: MARKDOWN }) { id } }`,
      { auth: member },
    )
    expect(gql.errors).toBeUndefined()
    await t.payload.jobs.run()
    const messages = await sink.waitFor(activeStaffEmails.length)
    expect(messages.map((message) => message.rcptTo[0]!.toLowerCase()).sort()).toEqual(activeStaffEmails)
    expect(messages.every((message) => message.subject.includes(name))).toBe(true)
    expect(await logsFor(gql.data.createSuccessStory.id)).toHaveLength(activeStaffEmails.length)
  })

  it('the member’s later edit emails nobody', async () => {
    const story = await submitStory(t, member, category.id)
    await t.payload.jobs.run()
    await sink.waitFor(activeStaffEmails.length)
    sink.clear()
    const before = await allLogs()

    expect((await t.api('PATCH', `/success-stories/${story.id}`, { auth: member, body: { companyName: 'Edited' } })).status).toBe(200)
    await t.payload.jobs.run()
    expect(await allLogs()).toBe(before)
    expect(sink.messages).toHaveLength(0)
  })

  it('a refused submission writes no log and sends nothing', async () => {
    const before = await allLogs()
    const { category: _omitted, ...withoutCategory } = storyData(category.id)
    await expectClientError(await t.api('POST', '/success-stories', { auth: member, body: withoutCategory }), 'category')
    await expectClientError(
      await t.api('POST', '/success-stories', { auth: member, body: storyData(category.id, { companyUrl: 'javascript:alert(1)' }) }),
      'companyUrl',
    )
    await t.payload.jobs.run()
    expect(await allLogs()).toBe(before)
    expect(sink.messages).toHaveLength(0)
  })
})

describe('a story created by staff', () => {
  it('emails nobody', async () => {
    const before = await allLogs()
    const story = await submitStory(t, staff, category.id, { isPublished: true })
    const viaSuperuser = await json(await t.api('POST', '/success-stories', { auth: superuser, body: storyData(category.id) }))
    expect(await logsFor(story.id)).toEqual([])
    expect(await logsFor(viaSuperuser.doc.id)).toEqual([])
    await t.payload.jobs.run()
    expect(await allLogs()).toBe(before)
    expect(sink.messages).toHaveLength(0)
  })
})
