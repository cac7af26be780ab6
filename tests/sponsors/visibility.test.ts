/**
 * Who sees what, through every read path (list, by id, count, `where` on
 * the private fields, GraphQL, relationships populated at depth from either
 * side), as anonymous, another member, the applicant and staff:
 * - everyone: live sponsorships with their public fields, the live
 *   sponsors' public fields and web logos, the levels (not their clauses);
 * - the applicant: their own sponsors, applications in any status, fees,
 *   contact data, contracts;
 * - nobody else but staff: fees, contact data, contracts, rejected or open
 *   applications, legal clauses, and never a user account.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type Auth, type TestContext } from '../helpers/harness'
import {
  act,
  applied,
  asRequestUser,
  contractRowOf,
  createSponsor,
  day,
  fixClock,
  json,
  type Json,
  PERIOD,
  png,
  releaseClock,
  world,
  startSponsorsPayload,
} from './fixtures'

let t: TestContext
let actors: Actors
let w: Awaited<ReturnType<typeof world>>
/** the applicant's sponsors: one live, one with a rejected application, one with an open one */
let live: { contract: string; sponsor: Json; sponsorship: string }
let rejected: { sponsor: Json; sponsorship: string }
let open: { sponsor: Json; sponsorship: string }
let logo: Json
let printLogo: Json
let hiddenLogo: Json

type Who = 'anonymous' | 'member' | 'owner' | 'staff'
const WHO: Who[] = ['anonymous', 'member', 'owner', 'staff']
const auth = (who: Who): Auth => actors[who]

const uploadLogo = async (name: string) => {
  const data = await png(900, 300)
  return t.payload.create({
    collection: 'sponsor-logos',
    data: { alt: name } as never,
    file: { data, mimetype: 'image/png', name: `${name}.png`, size: data.length },
    overrideAccess: false,
    user: await asRequestUser(t, actors.owner),
  }) as Promise<Json>
}

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload()
  actors = await makeActors(t)
  w = await world(t, actors.staff, actors.owner)
  logo = await uploadLogo('live-web-logo')
  printLogo = await uploadLogo('live-print-logo')
  hiddenLogo = await uploadLogo('rejected-web-logo')

  const liveSponsor = await createSponsor(t, actors.owner, { printLogo: printLogo.id, webLogo: logo.id })
  const sponsorship = await applied(t, actors.owner, String(liveSponsor.id), String(w.level.id))
  await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', {
    endDate: day(100),
    startDate: day(-100),
  })
  const contract = String((await contractRowOf(t, String(sponsorship.id)))!.id)
  await act(t, actors.staff, 'sponsor-contracts', contract, 'send')
  await act(t, actors.staff, 'sponsor-contracts', contract, 'execute')
  live = { contract, sponsor: liveSponsor, sponsorship: String(sponsorship.id) }

  const rejectedSponsor = await createSponsor(t, actors.owner, { webLogo: hiddenLogo.id })
  const rejectedApplication = await applied(t, actors.owner, String(rejectedSponsor.id), String(w.level.id))
  await act(t, actors.staff, 'sponsorships', String(rejectedApplication.id), 'reject')
  rejected = { sponsor: rejectedSponsor, sponsorship: String(rejectedApplication.id) }

  const openSponsor = await createSponsor(t, actors.owner)
  const openApplication = await applied(t, actors.owner, String(openSponsor.id), String(w.level.id))
  await act(t, actors.staff, 'sponsorships', String(openApplication.id), 'approve', PERIOD)
  open = { sponsor: openSponsor, sponsorship: String(openApplication.id) }
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const get = async (who: Who, path: string) => {
  const response = await t.api('GET', path, { auth: auth(who) })
  return { body: await json(response), status: response.status }
}

/** The ids a list answer holds, among `ids`. */
const listed = (body: Json, ids: string[]) => ids.filter((id) => (body.docs ?? []).some((doc: Json) => doc.id === id))

/** No user account anywhere in an answer: no user ids, no email addresses, no account stamps. */
const expectNoAccounts = (answer: unknown, label: string) => {
  const text = JSON.stringify(answer)
  for (const user of [actors.owner, actors.staff, actors.member, actors.superuser]) {
    expect({ label, leaks: text.includes(user.id) || text.includes(user.email) }).toEqual({ label, leaks: false })
  }
  expect({ label, stamps: /"(creator|lastModifiedBy|submittedBy)":\s*[{"]/.test(text) }).toEqual({
    label,
    stamps: false,
  })
}

const PRIVATE_SPONSORSHIP_FIELDS = [
  'sponsorshipFee',
  'submittedBy',
  'locked',
  'appliedOn',
  'approvedOn',
  'rejectedOn',
  'renewal',
  'forModifiedPackage',
  'creator',
]
const PRIVATE_SPONSOR_FIELDS = [
  'contactEmail',
  'contactName',
  'primaryPhone',
  'mailingAddressLine1',
  'city',
  'postalCode',
  'country',
  'printLogo',
  'creator',
]

describe('sponsorships', () => {
  const all = () => [live.sponsorship, rejected.sponsorship, open.sponsorship]
  const VISIBLE: Record<Who, () => string[]> = {
    anonymous: () => [live.sponsorship],
    member: () => [live.sponsorship],
    owner: all,
    staff: all,
  }

  it.each(WHO)('%s: list, by id, count and GraphQL show exactly what they may see', async (who) => {
    const list = await get(who, 'sponsorships?limit=200&depth=0')
    expect(listed(list.body, all())).toEqual(VISIBLE[who]())
    for (const id of all()) {
      const byId = await get(who, `sponsorships/${id}?depth=0`)
      expect({ id, status: byId.status }).toEqual({ id, status: VISIBLE[who]().includes(id) ? 200 : 404 })
    }
    const count = await get(who, `sponsorships/count?where[id][in]=${all().join(',')}`)
    expect(count.body.totalDocs).toBe(VISIBLE[who]().length)
    const gql = await t.graphql(
      `{ Sponsorships(limit: 200) { docs { id status sponsorshipFee } } countSponsorships(where: { id: { in: ${JSON.stringify(all())} } }) { totalDocs } }`,
      { auth: auth(who) },
    )
    expect(gql.errors).toBeUndefined()
    expect(listed(gql.data.Sponsorships, all())).toEqual(VISIBLE[who]())
    expect(gql.data.countSponsorships.totalDocs).toBe(VISIBLE[who]().length)
  })

  it.each(WHO)(
    '%s: the fee and the other private fields of a live sponsorship only for the applicant and staff',
    async (who) => {
      const mayRead = who === 'owner' || who === 'staff'
      const { body } = await get(who, `sponsorships/${live.sponsorship}?depth=0`)
      for (const field of PRIVATE_SPONSORSHIP_FIELDS) {
        expect({ field, present: field in body }).toEqual({ field, present: mayRead })
      }
      expect(body).toMatchObject({ status: 'FINALIZED' })
      if (mayRead) expect(body.sponsorshipFee).toBe(150000)
      const gql = await t.graphql(`{ Sponsorship(id: "${live.sponsorship}") { id sponsorshipFee renewal } }`, {
        auth: auth(who),
      })
      expect(gql.data.Sponsorship).toEqual({
        id: live.sponsorship,
        renewal: mayRead ? false : null,
        sponsorshipFee: mayRead ? 150000 : null,
      })
    },
  )

  it.each(WHO)('%s: `where` on a private field is refused unless staff (no answer reveals fees)', async (who) => {
    for (const query of [
      'where[sponsorshipFee][greater_than]=0',
      'where[sponsorshipFee][equals]=150000',
      `where[submittedBy][equals]=${actors.owner.id}`,
      'where[renewal][equals]=false',
    ]) {
      const response = await t.api('GET', `sponsorships?${query}&depth=0`, { auth: auth(who) })
      const body = await json(response)
      if (who === 'staff') {
        expect({ query, status: response.status }).toEqual({ query, status: 200 })
      } else {
        expect({ query, status: response.status, docs: body.docs }).toEqual({
          docs: undefined,
          query,
          status: expect.any(Number),
        })
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
      }
      const gql = await t.graphql(`{ Sponsorships(where: { sponsorshipFee: { greater_than: 0 } }) { docs { id } } }`, {
        auth: auth(who),
      })
      expect({ who, refused: Boolean(gql.errors?.length) }).toEqual({ refused: who !== 'staff', who })
    }
  })

  it('anonymous answers populate the sponsor and level as summaries and carry no user account, at any depth', async () => {
    for (const depth of [1, 2, 3]) {
      const { body } = await get('anonymous', `sponsorships/${live.sponsorship}?depth=${depth}`)
      expect(Object.keys(body.sponsor).sort()).toEqual(['id', 'landingPageUrl', 'name', 'slug', 'webLogo'])
      expect(Object.keys(body.level).sort()).toEqual(['id', 'name', 'order', 'sponsorshipAmount', 'year'])
      expectNoAccounts(body, `sponsorship depth ${depth}`)
      const list = await get('anonymous', `sponsorships?depth=${depth}`)
      expectNoAccounts(list.body, `sponsorships list depth ${depth}`)
    }
    const member = await get('member', `sponsorships/${live.sponsorship}?depth=2`)
    expectNoAccounts(member.body, 'member, depth 2')
  })
})

describe('sponsors', () => {
  const all = () => [String(live.sponsor.id), String(rejected.sponsor.id), String(open.sponsor.id)]
  const VISIBLE: Record<Who, () => string[]> = {
    anonymous: () => [String(live.sponsor.id)],
    member: () => [String(live.sponsor.id)],
    owner: all,
    staff: all,
  }

  it.each(WHO)(
    '%s: only live sponsors unless their own (or staff), through list, by id, count and GraphQL',
    async (who) => {
      expect(listed((await get(who, 'sponsors?limit=200&depth=0')).body, all())).toEqual(VISIBLE[who]())
      for (const id of all()) {
        expect({ id, status: (await get(who, `sponsors/${id}?depth=0`)).status }).toEqual({
          id,
          status: VISIBLE[who]().includes(id) ? 200 : 404,
        })
      }
      expect((await get(who, `sponsors/count?where[id][in]=${all().join(',')}`)).body.totalDocs).toBe(
        VISIBLE[who]().length,
      )
      const gql = await t.graphql(`{ Sponsors(limit: 200) { docs { id name } } }`, { auth: auth(who) })
      expect(listed(gql.data.Sponsors, all())).toEqual(VISIBLE[who]())
    },
  )

  it.each(WHO)(
    '%s: contact data, the print logo and the account only for the sponsor’s member and staff',
    async (who) => {
      const mayRead = who === 'owner' || who === 'staff'
      const { body } = await get(who, `sponsors/${live.sponsor.id}?depth=0`)
      for (const field of PRIVATE_SPONSOR_FIELDS)
        expect({ field, present: field in body }).toEqual({ field, present: mayRead })
      expect(body).toMatchObject({
        landingPageUrl: live.sponsor.landingPageUrl,
        name: live.sponsor.name,
        webLogo: logo.id,
      })
      const gql = await t.graphql(`{ Sponsor(id: "${live.sponsor.id}") { name contactEmail primaryPhone city } }`, {
        auth: auth(who),
      })
      expect(gql.data.Sponsor).toEqual({
        city: mayRead ? 'Wilmington' : null,
        contactEmail: mayRead ? live.sponsor.contactEmail : null,
        name: live.sponsor.name,
        primaryPhone: mayRead ? '+1 302 555 0100' : null,
      })
      for (const query of [
        'where[contactEmail][exists]=true',
        'where[primaryPhone][like]=302',
        'where[city][equals]=Wilmington',
      ]) {
        const response = await t.api('GET', `sponsors?${query}`, { auth: auth(who) })
        expect({ query, ok: response.status === 200 }).toEqual({ ok: who === 'staff', query })
      }
    },
  )

  it('a live sponsor read at depth shows only its live sponsorships, without fees, and no accounts', async () => {
    const { body } = await get('anonymous', `sponsors/${live.sponsor.id}?depth=1`)
    expect(body.sponsorships.docs.map((doc: Json) => doc.id)).toEqual([live.sponsorship])
    expect('sponsorshipFee' in body.sponsorships.docs[0]).toBe(false)
    expect(body.webLogo).toMatchObject({ id: logo.id, sizes: expect.any(Object) })
    expectNoAccounts(body, 'sponsor depth 1')
    const owner = await get('owner', `sponsors/${rejected.sponsor.id}?depth=1`)
    expect(owner.body.sponsorships.docs.map((doc: Json) => [doc.id, doc.status])).toEqual([
      [rejected.sponsorship, 'REJECTED'],
    ])
  })
})

describe('logos', () => {
  it.each(WHO)(
    '%s: the live sponsor’s web logo is public; the print logo and a non-live sponsor’s logo are not',
    async (who) => {
      const mayRead = (id: string) => who === 'staff' || who === 'owner' || id === logo.id
      for (const item of [logo, printLogo, hiddenLogo]) {
        const byId = await get(who, `sponsor-logos/${item.id}`)
        expect({ id: item.alt, status: byId.status }).toEqual({
          id: item.alt,
          status: mayRead(String(item.id)) ? 200 : 404,
        })
        const file = await t.api('GET', `sponsor-logos/file/${item.filename}`, { auth: auth(who) })
        expect({ id: item.alt, ok: file.status === 200 }).toEqual({ id: item.alt, ok: mayRead(String(item.id)) })
      }
      const list = await get(who, 'sponsor-logos?limit=100')
      expect(listed(list.body, [logo.id, printLogo.id, hiddenLogo.id].map(String))).toEqual(
        [logo.id, printLogo.id, hiddenLogo.id].map(String).filter(mayRead),
      )
      expectNoAccounts(who === 'anonymous' || who === 'member' ? list.body : {}, `${who} logos`)
    },
  )
})

describe('contracts', () => {
  it.each(WHO)('%s: only the applicant and staff, through every path', async (who) => {
    const mayRead = who === 'owner' || who === 'staff'
    const open_ = String((await contractRowOf(t, open.sponsorship))!.id)
    const list = await get(who, 'sponsor-contracts?limit=200&depth=0')
    expect(listed(list.body, [live.contract, open_])).toEqual(mayRead ? [live.contract, open_] : [])
    const byId = (await get(who, `sponsor-contracts/${live.contract}`)).status
    expect(mayRead ? byId === 200 : [403, 404].includes(byId)).toBe(true)
    expect(
      (await get(who, `sponsor-contracts/count?where[id][in]=${live.contract},${open_}`)).body.totalDocs ?? 0,
    ).toBe(mayRead ? 2 : 0)
    const gql = await t.graphql(`{ SponsorContracts { docs { id sponsorshipFee } } }`, { auth: auth(who) })
    expect(listed(gql.data?.SponsorContracts ?? {}, [live.contract])).toEqual(mayRead ? [live.contract] : [])
    // through the sponsorship: the join holds it for the applicant only
    const sponsorship = await get(who, `sponsorships/${live.sponsorship}?depth=1`)
    const joined = (sponsorship.body.contract?.docs ?? []).map((doc: Json) => doc.id)
    expect(joined).toEqual(mayRead ? [live.contract] : [])
    const filtered = await t.api('GET', `sponsor-contracts?where[sponsorshipFee][greater_than]=0`, { auth: auth(who) })
    const found = (await json(filtered)).docs ?? []
    expect(found.some((doc: Json) => doc.id === live.contract)).toBe(mayRead)
  })
})

describe('levels and legal clauses', () => {
  it.each(WHO)('%s: levels are public, their clauses and the clause texts staff-only', async (who) => {
    const { body, status } = await get(who, `sponsorship-levels/${w.level.id}?depth=1`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ name: w.level.name, order: 0, sponsorshipAmount: 150000 })
    expect('legalClauses' in body).toBe(who === 'staff')
    const clauses = await t.api('GET', 'sponsor-legal-clauses', { auth: auth(who) })
    expect(clauses.status).toBe(who === 'staff' ? 200 : 403)
    const gql = await t.graphql(`{ SponsorLegalClauses { docs { clause } } }`, { auth: auth(who) })
    expect(Boolean(gql.errors?.length)).toBe(who !== 'staff')
  })
})
