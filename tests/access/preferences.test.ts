/**
 * Payload's admin preferences (payload-preferences): each staff member's
 * own, through the routes the admin panel uses (/api/payload-preferences/:key)
 * and the collection routes. Nobody reads or changes another user's, and
 * members (who have no admin panel) store none.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { expectRefused, json, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors

const PREFS = 'payload-preferences'
const KEY = 'collection-pages'

const rows = async () =>
  // overrideAccess: every stored preference, read by the system
  (await t.payload.find({ collection: PREFS, depth: 0, limit: 0, overrideAccess: true, pagination: false }))
    .docs as Json[]

const ownerOf = (row: Json) => (typeof row.user?.value === 'object' ? row.user.value.id : row.user?.value)

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

describe('staff keep their own preferences, as the admin panel does', () => {
  it('store, read back and delete through /api/payload-preferences/:key', async () => {
    const { staff } = actors
    const saved = await t.api('POST', `/${PREFS}/${KEY}`, { auth: staff, body: { value: { columns: ['title'] } } })
    expect(saved.status).toBe(200)
    const read = await json(await t.api('GET', `/${PREFS}/${KEY}`, { auth: staff }))
    expect(read.value).toEqual({ columns: ['title'] })
    expect((await t.api('DELETE', `/${PREFS}/${KEY}`, { auth: staff })).status).toBe(200)
    expect((await rows()).filter((row) => ownerOf(row) === staff.id)).toEqual([])
  })

  it('deleting a preference the caller does not have is a 404, not a crash', async () => {
    expect((await t.api('DELETE', `/${PREFS}/never-stored`, { auth: actors.staff })).status).toBe(404)
  })

  it('another staff member neither reads nor changes them', async () => {
    const { staff, superuser } = actors
    await t.api('POST', `/${PREFS}/${KEY}`, { auth: staff, body: { value: { columns: ['mine'] } } })
    const [row] = (await rows()).filter((candidate) => ownerOf(candidate) === staff.id)
    // the same key answers the superuser's own (none), not staff's
    const theirs = await t.api('GET', `/${PREFS}/${KEY}`, { auth: superuser })
    expect(JSON.stringify(await json(theirs))).not.toContain('mine')
    const list = await json(await t.api('GET', `/${PREFS}?limit=100`, { auth: superuser }))
    expect(list.docs.map((doc: Json) => doc.id)).not.toContain(row!.id)
    // (GET /:id is the :key route here: it answers the caller's own preference of that name)
    const byId = await t.api('GET', `/${PREFS}/${row!.id}`, { auth: superuser })
    expect(JSON.stringify(await json(byId))).not.toContain('mine')
    expectRefused(await t.api('PATCH', `/${PREFS}/${row!.id}`, { auth: superuser, body: { value: { columns: [] } } }))
    expectRefused(await t.api('DELETE', `/${PREFS}/${row!.id}`, { auth: superuser }))
    const gql = await t.graphql('{ PayloadPreferences { docs { id value } } }', { auth: superuser })
    expect(JSON.stringify(gql.data ?? {})).not.toContain('mine')
    const [after] = (await rows()).filter((candidate) => candidate.id === row!.id)
    expect(after!.value).toEqual({ columns: ['mine'] })
  })

  it("a preference created through the collection route is the creator's, whoever it names", async () => {
    const { staff, superuser } = actors
    const response = await t.api('POST', `/${PREFS}`, {
      auth: staff,
      body: { key: 'forged', user: { relationTo: 'users', value: superuser.id }, value: { x: 1 } },
    })
    expect(response.status).toBe(201)
    const [row] = (await rows()).filter((candidate) => candidate.key === 'forged')
    expect(ownerOf(row!)).toBe(staff.id)
  })
})

describe('members and anonymous users have none', () => {
  it.each(['anonymous', 'member', 'owner'] as const)('%s cannot store, read or list preferences', async (name) => {
    const auth = actors[name] as Auth
    const before = await rows()
    expect([401, 403]).toContain(
      (await t.api('POST', `/${PREFS}/${KEY}`, { auth, body: { value: { columns: ['x'] } } })).status,
    )
    expect([401, 403]).toContain((await t.api('GET', `/${PREFS}/${KEY}`, { auth })).status)
    expect([401, 403]).toContain((await t.api('DELETE', `/${PREFS}/${KEY}`, { auth })).status)
    expect([401, 403]).toContain(
      (await t.api('POST', `/${PREFS}`, { auth, body: { key: 'k', value: { x: 1 } } })).status,
    )
    const list = await t.api('GET', `/${PREFS}`, { auth })
    if (list.status === 200) expect((await json(list)).docs).toEqual([])
    else expect([401, 403]).toContain(list.status)
    expect(await rows()).toEqual(before)
  })
})
