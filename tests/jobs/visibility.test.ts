/**
 * Who sees which jobs: anonymous visitors and members see approved,
 * unexpired jobs; a member also sees their own jobs in any status; staff see
 * everything. The same answer from every read: REST list, by id, count,
 * GraphQL list / by id / count, and related fields.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { DAY_MS, jobIn, type Json, json, type Status, STATUSES, userDoc } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let owner: TestUser
let otherMember: TestUser

/** Every job of this file, by name. */
const jobs: Record<string, Json> = {}

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
  for (const status of STATUSES) jobs[status] = await jobIn(t, owner, status, { jobTitle: `Visible? ${status}` })
  jobs.approvedFuture = await jobIn(t, owner, 'APPROVED', { jobTitle: 'Visible? approved, expires later' }, new Date(Date.now() + 10 * DAY_MS))
  jobs.approvedPast = await jobIn(t, owner, 'APPROVED', { jobTitle: 'Visible? approved, expired date' }, new Date(Date.now() - 2 * DAY_MS))
  jobs.otherDraft = await jobIn(t, otherMember, 'DRAFT', { jobTitle: 'Visible? the other member draft' })
})
afterAll(async () => {
  await t?.close()
})

const PUBLIC = ['APPROVED', 'approvedFuture']
const OWNERS = [...STATUSES, 'approvedFuture', 'approvedPast']
const ALL = [...STATUSES, 'approvedFuture', 'approvedPast', 'otherDraft']

const namesOf = (ids: string[]) =>
  Object.entries(jobs)
    .filter(([, job]) => ids.includes(String(job.id)))
    .map(([name]) => name)
    .sort()

type Viewer = 'anonymous' | 'otherMember' | 'owner' | 'staff' | 'superuser'
const userOf = (viewer: Viewer) => ({ anonymous: undefined, otherMember, owner, staff, superuser })[viewer]

const EXPECTED: Record<Viewer, string[]> = {
  anonymous: PUBLIC,
  otherMember: [...PUBLIC, 'otherDraft'],
  owner: OWNERS,
  staff: ALL,
  superuser: ALL,
}

const VIEWERS = Object.keys(EXPECTED) as Viewer[]

describe.each(VIEWERS)('what %s sees', (viewer) => {
  const want = () => [...EXPECTED[viewer]].sort()

  it('REST list and count', async () => {
    const list = await json(await t.api('GET', 'jobs?limit=100&depth=0', { auth: userOf(viewer) }))
    expect(namesOf(list.docs.map((doc: Json) => doc.id))).toEqual(want())
    expect(list.totalDocs).toBe(want().length)
    const count = await json(await t.api('GET', 'jobs/count', { auth: userOf(viewer) }))
    expect(count.totalDocs).toBe(want().length)
  })

  it('REST by id: 200 for what it may see, 404 for the rest', async () => {
    for (const [name, job] of Object.entries(jobs)) {
      const response = await t.api('GET', `jobs/${job.id}?depth=0`, { auth: userOf(viewer) })
      expect({ name, status: response.status }).toEqual({ name, status: want().includes(name) ? 200 : 404 })
    }
  })

  it('GraphQL list, by id and count', async () => {
    const result = await t.graphql(`{ Jobs(limit: 100) { docs { id } totalDocs } countJobs { totalDocs } }`, { auth: userOf(viewer) })
    expect(result.errors).toBeUndefined()
    expect(namesOf(result.data.Jobs.docs.map((doc: Json) => doc.id))).toEqual(want())
    expect(result.data.countJobs.totalDocs).toBe(want().length)
    for (const [name, job] of Object.entries(jobs)) {
      const one = await t.graphql(`{ Job(id: "${job.id}") { id status } }`, { auth: userOf(viewer) })
      expect({ name, seen: Boolean(one.data?.Job?.id) }).toEqual({ name, seen: want().includes(name) })
    }
  })

  it('Local API with access control', async () => {
    const user = userOf(viewer)
    const result = await t.payload.find({
      collection: 'jobs',
      depth: 0,
      limit: 100,
      overrideAccess: false,
      ...(user ? { user: await userDoc(t, user) } : {}),
    })
    expect(namesOf(result.docs.map((doc) => String(doc.id)))).toEqual(want())
  })

  it('a where query cannot widen the view', async () => {
    const hidden = ALL.filter((name) => !want().includes(name))
    for (const name of hidden) {
      const status = jobs[name]!.status as Status
      const list = await json(
        await t.api('GET', `jobs?where[or][0][status][equals]=${status}&where[or][1][id][equals]=${jobs[name]!.id}&depth=0`, { auth: userOf(viewer) }),
      )
      expect(namesOf(list.docs.map((doc: Json) => doc.id))).not.toContain(name)
    }
  })
})

describe('status and dates as the public sees them', () => {
  it('members other than the owner get the public list: approved and unexpired, nothing else', async () => {
    const list = await json(await t.api('GET', 'jobs?limit=100&depth=0', { auth: otherMember }))
    for (const doc of list.docs as Json[]) {
      if (doc.creator === otherMember.id) continue
      expect(doc.status).toBe('APPROVED')
      if (doc.expires) expect(new Date(doc.expires).getTime()).toBeGreaterThan(Date.now() - DAY_MS)
    }
  })
})
