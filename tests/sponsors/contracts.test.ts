/**
 * The contract: approval creates it as a DRAFT with a snapshot of the
 * sponsor, the level, the benefits and the level's legal clauses (in their
 * order), which later edits of those never change; every save of a DRAFT is
 * a new revision; once it has left DRAFT its content is read-only through
 * every entry point; only the system writes its terms; nobody creates or
 * deletes one directly.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import {
  act,
  applied,
  type Channel,
  CHANNELS,
  contractClauses,
  contractRowOf,
  createSponsor,
  dayOf,
  fixClock,
  type Json,
  PERIOD,
  query,
  releaseClock,
  seedClause,
  seedLevel,
  snapshot,
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

describe('approval creates the DRAFT contract with a snapshot', () => {
  it('of the sponsor, the level, its benefits and exactly its legal clauses, in clause order', async () => {
    const second = await seedClause(t, { clause: 'Second: payment is due within thirty days.', order: 20 })
    const first = await seedClause(t, { clause: 'First: the PSF may display the Sponsor logo.', order: 10 })
    await seedClause(t, { clause: 'Not on this level: never in this contract.', order: 15 })
    const level = await seedLevel(t, {
      benefits: 'Foundation - Logo on python.org\nPyPI - Logo on the PyPI sponsors page',
      legalClauses: [second.id, first.id],
      name: 'Sustainability',
      sponsorshipAmount: 90000,
      year: 2031,
    })
    const sponsor = await createSponsor(t, actors.owner, {
      city: 'Portland',
      contactEmail: 'legal@acme.example.org',
      contactName: 'Ada Lovelace',
      description: 'Makers of analytical engines.',
      mailingAddressLine1: '1 Engine Way',
      mailingAddressLine2: 'Suite 42',
      name: 'Acme Engines',
      postalCode: '97201',
      primaryPhone: '+1 503 555 0199',
      state: 'OR',
    })
    const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(level.id))
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', PERIOD)

    const contract = (await contractRowOf(t, String(sponsorship.id)))!
    expect({
      benefits: contract.benefits_list,
      end: dayOf(contract.end_date),
      fee: contract.sponsorship_fee,
      level: contract.level_name,
      revision: contract.revision,
      sponsor: contract.sponsor_id,
      sponsorAddress: contract.sponsor_address,
      sponsorContact: contract.sponsor_contact,
      sponsorInfo: contract.sponsor_info,
      sponsorName: contract.sponsor_name,
      start: dayOf(contract.start_date),
      status: contract.status,
      year: contract.year,
    }).toEqual({
      benefits: 'Foundation - Logo on python.org\nPyPI - Logo on the PyPI sponsors page',
      end: PERIOD.endDate,
      fee: '90000',
      level: 'Sustainability',
      revision: '0',
      sponsor: sponsor.id,
      sponsorAddress: '1 Engine Way\nSuite 42\nPortland, OR 97201\nUS',
      sponsorContact: 'Ada Lovelace - +1 503 555 0199 | legal@acme.example.org',
      sponsorInfo: 'Acme Engines, Makers of analytical engines.',
      sponsorName: 'Acme Engines',
      start: PERIOD.startDate,
      status: 'DRAFT',
      year: '2031',
    })
    expect(await contractClauses(t, String(contract.id))).toEqual([
      'First: the PSF may display the Sponsor logo.',
      'Second: payment is due within thirty days.',
    ])

    // later edits of the sponsor, the level and the clauses leave the contract as it was
    const before = await snapshot(t, String(sponsorship.id))
    expect(
      (
        await t.api('PATCH', `sponsors/${sponsor.id}`, {
          auth: actors.owner,
          body: { mailingAddressLine1: '2 Other Road', name: 'Acme Renamed' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await t.api('PATCH', `sponsorship-levels/${level.id}`, {
          auth: actors.staff,
          body: { benefits: 'Nothing', name: 'Renamed level' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await t.api('PATCH', `sponsor-legal-clauses/${first.id}`, {
          auth: actors.staff,
          body: { clause: 'Changed later.' },
        })
      ).status,
    ).toBe(200)
    expect(await snapshot(t, String(sponsorship.id))).toBe(before)
  })
})

describe('revisions', () => {
  it.each(CHANNELS)(
    '%s: every save of a DRAFT by staff is a new revision and keeps the new content',
    async (channel) => {
      const { contract, sponsorship } = await w.contractIn('DRAFT')
      const id = String(contract.id)
      const first = await update(t, channel, actors.staff, 'sponsor-contracts', id, {
        benefitsList: `Revised benefits via ${channel}`,
      })
      expect(first).toEqual({ message: '', status: 200 })
      let row = (await contractRowOf(t, String(sponsorship.id)))!
      expect([row.revision, row.benefits_list]).toEqual(['1', `Revised benefits via ${channel}`])
      const second = await update(t, channel, actors.staff, 'sponsor-contracts', id, {
        legalClauses: [{ clause: 'A clause agreed for this sponsor only.' }],
        sponsorInfo: 'Acme, revised',
      })
      expect(second.status).toBe(200)
      row = (await contractRowOf(t, String(sponsorship.id)))!
      expect([row.revision, row.sponsor_info]).toEqual(['2', 'Acme, revised'])
      expect(await contractClauses(t, id)).toEqual(['A clause agreed for this sponsor only.'])
    },
  )

  it.each(CHANNELS)(
    '%s: the applicant and other members cannot edit a contract (403), nothing written',
    async (channel) => {
      const { contract, sponsorship } = await w.contractIn('DRAFT')
      for (const who of [actors.owner, actors.member, undefined]) {
        const before = await snapshot(t, String(sponsorship.id))
        const outcome = await update(t, channel, who, 'sponsor-contracts', String(contract.id), {
          benefitsList: 'Everything, for free',
        })
        expect(outcome.status).toBe(403)
        expect(await snapshot(t, String(sponsorship.id))).toBe(before)
      }
    },
  )

  it('its terms and bookkeeping are the system’s: staff saving them changes nothing but the revision', async () => {
    const { contract, sponsorship } = await w.contractIn('DRAFT')
    const other = await createSponsor(t, actors.member)
    const response = await t.api('PATCH', `sponsor-contracts/${contract.id}`, {
      auth: actors.staff,
      body: {
        document: null,
        endDate: '2040-01-01',
        levelName: 'Platinum',
        revision: 99,
        sentOn: '2031-01-01',
        sponsor: other.id,
        sponsorship: other.id,
        sponsorshipFee: 1,
        startDate: '2039-01-01',
        year: 2040,
      },
    })
    expect(response.status).toBe(200)
    const row = (await contractRowOf(t, String(sponsorship.id)))!
    expect({ ...row, revision: undefined, updated_at: undefined }).toEqual({
      ...contract,
      revision: undefined,
      updated_at: undefined,
    })
    expect(row.revision).toBe('1')
  })

  it('a nullified contract back to DRAFT is a new revision with the sponsorship’s current terms and no sent document', async () => {
    const { contract, sponsorship } = await w.contractIn('NULLIFIED')
    expect(contract.document_id).not.toBeNull()
    // the terms change while the contract is void
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'unlock')
    expect(
      (await t.api('PATCH', `sponsorships/${sponsorship.id}`, { auth: actors.staff, body: { sponsorshipFee: 123456 } }))
        .status,
    ).toBe(200)
    expect((await contractRowOf(t, String(sponsorship.id)))!.sponsorship_fee).toBe(contract.sponsorship_fee)

    await act(t, actors.staff, 'sponsor-contracts', String(contract.id), 'redraft')
    const row = (await contractRowOf(t, String(sponsorship.id)))!
    expect([row.status, row.revision, row.sponsorship_fee, row.document_id, row.sent_on]).toEqual([
      'DRAFT',
      String(Number(contract.revision) + 1),
      '123456',
      null,
      null,
    ])
    // the earlier document stays as a record of what was sent
    const documents = await query(t, 'SELECT id FROM sponsor_contract_documents WHERE contract_id = $1', [contract.id])
    expect(documents.rows.map((doc) => doc.id)).toEqual([contract.document_id])
  })
})

describe('after DRAFT the content is read-only', () => {
  const CHANGES: Json[] = [
    { benefitsList: 'Changed after sending' },
    { sponsorName: 'Someone else' },
    { legalClauses: [{ clause: 'Slipped in after signing' }] },
  ]

  describe.each<Channel>(CHANNELS)('through %s', (channel) => {
    it.each(['AWAITING_SIGNATURE', 'EXECUTED', 'NULLIFIED', 'OUTDATED'] as const)(
      '%s: any content change is a 409, alone or with a transition; nothing written',
      async (status) => {
        const { contract, sponsorship } = await w.contractIn(status)
        const next = status === 'AWAITING_SIGNATURE' ? 'EXECUTED' : status === 'NULLIFIED' ? 'DRAFT' : undefined
        for (const changes of [...CHANGES, ...(next ? [{ ...CHANGES[0], status: next }] : [])]) {
          const before = await snapshot(t, String(sponsorship.id))
          const outcome = await update(t, channel, actors.staff, 'sponsor-contracts', String(contract.id), changes)
          expect({ changes, status: outcome.status }).toEqual({ changes, status: 409 })
          expect(outcome.message).toMatch(new RegExp(`read-only once it has left DRAFT; this one is ${status}`))
          expect(await snapshot(t, String(sponsorship.id))).toBe(before)
        }
      },
    )
  })
})

describe('contracts exist only through the workflow', () => {
  it('nobody creates one directly (REST, GraphQL, Local API even with access off) and nobody deletes one', async () => {
    const { contract, sponsorship } = await w.contractIn('DRAFT')
    const data = { sponsor: String(sponsorship.sponsor_id), sponsorName: 'Forged', sponsorship: String(sponsorship.id) }
    expect((await t.api('POST', 'sponsor-contracts', { auth: actors.staff, body: data })).status).toBe(403)
    const gql = await t.graphql(`mutation { createSponsorContract(data: { sponsorName: "Forged" }) { id } }`, {
      auth: actors.superuser,
    })
    expect(gql.errors?.[0]?.extensions?.statusCode).toBe(403)
    await expect(
      t.payload.create({ collection: 'sponsor-contracts', data: data as never, overrideAccess: true }),
    ).rejects.toMatchObject({
      status: 403,
    })
    const removal = await t.api('DELETE', `sponsor-contracts/${contract.id}`, { auth: actors.superuser })
    expect(removal.status).toBe(403)
    expect((await contractRowOf(t, String(sponsorship.id)))!.id).toBe(contract.id)
  })
})
