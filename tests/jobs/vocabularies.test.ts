/**
 * Job types and job categories: staff-managed vocabularies anyone may read.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { type Json, json, query, userDoc } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const VOCABULARIES = [
  { collection: 'job-types', create: 'createJobType', list: 'JobTypes', table: 'job_types', update: 'updateJobType' },
  { collection: 'job-categories', create: 'createJobCategory', list: 'JobCategories', table: 'job_categories', update: 'updateJobCategory' },
] as const

const rows = async (table: string) => JSON.stringify((await query(t, `SELECT * FROM ${table} ORDER BY id`)).rows)

describe.each(VOCABULARIES)('$collection', ({ collection, create, list, table, update }) => {
  let entry: Json

  beforeAll(async () => {
    const response = await t.api('POST', collection, { auth: staff, body: { name: 'Full Time (40h)' } })
    expect(response.status).toBe(201)
    entry = (await json(response)).doc
  })

  it('staff and superusers create entries; the slug is made from the name', async () => {
    expect(entry.slug).toBe('full-time-40h')
    const response = await t.api('POST', collection, { auth: superuser, body: { name: 'Part-time', slug: 'part-time' } })
    expect(response.status).toBe(201)
    // GraphQL too, leaving the slug to the server
    const gql = await t.graphql(`mutation { ${create}(data: { name: "Internship" }) { id slug } }`, { auth: staff })
    expect(gql.errors).toBeUndefined()
    expect(gql.data[create].slug).toBe('internship')
  })

  it('a member may not create one: 403 through REST, GraphQL and the Local API; nothing written', async () => {
    const before = await rows(table)
    expect((await t.api('POST', collection, { auth: member, body: { name: 'Member made' } })).status).toBe(403)
    const gql = await t.graphql(`mutation { ${create}(data: { name: "Member made" }) { id } }`, { auth: member })
    expect(gql.errors?.[0]?.extensions?.statusCode).toBe(403)
    await expect(
      t.payload.create({ collection, data: { name: 'Member made' } as never, overrideAccess: false, user: await userDoc(t, member) }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await rows(table)).toBe(before)
  })

  it('anonymous may not create one', async () => {
    const before = await rows(table)
    expect((await t.api('POST', collection, { body: { name: 'Anonymous made' } })).status).toBe(403)
    expect(await rows(table)).toBe(before)
  })

  it('a member may neither rename nor delete one; staff may', async () => {
    const before = await rows(table)
    expect((await t.api('PATCH', `${collection}/${entry.id}`, { auth: member, body: { name: 'Renamed' } })).status).toBe(403)
    const gql = await t.graphql(`mutation { ${update}(id: "${entry.id}", data: { name: "Renamed" }) { id } }`, { auth: member })
    expect(gql.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect((await t.api('DELETE', `${collection}/${entry.id}`, { auth: member })).status).toBe(403)
    expect(await rows(table)).toBe(before)

    const extra = (await json(await t.api('POST', collection, { auth: staff, body: { name: 'Temporary' } }))).doc
    expect((await t.api('PATCH', `${collection}/${extra.id}`, { auth: staff, body: { name: 'Temporary 2' } })).status).toBe(200)
    expect((await t.api('DELETE', `${collection}/${extra.id}`, { auth: staff })).status).toBe(200)
  })

  it('anyone reads them: REST list and by id, GraphQL', async () => {
    for (const who of [undefined, member]) {
      const listed = await json(await t.api('GET', collection, { auth: who }))
      expect(listed.docs.map((doc: Json) => doc.id)).toContain(entry.id)
      expect((await t.api('GET', `${collection}/${entry.id}`, { auth: who })).status).toBe(200)
      const gql = await t.graphql(`{ ${list} { docs { id name slug } } }`, { auth: who })
      expect(gql.data[list].docs).toContainEqual({ id: entry.id, name: 'Full Time (40h)', slug: 'full-time-40h' })
    }
  })

  it('a duplicate slug is a 400 naming slug; an overlong name a 400 naming name', async () => {
    const before = await rows(table)
    const clash = await t.api('POST', collection, { auth: staff, body: { name: 'Full time 40h' } })
    expect(clash.status).toBe(400)
    expect(JSON.stringify(await json(clash))).toMatch(/slug/)
    const long = await t.api('POST', collection, { auth: staff, body: { name: 'x'.repeat(201) } })
    expect(long.status).toBe(400)
    expect((await json(long)).errors[0].data.errors.map((e: Json) => e.path)).toContain('name')
    expect(await rows(table)).toBe(before)
  })
})
