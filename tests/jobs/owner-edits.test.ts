/**
 * Who may edit a job's content: its owner while it is DRAFT, REVIEW or
 * REJECTED; once APPROVED (or ARCHIVED, EXPIRED) only staff. Other members
 * never. `isFeatured` is staff's to set.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { adminSave, DAY_MS, jobIn, jobRow, json, messages, snapshot, type Status, userDoc } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let owner: TestUser
let otherMember: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Channel = 'admin' | 'graphql' | 'local' | 'rest'
const CHANNELS: Channel[] = ['rest', 'graphql', 'local', 'admin']

/** Changes `jobTitle` through one channel; returns the HTTP-like status and message. */
const editTitle = async (channel: Channel, user: TestUser | undefined, id: string, jobTitle: string) => {
  if (channel === 'rest') {
    const response = await t.api('PATCH', `jobs/${id}`, { auth: user, body: { jobTitle } })
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'admin') {
    const response = await adminSave(t, user, id, { jobTitle })
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'graphql') {
    const result = await t.graphql(`mutation($id: String!, $title: String) { updateJob(id: $id, data: { jobTitle: $title }) { id jobTitle } }`, {
      auth: user,
      variables: { id, title: jobTitle },
    })
    if (result.errors?.length) return { message: result.errors[0].message as string, status: result.errors[0].extensions?.statusCode as number }
    return { message: '', status: result.data.updateJob.jobTitle === jobTitle ? 200 : 500 }
  }
  try {
    await t.payload.update({ collection: 'jobs', data: { jobTitle }, id, overrideAccess: false, ...(user ? { user: await userDoc(t, user) } : {}) })
    return { message: '', status: 200 }
  } catch (err) {
    return { message: (err as Error).message, status: (err as { status?: number }).status ?? 500 }
  }
}

describe.each(CHANNELS)('editing a job through %s', (channel) => {
  it.each<Status>(['DRAFT', 'REVIEW', 'REJECTED'])('the owner may edit a %s job', async (status) => {
    const job = await jobIn(t, owner, status)
    const outcome = await editTitle(channel, owner, String(job.id), 'Edited by the owner')
    expect(outcome.status).toBe(200)
    expect(await jobRow(t, String(job.id))).toMatchObject({ job_title: 'Edited by the owner', status })
  })

  it.each<Status>(['APPROVED', 'ARCHIVED', 'EXPIRED'])('the owner may not edit a %s job: 403 naming the status, nothing written', async (status) => {
    const job = await jobIn(t, owner, status)
    const before = await snapshot(t, String(job.id))
    const outcome = await editTitle(channel, owner, String(job.id), 'Edited after approval')
    expect(outcome.status).toBe(403)
    expect(outcome.message).toMatch(new RegExp(`only while DRAFT, REVIEW or REJECTED; this one is ${status}`))
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it.each<Status>(['APPROVED', 'ARCHIVED', 'EXPIRED'])('staff may edit a %s job', async (status) => {
    const job = await jobIn(t, owner, status)
    for (const who of [staff, superuser]) {
      const title = `Edited by ${who.role}`
      expect((await editTitle(channel, who, String(job.id), title)).status).toBe(200)
      expect(await jobRow(t, String(job.id))).toMatchObject({ job_title: title, status })
    }
  })

  it('another member may not edit a job, whatever its status; anonymous neither', async () => {
    for (const status of ['DRAFT', 'REVIEW', 'REJECTED', 'APPROVED'] as Status[]) {
      const job = await jobIn(t, owner, status)
      const before = await snapshot(t, String(job.id))
      for (const who of [otherMember, undefined]) {
        expect((await editTitle(channel, who, String(job.id), 'Hijacked')).status).toBe(403)
      }
      expect(await snapshot(t, String(job.id))).toBe(before)
    }
  })
})

describe('what counts as editing an approved job', () => {
  it('the admin form of an approved job, saved unchanged but for the status, withdraws it', async () => {
    const expires = new Date(Date.now() + 30 * DAY_MS)
    const job = await jobIn(t, owner, 'APPROVED', {}, expires)
    const response = await adminSave(t, owner, String(job.id), { status: 'ARCHIVED' })
    expect(response.status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('ARCHIVED')
  })

  it('withdrawing and editing at once is refused: the edit is the problem', async () => {
    const job = await jobIn(t, owner, 'APPROVED')
    const before = await snapshot(t, String(job.id))
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { jobTitle: 'Renamed', status: 'ARCHIVED' } })
    expect(response.status).toBe(403)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it.each([
    ['slug', { slug: 'a-better-slug' }],
    ['expires', { expires: new Date(Date.now() + 400 * DAY_MS).toISOString() }],
    ['description', { description: 'Now with lower pay.' }],
    ['email', { email: 'other-contact@example.org' }],
    ['telecommuting', { telecommuting: true }],
    ['country', { country: 'Elsewhere' }],
  ])('an owner changing %s of an approved job is refused', async (_field, change) => {
    const job = await jobIn(t, owner, 'APPROVED', {}, new Date(Date.now() + 30 * DAY_MS))
    const before = await snapshot(t, String(job.id))
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: change })
    expect(response.status).toBe(403)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('the same expiry date written in another format is no change', async () => {
    const expires = new Date(Date.UTC(2099, 0, 1))
    const job = await jobIn(t, owner, 'APPROVED', {}, expires)
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: owner, body: { expires: '2099-01-01T00:00:00Z', status: 'ARCHIVED' } })
    expect(response.status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('ARCHIVED')
  })
})

describe('isFeatured is staff-only to set', () => {
  it('an owner setting isFeatured is ignored; staff set and clear it', async () => {
    const job = await jobIn(t, owner, 'DRAFT')
    const id = String(job.id)
    expect((await t.api('PATCH', `jobs/${id}`, { auth: owner, body: { isFeatured: true } })).status).toBe(200)
    expect((await jobRow(t, id))!.is_featured).toBe(false)
    const gql = await t.graphql(`mutation { updateJob(id: "${id}", data: { isFeatured: true }) { isFeatured } }`, { auth: owner })
    expect(gql.data?.updateJob?.isFeatured ?? false).toBe(false)
    expect((await jobRow(t, id))!.is_featured).toBe(false)

    expect((await t.api('PATCH', `jobs/${id}`, { auth: staff, body: { isFeatured: true } })).status).toBe(200)
    expect((await jobRow(t, id))!.is_featured).toBe(true)
    // the owner's later edit does not clear it either
    expect((await t.api('PATCH', `jobs/${id}`, { auth: owner, body: { isFeatured: false, jobTitle: 'Still featured' } })).status).toBe(200)
    expect(await jobRow(t, id)).toMatchObject({ is_featured: true, job_title: 'Still featured' })
    expect((await t.api('PATCH', `jobs/${id}`, { auth: superuser, body: { isFeatured: false } })).status).toBe(200)
    expect((await jobRow(t, id))!.is_featured).toBe(false)
  })
})
