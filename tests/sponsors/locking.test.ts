/**
 * Locking: a sponsorship whose status is not APPLIED is locked; its period,
 * level and fee are read-only (409) until staff unlock it explicitly, and
 * the next save locks it again. Changed terms flow into a DRAFT contract (a
 * new revision) and are refused while a contract is out for signature or
 * signed. The applicant may change only the level of their open application
 * (the fee follows it); only staff lock or unlock.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import {
  act,
  type Channel,
  CHANNELS,
  contractRowOf,
  day,
  dayOf,
  fixClock,
  type Json,
  PERIOD,
  releaseClock,
  seedLevel,
  snapshot,
  sponsorshipRow,
  update,
  world,
  startSponsorsPayload,
} from './fixtures'

let t: TestContext
let actors: Actors
let w: Awaited<ReturnType<typeof world>>
let otherLevel: Json

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload()
  actors = await makeActors(t)
  w = await world(t, actors.staff, actors.owner)
  otherLevel = await seedLevel(t, { name: 'Partner', order: 5, sponsorshipAmount: 10000 })
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const TERM_CHANGES = (): Json[] => [
  { startDate: day(10) },
  { endDate: day(500) },
  { sponsorshipFee: 1234 },
  { level: String(otherLevel.id) },
]

describe.each<Channel>(CHANNELS)('through %s', (channel) => {
  it.each(['APPROVED', 'REJECTED', 'FINALIZED'] as const)(
    '%s is locked: staff changing its period, level or fee get a 409; nothing written',
    async (status) => {
      const { sponsorship } = await w.sponsorshipIn(status)
      const id = String(sponsorship.id)
      expect((await sponsorshipRow(t, id))!.locked).toBe(true)
      for (const changes of TERM_CHANGES()) {
        const before = await snapshot(t, id)
        const outcome = await update(t, channel, actors.staff, 'sponsorships', id, changes)
        expect({ changes, status: outcome.status }).toEqual({ changes, status: 409 })
        expect(outcome.message).toMatch(
          new RegExp(
            `locked: this sponsorship is ${status} and locked; its ${Object.keys(changes)[0]} is read-only until staff unlock it`,
          ),
        )
        expect(await snapshot(t, id)).toBe(before)
      }
    },
  )

  it('staff unlock it (locked: false); then the period and fee may change, the DRAFT contract follows as a new revision, and the save locks it again', async () => {
    const { contract, sponsorship } = await w.sponsorshipIn('APPROVED')
    const id = String(sponsorship.id)
    expect(await update(t, channel, actors.staff, 'sponsorships', id, { locked: false })).toEqual({
      message: '',
      status: 200,
    })
    expect((await sponsorshipRow(t, id))!.locked).toBe(false)

    const outcome = await update(t, channel, actors.staff, 'sponsorships', id, {
      endDate: day(200),
      sponsorshipFee: 99000,
    })
    expect(outcome).toEqual({ message: '', status: 200 })
    const row = (await sponsorshipRow(t, id))!
    expect([row.locked, row.sponsorship_fee, dayOf(row.end_date)]).toEqual([true, '99000', day(200)])
    const revised = (await contractRowOf(t, id))!
    expect([revised.sponsorship_fee, dayOf(revised.end_date), revised.revision]).toEqual([
      '99000',
      day(200),
      String(Number(contract!.revision) + 1),
    ])
    // locked again: the next change needs another unlock
    expect((await update(t, channel, actors.staff, 'sponsorships', id, { sponsorshipFee: 1 })).status).toBe(409)
  })

  it('a new level brings its amount as the fee, unless a fee is agreed in the same change', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPROVED')
    const id = String(sponsorship.id)
    await act(t, actors.staff, 'sponsorships', id, 'unlock')
    expect((await update(t, channel, actors.staff, 'sponsorships', id, { level: String(otherLevel.id) })).status).toBe(
      200,
    )
    expect((await sponsorshipRow(t, id))!.sponsorship_fee).toBe('10000')
    expect((await contractRowOf(t, id))!.level_name).toBe('Partner')
    await act(t, actors.staff, 'sponsorships', id, 'unlock')
    expect(
      (
        await update(t, channel, actors.staff, 'sponsorships', id, {
          level: String(w.level.id),
          sponsorshipFee: 140000,
        })
      ).status,
    ).toBe(200)
    expect((await sponsorshipRow(t, id))!.sponsorship_fee).toBe('140000')
  })

  it('while the contract is out for signature or executed the terms stay, even unlocked (409 naming the contract status)', async () => {
    for (const status of ['AWAITING_SIGNATURE', 'EXECUTED'] as const) {
      const { sponsorship } = await w.contractIn(status)
      const id = String(sponsorship.id)
      await act(t, actors.staff, 'sponsorships', id, 'unlock')
      const before = await snapshot(t, id)
      const outcome = await update(t, channel, actors.staff, 'sponsorships', id, { sponsorshipFee: 1 })
      expect(outcome.status).toBe(409)
      expect(outcome.message).toMatch(new RegExp(`sponsorshipFee: the contract is ${status}; nullify it`))
      expect(await snapshot(t, id)).toBe(before)
    }
  })

  it('only staff unlock: the applicant asking is a 403, nothing written', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPROVED')
    const id = String(sponsorship.id)
    const before = await snapshot(t, id)
    const outcome = await update(t, channel, actors.owner, 'sponsorships', id, { locked: false })
    expect(outcome.status).toBe(403)
    expect(outcome.message).toMatch(/Only staff may change locked/)
    expect(await snapshot(t, id)).toBe(before)
  })

  it('the applicant may change the level of their open application (the fee follows), nothing else, and nothing once it is decided', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const id = String(sponsorship.id)
    expect(await update(t, channel, actors.owner, 'sponsorships', id, { level: String(otherLevel.id) })).toEqual({
      message: '',
      status: 200,
    })
    const row = (await sponsorshipRow(t, id))!
    expect([row.level_id, row.sponsorship_fee, row.locked]).toEqual([otherLevel.id, '10000', false])

    for (const changes of [{ sponsorshipFee: 1 }, { startDate: day(1) }, { renewal: true }, { year: 2040 }]) {
      const before = await snapshot(t, id)
      const outcome = await update(t, channel, actors.owner, 'sponsorships', id, changes)
      expect({ changes, status: outcome.status }).toEqual({ changes, status: 403 })
      expect(outcome.message).toMatch(/Only staff may change/)
      expect(await snapshot(t, id)).toBe(before)
    }
    await act(t, actors.staff, 'sponsorships', id, 'approve', PERIOD)
    const before = await snapshot(t, id)
    expect((await update(t, channel, actors.owner, 'sponsorships', id, { level: String(w.level.id) })).status).toBe(403)
    expect(await snapshot(t, id)).toBe(before)
  })
})

describe('malformed dates', () => {
  it('are a 400 naming the field, never a 500, whether approving or changing an unlocked period (and so is an unknown level)', async () => {
    const open = await w.sponsorshipIn('APPLIED')
    const approving = await update(t, 'rest', actors.staff, 'sponsorships', String(open.sponsorship.id), {
      endDate: 'soon',
      startDate: PERIOD.startDate,
      status: 'APPROVED',
    })
    expect(approving.status).toBe(400)
    expect(approving.message).toMatch(/endDate/)
    const { sponsorship } = await w.sponsorshipIn('APPROVED')
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'unlock')
    const before = await snapshot(t, String(sponsorship.id))
    for (const channel of ['rest', 'local'] as Channel[]) {
      const outcome = await update(t, channel, actors.staff, 'sponsorships', String(sponsorship.id), {
        startDate: 'next spring',
      })
      expect({ channel, status: outcome.status }).toEqual({ channel, status: 400 })
      expect(outcome.message).toMatch(/start ?date/i)
    }
    expect(await snapshot(t, String(sponsorship.id))).toBe(before)
    for (const level of ['gold', '00000000-0000-4000-8000-000000000000']) {
      const outcome = await update(t, 'rest', actors.staff, 'sponsorships', String(sponsorship.id), { level })
      expect({ level, status: outcome.status }).toEqual({ level, status: 400 })
    }
    expect(await snapshot(t, String(sponsorship.id))).toBe(before)
  })
})

describe('the sponsor of a sponsorship', () => {
  it('never changes: staff moving an application to another sponsor get a 409', async () => {
    const { sponsorship } = await w.sponsorshipIn('APPLIED')
    const other = await w.sponsorshipIn('REJECTED')
    const before = await snapshot(t, String(sponsorship.id))
    const outcome = await update(t, 'rest', actors.staff, 'sponsorships', String(sponsorship.id), {
      sponsor: String(other.sponsor.id),
    })
    expect(outcome.status).toBe(409)
    expect(outcome.message).toMatch(/^sponsor:/)
    expect(await snapshot(t, String(sponsorship.id))).toBe(before)
  })
})
