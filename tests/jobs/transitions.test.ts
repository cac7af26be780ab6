/**
 * The job status machine, cell by cell: for every (current, requested) pair
 * of statuses and every kind of requester, through every way a job is
 * written (REST PATCH, GraphQL, the Local API with access control, and the
 * admin panel's own whole-form save), either the transition happens or it
 * is refused with 409 (no such transition) or 403 (wrong role) and a
 * message naming both statuses and why, with nothing written.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import {
  adminSave,
  createJob,
  jobRow,
  json,
  messages,
  setStatus,
  snapshot,
  type Status,
  STATUSES,
  userDoc,
} from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let owner: TestUser
let otherMember: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  // the first account of a database is a superuser: create the real one first
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Who = 'anonymous' | 'otherMember' | 'owner' | 'staff' | 'superuser'
const WHO: Who[] = ['owner', 'otherMember', 'staff', 'superuser', 'anonymous']
const userFor = (who: Who): TestUser | undefined =>
  ({ anonymous: undefined, otherMember, owner, staff, superuser })[who]

// docs/rules/jobs.md: written out here, independently of src/jobs/status.ts
const OWNER_MAY = new Set([
  'DRAFT>REVIEW',
  'REJECTED>REVIEW',
  // an owner may withdraw their job at any time
  'DRAFT>ARCHIVED',
  'REVIEW>ARCHIVED',
  'APPROVED>ARCHIVED',
  'REJECTED>ARCHIVED',
  'EXPIRED>ARCHIVED',
])
const STAFF_MAY = new Set(['REVIEW>APPROVED', 'REVIEW>REJECTED', 'APPROVED>ARCHIVED'])
const SYSTEM_MAY = new Set(['APPROVED>EXPIRED'])
const SOMEONE_MAY = new Set([...OWNER_MAY, ...STAFF_MAY, ...SYSTEM_MAY])

type Expected = 'ok' | 403 | 409
const expected = (who: Who, from: Status, to: Status): Expected => {
  // no update access at all: not their job
  if (who === 'anonymous' || who === 'otherMember') return 403
  const key = `${from}>${to}`
  if ((who === 'owner' ? OWNER_MAY : STAFF_MAY).has(key)) return 'ok'
  // the transition exists but belongs to another role; otherwise there is none
  return SOMEONE_MAY.has(key) ? 403 : 409
}

type Outcome = { message: string; status: number }
type Channel = 'admin' | 'graphql' | 'local' | 'rest'

const attempt = async (channel: Channel, who: Who, id: string, to: Status): Promise<Outcome> => {
  const user = userFor(who)
  if (channel === 'rest') {
    const response = await t.api('PATCH', `jobs/${id}`, { auth: user, body: { status: to } })
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'admin') {
    const response = await adminSave(t, user, id, { status: to })
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'graphql') {
    const result = await t.graphql(`mutation { updateJob(id: "${id}", data: { status: ${to} }) { id status } }`, { auth: user })
    if (result.errors?.length) {
      return { message: result.errors.map((e: any) => e.message).join(' | '), status: result.errors[0].extensions?.statusCode ?? 500 }
    }
    return { message: '', status: result.data?.updateJob?.status === to ? 200 : 500 }
  }
  try {
    await t.payload.update({
      collection: 'jobs',
      data: { status: to },
      id,
      overrideAccess: false,
      ...(user ? { user: await userDoc(t, user) } : {}),
    })
    return { message: '', status: 200 }
  } catch (err) {
    return { message: (err as Error).message, status: (err as { status?: number }).status ?? 500 }
  }
}

const checkCell = async (channel: Channel, id: string, who: Who, from: Status, to: Status) => {
  await setStatus(t, id, from)
  const before = await snapshot(t, id)
  const outcome = await attempt(channel, who, id, to)
  const want = expected(who, from, to)
  const label = `${channel}: ${who} ${from} -> ${to}`
  if (want === 'ok') {
    expect({ label, status: outcome.status }).toEqual({ label, status: 200 })
    expect({ label, stored: (await jobRow(t, id))!.status }).toEqual({ label, stored: to })
    return
  }
  expect({ label, status: outcome.status }).toEqual({ label, status: want })
  // nothing written: the row (updated_at included), its relations, comments and emails
  expect({ label, unchanged: (await snapshot(t, id)) === before }).toEqual({ label, unchanged: true })
  if (who === 'owner' || who === 'staff' || who === 'superuser') {
    // a refused transition names where the job is, where it was asked to go, and why
    expect(outcome.message).toContain(from)
    expect(outcome.message).toContain(to)
    expect(outcome.message).toMatch(want === 409 ? /can only be reached from|is not a status/ : /only the (owner|staff|system)/)
  }
}

const PAIRS = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to] as [Status, Status]))

describe.each<Channel>(['rest', 'graphql', 'local', 'admin'])('status machine through %s', (channel) => {
  it.each(PAIRS)('%s -> %s: allowed only for the roles the workflow names', async (from, to) => {
    const job = await createJob(t, owner)
    for (const who of WHO) await checkCell(channel, String(job.id), who, from, to)
  })

  it('writing the status a job already has is a no-op for its owner and staff, refused to others', async () => {
    const job = await createJob(t, owner)
    const id = String(job.id)
    for (const status of STATUSES) {
      for (const who of WHO) {
        await setStatus(t, id, status)
        const before = await jobRow(t, id)
        const outcome = await attempt(channel, who, id, status)
        const label = `${channel}: ${who} ${status} -> ${status}`
        const want = who === 'anonymous' || who === 'otherMember' ? 403 : 200
        expect({ label, status: outcome.status }).toEqual({ label, status: want })
        expect((await jobRow(t, id))!.status).toBe(before!.status)
      }
    }
  })
})

describe('the workflow holds for other write paths', () => {
  it('a bulk PATCH by a superuser cannot skip REVIEW: refused per document, nothing written', async () => {
    const job = await createJob(t, owner)
    const id = String(job.id)
    const before = await snapshot(t, id)
    const response = await t.api('PATCH', `jobs?where[id][equals]=${id}`, { auth: superuser, body: { status: 'APPROVED' } })
    const body = await json(response)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(body.docs ?? []).toEqual([])
    expect(JSON.stringify(body.errors)).toMatch(/DRAFT to APPROVED/)
    expect(await snapshot(t, id)).toBe(before)
  })

  it('a bulk PATCH by staff makes only the allowed transitions', async () => {
    const inReview = await createJob(t, owner)
    const draft = await createJob(t, owner)
    await setStatus(t, String(inReview.id), 'REVIEW')
    const draftBefore = await snapshot(t, String(draft.id))
    const response = await t.api('PATCH', `jobs?where[id][in]=${inReview.id},${draft.id}`, { auth: staff, body: { status: 'APPROVED' } })
    const body = await json(response)
    expect(body.docs.map((doc: any) => doc.id)).toEqual([inReview.id])
    expect(JSON.stringify(body.errors)).toContain(String(draft.id))
    expect((await jobRow(t, String(inReview.id)))!.status).toBe('APPROVED')
    expect(await snapshot(t, String(draft.id))).toBe(draftBefore)
  })

  it('duplicating an approved job cannot create an approved copy', async () => {
    const job = await createJob(t, owner)
    await setStatus(t, String(job.id), 'APPROVED')
    const count = async () => (await t.payload.count({ collection: 'jobs', overrideAccess: true })).totalDocs
    const before = await count()
    for (const who of [owner, staff, superuser]) {
      const response = await t.api('POST', `jobs/${job.id}/duplicate`, { auth: who })
      expect(response.status).toBe(409)
      expect(messages(await json(response))).toMatch(/not APPROVED/)
    }
    expect(await count()).toBe(before)
  })

  it('a staff member who posted the job is owner and staff: may submit, approve and withdraw it', async () => {
    const job = await createJob(t, staff)
    const id = String(job.id)
    for (const status of ['REVIEW', 'APPROVED', 'ARCHIVED'] as const) {
      const response = await t.api('PATCH', `jobs/${id}`, { auth: staff, body: { status } })
      expect(response.status).toBe(200)
      expect((await jobRow(t, id))!.status).toBe(status)
    }
  })

  it('the refusal of a transition is a 409 naming both statuses, not a 500, when it races a change', async () => {
    // the request read the job as REVIEW; by the time it writes, it is APPROVED
    const job = await createJob(t, owner)
    const id = String(job.id)
    await setStatus(t, id, 'REVIEW')
    const stale = { ...(await t.payload.findByID({ collection: 'jobs', depth: 0, id, overrideAccess: true })) }
    await setStatus(t, id, 'APPROVED')
    const { enforceJobWorkflow } = await import('../../hooks/jobs/enforceJobWorkflow')
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({ user: (await userDoc(t, staff)) as never }, t.payload)
    await expect(
      enforceJobWorkflow({
        collection: t.payload.collections.jobs.config,
        context: {},
        data: { ...stale, status: 'REJECTED' },
        operation: 'update',
        originalDoc: stale,
        req,
      } as never),
    ).rejects.toMatchObject({ message: expect.stringMatching(/REJECTED.*REVIEW.*APPROVED/), status: 409 })
  })
})
