/**
 * The jobs queue (GET /api/payload-jobs/run and /handle-schedules): worked
 * by the in-process runner, a superuser, or a scheduler presenting the
 * run secret (PAYLOAD_JOBS_RUN_SECRET as `Authorization: Bearer ...`).
 * Members and anonymous users can neither run nor schedule it, and cannot
 * read, write or cancel queued jobs or the scheduler's stats.
 */
import { createLocalReq } from 'payload'

import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, expectRefused, json, type Json } from '../helpers/assertions'

const RUN_SECRET = 'run-secret-of-the-jobs-queue-test'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload({ PAYLOAD_JOBS_RUN_SECRET: RUN_SECRET })
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

const JOBS = 'payload-jobs'

const allJobs = async () =>
  // overrideAccess: the test reads the queue as the system
  (await t.payload.find({ collection: JOBS, depth: 0, limit: 0, overrideAccess: true, pagination: false }))
    .docs as Json[]

/** A harmless queued job: the expiry task, which has nothing to expire here. */
const queueJob = async () => (await t.payload.jobs.queue({ input: {}, task: 'expireJobs' })) as Json

/** Worked: completed, or already deleted on completion (Payload's default). */
const completed = async (id: unknown) => {
  // overrideAccess: the test reads the queue as the system
  const { docs } = await t.payload.find({ collection: JOBS, overrideAccess: true, where: { id: { equals: id } } })
  const job = docs[0] as Json | undefined
  return !job || Boolean(job.completedAt)
}

const clearQueue = async () => {
  // overrideAccess: clean-up between tests
  await t.payload.delete({ collection: JOBS, overrideAccess: true, where: { id: { exists: true } } })
}
afterEach(clearQueue)

const refusedRun = (response: Response) => expect([401, 403]).toContain(response.status)

describe('GET /api/payload-jobs/run', () => {
  it.each(['member', 'owner', 'staff', 'anonymous'] as const)('%s cannot work the queue', async (name) => {
    const job = await queueJob()
    refusedRun(await t.api('GET', `/${JOBS}/run?limit=100`, { auth: actors[name] }))
    refusedRun(await t.api('GET', `/${JOBS}/run?limit=100&allQueues=true`, { auth: actors[name] }))
    expect(await completed(job.id)).toBe(false)
  })

  it('a wrong run secret is refused', async () => {
    const job = await queueJob()
    refusedRun(await t.api('GET', `/${JOBS}/run?limit=100`, { headers: { Authorization: 'Bearer not-the-secret' } }))
    refusedRun(await t.api('GET', `/${JOBS}/run?limit=100`, { headers: { Authorization: `Bearer ${RUN_SECRET}x` } }))
    expect(await completed(job.id)).toBe(false)
  })

  it('a superuser works the queue', async () => {
    const job = await queueJob()
    const response = await t.api('GET', `/${JOBS}/run?limit=100`, { auth: actors.superuser })
    expect(response.status).toBe(200)
    expect(await completed(job.id)).toBe(true)
  })

  it('a scheduler with the run secret works the queue', async () => {
    const job = await queueJob()
    const response = await t.api('GET', `/${JOBS}/run?limit=100`, {
      headers: { Authorization: `Bearer ${RUN_SECRET}` },
    })
    expect(response.status).toBe(200)
    expect(await completed(job.id)).toBe(true)
  })

  it('the in-process runner (what autoRun calls on its cron) still works the queue', async () => {
    const job = await queueJob()
    // exactly the call Payload's autoRun cron makes: no request, no user
    await t.payload.jobs.run({ limit: 50, queue: 'default' })
    expect(await completed(job.id)).toBe(true)
  })
})

describe('GET /api/payload-jobs/handle-schedules', () => {
  it.each(['member', 'owner', 'staff', 'anonymous'] as const)('%s cannot schedule jobs', async (name) => {
    refusedRun(await t.api('GET', `/${JOBS}/handle-schedules`, { auth: actors[name] }))
    refusedRun(await t.api('GET', `/${JOBS}/handle-schedules?allQueues=true`, { auth: actors[name] }))
    expect(await allJobs()).toEqual([])
  })

  it('a superuser, or the run secret, schedules them', async () => {
    const bySuperuser = await t.api('GET', `/${JOBS}/handle-schedules`, { auth: actors.superuser })
    expect(bySuperuser.status).toBe(200)
    expect((await json(bySuperuser)).queued.length).toBeGreaterThan(0)
    await clearQueue()
    // overrideAccess: forget the last scheduled runs so the next call schedules again
    await t.payload.db.updateGlobal({ slug: 'payload-jobs-stats', data: { stats: {} } })
    const bySecret = await t.api('GET', `/${JOBS}/handle-schedules`, {
      headers: { Authorization: `Bearer ${RUN_SECRET}` },
    })
    expect(bySecret.status).toBe(200)
    expect((await json(bySecret)).queued.length).toBeGreaterThan(0)
  })
})

describe('queued jobs and the scheduler stats', () => {
  const others: (keyof Actors)[] = ['anonymous', 'member', 'owner', 'staff']

  it.each(others)('%s cannot read, add, change or delete queued jobs', async (name) => {
    const job = await queueJob()
    const auth = actors[name] as Auth
    expectRefusedOrUnauthenticated(await t.api('GET', `/${JOBS}`, { auth }))
    expectRefusedOrUnauthenticated(await t.api('GET', `/${JOBS}/${job.id}`, { auth }))
    expectRefusedOrUnauthenticated(
      await t.api('POST', `/${JOBS}`, { auth, body: { input: {}, queue: 'default', taskSlug: 'expireJobs' } }),
    )
    expectRefusedOrUnauthenticated(await t.api('PATCH', `/${JOBS}/${job.id}`, { auth, body: { hasError: true } }))
    expectRefusedOrUnauthenticated(await t.api('DELETE', `/${JOBS}/${job.id}`, { auth }))
    expect((await allJobs()).map((row) => [row.id, row.hasError ?? false])).toEqual([[job.id, false]])
  })

  it.each(others)('%s cannot read or change the scheduler stats', async (name) => {
    const auth = actors[name] as Auth
    expectRefusedOrUnauthenticated(await t.api('GET', '/globals/payload-jobs-stats', { auth }))
    const write = await t.api('POST', '/globals/payload-jobs-stats', {
      auth,
      body: {
        stats: {
          scheduledRuns: {
            queues: { default: { tasks: { expireJobs: { lastScheduledRun: '2999-01-01T00:00:00.000Z' } } } },
          },
        },
      },
    })
    expectRefusedOrUnauthenticated(write)
    // overrideAccess: the stored stats as the scheduler reads them
    const stats = (await t.payload.findGlobal({ slug: 'payload-jobs-stats', overrideAccess: true })) as Json
    expect(JSON.stringify(stats.stats ?? {})).not.toContain('2999')
  })

  it('a superuser may read queued jobs (to see failures), but not write them', async () => {
    const job = await queueJob()
    const { superuser } = actors
    const list = await t.api('GET', `/${JOBS}`, { auth: superuser })
    expect(list.status).toBe(200)
    expect((await json(list)).docs.map((doc: Json) => doc.id)).toEqual([job.id])
    expectRefused(await t.api('PATCH', `/${JOBS}/${job.id}`, { auth: superuser, body: { hasError: true } }))
    expectRefused(await t.api('DELETE', `/${JOBS}/${job.id}`, { auth: superuser }))
    expect(await allJobs()).toHaveLength(1)
  })

  it('queueing and cancelling through the Local API on behalf of a user needs a superuser', async () => {
    const job = await queueJob()
    const memberReq = await createLocalReq({ user: await asRequestUser(t, actors.member) }, t.payload)
    await expect(
      t.payload.jobs.queue({ input: {}, overrideAccess: false, req: memberReq, task: 'expireJobs' }),
    ).rejects.toThrow()
    await expect(t.payload.jobs.cancelByID({ id: job.id, overrideAccess: false, req: memberReq })).rejects.toThrow()
    expect((await allJobs()).map((row) => row.id)).toEqual([job.id])
    const superReq = await createLocalReq({ user: await asRequestUser(t, actors.superuser) }, t.payload)
    await t.payload.jobs.queue({ input: {}, overrideAccess: false, req: superReq, task: 'expireJobs' })
    expect(await allJobs()).toHaveLength(2)
  })
})

/** 401 for anonymous, 403/404 for a logged-in user who may not. */
const expectRefusedOrUnauthenticated = (response: Response) => expect([401, 403, 404]).toContain(response.status)
