/**
 * Review comments: only the job's owner and staff post or read them (REST,
 * GraphQL, the job's own reviewComments join); nobody edits them; an empty
 * or overlong comment is refused; the creator is the poster.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { jobIn, type Json, json, query, userDoc } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let owner: TestUser
let otherMember: TestUser
let job: Json
let staffComment: Json
let ownerComment: Json

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
  // approved: the job itself is public, its discussion is not
  job = await jobIn(t, owner, 'APPROVED')
  staffComment = (await json(await t.api('POST', 'job-review-comments', { auth: staff, body: { comment: 'Staff says hi', job: job.id } }))).doc
  ownerComment = (await json(await t.api('POST', 'job-review-comments', { auth: owner, body: { comment: 'Owner replies', job: job.id } }))).doc
})
afterAll(async () => {
  await t?.close()
})

const countComments = async () => Number((await query(t, 'SELECT count(*) AS n FROM job_review_comments')).rows[0].n)

describe('posting', () => {
  it('the owner and staff post; the creator is the poster, not what the body says', async () => {
    expect(staffComment.id).toBeDefined()
    expect(ownerComment.id).toBeDefined()
    const forged = await json(
      await t.api('POST', 'job-review-comments', { auth: owner, body: { comment: 'Signed: staff', creator: staff.id, job: job.id } }),
    )
    const rows = (await query(t, 'SELECT id, creator_id FROM job_review_comments WHERE id = ANY($1::uuid[])', [[staffComment.id, ownerComment.id, forged.doc.id]])).rows
    const creatorOf = Object.fromEntries(rows.map((row) => [row.id, row.creator_id]))
    expect(creatorOf).toEqual({ [forged.doc.id]: owner.id, [ownerComment.id]: owner.id, [staffComment.id]: staff.id })
  })

  it('another member may not comment on a job that is not theirs: 403, nothing written', async () => {
    const before = await countComments()
    expect((await t.api('POST', 'job-review-comments', { auth: otherMember, body: { comment: 'Me too', job: job.id } })).status).toBe(403)
    const gql = await t.graphql(`mutation { createJobReviewComment(data: { job: "${job.id}", comment: "Me too" }) { id } }`, { auth: otherMember })
    expect(gql.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await countComments()).toBe(before)
  })

  it('anonymous may not comment: 403, nothing written', async () => {
    const before = await countComments()
    expect((await t.api('POST', 'job-review-comments', { body: { comment: 'Anon', job: job.id } })).status).toBe(403)
    expect(await countComments()).toBe(before)
  })

  it.each([
    ['empty', ''],
    ['blank', '  \n\t '],
    ['missing', undefined],
  ])('an %s comment is a 400 naming comment, nothing written', async (_kind, comment) => {
    const before = await countComments()
    for (const who of [owner, staff]) {
      const response = await t.api('POST', 'job-review-comments', { auth: who, body: { comment, job: job.id } })
      expect(response.status).toBe(400)
      const body = await json(response)
      expect(body.errors[0].data.errors.map((e: Json) => e.path)).toContain('comment')
    }
    expect(await countComments()).toBe(before)
  })

  it('an overlong comment is a 400 naming comment', async () => {
    const before = await countComments()
    const response = await t.api('POST', 'job-review-comments', { auth: staff, body: { comment: 'x'.repeat(5001), job: job.id } })
    expect(response.status).toBe(400)
    expect((await json(response)).errors[0].data.errors.map((e: Json) => e.path)).toContain('comment')
    expect(await countComments()).toBe(before)
  })

  it('a comment on a job that does not exist is a 400 naming job, not a 500', async () => {
    const before = await countComments()
    const response = await t.api('POST', 'job-review-comments', {
      auth: staff,
      body: { comment: 'Lost', job: '00000000-0000-4000-8000-000000000000' },
    })
    expect(response.status).toBe(400)
    expect((await json(response)).errors[0].data.errors.map((e: Json) => e.path)).toContain('job')
    const member = await t.api('POST', 'job-review-comments', { auth: otherMember, body: { comment: 'Lost', job: 'not-an-id' } })
    expect(member.status).toBeGreaterThanOrEqual(400)
    expect(member.status).toBeLessThan(500)
    expect(await countComments()).toBe(before)
  })

  it('nobody edits a comment; staff may delete one', async () => {
    for (const who of [owner, staff, superuser]) {
      const response = await t.api('PATCH', `job-review-comments/${ownerComment.id}`, { auth: who, body: { comment: 'Rewritten' } })
      expect(response.status).toBe(403)
    }
    expect((await query(t, 'SELECT comment FROM job_review_comments WHERE id = $1', [ownerComment.id])).rows[0].comment).toBe('Owner replies')
    const extra = (await json(await t.api('POST', 'job-review-comments', { auth: owner, body: { comment: 'Delete me', job: job.id } }))).doc
    expect((await t.api('DELETE', `job-review-comments/${extra.id}`, { auth: owner })).status).toBe(403)
    expect((await t.api('DELETE', `job-review-comments/${extra.id}`, { auth: staff })).status).toBe(200)
  })
})

describe('reading', () => {
  const ours = (ids: string[]) => ids.filter((id) => [staffComment.id, ownerComment.id].includes(id)).sort()
  const both = () => [staffComment.id, ownerComment.id].sort()

  it('the owner and staff read the discussion (REST list, by id, GraphQL)', async () => {
    for (const who of [owner, staff, superuser]) {
      const list = await json(await t.api('GET', `job-review-comments?where[job][equals]=${job.id}&depth=0`, { auth: who }))
      expect(ours(list.docs.map((doc: Json) => doc.id))).toEqual(both())
      expect((await t.api('GET', `job-review-comments/${staffComment.id}`, { auth: who })).status).toBe(200)
      const gql = await t.graphql(`{ JobReviewComments(limit: 100) { docs { id comment } } }`, { auth: who })
      expect(ours(gql.data.JobReviewComments.docs.map((doc: Json) => doc.id))).toEqual(both())
    }
  })

  it('another member reads nothing: an empty list, 404 by id, nothing in GraphQL', async () => {
    const list = await json(await t.api('GET', 'job-review-comments?depth=0', { auth: otherMember }))
    expect(list.docs).toEqual([])
    expect((await t.api('GET', `job-review-comments/${staffComment.id}`, { auth: otherMember })).status).toBe(404)
    const gql = await t.graphql(`{ JobReviewComments { docs { id } } JobReviewComment(id: "${staffComment.id}") { id } }`, { auth: otherMember })
    expect(gql.data?.JobReviewComments?.docs ?? []).toEqual([])
    expect(gql.data?.JobReviewComment ?? null).toBeNull()
  })

  it('anonymous reads nothing', async () => {
    const list = await t.api('GET', 'job-review-comments')
    expect(list.status).toBe(403)
    expect((await t.api('GET', `job-review-comments/${staffComment.id}`)).status).toBe(403)
    const gql = await t.graphql(`{ JobReviewComments { docs { id comment } } }`)
    expect(gql.data?.JobReviewComments?.docs ?? []).toEqual([])
    expect(JSON.stringify(gql)).not.toContain('Staff says hi')
  })

  it("the job's reviewComments join shows the discussion to the owner and staff only", async () => {
    for (const who of [owner, staff]) {
      const doc = await json(await t.api('GET', `jobs/${job.id}?depth=0`, { auth: who }))
      expect(ours(doc.reviewComments.docs)).toEqual(both())
    }
    for (const who of [otherMember, undefined]) {
      const response = await t.api('GET', `jobs/${job.id}?depth=1`, { auth: who })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain('Staff says hi')
      expect(text).not.toContain(staffComment.id)
      const gql = await t.graphql(`{ Job(id: "${job.id}") { id reviewComments { docs { id comment } } } }`, { auth: who })
      expect(JSON.stringify(gql)).not.toContain('Staff says hi')
    }
  })

  it('the Local API with access control agrees', async () => {
    const asOther = await t.payload.find({ collection: 'job-review-comments', overrideAccess: false, user: await userDoc(t, otherMember) })
    expect(asOther.docs).toEqual([])
    const asOwner = await t.payload.find({ collection: 'job-review-comments', overrideAccess: false, user: await userDoc(t, owner) })
    expect(ours(asOwner.docs.map((doc) => String(doc.id)))).toEqual(both())
    await expect(t.payload.find({ collection: 'job-review-comments', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })
})

describe('deleting a job', () => {
  it('staff delete a commented job: its comments go with it (no 500)', async () => {
    const doomed = await jobIn(t, owner, 'REVIEW')
    await t.api('POST', 'job-review-comments', { auth: staff, body: { comment: 'Spam', job: doomed.id } })
    expect((await t.api('DELETE', `jobs/${doomed.id}`, { auth: owner })).status).toBe(403)
    const response = await t.api('DELETE', `jobs/${doomed.id}`, { auth: staff })
    expect(response.status).toBe(200)
    expect((await query(t, 'SELECT count(*) AS n FROM job_review_comments WHERE job_id = $1', [doomed.id])).rows[0].n).toBe('0')
    expect((await query(t, 'SELECT count(*) AS n FROM jobs WHERE id = $1', [doomed.id])).rows[0].n).toBe('0')
  })
})
