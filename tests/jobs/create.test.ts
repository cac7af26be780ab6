/**
 * Posting a job: any logged-in member may; the job starts as a DRAFT owned
 * by the poster, whatever the request says about `creator`, `isFeatured` or
 * the status. Anonymous visitors cannot post.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { jobBody, jobRow, json, messages, query, userDoc } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let member: TestUser
let otherMember: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  otherMember = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const countJobs = async () => Number((await query(t, 'SELECT count(*) AS n FROM jobs')).rows[0].n)

describe('a member posts a job', () => {
  it('REST: starts as DRAFT, owned by the member; a forged creator, status field and isFeatured are ignored', async () => {
    const response = await t.api('POST', 'jobs', {
      auth: member,
      body: jobBody({ creator: otherMember.id, isFeatured: true, status: 'DRAFT' }),
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc.status).toBe('DRAFT')
    const row = await jobRow(t, doc.id)
    expect(row).toMatchObject({ creator_id: member.id, is_featured: false, status: 'DRAFT' })
  })

  it('REST without a status: DRAFT', async () => {
    const { doc } = await json(await t.api('POST', 'jobs', { auth: member, body: jobBody() }))
    expect((await jobRow(t, doc.id))!.status).toBe('DRAFT')
  })

  it('GraphQL: starts as DRAFT, owned by the member, even with a forged creator; slug and status may be left out', async () => {
    const result = await t.graphql(
      `mutation($data: mutationJobInput!) { createJob(data: $data) { id slug status creator { id } } }`,
      { auth: member, variables: { data: { ...jobBody(), creator: otherMember.id } } },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.createJob).toMatchObject({ creator: { id: member.id }, status: 'DRAFT' })
    expect(result.data.createJob.slug).toMatch(/^python-developer-/)
    expect(await jobRow(t, result.data.createJob.id)).toMatchObject({ creator_id: member.id, status: 'DRAFT' })
  })

  it('Local API with access control: DRAFT, owned by the user', async () => {
    const doc = await t.payload.create({
      collection: 'jobs',
      data: jobBody({ creator: otherMember.id, isFeatured: true }) as never,
      overrideAccess: false,
      user: await userDoc(t, member),
    })
    expect(await jobRow(t, String(doc.id))).toMatchObject({ creator_id: member.id, is_featured: false, status: 'DRAFT' })
  })

  it('may submit at once: a new job may start in REVIEW', async () => {
    const response = await t.api('POST', 'jobs', { auth: member, body: jobBody({ status: 'REVIEW' }) })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect((await jobRow(t, doc.id))!.status).toBe('REVIEW')
  })

  it('staff post jobs too, and may feature them', async () => {
    const { doc } = await json(await t.api('POST', 'jobs', { auth: staff, body: jobBody({ isFeatured: true }) }))
    expect(await jobRow(t, doc.id)).toMatchObject({ creator_id: staff.id, is_featured: true, status: 'DRAFT' })
  })

  it('the creator never changes afterwards, whoever asks', async () => {
    const { doc } = await json(await t.api('POST', 'jobs', { auth: member, body: jobBody() }))
    for (const who of [member, staff, superuser]) {
      const response = await t.api('PATCH', `jobs/${doc.id}`, { auth: who, body: { creator: otherMember.id } })
      expect(response.status).toBe(200)
      expect((await jobRow(t, doc.id))!.creator_id).toBe(member.id)
    }
  })

  it('generates a unique slug from title and company; jobs with the same title get different slugs', async () => {
    const body = jobBody({ companyName: 'Spam & Eggs Ltd.', jobTitle: 'Senior Python Developer' })
    const first = (await json(await t.api('POST', 'jobs', { auth: member, body }))).doc
    const second = (await json(await t.api('POST', 'jobs', { auth: member, body }))).doc
    expect(first.slug).toMatch(/^senior-python-developer-spam-eggs-ltd-[0-9a-f]{6}$/)
    expect(second.slug).toMatch(/^senior-python-developer-spam-eggs-ltd-[0-9a-f]{6}$/)
    expect(second.slug).not.toBe(first.slug)
  })

  it('a slug clash is a 400 naming slug, not a 500', async () => {
    const first = (await json(await t.api('POST', 'jobs', { auth: member, body: jobBody() }))).doc
    const before = await countJobs()
    const response = await t.api('POST', 'jobs', { auth: member, body: jobBody({ slug: first.slug }) })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await json(response))).toMatch(/slug/)
    expect(await countJobs()).toBe(before)
  })
})

describe('a new job cannot start past REVIEW', () => {
  it.each(['APPROVED', 'REJECTED', 'ARCHIVED', 'EXPIRED'])('creating a job as %s is 409 for members, staff and superusers; nothing written', async (status) => {
    for (const who of [member, staff, superuser]) {
      const before = await countJobs()
      const response = await t.api('POST', 'jobs', { auth: who, body: jobBody({ status }) })
      expect(response.status).toBe(409)
      expect(messages(await json(response))).toMatch(new RegExp(`status: .*DRAFT.*not ${status}`))
      expect(await countJobs()).toBe(before)
    }
  })

  it('GraphQL: creating an APPROVED job is refused with 409', async () => {
    const before = await countJobs()
    const result = await t.graphql(`mutation($data: mutationJobInput!) { createJob(data: $data) { id status } }`, {
      auth: superuser,
      variables: { data: jobBody({ status: 'APPROVED' }) },
    })
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(409)
    expect(await countJobs()).toBe(before)
  })
})

describe('anonymous visitors cannot post', () => {
  it('REST and GraphQL refuse, nothing written', async () => {
    const before = await countJobs()
    const response = await t.api('POST', 'jobs', { body: jobBody() })
    expect(response.status).toBe(403)
    const result = await t.graphql(`mutation($data: mutationJobInput!) { createJob(data: $data) { id } }`, {
      variables: { data: jobBody() },
    })
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(403)
    await expect(t.payload.create({ collection: 'jobs', data: jobBody() as never, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect(await countJobs()).toBe(before)
  })
})
