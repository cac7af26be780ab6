/**
 * Two transitions of one job from the same starting status never both
 * succeed: approvals and rejections fired at once on a job in REVIEW, round
 * after round, give exactly one success and 409s (never a 500) for the
 * rest; the stored status is the winner's and only the winner's emails are
 * queued.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { jobEmailLogs, jobIn, jobRow, type Json, json, messages, query, TEAM_EMAIL } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let staff2: TestUser
let owner: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: TEAM_EMAIL })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  staff2 = await t.makeUser('staff')
  owner = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const ROUNDS = 8

type Attempt = { run: () => Promise<{ message: string; status: number }>; target: 'APPROVED' | 'REJECTED' }

const viaReview = (id: string, auth: TestUser, action: 'approve' | 'reject'): Attempt => ({
  run: async () => {
    const response = await t.api('POST', `jobs/${id}/review`, { auth, body: { action } })
    return { message: messages(await json(response)), status: response.status }
  },
  target: action === 'approve' ? 'APPROVED' : 'REJECTED',
})

const viaPatch = (id: string, auth: TestUser, target: 'APPROVED' | 'REJECTED'): Attempt => ({
  run: async () => {
    const response = await t.api('PATCH', `jobs/${id}`, { auth, body: { status: target } })
    return { message: messages(await json(response)), status: response.status }
  },
  target,
})

const viaGraphql = (id: string, auth: TestUser, target: 'APPROVED' | 'REJECTED'): Attempt => ({
  run: async () => {
    const result = await t.graphql(`mutation { updateJob(id: "${id}", data: { status: ${target} }) { status } }`, { auth })
    if (result.errors?.length) return { message: result.errors[0].message, status: result.errors[0].extensions?.statusCode ?? 500 }
    return { message: '', status: 200 }
  },
  target,
})

/** Fires every attempt at once and checks the outcome of the race. */
const race = async (id: string, attempts: Attempt[]) => {
  const outcomes = await Promise.all(attempts.map((attempt) => attempt.run()))
  const statuses = outcomes.map((outcome) => outcome.status)
  const winners = outcomes.flatMap((outcome, index) => (outcome.status === 200 ? [attempts[index]!] : []))
  expect({ statuses, winners: winners.length }).toEqual({ statuses, winners: 1 })
  for (const outcome of outcomes.filter((o) => o.status !== 200)) {
    expect({ message: outcome.message, status: outcome.status }).toEqual({ message: expect.stringMatching(/REVIEW|APPROVED|REJECTED/), status: 409 })
  }
  const winner = winners[0]!
  expect((await jobRow(t, id))!.status).toBe(winner.target)

  // one set of emails: the winner's, to the contact and the team, each queued once
  const logs = await jobEmailLogs(t, id)
  const template = winner.target === 'APPROVED' ? 'jobs.approved' : 'jobs.rejected'
  expect(logs.map((log) => [log.template_name, log.recipient_email]).sort()).toEqual(
    [
      [template, TEAM_EMAIL],
      [template, (await jobRow(t, id))!.email],
    ].sort(),
  )
  const queued = await query(t, `SELECT count(*) AS n FROM payload_jobs WHERE task_slug = 'sendEmail' AND input->>'emailLog' = ANY($1)`, [
    logs.map((log: Json) => String(log.id)),
  ])
  expect(Number(queued.rows[0].n)).toBe(2)
  return winner.target
}

describe('concurrent transitions on one job', () => {
  it(`review endpoint: 3 approvals and 2 rejections at once, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const job = await jobIn(t, owner, 'REVIEW')
      const id = String(job.id)
      await race(id, [
        viaReview(id, staff, 'approve'),
        viaReview(id, staff2, 'reject'),
        viaReview(id, superuser, 'approve'),
        viaReview(id, staff2, 'approve'),
        viaReview(id, superuser, 'reject'),
      ])
    }
  })

  it(`REST PATCH and GraphQL: an approval and a rejection at once, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const job = await jobIn(t, owner, 'REVIEW')
      const id = String(job.id)
      // alternate who fires which, so both sides get to win
      await race(
        id,
        round % 2
          ? [viaPatch(id, staff, 'APPROVED'), viaGraphql(id, staff2, 'REJECTED')]
          : [viaGraphql(id, superuser, 'APPROVED'), viaPatch(id, staff, 'REJECTED')],
      )
    }
  })

  it(`mixed paths: review-endpoint approvals against a PATCH rejection, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const job = await jobIn(t, owner, 'REVIEW')
      const id = String(job.id)
      await race(id, [viaReview(id, staff, 'approve'), viaPatch(id, superuser, 'REJECTED'), viaReview(id, staff2, 'approve')])
    }
  })
})
