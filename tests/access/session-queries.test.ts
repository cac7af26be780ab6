/**
 * A user's login sessions (the built-in `sessions` field) are theirs alone:
 * no one else can read them, and no one can filter users by them (the
 * review's yes/no oracle on session ids, and "who logged in lately"), not
 * anonymously, not as another member, not through a relationship, not in
 * GraphQL.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, type Json } from '../helpers/assertions'
import { jobIn } from '../jobs/fixtures'

let t: TestContext
let actors: Actors
let target: TestUser
let sessionId: string

const sessionsOf = async (user: TestUser) => {
  // overrideAccess: the stored sessions, read by the system
  const doc = (await t.payload.findByID({ collection: 'users', depth: 0, id: user.id, overrideAccess: true })) as Json
  return (doc.sessions ?? []) as { expiresAt: string; id: string }[]
}

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  actors = await makeActors(t)
  // a member with a public profile, logged in (one session), who posted a public job
  target = actors.owner
  const [session] = await sessionsOf(target)
  sessionId = session!.id
  await jobIn(t, target, 'APPROVED')
})
afterAll(async () => {
  await t?.close()
})

const prefix = () => sessionId.slice(0, 4)
/** Every session of this test expires after this. */
const LONG_AGO = '2000-01-01T00:00:00.000Z'

/** The probes of the review; each would find `target` if it were answered. */
const probes = () => [
  { collection: 'users', query: `where[sessions.id][like]=${prefix()}` },
  { collection: 'users', query: `where[sessions.id][equals]=${sessionId}` },
  { collection: 'users', query: `where[sessions.expiresAt][greater_than]=${LONG_AGO}` },
  { collection: 'users', query: `where[sessions.createdAt][exists]=true` },
  { collection: 'jobs', query: 'where[creator.sessions.id][exists]=true' },
  { collection: 'jobs', query: `where[creator.sessions.id][like]=${prefix()}` },
]

/** Refused outright, or answered without the document the probe was after. */
const expectNoAnswer = async (response: Response, unwantedIds: string[]) => {
  if (response.status === 200) {
    const ids = ((await json(response)).docs as Json[]).map((doc) => doc.id)
    for (const id of unwantedIds) expect(ids).not.toContain(id)
    return
  }
  expect([400, 401, 403]).toContain(response.status)
}

const jobsOfTarget = async () =>
  // overrideAccess: fixture lookup
  (
    await t.payload.find({ collection: 'jobs', overrideAccess: true, where: { creator: { equals: target.id } } })
  ).docs.map((doc) => String(doc.id))

describe('filtering on sessions', () => {
  it('each probe would find its document if access allowed it (control)', async () => {
    // overrideAccess: the same filters, as the system: they do match
    const byId = await t.payload.find({
      collection: 'users',
      overrideAccess: true,
      where: { 'sessions.id': { like: prefix() } },
    })
    expect(byId.docs.map((doc) => doc.id)).toContain(target.id)
    const viaJobs = await t.payload.find({
      collection: 'jobs',
      overrideAccess: true,
      where: { 'creator.sessions.id': { exists: true } },
    })
    expect(viaJobs.docs.length).toBeGreaterThan(0)
    // and the profile and the job are readable to everyone
    expect((await t.api('GET', `/users/${target.id}`)).status).toBe(200)
    expect((await json(await t.api('GET', '/jobs'))).docs.length).toBeGreaterThan(0)
  })

  it.each(['anonymous', 'member', 'staff'] as const)('REST: %s gets no answer', async (name) => {
    const auth = actors[name] as Auth
    const unwanted = [target.id, ...(await jobsOfTarget())]
    for (const { collection, query } of probes()) {
      await expectNoAnswer(await t.api('GET', `/${collection}?${query}`, { auth }), unwanted)
    }
  })

  it('REST: the anonymous oracle is refused with the path named, not merely empty', async () => {
    const response = await t.api('GET', `/users?where[sessions.id][like]=${prefix()}`)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await json(response))).toContain('sessions.id')
  })

  it.each(['anonymous', 'member'] as const)('GraphQL: %s gets no answer', async (name) => {
    const auth = actors[name] as Auth
    for (const where of [
      `{ sessions__id: { like: "${prefix()}" } }`,
      `{ sessions__expiresAt: { greater_than: "${LONG_AGO}" } }`,
    ]) {
      const result = await t.graphql(`{ Users(where: ${where}) { docs { id } } }`, { auth })
      const ids = (result.data?.Users?.docs ?? []).map((doc: Json) => doc.id)
      expect(ids).not.toContain(target.id)
      expect(result.errors?.length ?? 0).toBeGreaterThan(0)
    }
  })
})

describe('reading sessions', () => {
  it('no one else sees them in the profile', async () => {
    for (const name of ['anonymous', 'member', 'staff', 'superuser'] as const) {
      const body = await json(await t.api('GET', `/users/${target.id}`, { auth: actors[name] as Auth }))
      // stripped: absent, or an empty list where the user has a session
      expect(body.sessions ?? []).toEqual([])
    }
  })

  it('the user sees their own (GET /api/users/me)', async () => {
    const body = await json(await t.api('GET', '/users/me', { auth: target }))
    expect(body.user.id).toBe(target.id)
    expect((body.user.sessions as Json[]).map((session) => session.id)).toContain(sessionId)
  })
})
