/**
 * Work groups are staff-managed and public while active: inactive groups are
 * hidden from anonymous users and members (REST list, by id, count,
 * GraphQL); staff see them all. The url must be http(s).
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, expectUnchanged, json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let active: Json
let inactive: Json

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  active = await seed(t, 'work-groups', { name: 'Packaging WG', purpose: 'Packaging', url: 'https://wiki.python.org/psf/PackagingWG' })
  inactive = await seed(t, 'work-groups', { active: false, name: 'Retired WG', purpose: 'SECRET-INACTIVE' })
})
afterAll(async () => {
  await t?.close()
})

describe('work groups: public while active', () => {
  it('a new work group is active by default', () => {
    expect(active.active).toBe(true)
  })

  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
  ])('%s sees active groups only', async (_role, who) => {
    const list = await t.api('GET', '/work-groups?limit=100', { auth: who() })
    const text = await list.text()
    expect(text).not.toContain('SECRET-INACTIVE')
    expect(JSON.parse(text).docs.map((doc: Json) => doc.id)).toEqual([active.id])
    expect([403, 404]).toContain((await t.api('GET', `/work-groups/${inactive.id}`, { auth: who() })).status)
    expect((await t.api('GET', `/work-groups/${active.id}`, { auth: who() })).status).toBe(200)
    expect((await json(await t.api('GET', '/work-groups/count', { auth: who() }))).totalDocs).toBe(1)
    const filtered = await json(await t.api('GET', '/work-groups?where[active][equals]=false', { auth: who() }))
    expect(filtered.docs).toEqual([])
    const gql = await t.graphql(`{ WorkGroups { docs { id } } WorkGroup(id: "${inactive.id}") { id } countWorkGroups { totalDocs } }`, {
      auth: who(),
    })
    expect(gql.data?.WorkGroups.docs).toEqual([{ id: active.id }])
    expect(gql.data?.WorkGroup ?? null).toBeNull()
    expect(gql.data?.countWorkGroups.totalDocs).toBe(1)
  })

  it('staff see inactive groups', async () => {
    const list = await json(await t.api('GET', '/work-groups?limit=100', { auth: staff }))
    expect(list.docs.map((doc: Json) => doc.id).sort()).toEqual([active.id, inactive.id].sort())
    expect((await t.api('GET', `/work-groups/${inactive.id}`, { auth: staff })).status).toBe(200)
  })

  it('deactivating hides a group, reactivating shows it', async () => {
    const group = await seed(t, 'work-groups', { name: 'Toggle WG', purpose: 'p' })
    expect((await t.api('GET', `/work-groups/${group.id}`)).status).toBe(200)
    await t.api('PATCH', `/work-groups/${group.id}`, { auth: staff, body: { active: false } })
    expect([403, 404]).toContain((await t.api('GET', `/work-groups/${group.id}`)).status)
    await t.api('PATCH', `/work-groups/${group.id}`, { auth: staff, body: { active: true } })
    expect((await t.api('GET', `/work-groups/${group.id}`)).status).toBe(200)
  })
})

describe('work groups: staff-managed', () => {
  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
  ])('%s cannot create, update or delete', async (_role, who) => {
    await expectUnchanged(t, 'work-groups', async () => {
      expect((await t.api('POST', '/work-groups', { auth: who(), body: { name: 'Rogue WG', purpose: 'p' } })).status).toBe(403)
      expect((await t.api('PATCH', `/work-groups/${active.id}`, { auth: who(), body: { active: false } })).status).toBe(403)
      expect((await t.api('DELETE', `/work-groups/${active.id}`, { auth: who() })).status).toBe(403)
      const gql = await t.graphql(`mutation { updateWorkGroup(id: "${active.id}", data: { active: false }) { id } }`, { auth: who() })
      expect(gql.data?.updateWorkGroup ?? null).toBeNull()
    })
  })

  it('staff create one, stamped with its creator', async () => {
    const response = await t.api('POST', '/work-groups', { auth: staff, body: { creator: member.id, name: 'Docs WG', purpose: 'Docs' } })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc).toMatchObject({ active: true, creator: { id: staff.id }, slug: 'docs-wg' })
  })
})

describe('work groups: bad input', () => {
  it.each([
    ['url', { url: 'javascript:alert(1)' }],
    ['url', { url: 'ftp://example.org/' }],
    ['url', { url: `https://example.org/${'x'.repeat(1000)}` }],
    ['name', { name: 'x'.repeat(201) }],
    ['purpose', { purpose: 'x'.repeat(5001) }],
    ['name', { name: '' }],
  ])('%s: 400 naming the field, nothing written', async (field, data) => {
    await expectUnchanged(t, 'work-groups', async () => {
      await expectClientError(await t.api('POST', '/work-groups', { auth: staff, body: { name: 'Valid', purpose: 'p', ...data } }), field)
      await expectClientError(await t.api('PATCH', `/work-groups/${active.id}`, { auth: staff, body: data }), field)
    })
  })
})
