/**
 * Memberships: one per user, the Code of Conduct on create, the owner forced
 * to the requester, vote affirmation (stamp, staleness, the affirm endpoint)
 * and privacy, through REST, GraphQL and the Local API.
 */
import { setNow } from '../../src/platform/clock'
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
  alice = await t.makeUser('member')
  bob = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Json = Record<string, any>

const DAY_MS = 24 * 60 * 60 * 1000

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

const membershipCount = async () =>
  (await t.payload.count({ collection: 'memberships', overrideAccess: true })).totalDocs

const dbMembership = (id: string) =>
  t.payload.findByID({ collection: 'memberships', depth: 0, id, overrideAccess: true }) as Promise<Json>

const membershipOf = async (user: TestUser) => {
  const { docs } = await t.payload.find({
    collection: 'memberships',
    depth: 0,
    overrideAccess: true,
    where: { user: { equals: user.id } },
  })
  return docs[0] as Json | undefined
}

const asUser = async (user: TestUser) => ({
  ...(await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })),
  collection: 'users' as const,
})

const relationId = (value: unknown) => (value && typeof value === 'object' ? (value as { id: string }).id : value)

/** Today's date (UTC), the way date-only fields are stamped. */
const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (days: number) => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS).toISOString()
}

const createAs = (auth: TestUser | undefined, body: Json) =>
  t.api('POST', '/memberships?depth=0', { auth, body })

describe('creating a membership', () => {
  it('needs a logged-in user', async () => {
    const before = await membershipCount()
    const response = await createAs(undefined, { psfCodeOfConduct: true, user: alice.id })
    expect([401, 403]).toContain(response.status)
    const gql = await t.graphql(
      `mutation { createMembership(data: { psfCodeOfConduct: true, user: "${alice.id}", membershipType: BASIC }) { id } }`,
    )
    expect(gql.errors?.[0]?.extensions?.name).toBe('Forbidden')
    expect(await membershipCount()).toBe(before)
  })

  it('a member cannot choose a membership type above BASIC (staff grant those)', async () => {
    const carol = await t.makeUser('member')
    const response = await createAs(carol, { membershipType: 'FELLOW', psfCodeOfConduct: true })
    expect(response.status).toBe(201)
    const { docs } = await t.payload.find({
      collection: 'memberships',
      overrideAccess: true,
      where: { user: { equals: carol.id } },
    })
    expect(docs[0]?.membershipType).toBe('BASIC')
  })

  it('requires psfCodeOfConduct to be true, naming the field', async () => {
    const before = await membershipCount()
    await expectFieldError(await createAs(alice, {}), 'psfCodeOfConduct')
    await expectFieldError(await createAs(alice, { psfCodeOfConduct: false }), 'psfCodeOfConduct')
    await expect(
      t.payload.create({
        collection: 'memberships',
        data: { psfCodeOfConduct: false, user: alice.id } as never,
        overrideAccess: false,
        user: await asUser(alice),
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'psfCodeOfConduct' })] } })
    expect(await membershipCount()).toBe(before)
  })

  it("a member's membership is always their own, whatever `user` they send", async () => {
    const response = await createAs(alice, { psfCodeOfConduct: true, user: bob.id })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(relationId(doc.user)).toBe(alice.id)
    expect(relationId((await dbMembership(doc.id)).user)).toBe(alice.id)
    expect(await membershipOf(bob)).toBeUndefined()
  })

  it('one membership per user: a second one is refused, naming `user`', async () => {
    const before = await membershipCount()
    await expectFieldError(await createAs(alice, { psfCodeOfConduct: true }), 'user')
    // staff recording a second one for the same person: refused the same way
    await expectFieldError(await createAs(staff, { psfCodeOfConduct: true, user: alice.id }), 'user')
    // the GraphQL create input requires `user` and the defaulted type; the hook still forces alice
    const gql = await t.graphql(
      `mutation { createMembership(data: { psfCodeOfConduct: true, user: "${bob.id}", membershipType: BASIC }) { id } }`,
      { auth: alice },
    )
    expect(gql.errors?.[0]?.extensions?.name).toBe('ValidationError')
    expect(gql.errors?.[0]?.message).toMatch(/user/i)
    expect(await membershipCount()).toBe(before)
  })

  it('staff may record a membership for someone else', async () => {
    const response = await createAs(staff, { membershipType: 'FELLOW', psfCodeOfConduct: true, user: bob.id })
    expect(response.status).toBe(201)
    const row = await membershipOf(bob)
    expect(row?.membershipType).toBe('FELLOW')
  })

  it('a member cannot move their membership to someone else or upgrade its type', async () => {
    const own = (await membershipOf(alice))!
    const response = await t.api('PATCH', `/memberships/${own.id}`, {
      auth: alice,
      body: { city: 'Amsterdam', membershipType: 'FELLOW', user: bob.id },
    })
    expect(response.status).toBe(200)
    const row = await dbMembership(own.id)
    expect(row.city).toBe('Amsterdam')
    expect(relationId(row.user)).toBe(alice.id)
    expect(row.membershipType).toBe('BASIC')
  })
})

describe('vote affirmation', () => {
  let voter: TestUser

  beforeAll(async () => {
    voter = await t.makeUser('member')
  })

  it('becoming a voter without an affirmation on record stamps today (create)', async () => {
    const response = await createAs(voter, { psfCodeOfConduct: true, votes: true })
    expect(response.status).toBe(201)
    const row = (await membershipOf(voter))!
    expect(row.votes).toBe(true)
    expect(String(row.lastVoteAffirmation).slice(0, 10)).toBe(today())
    expect((await json(response)).doc.needsVoteAffirmation).toBe(false)
  })

  it('not voting leaves the affirmation empty', async () => {
    const nonVoter = await t.makeUser('member')
    expect((await createAs(nonVoter, { psfCodeOfConduct: true })).status).toBe(201)
    const row = (await membershipOf(nonVoter))!
    expect(row.votes).toBe(false)
    expect(row.lastVoteAffirmation ?? null).toBeNull()
    expect(row.needsVoteAffirmation).toBe(false)
  })

  it('becoming a voter without an affirmation on record stamps today (update)', async () => {
    const later = await t.makeUser('member')
    expect((await createAs(later, { psfCodeOfConduct: true })).status).toBe(201)
    const row = (await membershipOf(later))!
    expect(row.lastVoteAffirmation ?? null).toBeNull()
    const response = await t.api('PATCH', `/memberships/${row.id}`, { auth: later, body: { votes: true } })
    expect(response.status).toBe(200)
    const updated = await dbMembership(row.id)
    expect(updated.votes).toBe(true)
    expect(String(updated.lastVoteAffirmation).slice(0, 10)).toBe(today())
  })

  it('an existing affirmation is kept when votes is set again', async () => {
    const row = (await membershipOf(voter))!
    await t.payload.update({
      collection: 'memberships',
      data: { lastVoteAffirmation: daysAgo(100), votes: false },
      id: row.id,
      overrideAccess: true,
    })
    await t.api('PATCH', `/memberships/${row.id}`, { auth: voter, body: { votes: true } })
    expect(String((await dbMembership(row.id)).lastVoteAffirmation).slice(0, 10)).toBe(daysAgo(100).slice(0, 10))
  })

  const needsAffirmation = async (reader: TestUser, id: string) => {
    const response = await t.api('GET', `/memberships/${id}?depth=0`, { auth: reader })
    expect(response.status).toBe(200)
    return (await json(response)).needsVoteAffirmation
  }

  it('needsVoteAffirmation is true for a voter whose last affirmation is over 366 days old', async () => {
    const row = (await membershipOf(voter))!
    const set = (data: Json) =>
      t.payload.update({ collection: 'memberships', data, id: row.id, overrideAccess: true })

    await set({ lastVoteAffirmation: daysAgo(400), votes: true })
    expect(await needsAffirmation(voter, row.id)).toBe(true)
    expect(await needsAffirmation(staff, row.id)).toBe(true)
    await set({ lastVoteAffirmation: daysAgo(368) })
    expect(await needsAffirmation(voter, row.id)).toBe(true)

    await set({ lastVoteAffirmation: daysAgo(365) })
    expect(await needsAffirmation(voter, row.id)).toBe(false)
    await set({ lastVoteAffirmation: daysAgo(10) })
    expect(await needsAffirmation(voter, row.id)).toBe(false)

    // not a voter: nothing to affirm, however old the date
    await set({ lastVoteAffirmation: daysAgo(800), votes: false })
    expect(await needsAffirmation(voter, row.id)).toBe(false)
  })

  it('needsVoteAffirmation is computed the same in GraphQL and the Local API, and cannot be written', async () => {
    const row = (await membershipOf(voter))!
    await t.payload.update({
      collection: 'memberships',
      data: { lastVoteAffirmation: daysAgo(500), votes: true },
      id: row.id,
      overrideAccess: true,
    })
    const gql = await t.graphql(`{ Membership(id: "${row.id}") { id votes needsVoteAffirmation } }`, { auth: voter })
    expect(gql.data?.Membership?.needsVoteAffirmation).toBe(true)
    const local = (await t.payload.findByID({
      collection: 'memberships',
      id: row.id,
      overrideAccess: false,
      user: await asUser(voter),
    })) as Json
    expect(local.needsVoteAffirmation).toBe(true)

    // a client claiming it is not needed changes nothing
    await t.api('PATCH', `/memberships/${row.id}`, { auth: voter, body: { needsVoteAffirmation: false } })
    expect(await needsAffirmation(voter, row.id)).toBe(true)
  })

  it('POST /api/memberships/affirm-vote requires login', async () => {
    const row = (await membershipOf(voter))!
    const before = await dbMembership(row.id)
    const response = await t.api('POST', '/memberships/affirm-vote')
    expect(response.status).toBe(401)
    expect((await dbMembership(row.id)).lastVoteAffirmation).toBe(before.lastVoteAffirmation)
  })

  it('affirm-vote without a membership is a 404', async () => {
    const loner = await t.makeUser('member')
    const response = await t.api('POST', '/memberships/affirm-vote', { auth: loner })
    expect(response.status).toBe(404)
    expect(await membershipOf(loner)).toBeUndefined()
  })

  it('affirm-vote sets votes and the affirmation date to today, for the caller only', async () => {
    const row = (await membershipOf(voter))!
    await t.payload.update({
      collection: 'memberships',
      data: { lastVoteAffirmation: daysAgo(500), votes: false },
      id: row.id,
      overrideAccess: true,
    })
    const aliceBefore = (await membershipOf(alice))!

    const response = await t.api('POST', '/memberships/affirm-vote', { auth: voter })
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.doc.needsVoteAffirmation).toBe(false)

    const updated = await dbMembership(row.id)
    expect(updated.votes).toBe(true)
    expect(String(updated.lastVoteAffirmation).slice(0, 10)).toBe(today())
    expect(await needsAffirmation(voter, row.id)).toBe(false)

    const aliceAfter = (await membershipOf(alice))!
    expect(aliceAfter.votes).toBe(aliceBefore.votes)
    expect(aliceAfter.lastVoteAffirmation ?? null).toBe(aliceBefore.lastVoteAffirmation ?? null)
  })

  it('affirm-vote stamps the day of the injected clock (src/platform/clock.ts), not the machine\'s', async () => {
    const row = (await membershipOf(voter))!
    setNow('2031-03-04T23:59:59.000Z')
    try {
      const response = await t.api('POST', '/memberships/affirm-vote', { auth: voter })
      expect(response.status).toBe(200)
      expect(String((await dbMembership(row.id)).lastVoteAffirmation).slice(0, 10)).toBe('2031-03-04')
      // a year and a day later by the same clock, the affirmation is stale
      setNow('2032-03-05T00:00:01.000Z')
      expect(await needsAffirmation(voter, row.id)).toBe(true)
    } finally {
      setNow(null)
    }
  })

  it('affirm-vote works with an API key too', async () => {
    const row = (await membershipOf(voter))!
    await t.payload.update({
      collection: 'memberships',
      data: { lastVoteAffirmation: daysAgo(500) },
      id: row.id,
      overrideAccess: true,
    })
    const { apiKey } = await json(await t.api('POST', '/users/api-key', { auth: voter }))
    const response = await t.api('POST', '/memberships/affirm-vote', { auth: { apiKey } })
    expect(response.status).toBe(200)
    expect(String((await dbMembership(row.id)).lastVoteAffirmation).slice(0, 10)).toBe(today())
  })
})

describe('membership privacy', () => {
  it("a member cannot read someone else's membership (REST)", async () => {
    const aliceMembership = (await membershipOf(alice))!
    const byId = await t.api('GET', `/memberships/${aliceMembership.id}`, { auth: bob })
    expect([403, 404]).toContain(byId.status)

    const list = await t.api('GET', '/memberships?limit=100&depth=0', { auth: bob })
    expect(list.status).toBe(200)
    const docs = (await json(list)).docs as Json[]
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(relationId(doc.user)).toBe(bob.id)

    const filtered = await t.api('GET', `/memberships?where[user][equals]=${alice.id}`, { auth: bob })
    if (filtered.status === 200) expect((await json(filtered)).docs).toEqual([])
    else expect(filtered.status).toBeLessThan(500)
  })

  it('anonymous readers see no memberships', async () => {
    const list = await t.api('GET', '/memberships')
    if (list.status === 200) expect((await json(list)).docs).toEqual([])
    else expect([401, 403]).toContain(list.status)
    const aliceMembership = (await membershipOf(alice))!
    expect([401, 403, 404]).toContain((await t.api('GET', `/memberships/${aliceMembership.id}`)).status)
    const gql = await t.graphql(`{ Memberships { docs { id } } }`)
    expect(gql.data?.Memberships?.docs ?? []).toEqual([])
  })

  it("a member cannot read someone else's membership (GraphQL, Local API)", async () => {
    const aliceMembership = (await membershipOf(alice))!
    const gql = await t.graphql(`{ Memberships(limit: 100) { docs { id user { id } } } }`, { auth: bob })
    expect(gql.errors).toBeUndefined()
    const ids = (gql.data.Memberships.docs as Json[]).map((doc) => doc.user.id)
    expect(ids).toEqual([bob.id])
    const single = await t.graphql(`{ Membership(id: "${aliceMembership.id}") { id } }`, { auth: bob })
    expect(single.data?.Membership ?? null).toBeNull()

    await expect(
      t.payload.findByID({
        collection: 'memberships',
        id: aliceMembership.id,
        overrideAccess: false,
        user: await asUser(bob),
      }),
    ).rejects.toThrow()
  })

  it("a member cannot update or delete someone else's membership", async () => {
    const aliceMembership = (await membershipOf(alice))!
    const patch = await t.api('PATCH', `/memberships/${aliceMembership.id}`, { auth: bob, body: { city: 'Nowhere' } })
    expect([403, 404]).toContain(patch.status)
    const del = await t.api('DELETE', `/memberships/${aliceMembership.id}`, { auth: bob })
    expect([403, 404]).toContain(del.status)
    const row = await dbMembership(aliceMembership.id)
    expect(row.city).not.toBe('Nowhere')
  })

  it('a member cannot delete even their own membership; staff can', async () => {
    const own = (await membershipOf(bob))!
    expect([403, 404]).toContain((await t.api('DELETE', `/memberships/${own.id}`, { auth: bob })).status)
    expect((await dbMembership(own.id)).id).toBe(own.id)
    expect((await t.api('DELETE', `/memberships/${own.id}`, { auth: staff })).status).toBe(200)
    expect(await membershipOf(bob)).toBeUndefined()
  })

  it('staff and superusers read every membership', async () => {
    const total = await membershipCount()
    for (const reader of [staff, superuser]) {
      const list = await t.api('GET', '/memberships?limit=100&depth=0', { auth: reader })
      expect(list.status).toBe(200)
      expect((await json(list)).totalDocs).toBe(total)
      const aliceMembership = (await membershipOf(alice))!
      expect((await t.api('GET', `/memberships/${aliceMembership.id}`, { auth: reader })).status).toBe(200)
    }
  })
})
