/**
 * The workflow actions as endpoints (what the admin panel's buttons and
 * tools call): POST /api/sponsorships/:id/approve|reject|unlock and
 * /api/sponsor-contracts/:id/send|execute|nullify|redraft. Staff only; each
 * saves through the same workflow hook as a PATCH; doing what is already
 * done, or what the status does not allow, is a 409 naming the statuses;
 * bad input is a 400 naming the field; nothing is half written.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type Auth, type TestContext } from '../helpers/harness'
import {
  contractRowOf,
  dayOf,
  errorPaths,
  fixClock,
  json,
  type Json,
  messages,
  PERIOD,
  releaseClock,
  seedLevel,
  snapshot,
  sponsorshipRow,
  TODAY,
  world,
  startSponsorsPayload,
} from './fixtures'

let t: TestContext
let actors: Actors
let w: Awaited<ReturnType<typeof world>>

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload()
  actors = await makeActors(t)
  w = await world(t, actors.staff, actors.owner)
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const post = (path: string, auth: Auth, body: Json = {}) => t.api('POST', path, { auth, body })

/** Runs `attempt` and checks the status, the message and that nothing about the sponsorship changed. */
const refused = async (sponsorshipId: string, attempt: () => Promise<Response>, status: number, message?: RegExp) => {
  const before = await snapshot(t, sponsorshipId)
  const response = await attempt()
  const body = await json(response)
  expect({ message: messages(body), status: response.status }).toEqual({
    message: message ? expect.stringMatching(message) : expect.any(String),
    status,
  })
  expect(await snapshot(t, sponsorshipId)).toBe(before)
  return body
}

describe('who may act', () => {
  it('anonymous gets 401, members (the applicant included) 403, on every action; nothing changes', async () => {
    const { sponsorship, contract } = await w.sponsorshipIn('APPROVED')
    const id = String(sponsorship.id)
    const paths = [
      ...['approve', 'reject', 'unlock'].map((action) => `sponsorships/${id}/${action}`),
      ...['send', 'execute', 'nullify', 'redraft'].map((action) => `sponsor-contracts/${contract!.id}/${action}`),
    ]
    for (const path of paths) {
      await refused(id, () => post(path, undefined), 401)
      await refused(id, () => post(path, actors.owner), 403, /Only staff/)
      await refused(id, () => post(path, actors.member), 403, /Only staff/)
    }
  })

  it('an unknown id is a 404, a malformed one a 400', async () => {
    expect((await post('sponsorships/00000000-0000-4000-8000-000000000000/approve', actors.staff, PERIOD)).status).toBe(
      404,
    )
    expect((await post('sponsor-contracts/00000000-0000-4000-8000-000000000000/send', actors.staff)).status).toBe(404)
    const bad = await post('sponsorships/42/reject', actors.staff)
    expect(bad.status).toBe(400)
    expect(messages(await json(bad))).toMatch(/^id:/)
  })
})

describe('approve', () => {
  it('approves with the period given, sets approvedOn to today and creates the DRAFT contract', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const response = await post(`sponsorships/${sponsorship.id}/approve`, actors.staff, PERIOD)
    expect(response.status).toBe(200)
    expect((await json(response)).doc).toMatchObject({ locked: true, status: 'APPROVED' })
    const row = (await sponsorshipRow(t, String(sponsorship.id)))!
    expect([dayOf(row.approved_on), dayOf(row.start_date), dayOf(row.end_date)]).toEqual([
      TODAY,
      PERIOD.startDate,
      PERIOD.endDate,
    ])
    expect((await contractRowOf(t, String(sponsorship.id)))!.status).toBe('DRAFT')
  })

  it('may set another level, fee and the renewal flag in the same step; the contract states them', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const other = await seedLevel(t, { name: 'Maintaining', sponsorshipAmount: 60000 })
    const response = await post(`sponsorships/${sponsorship.id}/approve`, actors.staff, {
      ...PERIOD,
      level: other.id,
      renewal: true,
      sponsorshipFee: 55000,
    })
    expect(response.status).toBe(200)
    const row = (await sponsorshipRow(t, String(sponsorship.id)))!
    expect([row.level_id, row.sponsorship_fee, row.renewal]).toEqual([other.id, '55000', true])
    const contract = (await contractRowOf(t, String(sponsorship.id)))!
    expect([contract.level_name, contract.sponsorship_fee]).toEqual(['Maintaining', '55000'])
  })

  it('checks the dates: both needed, the start before the end (400 naming the field, nothing written)', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const id = String(sponsorship.id)
    for (const [body, field] of [
      [{}, 'startDate'],
      [{ startDate: PERIOD.startDate }, 'endDate'],
      [{ endDate: PERIOD.startDate, startDate: PERIOD.startDate }, 'endDate'],
      [{ endDate: '2031-01-01', startDate: '2031-12-31' }, 'endDate'],
    ] as const) {
      const answer = await refused(id, () => post(`sponsorships/${id}/approve`, actors.staff, body), 400)
      expect({ body, paths: errorPaths(answer) }).toEqual({ body, paths: [field] })
    }
    expect(await contractRowOf(t, id)).toBeUndefined()
  })

  it('is all or nothing: an approval refused after its contract was drafted leaves no contract behind', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const id = String(sponsorship.id)
    // a well-formed id of no level passes the endpoint, drafts the contract, then fails the level's validation
    const answer = await refused(
      id,
      () =>
        post(`sponsorships/${id}/approve`, actors.staff, { ...PERIOD, level: '00000000-0000-4000-8000-000000000000' }),
      400,
    )
    expect(errorPaths(answer)).toEqual(['level'])
    expect(await contractRowOf(t, id)).toBeUndefined()
    expect((await sponsorshipRow(t, id))!.status).toBe('APPLIED')
  })

  it('refuses malformed input naming the field', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const id = String(sponsorship.id)
    for (const [body, field] of [
      [{ ...PERIOD, startDate: 'next tuesday' }, 'startDate'],
      [{ ...PERIOD, sponsorshipFee: -5 }, 'sponsorshipFee'],
      [{ ...PERIOD, sponsorshipFee: '1000' }, 'sponsorshipFee'],
      [{ ...PERIOD, level: 'gold' }, 'level'],
      [{ ...PERIOD, renewal: 'yes' }, 'renewal'],
    ] as const) {
      await refused(id, () => post(`sponsorships/${id}/approve`, actors.staff, body), 400, new RegExp(`^${field}:`))
    }
  })

  it('twice, or from another status, is a 409 naming the statuses', async () => {
    for (const [status, pattern] of [
      ['APPROVED', /already APPROVED/],
      ['REJECTED', /from REJECTED to APPROVED/],
      ['FINALIZED', /from FINALIZED to APPROVED/],
    ] as const) {
      const { sponsorship } = await w.sponsorshipIn(status)
      await refused(
        String(sponsorship.id),
        () => post(`sponsorships/${sponsorship.id}/approve`, actors.staff, PERIOD),
        409,
        pattern,
      )
    }
  })
})

describe('reject', () => {
  it('rejects an application, sets rejectedOn to today and locks it; no contract', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const response = await post(`sponsorships/${sponsorship.id}/reject`, actors.superuser)
    expect(response.status).toBe(200)
    const row = (await sponsorshipRow(t, String(sponsorship.id)))!
    expect([row.status, dayOf(row.rejected_on), row.locked]).toEqual(['REJECTED', TODAY, true])
    expect(await contractRowOf(t, String(sponsorship.id))).toBeUndefined()
  })

  it('an approved, final or rejected sponsorship cannot be rejected (409)', async () => {
    for (const [status, pattern] of [
      ['APPROVED', /from APPROVED to REJECTED/],
      ['FINALIZED', /from FINALIZED to REJECTED/],
      ['REJECTED', /already REJECTED/],
    ] as const) {
      const { sponsorship } = await w.sponsorshipIn(status)
      await refused(
        String(sponsorship.id),
        () => post(`sponsorships/${sponsorship.id}/reject`, actors.staff),
        409,
        pattern,
      )
    }
  })
})

describe('unlock', () => {
  it('unlocks a locked sponsorship; an unlocked one is a 409', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPROVED')
    const response = await post(`sponsorships/${sponsorship.id}/unlock`, actors.staff)
    expect(response.status).toBe(200)
    expect((await sponsorshipRow(t, String(sponsorship.id)))!.locked).toBe(false)
    await refused(
      String(sponsorship.id),
      () => post(`sponsorships/${sponsorship.id}/unlock`, actors.staff),
      409,
      /not locked/,
    )
    const open = await w.sponsorshipIn('APPLIED')
    await refused(
      String(open.sponsorship.id),
      () => post(`sponsorships/${open.sponsorship.id}/unlock`, actors.staff),
      409,
      /\(APPLIED\) is not locked/,
    )
  })
})

describe('contract actions', () => {
  it('send, nullify, redraft, send again, execute: each moves the contract one step', async () => {
    const { sponsorship, contract } = await w.sponsorshipIn('APPROVED')
    const path = (action: string) => `sponsor-contracts/${contract!.id}/${action}`
    const steps: [string, string][] = [
      ['send', 'AWAITING_SIGNATURE'],
      ['nullify', 'NULLIFIED'],
      ['redraft', 'DRAFT'],
      ['send', 'AWAITING_SIGNATURE'],
      ['execute', 'EXECUTED'],
    ]
    for (const [action, status] of steps) {
      const response = await post(path(action), actors.staff)
      expect({ action, status: response.status }).toEqual({ action, status: 200 })
      expect((await contractRowOf(t, String(sponsorship.id)))!.status).toBe(status)
    }
    expect((await sponsorshipRow(t, String(sponsorship.id)))!.status).toBe('FINALIZED')
  })

  it('what the status does not allow is a 409 naming both statuses; nothing written', async () => {
    const cases: [Parameters<typeof w.contractIn>[0], string, RegExp][] = [
      ['DRAFT', 'nullify', /from DRAFT to NULLIFIED/],
      ['DRAFT', 'redraft', /already DRAFT/],
      ['AWAITING_SIGNATURE', 'send', /already AWAITING_SIGNATURE/],
      ['AWAITING_SIGNATURE', 'redraft', /from AWAITING_SIGNATURE to DRAFT/],
      ['EXECUTED', 'nullify', /from EXECUTED to NULLIFIED/],
      ['EXECUTED', 'redraft', /from EXECUTED to DRAFT/],
      ['NULLIFIED', 'send', /from NULLIFIED to AWAITING_SIGNATURE/],
      ['NULLIFIED', 'execute', /from NULLIFIED to EXECUTED/],
      ['OUTDATED', 'send', /from OUTDATED to AWAITING_SIGNATURE/],
    ]
    for (const [status, action, pattern] of cases) {
      const { contract, sponsorship } = await w.contractIn(status)
      await refused(
        String(sponsorship.id),
        () => post(`sponsor-contracts/${contract.id}/${action}`, actors.staff),
        409,
        pattern,
      )
    }
  })
})

describe('races', () => {
  it('approvals and rejections fired at once at one application: exactly one wins, the rest get 409, never a 500', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { sponsorship } = await w.sponsorshipIn('APPLIED')
      const id = String(sponsorship.id)
      const attempts = [
        () => post(`sponsorships/${id}/approve`, actors.staff, PERIOD),
        () => post(`sponsorships/${id}/reject`, actors.staff),
        () => t.api('PATCH', `sponsorships/${id}`, { auth: actors.superuser, body: { status: 'APPROVED', ...PERIOD } }),
        () => t.api('PATCH', `sponsorships/${id}`, { auth: actors.staff, body: { status: 'REJECTED' } }),
        () => post(`sponsorships/${id}/approve`, actors.superuser, PERIOD),
        () => post(`sponsorships/${id}/reject`, actors.superuser),
      ]
      const statuses = await Promise.all(
        attempts.map(async (attempt) => {
          const response = await attempt()
          await response.text()
          return response.status
        }),
      )
      expect([...statuses].sort()).toEqual([200, 409, 409, 409, 409, 409])
      const row = (await sponsorshipRow(t, id))!
      // one contract exactly when the winner approved
      expect(Boolean(await contractRowOf(t, id))).toBe(row.status === 'APPROVED')
    }
  })

  it('a change of the terms and the sending of the contract at once: no deadlock, no 500, and the contract sent states the sponsorship’s terms', async () => {
    for (let round = 0; round < 6; round += 1) {
      const { contract, sponsorship } = await w.contractIn('DRAFT')
      const id = String(sponsorship.id)
      await post(`sponsorships/${id}/unlock`, actors.staff)
      const [change, send] = await Promise.all([
        t.api('PATCH', `sponsorships/${id}`, { auth: actors.staff, body: { sponsorshipFee: 70000 + round } }),
        post(`sponsor-contracts/${contract.id}/send`, actors.superuser),
      ])
      await Promise.all([change.text(), send.text()])
      expect(send.status).toBe(200)
      // either the change came first (and the contract was sent with it) or it found the contract out for signature
      expect([200, 409]).toContain(change.status)
      const sent = (await contractRowOf(t, id))!
      expect(sent.status).toBe('AWAITING_SIGNATURE')
      expect(sent.sponsorship_fee).toBe((await sponsorshipRow(t, id))!.sponsorship_fee)
      expect(sent.sponsorship_fee).toBe(change.status === 200 ? String(70000 + round) : '150000')
    }
  })
})
