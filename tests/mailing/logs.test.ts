/**
 * EmailLog: written only by the sending path. Staff read it; nobody, not
 * even a superuser, creates or edits it through the APIs.
 */
import { queueEmail } from '../../src/mailing/queueEmail'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, requestAs, unique, userDoc } from './fixtures'

let t: TestContext
let sink: SmtpSink
let superuser: TestUser
let staff: TestUser
let member: TestUser
let logId: string
let recipientEmail: string

const countLogs = async () => (await t.payload.count({ collection: 'email-logs', overrideAccess: true })).totalDocs
const getLog = () => t.payload.findByID({ collection: 'email-logs', id: logId, overrideAccess: true })

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  superuser = await t.makeUser('superuser') // the first account of a database is a superuser
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  const template = await createTemplate(t, { subject: 'Private {{ name }}' })
  recipientEmail = `${unique('log')}@example.org`
  const log = await queueEmail(await requestAs(t, member), { context: { name: 'Gil' }, template: template.internalName, to: recipientEmail })
  logId = String(log.id)
  await t.payload.jobs.run()
  await sink.waitFor(1)
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
})

const newLog = { recipientEmail: 'forged@example.org', status: 'SENT', subject: 'Forged', templateName: 'forged' }

describe('email-logs: read', () => {
  it.each([
    ['staff', () => staff],
    ['superuser', () => superuser],
  ])('%s reads logs through REST and GraphQL', async (_, who) => {
    const auth = who()
    const list = await t.api('GET', '/email-logs', { auth })
    expect(list.status).toBe(200)
    const { docs } = (await list.json()) as { docs: { id: string; recipientEmail: string; status: string; subject: string }[] }
    expect(docs.find((doc) => doc.id === logId)).toMatchObject({ recipientEmail, status: 'SENT', subject: 'Private Gil' })

    const one = await t.api('GET', `/email-logs/${logId}`, { auth })
    expect(one.status).toBe(200)

    const gql = await t.graphql(`{ EmailLogs { docs { id status recipientEmail subject } } }`, { auth })
    expect(gql.errors).toBeUndefined()
    expect(gql.data.EmailLogs.docs).toContainEqual({ id: logId, recipientEmail, status: 'SENT', subject: 'Private Gil' })
  })

  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
  ])('%s cannot read logs (REST, GraphQL, Local API)', async (_, who) => {
    const auth = who()
    const list = await t.api('GET', '/email-logs', { auth })
    expect(list.status).toBe(403)
    expect(await list.text()).not.toContain(recipientEmail)
    const one = await t.api('GET', `/email-logs/${logId}`, { auth })
    expect(one.status).toBe(403)
    expect(await one.text()).not.toContain(recipientEmail)

    const gql = await t.graphql(`{ EmailLogs { docs { id recipientEmail } } }`, { auth })
    expect(gql.data?.EmailLogs ?? null).toBeNull()
    expect(JSON.stringify(gql)).not.toContain(recipientEmail)
    const gqlOne = await t.graphql(`query ($id: String!) { EmailLog(id: $id) { recipientEmail } }`, { auth, variables: { id: logId } })
    expect(JSON.stringify(gqlOne)).not.toContain(recipientEmail)

    const user = auth ? await userDoc(t, auth) : undefined
    await expect(t.payload.find({ collection: 'email-logs', overrideAccess: false, user })).rejects.toMatchObject({ status: 403 })
  })
})

describe('email-logs: nobody writes them through the API', () => {
  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
    ['staff', () => staff],
    ['superuser', () => superuser],
  ])('%s cannot create or update a log (REST and GraphQL)', async (_, who) => {
    const auth = who()
    const before = await countLogs()
    const created = await t.api('POST', '/email-logs', { auth, body: newLog })
    expect(created.status).toBe(403)

    const patched = await t.api('PATCH', `/email-logs/${logId}`, { auth, body: { status: 'FAILED', subject: 'Tampered' } })
    expect(patched.status).toBe(403)
    const bulk = await t.api('PATCH', `/email-logs?where[id][equals]=${logId}`, { auth, body: { subject: 'Tampered' } })
    expect(bulk.status).toBe(403)

    const gqlCreate = await t.graphql(
      `mutation ($data: mutationEmailLogInput!) { createEmailLog(data: $data) { id } }`,
      { auth, variables: { data: newLog } },
    )
    expect(gqlCreate.data?.createEmailLog ?? null).toBeNull()
    const gqlUpdate = await t.graphql(
      `mutation ($id: String!) { updateEmailLog(id: $id, data: { subject: "Tampered" }) { id } }`,
      { auth, variables: { id: logId } },
    )
    expect(gqlUpdate.data?.updateEmailLog ?? null).toBeNull()

    expect(await countLogs()).toBe(before)
    expect(await getLog()).toMatchObject({ status: 'SENT', subject: 'Private Gil' })
  })

  it('staff cannot delete a log; a superuser can', async () => {
    const template = await createTemplate(t)
    const log = await queueEmail(await requestAs(t), { template: template.internalName, to: `${unique('del')}@example.org` })
    const denied = await t.api('DELETE', `/email-logs/${log.id}`, { auth: staff })
    expect(denied.status).toBe(403)
    const allowed = await t.api('DELETE', `/email-logs/${log.id}`, { auth: superuser })
    expect(allowed.status).toBe(200)
    expect((await t.payload.find({ collection: 'email-logs', overrideAccess: true, where: { id: { equals: log.id } } })).totalDocs).toBe(0)
    // keep the queue clean: its job now points at nothing
    await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
  })
})
