/**
 * POST /api/jobs/:id/review { action, comment? }: the admin panel's
 * one-click approve / reject. Staff only; a transition from REVIEW; the
 * optional comment is written in the same transaction as the status, so
 * either both are saved or neither.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { DAY_MS, jobIn, jobRow, json, messages, query, snapshot, type Status, utcDay } from './fixtures'

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

const review = (id: string, auth: TestUser | undefined, body: unknown) => t.api('POST', `jobs/${id}/review`, { auth, body })

const commentsOf = async (id: string) =>
  (await query(t, 'SELECT comment, creator_id FROM job_review_comments WHERE job_id = $1 ORDER BY created_at', [id])).rows

describe('staff review in one click', () => {
  it('approve: REVIEW -> APPROVED, expires set 90 days ahead, no comment row without a comment', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const response = await review(String(job.id), staff, { action: 'approve' })
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.doc).toMatchObject({ id: job.id, status: 'APPROVED' })
    const row = await jobRow(t, String(job.id))
    expect(row!.status).toBe('APPROVED')
    expect(utcDay(row!.expires)).toBe(utcDay(new Date(Date.now() + 90 * DAY_MS)))
    expect(await commentsOf(String(job.id))).toEqual([])
  })

  it('reject with a comment: both saved, the comment by the reviewer', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const response = await review(String(job.id), superuser, { action: 'reject', comment: '  Please name the salary range.  ' })
    expect(response.status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('REJECTED')
    expect(await commentsOf(String(job.id))).toEqual([{ comment: 'Please name the salary range.', creator_id: superuser.id }])
  })

  it('approve with a comment', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    expect((await review(String(job.id), staff, { action: 'approve', comment: 'Welcome aboard.' })).status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('APPROVED')
    expect(await commentsOf(String(job.id))).toEqual([{ comment: 'Welcome aboard.', creator_id: staff.id }])
  })

  it('a blank comment (the admin sends the empty box) is no comment', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    expect((await review(String(job.id), staff, { action: 'approve', comment: '   \n ' })).status).toBe(200)
    expect((await jobRow(t, String(job.id)))!.status).toBe('APPROVED')
    expect(await commentsOf(String(job.id))).toEqual([])
  })
})

describe('a review that cannot happen writes nothing', () => {
  it.each<[Status, string]>([
    ['DRAFT', 'approve'],
    ['DRAFT', 'reject'],
    ['APPROVED', 'approve'],
    ['APPROVED', 'reject'],
    ['REJECTED', 'approve'],
    ['REJECTED', 'reject'],
    ['ARCHIVED', 'approve'],
    ['EXPIRED', 'approve'],
  ])('a job in %s: %s is 409 naming the status; the comment is not written either', async (status, action) => {
    const job = await jobIn(t, owner, status)
    const before = await snapshot(t, String(job.id))
    const response = await review(String(job.id), staff, { action, comment: 'This should not be saved.' })
    expect(response.status).toBe(409)
    const message = messages(await json(response))
    expect(message).toContain(status)
    expect(message).toContain(action === 'approve' ? 'APPROVED' : 'REJECTED')
    expect(message).toContain('REVIEW')
    expect(await snapshot(t, String(job.id))).toBe(before)
    expect(await commentsOf(String(job.id))).toEqual([])
  })

  it('an overlong comment refuses the whole review (400 naming comment): status unchanged, no comment', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    const response = await review(String(job.id), staff, { action: 'approve', comment: 'x'.repeat(5001) })
    expect(response.status).toBe(400)
    expect(messages(await json(response))).toMatch(/^comment: /)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('a comment that is not text is a 400', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    const response = await review(String(job.id), staff, { action: 'reject', comment: { text: 'no' } })
    expect(response.status).toBe(400)
    expect(messages(await json(response))).toMatch(/^comment: /)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('an unknown action, a missing body or malformed JSON is a 400 naming action', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    for (const body of [{ action: 'publish' }, {}, { action: 'APPROVED' }]) {
      const response = await review(String(job.id), staff, body)
      expect(response.status).toBe(400)
      expect(messages(await json(response))).toMatch(/^action: /)
    }
    const malformed = await t.api('POST', `jobs/${job.id}/review`, { auth: staff, rawBody: '{"action": "approve"' })
    expect(malformed.status).toBe(400)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('a member may not review, not even their own job: 403', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    for (const who of [owner, otherMember]) {
      for (const action of ['approve', 'reject']) {
        const response = await review(String(job.id), who, { action, comment: 'I approve of myself.' })
        expect(response.status).toBe(403)
      }
    }
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('anonymous: 401', async () => {
    const job = await jobIn(t, owner, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    const response = await review(String(job.id), undefined, { action: 'approve' })
    expect(response.status).toBe(401)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('an unknown job is a 404, a malformed id a 400', async () => {
    expect((await review('00000000-0000-4000-8000-000000000000', staff, { action: 'approve' })).status).toBe(404)
    expect((await review('not-a-uuid', staff, { action: 'approve' })).status).toBe(400)
  })
})
