/**
 * Payload's document locks (payload-locked-documents): the admin panel's edit
 * lock, staff only. A lock always belongs to the user who took it; only its
 * holder releases it; members and anonymous users neither see nor touch
 * locks. The admin panel's own lock calls (list, take over, release) and the
 * list view's lock status keep working for staff.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, expectRefused, json, unique, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors
let page: Json

const LOCKS = 'payload-locked-documents'

const lockRows = async () =>
  // overrideAccess: the test reads every lock, not as a user
  (await t.payload.find({ collection: LOCKS, depth: 0, limit: 0, overrideAccess: true, pagination: false }))
    .docs as Json[]

const holderOf = (lock: Json) => (typeof lock.user?.value === 'object' ? lock.user.value.id : lock.user?.value)

const newPage = async () =>
  // overrideAccess: a fixture written by the system
  (await t.payload.create({
    collection: 'pages',
    data: { content: 'Body', isPublished: true, path: unique('locked'), title: 'Locked page' } as never,
    overrideAccess: true,
  })) as Json

/** A lock taken as the admin panel does it for `holder`, written by the system. */
const lockAs = async (holderId: string, pageId: string) =>
  // overrideAccess: the admin panel writes its own locks straight to the database
  (await t.payload.create({
    collection: LOCKS,
    data: { document: { relationTo: 'pages', value: pageId }, user: { relationTo: 'users', value: holderId } } as never,
    overrideAccess: true,
  })) as Json

const clearLocks = async () => {
  // overrideAccess: clean-up between tests
  await t.payload.delete({ collection: LOCKS, overrideAccess: true, where: { id: { exists: true } } })
}

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  page = await newPage()
})
afterAll(async () => {
  await t?.close()
})
afterEach(clearLocks)

describe('the forged lock from the review', () => {
  it("a member cannot create a lock in the superuser's name, and staff's save goes through", async () => {
    const { member, staff, superuser } = actors
    const response = await t.api('POST', `/${LOCKS}`, {
      auth: member,
      body: {
        document: { relationTo: 'pages', value: page.id },
        user: { relationTo: 'users', value: superuser.id },
      },
    })
    expectRefused(response)
    const gql = await t.graphql(
      `mutation { createPayloadLockedDocument(data: { document: { relationTo: pages, value: "${page.id}" }, user: { relationTo: users, value: "${superuser.id}" } }) { id } }`,
      { auth: member },
    )
    expect(gql.data?.createPayloadLockedDocument ?? null).toBeNull()
    expect(JSON.stringify(gql.errors ?? [])).toMatch(/not allowed/i)
    expect(await lockRows()).toEqual([])
    const save = await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { title: 'Saved by staff' } })
    expect(save.status).toBe(200)
  })

  it('anonymous users cannot create locks either', async () => {
    const response = await t.api('POST', `/${LOCKS}`, {
      body: {
        document: { relationTo: 'pages', value: page.id },
        user: { relationTo: 'users', value: actors.staff.id },
      },
    })
    expect([401, 403]).toContain(response.status)
    expect(await lockRows()).toEqual([])
  })

  it('staff creating a lock in someone else’s name gets a lock of their own', async () => {
    const { staff, superuser } = actors
    const response = await t.api('POST', `/${LOCKS}`, {
      auth: staff,
      body: { document: { relationTo: 'pages', value: page.id }, user: { relationTo: 'users', value: superuser.id } },
    })
    expect(response.status).toBe(201)
    const [lock] = await lockRows()
    expect(holderOf(lock!)).toBe(staff.id)
  })
})

describe('reading locks', () => {
  it.each(['anonymous', 'member', 'owner'] as const)(
    '%s cannot list locks or their holders (REST, GraphQL)',
    async (name) => {
      await lockAs(actors.staff.id, page.id)
      const auth = actors[name]
      for (const query of ['', '?depth=1', `?where[document.value][equals]=${page.id}`]) {
        expectRefused(await t.api('GET', `/${LOCKS}${query}`, { auth }))
      }
      const gql = await t.graphql(
        '{ PayloadLockedDocuments { docs { id user { value { ... on User { id email } } } } } }',
        {
          auth,
        },
      )
      expect(gql.data?.PayloadLockedDocuments?.docs ?? []).toEqual([])
      expect(JSON.stringify(gql.errors ?? [])).toMatch(/not allowed/i)
    },
  )

  it('staff list locks with their holder, as the admin panel asks for them', async () => {
    const lock = await lockAs(actors.superuser.id, page.id)
    const response = await t.api(
      'GET',
      `/${LOCKS}?where[document.relationTo][equals]=pages&where[document.value][equals]=${page.id}&depth=1`,
      { auth: actors.staff },
    )
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.docs.map((doc: Json) => doc.id)).toEqual([lock.id])
    expect(holderOf(body.docs[0])).toBe(actors.superuser.id)
  })

  it("the admin list view shows staff another editor's lock (Local API, includeLockStatus)", async () => {
    await lockAs(actors.superuser.id, page.id)
    const { docs } = await t.payload.find({
      collection: 'pages',
      includeLockStatus: true,
      overrideAccess: false,
      user: await asRequestUser(t, actors.staff),
      where: { id: { equals: page.id } },
    })
    expect((docs[0] as Json)._isLocked).toBe(true)
  })
})

describe('changing and releasing locks', () => {
  it("a member cannot delete staff's locks (the bulk delete from the review)", async () => {
    await lockAs(actors.staff.id, page.id)
    const response = await t.api('DELETE', `/${LOCKS}?where[id][exists]=true`, { auth: actors.member })
    expectRefused(response)
    expect(await lockRows()).toHaveLength(1)
  })

  it("staff hold the lock: another staff member's save is refused (423) and they cannot release it", async () => {
    const other = await t.makeUser('staff')
    const lock = await lockAs(actors.staff.id, page.id)
    const save = await t.api('PATCH', `/pages/${page.id}`, { auth: other, body: { title: 'Overwrite' } })
    expect(save.status).toBe(423)
    expectRefused(await t.api('DELETE', `/${LOCKS}/${lock.id}`, { auth: other }))
    const bulk = await t.api('DELETE', `/${LOCKS}?where[id][exists]=true`, { auth: other })
    expect((await json(bulk)).docs ?? []).toEqual([])
    expect((await lockRows()).map((row) => row.id)).toEqual([lock.id])
  })

  it('the holder releases their own lock, as the admin panel does on leaving the document', async () => {
    const lock = await lockAs(actors.staff.id, page.id)
    const response = await t.api('DELETE', `/${LOCKS}/${lock.id}`, { auth: actors.staff })
    expect(response.status).toBe(200)
    expect(await lockRows()).toEqual([])
  })

  it('taking a lock over makes it the taker’s, whoever the request names', async () => {
    const taker = await t.makeUser('staff')
    const lock = await lockAs(actors.staff.id, page.id)
    // the admin panel's "take over" sends the new editor; naming someone else still gives it to the taker
    const response = await t.api('PATCH', `/${LOCKS}/${lock.id}`, {
      auth: taker,
      body: { user: { relationTo: 'users', value: actors.superuser.id } },
    })
    expect(response.status).toBe(200)
    const [row] = await lockRows()
    expect(holderOf(row!)).toBe(taker.id)
    // the lock stays on its document
    expect(row!.document.value).toBe(page.id)
    const save = await t.api('PATCH', `/pages/${page.id}`, { auth: actors.staff, body: { title: 'Back' } })
    expect(save.status).toBe(423)
  })

  it('a take-over cannot move the lock to another document', async () => {
    const other = await newPage()
    const lock = await lockAs(actors.staff.id, page.id)
    await t.api('PATCH', `/${LOCKS}/${lock.id}`, {
      auth: actors.staff,
      body: { document: { relationTo: 'pages', value: other.id } },
    })
    const [row] = await lockRows()
    expect(row!.document.value).toBe(page.id)
  })

  it('members cannot take a lock over', async () => {
    const lock = await lockAs(actors.staff.id, page.id)
    const response = await t.api('PATCH', `/${LOCKS}/${lock.id}`, {
      auth: actors.member,
      body: { user: { relationTo: 'users', value: actors.member.id } },
    })
    expectRefused(response)
    expect(holderOf((await lockRows())[0]!)).toBe(actors.staff.id)
  })
})
