/**
 * Banners are staff-managed; inactive banners are invisible to anonymous
 * users and members through REST, GraphQL and counts. Bad banner data is a
 * 400 naming the field.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, expectUnchanged, json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let activeBanner: Json
let inactiveBanner: Json

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  activeBanner = await seed(t, 'banners', { isActive: true, isSitewide: true, message: 'live', name: 'live', title: 'Live' })
  inactiveBanner = await seed(t, 'banners', { isActive: false, isSitewide: true, message: 'SECRET-INACTIVE', name: 'hidden', title: 'Hidden' })
})
afterAll(async () => {
  await t?.close()
})

const valid = { message: 'Python 3.14 is out', name: 'release', title: 'New release' }

describe('banners: visibility', () => {
  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
  ])('%s sees active banners only (REST list, by id, count, GraphQL)', async (_role, who) => {
    const list = await t.api('GET', '/banners?limit=100', { auth: who() })
    const text = await list.text()
    expect(text).not.toContain('SECRET-INACTIVE')
    expect(JSON.parse(text).docs.map((doc: Json) => doc.id)).toEqual([activeBanner.id])
    expect([403, 404]).toContain((await t.api('GET', `/banners/${inactiveBanner.id}`, { auth: who() })).status)
    expect((await json(await t.api('GET', '/banners/count', { auth: who() }))).totalDocs).toBe(1)
    const gql = await t.graphql(`{ Banners { docs { id } } Banner(id: "${inactiveBanner.id}") { id } }`, { auth: who() })
    expect(gql.data?.Banners.docs).toEqual([{ id: activeBanner.id }])
    expect(gql.data?.Banner ?? null).toBeNull()
  })

  it('staff see inactive banners', async () => {
    const list = await json(await t.api('GET', '/banners?limit=100', { auth: staff }))
    expect(list.docs.map((doc: Json) => doc.id)).toEqual(expect.arrayContaining([activeBanner.id, inactiveBanner.id]))
  })
})

describe('banners: staff-managed', () => {
  it.each([
    ['anonymous', () => undefined],
    ['member', () => member],
  ])('%s cannot create, update or delete', async (_role, who) => {
    await expectUnchanged(t, 'banners', async () => {
      expect((await t.api('POST', '/banners', { auth: who(), body: { ...valid, isActive: true } })).status).toBe(403)
      expect((await t.api('PATCH', `/banners/${activeBanner.id}`, { auth: who(), body: { message: 'defaced' } })).status).toBe(403)
      expect((await t.api('DELETE', `/banners/${activeBanner.id}`, { auth: who() })).status).toBe(403)
      const gql = await t.graphql(`mutation { createBanner(data: { name: "x", title: "x", message: "x" }) { id } }`, { auth: who() })
      expect(gql.data?.createBanner ?? null).toBeNull()
    })
  })

  it('staff create, activate and delete a banner', async () => {
    const created = await t.api('POST', '/banners', { auth: staff, body: valid })
    expect(created.status).toBe(201)
    const { doc } = await json(created)
    expect(doc).toMatchObject({ bannerType: 'INFO', isActive: false, target: 'FRONTEND' })
    expect((await t.api('GET', `/banners/${doc.id}`)).status).toBe(404)
    expect((await t.api('PATCH', `/banners/${doc.id}`, { auth: staff, body: { isActive: true } })).status).toBe(200)
    expect((await t.api('GET', `/banners/${doc.id}`)).status).toBe(200)
    expect((await t.api('DELETE', `/banners/${doc.id}`, { auth: staff })).status).toBe(200)
  })
})

describe('banners: bad input', () => {
  it.each([
    ['bannerType', { bannerType: 'PURPLE' }],
    ['target', { target: 'PRINT' }],
    ['link', { link: 'javascript:alert(1)' }],
    ['link', { link: 'not a url' }],
    ['link', { link: `https://example.org/${'x'.repeat(1000)}` }],
    ['endDate', { endDate: '2024-01-01', startDate: '2024-02-01' }],
    ['message', { message: 'x'.repeat(2001) }],
    ['title', { title: 'x'.repeat(201) }],
    ['paths', { paths: '/x/\n'.repeat(1300) }],
    ['startDate', { startDate: 'not a date' }],
  ])('%s: 400 naming the field, nothing written', async (field, data) => {
    await expectUnchanged(t, 'banners', async () => {
      await expectClientError(await t.api('POST', '/banners', { auth: staff, body: { ...valid, ...data } }), field)
      await expectClientError(await t.api('PATCH', `/banners/${activeBanner.id}`, { auth: staff, body: data }), field)
    })
  })
})
