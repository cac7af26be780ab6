/**
 * Both status machines, cell by cell: for every (current, requested) pair of
 * sponsorship statuses and of contract statuses, every kind of requester,
 * through every way a document is written (REST PATCH, GraphQL, the Local
 * API with access control, the admin panel's whole-form save), either the
 * transition happens or it is refused with 409 (no such transition) or 403
 * (wrong role), with a message naming both statuses, and nothing written.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import {
  type Channel,
  CHANNELS,
  CONTRACT_STATUSES,
  type ContractStatus,
  contractRowOf,
  fixClock,
  type Json,
  PERIOD,
  releaseClock,
  snapshot,
  SPONSORSHIP_STATUSES,
  type SponsorshipStatus,
  sponsorshipRow,
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

type Who = 'anonymous' | 'member' | 'owner' | 'staff' | 'superuser'
// those who are refused go first: they must leave the document as it is for the next one
const WHO: Who[] = ['anonymous', 'member', 'owner', 'staff', 'superuser']
const userFor = (who: Who): TestUser | undefined => actors[who]

// docs/rules/sponsors.md: written out here, independently of src/sponsors/status.ts
const SPONSORSHIP_STAFF = new Set(['APPLIED>APPROVED', 'APPLIED>REJECTED'])
const SPONSORSHIP_SYSTEM = new Set(['APPROVED>FINALIZED'])
const CONTRACT_STAFF = new Set([
  'DRAFT>AWAITING_SIGNATURE',
  'DRAFT>EXECUTED',
  'AWAITING_SIGNATURE>EXECUTED',
  'AWAITING_SIGNATURE>NULLIFIED',
  'NULLIFIED>DRAFT',
])

type Expected = 'ok' | 403 | 409

const expectedForSponsorship = (who: Who, from: string, to: string): Expected => {
  // anonymous: no update access; another member: not their sponsor's application
  if (who === 'anonymous' || who === 'member') return 403
  const key = `${from}>${to}`
  if (who !== 'owner' && SPONSORSHIP_STAFF.has(key)) return 'ok'
  return SPONSORSHIP_STAFF.has(key) || SPONSORSHIP_SYSTEM.has(key) ? 403 : 409
}

const expectedForContract = (who: Who, from: string, to: string): Expected => {
  // contracts are updated by staff only: the applicant reads them
  if (who !== 'staff' && who !== 'superuser') return 403
  return CONTRACT_STAFF.has(`${from}>${to}`) ? 'ok' : 409
}

const check = async (
  label: string,
  outcome: { message: string; status: number },
  want: Expected,
  { before, after, from, to, who }: { after: string; before: string; from: string; to: string; who: Who },
) => {
  if (want === 'ok') {
    expect({ label, message: outcome.message, status: outcome.status }).toEqual({ label, message: '', status: 200 })
    return
  }
  expect({ label, message: outcome.message, status: outcome.status }).toEqual({
    label,
    message: expect.any(String),
    status: want,
  })
  // nothing written: the row, its contract, documents, emails, the sponsor's other sponsorships
  expect({ label, unchanged: after === before }).toEqual({ label, unchanged: true })
  if (who === 'owner' || who === 'staff' || who === 'superuser') {
    if (want === 409 || who !== 'owner' || label.includes('sponsorship')) {
      expect({ label, message: outcome.message }).toEqual({ label, message: expect.stringContaining(from) })
      expect({ label, message: outcome.message }).toEqual({ label, message: expect.stringContaining(to) })
    }
  }
}

/** Pairs grouped by their starting status: refused attempts share one document; each allowed one gets a fresh one. */
const PAIRS = <S extends string>(statuses: readonly S[]) =>
  statuses.map((from) => [from, statuses.filter((to) => to !== from)] as [S, S[]])

describe.each<Channel>(CHANNELS)('sponsorship status machine through %s', (channel) => {
  it.each(PAIRS(SPONSORSHIP_STATUSES))(
    'from %s: only the transitions the workflow names, by the right role',
    async (from, targets) => {
      let current = (await w.sponsorshipIn(from)).sponsorship
      for (const to of targets) {
        for (const who of WHO) {
          const want = expectedForSponsorship(who, from, to)
          if (String((await sponsorshipRow(t, String(current.id)))!.status) !== from) {
            current = (await w.sponsorshipIn(from)).sponsorship
          }
          const id = String(current.id)
          const before = await snapshot(t, id)
          // approving needs a period: every attempt carries one, so only the workflow can refuse it
          const changes: Json = to === 'APPROVED' ? { status: to, ...PERIOD } : { status: to }
          const outcome = await update(t, channel, userFor(who), 'sponsorships', id, changes)
          const label = `${channel}: ${who} sponsorship ${from} -> ${to}`
          await check(label, outcome, want, { after: await snapshot(t, id), before, from, to, who })
          if (want === 'ok')
            expect({ label, stored: (await sponsorshipRow(t, id))!.status }).toEqual({ label, stored: to })
        }
      }
    },
  )
})

describe.each<Channel>(CHANNELS)('contract status machine through %s', (channel) => {
  it.each(PAIRS(CONTRACT_STATUSES))(
    'from %s: only the transitions the workflow names, by staff',
    async (from, targets) => {
      let current = await w.contractIn(from as ContractStatus)
      for (const to of targets) {
        for (const who of WHO) {
          const want = expectedForContract(who, from, to)
          if (String((await contractRowOf(t, String(current.sponsorship.id)))!.status) !== from) {
            current = await w.contractIn(from as ContractStatus)
          }
          const id = String(current.contract.id)
          const sponsorshipId = String(current.sponsorship.id)
          const before = await snapshot(t, sponsorshipId)
          const outcome = await update(t, channel, userFor(who), 'sponsor-contracts', id, { status: to })
          const label = `${channel}: ${who} contract ${from} -> ${to}`
          await check(label, outcome, want, { after: await snapshot(t, sponsorshipId), before, from, to, who })
          if (want === 'ok') {
            expect({ label, stored: (await contractRowOf(t, sponsorshipId))!.status }).toEqual({ label, stored: to })
          }
        }
      }
    },
  )
})

describe('writing the status a document already has', () => {
  it.each(CHANNELS)('%s: is a no-op for staff, refused to those without update access', async (channel) => {
    for (const status of ['APPLIED', 'REJECTED'] as SponsorshipStatus[]) {
      const { sponsorship } = await w.sponsorshipIn(status)
      const id = String(sponsorship.id)
      for (const who of ['anonymous', 'member', 'staff'] as Who[]) {
        const outcome = await update(t, channel, userFor(who), 'sponsorships', id, { status })
        expect({ channel, status, who, outcome: outcome.status }).toEqual({
          channel,
          outcome: who === 'staff' ? 200 : 403,
          status,
          who,
        })
        expect((await sponsorshipRow(t, id))!.status).toBe(status)
      }
    }
  })
})

describe('an unknown status', () => {
  it('is bad input (400 naming status) through REST, not a transition', async () => {
    const { sponsorship, contract } = await w.sponsorshipIn('APPROVED')
    for (const [collection, id] of [
      ['sponsorships', String(sponsorship.id)],
      ['sponsor-contracts', String(contract!.id)],
    ] as const) {
      const before = await snapshot(t, String(sponsorship.id))
      const outcome = await update(t, 'rest', actors.staff, collection, id, { status: 'SIGNED' })
      expect(outcome.status).toBe(400)
      expect(outcome.message).toMatch(/status/)
      expect(await snapshot(t, String(sponsorship.id))).toBe(before)
    }
  })
})
