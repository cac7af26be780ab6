/**
 * `lastVoteAffirmation` is set by the server only: by the affirm action
 * (POST /api/memberships/affirm-vote, to today) or when a member becomes a
 * voter with no affirmation on record. No one writes it directly: not the
 * member (REST, GraphQL, the admin form, the Local API as the member), not
 * staff. `needsVoteAffirmation` follows the stored date.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { adminSave, asRequestUser, json, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors
let membership: Json

/** Long enough ago that a voter affirmed then needs to affirm again, whatever today is. */
const STALE = '2000-01-01T00:00:00.000Z'
const FORGED = '2099-01-01T00:00:00.000Z'

const stored = async () =>
  // overrideAccess: the stored row, read by the system
  (await t.payload.findByID({ collection: 'memberships', depth: 0, id: membership.id, overrideAccess: true })) as Json

const resetToStale = async () => {
  // overrideAccess: fixture state written by the system
  await t.payload.update({
    collection: 'memberships',
    data: { lastVoteAffirmation: STALE, votes: true },
    id: membership.id,
    overrideAccess: true,
  })
}

const needsAffirmation = async (auth: TestUser) =>
  (await json(await t.api('GET', `/memberships/${membership.id}?depth=0`, { auth }))).needsVoteAffirmation

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  // overrideAccess: the owner's membership, written by the system
  membership = (await t.payload.create({
    collection: 'memberships',
    data: { psfCodeOfConduct: true, user: actors.owner.id, votes: true } as never,
    overrideAccess: true,
  })) as Json
})
beforeEach(resetToStale)
afterAll(async () => {
  await t?.close()
})

describe('the forged affirmation from the review', () => {
  it('PATCH /api/memberships/<own> with a future lastVoteAffirmation changes nothing', async () => {
    const { owner } = actors
    expect(await needsAffirmation(owner)).toBe(true)
    const response = await t.api('PATCH', `/memberships/${membership.id}`, {
      auth: owner,
      body: { lastVoteAffirmation: FORGED },
    })
    // the write is accepted (other fields could change with it) but the date is not the client's to set
    expect(response.status).toBe(200)
    expect(new Date((await stored()).lastVoteAffirmation).toISOString()).toBe(STALE)
    expect(await needsAffirmation(owner)).toBe(true)
  })
})

describe('no other way in', () => {
  const writers: ['owner' | 'staff' | 'superuser'][] = [['owner'], ['staff'], ['superuser']]

  it.each(writers)('REST PATCH as %s', async (name) => {
    await t.api('PATCH', `/memberships/${membership.id}`, { auth: actors[name], body: { lastVoteAffirmation: FORGED } })
    expect(new Date((await stored()).lastVoteAffirmation).toISOString()).toBe(STALE)
  })

  it.each(writers)('GraphQL update as %s', async (name) => {
    await t.graphql(
      `mutation { updateMembership(id: "${membership.id}", data: { lastVoteAffirmation: "${FORGED}" }) { id } }`,
      { auth: actors[name] as Auth },
    )
    expect(new Date((await stored()).lastVoteAffirmation).toISOString()).toBe(STALE)
  })

  it.each(writers)('the admin form save as %s', async (name) => {
    await adminSave(t, actors[name], 'memberships', membership.id, { lastVoteAffirmation: FORGED })
    expect(new Date((await stored()).lastVoteAffirmation).toISOString()).toBe(STALE)
  })

  it('the Local API as the member', async () => {
    await t.payload.update({
      collection: 'memberships',
      data: { lastVoteAffirmation: FORGED },
      id: membership.id,
      overrideAccess: false,
      user: await asRequestUser(t, actors.owner),
    })
    expect(new Date((await stored()).lastVoteAffirmation).toISOString()).toBe(STALE)
  })

  it('creating a membership with a chosen date: the date is not taken', async () => {
    const newcomer = await t.makeUser('member')
    const response = await t.api('POST', '/memberships', {
      auth: newcomer,
      body: { lastVoteAffirmation: FORGED, psfCodeOfConduct: true },
    })
    expect(response.status).toBe(201)
    expect((await json(response)).doc.lastVoteAffirmation ?? null).toBeNull()
  })
})

describe('the server still sets it', () => {
  it('the affirm action sets it (to today), and the flag clears', async () => {
    const { owner } = actors
    const response = await t.api('POST', '/memberships/affirm-vote', { auth: owner })
    expect(response.status).toBe(200)
    const affirmed = new Date((await stored()).lastVoteAffirmation).toISOString()
    expect(affirmed).not.toBe(STALE)
    expect(affirmed).not.toBe(FORGED)
    expect(await needsAffirmation(owner)).toBe(false)
  })

  it('the field says who sets it, and is read-only in the admin', () => {
    const field = t.payload.collections.memberships.config.flattenedFields.find(
      (candidate) => candidate.name === 'lastVoteAffirmation',
    ) as Json
    expect(field.admin.readOnly).toBe(true)
    expect(String(field.admin.description)).toMatch(/affirm/i)
  })
})
