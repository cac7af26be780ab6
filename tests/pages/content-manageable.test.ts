/**
 * Content-manageable stamps: `creator` is the requesting user on create and
 * never changes; `lastModifiedBy` is the requesting user on every update;
 * `created` is set once, `updated` on every save. Clients cannot forge any
 * of them (pages carry all four; minutes and code samples a creator).
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, uniquePath, type Json } from './fixtures'

let t: TestContext
let alice: TestUser
let bob: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  alice = await t.makeUser('staff')
  bob = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const FORGED_DATE = '2001-01-01T00:00:00.000Z'
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as Json).id : value)

const stored = async (id: string) => (await t.payload.findByID({ collection: 'pages', depth: 0, id, overrideAccess: true })) as unknown as Json

const createAsAlice = async (extra: Json = {}) => {
  const response = await t.api('POST', '/pages', { auth: alice, body: { path: uniquePath(), title: 'Stamped', ...extra } })
  expect(response.status).toBe(201)
  return (await json(response)).doc
}

describe('pages: content-manageable stamps', () => {
  it('create stamps creator, lastModifiedBy, created and updated from the request', async () => {
    const doc = await createAsAlice()
    const row = await stored(doc.id)
    expect(idOf(row.creator)).toBe(alice.id)
    expect(idOf(row.lastModifiedBy)).toBe(alice.id)
    expect(Number.isNaN(Date.parse(row.created))).toBe(false)
    expect(Number.isNaN(Date.parse(row.updated))).toBe(false)
  })

  it('forged stamps in a create are ignored', async () => {
    const doc = await createAsAlice({ created: FORGED_DATE, creator: member.id, lastModifiedBy: bob.id, updated: FORGED_DATE })
    const row = await stored(doc.id)
    expect(idOf(row.creator)).toBe(alice.id)
    expect(idOf(row.lastModifiedBy)).toBe(alice.id)
    expect(row.created).not.toBe(FORGED_DATE)
    expect(row.updated).not.toBe(FORGED_DATE)
  })

  it('an update by someone else sets lastModifiedBy and updated; creator and created stay', async () => {
    const doc = await createAsAlice()
    const before = await stored(doc.id)
    const response = await t.api('PATCH', `/pages/${doc.id}`, { auth: bob, body: { title: 'Edited by Bob' } })
    expect(response.status).toBe(200)
    const row = await stored(doc.id)
    expect(idOf(row.creator)).toBe(alice.id)
    expect(idOf(row.lastModifiedBy)).toBe(bob.id)
    expect(row.created).toBe(before.created)
    expect(Number.isNaN(Date.parse(row.updated))).toBe(false)

    // and back: the stamp follows whoever saved last
    await t.api('PATCH', `/pages/${doc.id}`, { auth: alice, body: { title: 'Edited by Alice' } })
    expect(idOf((await stored(doc.id)).lastModifiedBy)).toBe(alice.id)
  })

  it('forged stamps in an update are ignored (REST)', async () => {
    const doc = await createAsAlice()
    const before = await stored(doc.id)
    const response = await t.api('PATCH', `/pages/${doc.id}`, {
      auth: bob,
      body: { created: FORGED_DATE, creator: bob.id, lastModifiedBy: member.id, title: 'Forgery', updated: FORGED_DATE },
    })
    expect(response.status).toBe(200)
    const row = await stored(doc.id)
    expect(row.title).toBe('Forgery')
    expect(idOf(row.creator)).toBe(alice.id)
    expect(idOf(row.lastModifiedBy)).toBe(bob.id)
    expect(row.created).toBe(before.created)
    expect(row.updated).not.toBe(FORGED_DATE)
  })

  it('forged stamps are ignored through GraphQL and the Local API with access control on', async () => {
    const doc = await createAsAlice()
    const gql = await t.graphql(
      `mutation { updatePage(id: "${doc.id}", data: { title: "via GraphQL", creator: "${bob.id}", lastModifiedBy: "${member.id}" }) { id } }`,
      { auth: bob },
    )
    // either the schema refuses the stamps or they are ignored: never stored
    const afterGql = await stored(doc.id)
    expect(idOf(afterGql.creator)).toBe(alice.id)
    expect(idOf(afterGql.lastModifiedBy)).toBe(gql.errors ? alice.id : bob.id)

    const user = await t.payload.findByID({ collection: 'users', id: bob.id, overrideAccess: true })
    await t.payload.update({
      collection: 'pages',
      data: { created: FORGED_DATE, creator: member.id, lastModifiedBy: member.id, title: 'via Local API' } as never,
      id: doc.id,
      overrideAccess: false,
      user,
    })
    const row = await stored(doc.id)
    expect(row.title).toBe('via Local API')
    expect(idOf(row.creator)).toBe(alice.id)
    expect(idOf(row.lastModifiedBy)).toBe(bob.id)
    expect(row.created).not.toBe(FORGED_DATE)
  })

  it('the stamps are readable through REST', async () => {
    const doc = await createAsAlice({ isPublished: true })
    const read = await json(await t.api('GET', `/pages/${doc.id}?depth=0`, { auth: bob }))
    expect(read).toMatchObject({ creator: alice.id, lastModifiedBy: alice.id })
    expect(read.created).toEqual(expect.any(String))
  })
})

describe.each(['minutes', 'code-samples'] as const)('%s: creator stamp', (slug) => {
  const data = () => (slug === 'minutes' ? { date: '1999-01-15' } : { code: 'print(1)', title: uniquePath('sample') })

  it('is the requesting user, cannot be forged, and never changes', async () => {
    const response = await t.api('POST', `/${slug}`, { auth: alice, body: { ...data(), creator: member.id } })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    const read = async () => (await t.payload.findByID({ collection: slug, depth: 0, id: doc.id, overrideAccess: true })) as unknown as Json
    expect((await read()).creator).toBe(alice.id)
    expect((await t.api('PATCH', `/${slug}/${doc.id}`, { auth: bob, body: { creator: bob.id, isPublished: true } })).status).toBe(200)
    expect((await read()).creator).toBe(alice.id)
  })
})
