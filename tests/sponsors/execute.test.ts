/**
 * Executing a contract finalizes its sponsorship (FINALIZED, finalizedOn =
 * today, locked) in the same transaction, and marks the same sponsor's
 * earlier live sponsorships whose period the new one starts in as
 * overlapped. A FINALIZED sponsorship without an EXECUTED contract never
 * exists: the workflow only lets the system finalize (by executing), and a
 * constraint trigger refuses any write that would leave one, at commit.
 * Signed records are never deleted.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import {
  act,
  applied,
  type Channel,
  CHANNELS,
  contractRowOf,
  createSponsor,
  day,
  dayOf,
  fixClock,
  type Json,
  messages,
  json,
  query,
  releaseClock,
  sponsorshipRow,
  TODAY,
  update,
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

/** A FINALIZED sponsorship of `sponsor` over [start, end], through the workflow. */
const finalized = async (sponsor: Json, start: string, end: string) => {
  const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(w.level.id))
  await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', { endDate: end, startDate: start })
  const contract = (await contractRowOf(t, String(sponsorship.id)))!
  await act(t, actors.staff, 'sponsor-contracts', String(contract.id), 'execute')
  return String(sponsorship.id)
}

describe.each<Channel>(CHANNELS)('executing through %s', (channel) => {
  it.each(['DRAFT', 'AWAITING_SIGNATURE'] as const)(
    'a %s contract finalizes its sponsorship today, in the same change',
    async (status) => {
      const { contract, sponsorship } = await w.contractIn(status)
      const outcome = await update(t, channel, actors.staff, 'sponsor-contracts', String(contract.id), {
        status: 'EXECUTED',
      })
      expect(outcome).toEqual({ message: '', status: 200 })
      const row = (await sponsorshipRow(t, String(sponsorship.id)))!
      expect([row.status, dayOf(row.finalized_on), row.locked]).toEqual(['FINALIZED', TODAY, true])
      expect((await contractRowOf(t, String(sponsorship.id)))!.status).toBe('EXECUTED')
    },
  )
})

describe('overlapped sponsorships', () => {
  it('the sponsor’s earlier live sponsorship the new period starts in is marked overlapped by the new one; others are not', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    // live, but ends before the new one starts: no overlap
    const ending = await finalized(sponsor, day(-100), day(20))
    // live now, and the new one starts within it: overlapped
    const current = await finalized(sponsor, day(-200), day(100))
    // finalized but over: not live, left alone
    const past = await finalized(sponsor, day(-700), day(-300))
    // another sponsor's live sponsorship over the same days: not this sponsor's
    const otherSponsor = await createSponsor(t, actors.member)
    const others = await applied(t, actors.member, String(otherSponsor.id), String(w.level.id))
    await act(t, actors.staff, 'sponsorships', String(others.id), 'approve', { endDate: day(300), startDate: day(-10) })
    await act(t, actors.staff, 'sponsor-contracts', String((await contractRowOf(t, String(others.id)))!.id), 'execute')

    const renewal = await finalized(sponsor, day(30), day(395))
    const overlappedBy = async (id: string) => (await sponsorshipRow(t, id))!.overlapped_by_id
    expect({
      current: await overlappedBy(current),
      ending: await overlappedBy(ending),
      others: await overlappedBy(String(others.id)),
      past: await overlappedBy(past),
      renewal: await overlappedBy(renewal),
    }).toEqual({ current: renewal, ending: null, others: null, past: null, renewal: null })

    // an overlapped sponsorship is no longer live: anonymous cannot read it any more; the sponsor's others stay
    expect((await t.api('GET', `sponsorships/${current}`)).status).toBe(404)
    expect((await t.api('GET', `sponsorships/${ending}`)).status).toBe(200)
  })

  it('nobody marks a sponsorship overlapped by hand', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    const a = await finalized(sponsor, day(-10), day(10))
    const b = await applied(t, actors.owner, String(sponsor.id), String(w.level.id))
    const response = await t.api('PATCH', `sponsorships/${b.id}`, { auth: actors.staff, body: { overlappedBy: a } })
    expect(response.status).toBe(200)
    expect((await sponsorshipRow(t, String(b.id)))!.overlapped_by_id).toBeNull()
  })
})

describe('a FINALIZED sponsorship always has an EXECUTED contract', () => {
  it('the workflow: only executing the contract finalizes; staff setting FINALIZED get a 403', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPROVED')
    const outcome = await update(t, 'rest', actors.superuser, 'sponsorships', String(sponsorship.id), {
      status: 'FINALIZED',
    })
    expect(outcome.status).toBe(403)
    expect(outcome.message).toMatch(
      /only system \(by executing its contract\) may change a sponsorship from APPROVED to FINALIZED/,
    )
    expect((await sponsorshipRow(t, String(sponsorship.id)))!.status).toBe('APPROVED')
  })

  it('the database: writes past the API that would leave one are refused at commit', async () => {
    const approved = await w.sponsorshipIn('APPROVED')
    await expect(
      query(t, `UPDATE sponsorships SET status = 'FINALIZED' WHERE id = $1`, [approved.sponsorship.id]),
    ).rejects.toMatchObject({
      code: '23514',
      message: expect.stringMatching(/FINALIZED without an EXECUTED contract/),
    })
    const done = await w.sponsorshipIn('FINALIZED')
    const contract = String(done.contract!.id)
    await expect(
      query(t, `UPDATE sponsor_contracts SET status = 'NULLIFIED' WHERE id = $1`, [contract]),
    ).rejects.toMatchObject({ code: '23514' })
    await expect(query(t, `DELETE FROM sponsor_contracts WHERE id = $1`, [contract])).rejects.toMatchObject({
      code: '23514',
    })
    const sponsor = await createSponsor(t, actors.owner)
    await expect(
      query(t, `INSERT INTO sponsorships (sponsor_id, level_id, status) VALUES ($1, $2, 'FINALIZED')`, [
        sponsor.id,
        w.level.id,
      ]),
    ).rejects.toMatchObject({ code: '23514' })
    expect((await sponsorshipRow(t, String(approved.sponsorship.id)))!.status).toBe('APPROVED')
    expect((await contractRowOf(t, String(done.sponsorship.id)))!.status).toBe('EXECUTED')
  })
})

describe('deleting', () => {
  it('a sponsorship whose contract is out for signature or executed is refused (409); an open one goes with its draft contract', async () => {
    for (const status of ['AWAITING_SIGNATURE', 'EXECUTED'] as const) {
      const { sponsorship } = await w.contractIn(status)
      const response = await t.api('DELETE', `sponsorships/${sponsorship.id}`, { auth: actors.superuser })
      expect({ status, code: response.status }).toEqual({ code: 409, status })
      expect(messages(await json(response))).toContain(status)
      expect(await sponsorshipRow(t, String(sponsorship.id))).toBeDefined()
    }
    const { sponsorship } = await w.contractIn('DRAFT')
    expect((await t.api('DELETE', `sponsorships/${sponsorship.id}`, { auth: actors.owner })).status).toBe(403)
    expect((await t.api('DELETE', `sponsorships/${sponsorship.id}`, { auth: actors.staff })).status).toBe(200)
    expect(await sponsorshipRow(t, String(sponsorship.id))).toBeUndefined()
    expect(await contractRowOf(t, String(sponsorship.id))).toBeUndefined()
  })

  it('a sponsor with sponsorships, or a level in use, is refused (409)', async () => {
    const { sponsor } = await w.sponsorshipIn('REJECTED')
    const bySponsor = await t.api('DELETE', `sponsors/${sponsor.id}`, { auth: actors.staff })
    expect(bySponsor.status).toBe(409)
    const byLevel = await t.api('DELETE', `sponsorship-levels/${w.level.id}`, { auth: actors.staff })
    expect(byLevel.status).toBe(409)
    const unused = await createSponsor(t, actors.owner)
    expect((await t.api('DELETE', `sponsors/${unused.id}`, { auth: actors.owner })).status).toBe(403)
    expect((await t.api('DELETE', `sponsors/${unused.id}`, { auth: actors.staff })).status).toBe(200)
  })
})
