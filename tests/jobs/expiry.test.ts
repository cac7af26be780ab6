/**
 * Expiry: approving without `expires` sets it 90 days ahead (a date given
 * is kept); the scheduled `expireJobs` task moves APPROVED jobs past their
 * date to EXPIRED, touches nothing else, and a second run changes nothing.
 * A job past its date is out of public view even before the task runs.
 */
import { jest } from '@jest/globals'
import { createLocalReq } from 'payload'

import { expireJobsTask } from '../../src/jobs/expireJobsTask'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { createJob, DAY_MS, jobEmailLogs, jobIn, jobRow, json, query, setStatus, type Status, utcDay } from './fixtures'

let t: TestContext
let staff: TestUser
let owner: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS)

/** The task as the scheduler runs it: queued, then worked by the job runner. */
const runExpiry = async () => {
  const queued = await t.payload.jobs.queue({ input: {}, task: 'expireJobs' })
  const result = await t.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'expireJobs' } } })
  return result.jobStatus?.[String(queued.id)]
}

const statusesOf = async (ids: string[]) =>
  Object.fromEntries((await query(t, 'SELECT id, status FROM jobs WHERE id = ANY($1::uuid[])', [ids])).rows.map((row) => [row.id, row.status]))

describe('approving sets the expiry date', () => {
  it('without expires: 90 days from today', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'APPROVED' } })
    expect(response.status).toBe(200)
    const row = await jobRow(t, String(job.id))
    expect(utcDay(row!.expires)).toBe(utcDay(daysFromNow(90)))
    expect((await json(response)).doc.expires).toBe(new Date(row!.expires).toISOString())
  })

  it('with expires already set (by the owner): kept', async () => {
    const job = await createJob(t, owner, { expires: '2099-06-30T00:00:00.000Z' })
    await setStatus(t, String(job.id), 'REVIEW', new Date('2099-06-30T00:00:00.000Z'))
    expect((await t.api('POST', `jobs/${job.id}/review`, { auth: staff, body: { action: 'approve' } })).status).toBe(200)
    expect(new Date((await jobRow(t, String(job.id)))!.expires).toISOString()).toBe('2099-06-30T00:00:00.000Z')
  })

  it('with expires given in the approving write: kept', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { expires: '2098-01-15T00:00:00.000Z', status: 'APPROVED' } })
    expect(response.status).toBe(200)
    expect(new Date((await jobRow(t, String(job.id)))!.expires).toISOString()).toBe('2098-01-15T00:00:00.000Z')
  })

  it('rejecting does not set it', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'REJECTED' } })
    expect((await jobRow(t, String(job.id)))!.expires).toBeNull()
  })
})

describe('the expireJobs task', () => {
  it('is registered with a cron schedule, and the scheduler queues it', async () => {
    const task = t.config.jobs.tasks?.find((candidate) => candidate.slug === 'expireJobs')
    expect(task).toBeDefined()
    expect(task!.schedule?.[0]?.cron).toMatch(/\S+ \S+ \S+ \S+ \S+/)
    const { queued } = await t.payload.jobs.handleSchedules()
    expect(queued.map((entry: any) => entry.taskConfig?.slug)).toContain('expireJobs')
    const { docs } = await t.payload.find({ collection: 'payload-jobs', overrideAccess: true, where: { taskSlug: { equals: 'expireJobs' } } })
    expect(docs.length).toBeGreaterThan(0)
    // not part of the other tests: they queue the task themselves
    await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'expireJobs' } } })
  })

  it('expires APPROVED jobs past their date and nothing else; a second run changes nothing', async () => {
    // approved for real (the hook sets expires), then the date moved into the past by the system
    const pastViaUpdate = await jobIn(t, owner, 'REVIEW')
    await t.api('PATCH', `jobs/${pastViaUpdate.id}`, { auth: staff, body: { status: 'APPROVED' } })
    await t.payload.update({ collection: 'jobs', data: { expires: daysFromNow(-3).toISOString() }, id: pastViaUpdate.id, overrideAccess: true })
    const pastViaSql = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(-1))
    const future = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(5))
    const noDate = await jobIn(t, owner, 'APPROVED')
    // past their date but not APPROVED: left alone
    const others = await Promise.all(
      (['DRAFT', 'REVIEW', 'REJECTED', 'ARCHIVED'] as Status[]).map((status) => jobIn(t, owner, status, {}, daysFromNow(-10))),
    )
    const ids = [pastViaUpdate, pastViaSql, future, noDate, ...others].map((job) => String(job.id))
    const updatedBefore = Object.fromEntries(
      (await query(t, 'SELECT id, updated_at FROM jobs WHERE id = ANY($1::uuid[])', [ids])).rows.map((row) => [row.id, row.updated_at.toISOString()]),
    )

    expect(await runExpiry()).toMatchObject({ status: 'success' })
    expect(await statusesOf(ids)).toEqual({
      [String(pastViaUpdate.id)]: 'EXPIRED',
      [String(pastViaSql.id)]: 'EXPIRED',
      [String(future.id)]: 'APPROVED',
      [String(noDate.id)]: 'APPROVED',
      ...Object.fromEntries(others.map((job) => [String(job.id), job.status])),
    })
    // expiry sends no email
    expect(await jobEmailLogs(t, String(pastViaSql.id))).toHaveLength(0)

    const afterFirst = (await query(t, 'SELECT id, status, updated_at FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).rows
    expect(await runExpiry()).toMatchObject({ status: 'success' })
    expect((await query(t, 'SELECT id, status, updated_at FROM jobs WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).rows).toEqual(afterFirst)
    // the jobs it did not expire were not written at all
    for (const job of [future, noDate, ...others]) {
      expect(afterFirst.find((row) => row.id === job.id)!.updated_at.toISOString()).toBe(updatedBefore[String(job.id)])
    }
  })

  it('two runs at once both succeed, and expire each job once', async () => {
    const due = await Promise.all([1, 2, 3, 4].map(() => jobIn(t, owner, 'APPROVED', {}, daysFromNow(-2))))
    const first = await t.payload.jobs.queue({ input: {}, task: 'expireJobs' })
    const second = await t.payload.jobs.queue({ input: {}, task: 'expireJobs' })
    const result = await t.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'expireJobs' } } })
    expect(result.jobStatus?.[String(first.id)]).toMatchObject({ status: 'success' })
    expect(result.jobStatus?.[String(second.id)]).toMatchObject({ status: 'success' })
    expect(Object.values(await statusesOf(due.map((job) => String(job.id))))).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED', 'EXPIRED'])
  })

  it('a job withdrawn or extended after the run found it is left as it is', async () => {
    const withdrawn = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(-2))
    const extended = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(-2))
    // the run's list is taken, then the rows change before it gets to them
    const original = t.payload.find.bind(t.payload)
    const spy = jest.spyOn(t.payload, 'find').mockImplementation((async (args: any) => {
      const result = await original(args)
      if (args.collection === 'jobs') {
        await setStatus(t, String(withdrawn.id), 'ARCHIVED', daysFromNow(-2))
        await setStatus(t, String(extended.id), 'APPROVED', daysFromNow(30))
      }
      return result
    }) as never)
    try {
      const req = await createLocalReq({}, t.payload)
      const { output } = (await (expireJobsTask.handler as any)({ input: {}, job: {}, req, tasks: {} })) as { output: { expired: number } }
      expect(output.expired).toBe(0)
    } finally {
      spy.mockRestore()
    }
    expect(await statusesOf([String(withdrawn.id), String(extended.id)])).toEqual({
      [String(extended.id)]: 'APPROVED',
      [String(withdrawn.id)]: 'ARCHIVED',
    })
  })

  it('reports how many jobs it expired: n, then 0', async () => {
    // a clean slate: nothing else left to expire in this database
    await runExpiry()
    const expired = await Promise.all([1, 2, 3].map(() => jobIn(t, owner, 'APPROVED', {}, daysFromNow(-2))))
    const run = async () => {
      const req = await createLocalReq({}, t.payload)
      return (await (expireJobsTask.handler as any)({ input: {}, job: {}, req, tasks: {} })) as { output: { expired: number } }
    }
    expect((await run()).output).toEqual({ expired: 3 })
    expect((await run()).output).toEqual({ expired: 0 })
    expect(Object.values(await statusesOf(expired.map((job) => String(job.id))))).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED'])
  })

  it('a job that expires today is still up today; the day after, it goes', async () => {
    const today = new Date()
    const startOfToday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
    const endsToday = await jobIn(t, owner, 'APPROVED', {}, startOfToday)
    const endedYesterday = await jobIn(t, owner, 'APPROVED', {}, new Date(startOfToday.getTime() - 1))
    await runExpiry()
    expect(await statusesOf([String(endsToday.id), String(endedYesterday.id)])).toEqual({
      [String(endsToday.id)]: 'APPROVED',
      [String(endedYesterday.id)]: 'EXPIRED',
    })
    expect((await t.api('GET', `jobs/${endsToday.id}`)).status).toBe(200)
  })

  it('past its date, an APPROVED job is out of public view before the task has run', async () => {
    const job = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(-1))
    expect((await t.api('GET', `jobs/${job.id}`)).status).toBe(404)
    const list = await json(await t.api('GET', `jobs?where[id][equals]=${job.id}`))
    expect(list.docs).toEqual([])
    // its owner still sees it
    expect((await t.api('GET', `jobs/${job.id}`, { auth: owner })).status).toBe(200)
  })

  it('an expired job may be withdrawn by its owner, but not approved again', async () => {
    const job = await jobIn(t, owner, 'APPROVED', {}, daysFromNow(-1))
    await runExpiry()
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { status: 'APPROVED' } })).status).toBe(409)
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { status: 'ARCHIVED' } })).status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('ARCHIVED')
  })
})
