/**
 * User groups: created by members or staff, approval and trust are staff
 * decisions, anonymous readers see approved groups only, the creator is
 * stamped by the server, and the slug is generated and unique.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'

let t: TestContext

let superuser: TestUser
let staff: TestUser
let alice: TestUser
let bob: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  // the first user of a database becomes a superuser: create the real one first
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  alice = await t.makeUser('member', { emailPrivacy: 'NEVER' })
  bob = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Json = Record<string, any>

const json = async (response: Response): Promise<Json> => (await response.json()) as Json

const errorPaths = (body: Json): string[] =>
  (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path))

const expectFieldError = async (response: Response, field: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(errorPaths(body)).toContain(field)
  return body
}

const groupCount = async () => (await t.payload.count({ collection: 'user-groups', overrideAccess: true })).totalDocs
const dbGroup = (id: string) =>
  t.payload.findByID({ collection: 'user-groups', depth: 0, id, overrideAccess: true }) as Promise<Json>

const asUser = async (user: TestUser) => ({
  ...(await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })),
  collection: 'users' as const,
})

const create = async (auth: TestUser | undefined, body: Json) => t.api('POST', '/user-groups?depth=0', { auth, body })

const createOk = async (auth: TestUser, body: Json) => {
  const response = await create(auth, body)
  expect(response.status).toBe(201)
  return (await json(response)).doc as Json
}

describe('creating a user group', () => {
  it('anonymous users cannot create one', async () => {
    const before = await groupCount()
    expect([401, 403]).toContain((await create(undefined, { name: 'Anonymous Group' })).status)
    const gql = await t.graphql(
      `mutation { createUserGroup(data: { name: "Anonymous GQL", slug: "", userGroupType: MEETUP }) { id } }`,
    )
    expect(gql.errors?.[0]?.extensions?.name).toBe('Forbidden')
    await expect(
      t.payload.create({
        collection: 'user-groups',
        data: { name: 'Anonymous Local' } as never,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    expect(await groupCount()).toBe(before)
  })

  it('a member creates one: the slug is generated, approval, trust and the creator cannot be forged', async () => {
    const doc = await createOk(alice, {
      approved: true,
      created: '2001-01-01T00:00:00.000Z',
      creator: bob.id,
      lastModifiedBy: bob.id,
      name: 'Python Meetup 3.14',
      trusted: true,
    })
    expect(doc.slug).toBe('python-meetup-314')
    const row = await dbGroup(doc.id)
    expect(row).toMatchObject({ approved: false, creator: alice.id, lastModifiedBy: alice.id, trusted: false })
    expect(String(row.created).slice(0, 4)).not.toBe('2001')
  })

  it('the same holds through GraphQL and the Local API', async () => {
    // the GraphQL create input marks required fields non-null even when they
    // have a default or are generated: an empty slug asks for generation
    const gql = await t.graphql(
      `mutation { createUserGroup(data: { name: "GraphQL Group", slug: "", userGroupType: MEETUP, approved: true, trusted: true }) { id slug approved trusted } }`,
      { auth: alice },
    )
    expect(gql.errors).toBeUndefined()
    expect(gql.data.createUserGroup).toMatchObject({ approved: false, slug: 'graphql-group', trusted: false })
    expect(await dbGroup(gql.data.createUserGroup.id)).toMatchObject({ approved: false, creator: alice.id })

    const local = await t.payload.create({
      collection: 'user-groups',
      data: { approved: true, creator: bob.id, name: 'Local Group', trusted: true } as never,
      overrideAccess: false,
      user: await asUser(alice),
    })
    expect(await dbGroup(local.id)).toMatchObject({ approved: false, creator: alice.id, trusted: false })
  })

  it('staff may approve and trust on create', async () => {
    const doc = await createOk(staff, { approved: true, name: 'Staff Approved Group', trusted: true })
    expect(await dbGroup(doc.id)).toMatchObject({ approved: true, creator: staff.id, trusted: true })
  })

  it('a duplicate slug is refused, naming `slug`', async () => {
    const before = await groupCount()
    // generated from the same name
    await expectFieldError(await create(bob, { name: 'Python Meetup 3.14' }), 'slug')
    // or given explicitly
    await expectFieldError(await create(bob, { name: 'Other name', slug: 'python-meetup-314' }), 'slug')
    const gql = await t.graphql(
      `mutation { createUserGroup(data: { name: "Python  Meetup 314", slug: "", userGroupType: MEETUP }) { id } }`,
      { auth: bob },
    )
    expect(gql.errors?.[0]?.extensions?.name).toBe('ValidationError')
    expect(JSON.stringify(gql.errors)).toMatch(/slug/)
    expect(await groupCount()).toBe(before)
  })

  it('an explicit slug is kept; a slug that is not URL-safe is refused, naming `slug`', async () => {
    const doc = await createOk(bob, { name: 'Bob Group', slug: 'bobs-group' })
    expect(doc.slug).toBe('bobs-group')
    const before = await groupCount()
    await expectFieldError(await create(bob, { name: 'Bad', slug: 'Not A Slug!' }), 'slug')
    expect(await groupCount()).toBe(before)
  })

  it('a url that is not http(s) is refused, naming `url` (a frontend puts it in an href)', async () => {
    const before = await groupCount()
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'not a url']) {
      await expectFieldError(await create(bob, { name: `Url ${url}`, url }), 'url')
    }
    expect(await groupCount()).toBe(before)
    expect((await createOk(bob, { name: 'Linked Group', url: 'https://example.org/group' })).url).toBe(
      'https://example.org/group',
    )
  })
})

describe('updating a user group', () => {
  let group: Json

  beforeAll(async () => {
    group = await createOk(alice, { name: 'Alice Update Group' })
  })

  it('the creator cannot approve or trust their own group, nor change its creator', async () => {
    const response = await t.api('PATCH', `/user-groups/${group.id}`, {
      auth: alice,
      body: { approved: true, creator: bob.id, location: 'Berlin', trusted: true },
    })
    expect(response.status).toBe(200)
    expect(await dbGroup(group.id)).toMatchObject({
      approved: false,
      creator: alice.id,
      location: 'Berlin',
      trusted: false,
    })
    const gql = await t.graphql(
      `mutation { updateUserGroup(id: "${group.id}", data: { approved: true, trusted: true }) { id } }`,
      { auth: alice },
    )
    expect(gql.errors).toBeUndefined()
    expect(await dbGroup(group.id)).toMatchObject({ approved: false, trusted: false })
  })

  it('another member cannot update it', async () => {
    const response = await t.api('PATCH', `/user-groups/${group.id}`, { auth: bob, body: { location: 'Paris' } })
    expect([403, 404]).toContain(response.status)
    await expect(
      t.payload.update({
        collection: 'user-groups',
        data: { location: 'Paris' },
        id: group.id,
        overrideAccess: false,
        user: await asUser(bob),
      }),
    ).rejects.toThrow()
    expect((await dbGroup(group.id)).location).toBe('Berlin')
  })

  it('staff approve and trust it; the creator stays, lastModifiedBy follows', async () => {
    const response = await t.api('PATCH', `/user-groups/${group.id}`, {
      auth: staff,
      body: { approved: true, trusted: true },
    })
    expect(response.status).toBe(200)
    expect(await dbGroup(group.id)).toMatchObject({
      approved: true,
      creator: alice.id,
      lastModifiedBy: staff.id,
      trusted: true,
    })
  })

  it('the creator editing an approved group cannot withdraw staff decisions either', async () => {
    await t.api('PATCH', `/user-groups/${group.id}`, {
      auth: alice,
      body: { approved: false, location: 'Munich', trusted: false },
    })
    expect(await dbGroup(group.id)).toMatchObject({
      approved: true,
      lastModifiedBy: alice.id,
      location: 'Munich',
      trusted: true,
    })
  })

  it('only staff delete groups', async () => {
    const doomed = await createOk(alice, { name: 'Doomed Group' })
    for (const auth of [undefined, alice, bob]) {
      expect([401, 403, 404]).toContain((await t.api('DELETE', `/user-groups/${doomed.id}`, { auth })).status)
    }
    expect((await dbGroup(doomed.id)).id).toBe(doomed.id)
    expect((await t.api('DELETE', `/user-groups/${doomed.id}`, { auth: staff })).status).toBe(200)
    await expect(dbGroup(doomed.id)).rejects.toThrow()
  })
})

describe('who sees which groups', () => {
  let approved: Json
  let alicePending: Json
  let bobPending: Json

  beforeAll(async () => {
    approved = await createOk(alice, { name: 'Visible Approved Group' })
    await t.payload.update({
      collection: 'user-groups',
      data: { approved: true },
      id: approved.id,
      overrideAccess: true,
    })
    alicePending = await createOk(alice, { name: 'Alice Pending Group' })
    bobPending = await createOk(bob, { name: 'Bob Pending Group' })
  })

  const fixtureIds = () => [approved.id, alicePending.id, bobPending.id]
  const listIds = (docs: Json[]) =>
    docs
      .map((doc) => doc.id)
      .filter((id: string) => fixtureIds().includes(id))
      .sort()
  const restList = async (auth?: TestUser) => {
    const response = await t.api('GET', '/user-groups?limit=200&depth=0', { auth })
    expect(response.status).toBe(200)
    return (await json(response)).docs as Json[]
  }

  it('anonymous: approved groups only (REST list, by id, count)', async () => {
    const docs = await restList()
    expect(listIds(docs)).toEqual([approved.id])
    for (const doc of docs) expect(doc.approved).toBe(true)
    expect((await t.api('GET', `/user-groups/${approved.id}`)).status).toBe(200)
    expect([403, 404]).toContain((await t.api('GET', `/user-groups/${alicePending.id}`)).status)
    const count = await json(await t.api('GET', '/user-groups/count'))
    const approvedCount = await t.payload.count({
      collection: 'user-groups',
      overrideAccess: true,
      where: { approved: { equals: true } },
    })
    expect(count.totalDocs).toBe(approvedCount.totalDocs)
  })

  it('anonymous: approved groups only (GraphQL)', async () => {
    const list = await t.graphql(`{ UserGroups(limit: 200) { docs { id approved } } }`)
    expect(list.errors).toBeUndefined()
    expect(listIds(list.data.UserGroups.docs)).toEqual([approved.id])
    const single = await t.graphql(`{ UserGroup(id: "${bobPending.id}") { id } }`)
    expect(single.data?.UserGroup ?? null).toBeNull()
  })

  it('anonymous: approved groups only (Local API)', async () => {
    const { docs } = await t.payload.find({ collection: 'user-groups', limit: 200, overrideAccess: false })
    expect(listIds(docs as Json[])).toEqual([approved.id])
    await expect(
      t.payload.findByID({ collection: 'user-groups', id: alicePending.id, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it("a member sees approved groups and their own pending ones, not others' pending ones", async () => {
    expect(listIds(await restList(alice))).toEqual([approved.id, alicePending.id].sort())
    expect([403, 404]).toContain((await t.api('GET', `/user-groups/${bobPending.id}`, { auth: alice })).status)
    const gql = await t.graphql(`{ UserGroups(limit: 200) { docs { id } } }`, { auth: bob })
    expect(listIds(gql.data.UserGroups.docs)).toEqual([approved.id, bobPending.id].sort())
  })

  it('staff see every group', async () => {
    expect(listIds(await restList(staff))).toEqual(fixtureIds().sort())
    expect(listIds(await restList(superuser))).toEqual(fixtureIds().sort())
  })

  it('the creator populated at depth shows only what the reader may see of that user', async () => {
    // alice keeps her email NEVER: an anonymous reader of her approved group must not get it
    const response = await t.api('GET', `/user-groups/${approved.id}?depth=1`)
    const doc = await json(response)
    const creator = doc.creator
    if (creator && typeof creator === 'object') {
      expect(creator.id).toBe(alice.id)
      expect(creator).not.toHaveProperty('email')
      expect(creator).not.toHaveProperty('isStaff')
      expect(creator).not.toHaveProperty('isActive')
    } else {
      expect(creator).toBe(alice.id)
    }
    const gql = await t.graphql(`{ UserGroup(id: "${approved.id}") { creator { id email isStaff } } }`, { auth: bob })
    expect(gql.data.UserGroup.creator?.email ?? null).toBeNull()
    expect(gql.data.UserGroup.creator?.isStaff ?? null).toBeNull()
    expect(JSON.stringify(doc)).not.toContain(alice.email)
  })
})
