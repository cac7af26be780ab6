/**
 * Applying: a member registers their organisation and applies for a level
 * through REST, GraphQL or the Local API; the application starts APPLIED
 * with the level's fee, today's date and the member as submitter, whatever
 * the client sends; nobody applies for a sponsor that is not theirs; and a
 * sponsor never has two applications in progress, also under ten concurrent
 * attempts, with a clear 409 for the losers and the database holding the rule.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import {
  act,
  apply,
  applied,
  asRequestUser,
  createSponsor,
  dayOf,
  fixClock,
  json,
  type Json,
  messages,
  PERIOD,
  query,
  releaseClock,
  seedLevel,
  sponsorBody,
  sponsorshipRow,
  TODAY,
  startSponsorsPayload,
} from './fixtures'

const TEAM = 'sponsors-team@example.org'

let t: TestContext
let actors: Actors
let level: Json

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload({ SPONSORS_TEAM_EMAIL: TEAM })
  actors = await makeActors(t)
  level = await seedLevel(t, { sponsorshipAmount: 60000, year: 2031 })
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const openApplications = async (sponsor: string) =>
  (
    await query(t, `SELECT id, status FROM sponsorships WHERE sponsor_id = $1 AND status IN ('APPLIED', 'APPROVED')`, [
      sponsor,
    ])
  ).rows

const expectApplication = async (id: string, sponsor: string) => {
  const row = (await sponsorshipRow(t, id))!
  expect({
    appliedOn: dayOf(row.applied_on),
    fee: Number(row.sponsorship_fee),
    level: row.level_id,
    locked: row.locked,
    period: [row.start_date, row.end_date],
    sponsor: row.sponsor_id,
    status: row.status,
    submittedBy: row.submitted_by_id,
    year: Number(row.year),
  }).toEqual({
    appliedOn: TODAY,
    fee: 60000,
    level: level.id,
    locked: false,
    period: [null, null],
    sponsor,
    status: 'APPLIED',
    submittedBy: actors.owner.id,
    year: 2031,
  })
  // the sponsorship team hears of it, through the mailing path
  const logs = (
    await query(t, `SELECT template_name, recipient_email FROM email_logs WHERE context->>'sponsorshipId' = $1`, [id])
  ).rows
  expect(logs).toEqual([{ recipient_email: TEAM, template_name: 'sponsors.applied' }])
}

// what a client might try to slip into an application: all of it is the server's to set
const FORGED = {
  appliedOn: '2020-01-01',
  endDate: '2040-01-01',
  forModifiedPackage: true,
  locked: true,
  renewal: true,
  sponsorshipFee: 1,
  startDate: '2039-01-01',
  year: 1999,
}

describe('a member applies', () => {
  it('through REST: registers a sponsor, applies at a level; the server sets status, fee, dates and submitter', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    expect(sponsor.creator.id).toBe(actors.owner.id)
    const response = await apply(t, actors.owner, String(sponsor.id), String(level.id), {
      ...FORGED,
      submittedBy: actors.member.id,
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc).toMatchObject({ sponsorshipFee: 60000, status: 'APPLIED' })
    await expectApplication(String(doc.id), String(sponsor.id))
  })

  it('through GraphQL', async () => {
    const created = await t.graphql(
      `mutation ($data: mutationSponsorInput!) { createSponsor(data: $data) { id name } }`,
      { auth: actors.owner, variables: { data: sponsorBody() } },
    )
    expect(created.errors).toBeUndefined()
    const sponsor = created.data.createSponsor.id
    const result = await t.graphql(
      `mutation { createSponsorship(data: { sponsor: "${sponsor}", level: "${level.id}", sponsorshipFee: 1, startDate: "2039-01-01" }) { id status sponsorshipFee } }`,
      { auth: actors.owner },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.createSponsorship).toMatchObject({ sponsorshipFee: 60000, status: 'APPLIED' })
    await expectApplication(result.data.createSponsorship.id, sponsor)
  })

  it('through the Local API with access control', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    const doc = await t.payload.create({
      collection: 'sponsorships',
      data: { level: String(level.id), sponsor: String(sponsor.id), sponsorshipFee: 1 } as never,
      overrideAccess: false,
      user: await asRequestUser(t, actors.owner),
    })
    await expectApplication(String(doc.id), String(sponsor.id))
  })

  it('never as anything but APPLIED: a new sponsorship asking for another status is a 409, nothing written', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    for (const status of ['APPROVED', 'FINALIZED', 'REJECTED']) {
      for (const auth of [actors.owner, actors.staff]) {
        const response = await apply(t, auth, String(sponsor.id), String(level.id), { status })
        expect({ status, code: response.status }).toEqual({ code: 409, status })
        expect(messages(await json(response))).toContain(`not ${status}`)
      }
    }
    expect(await openApplications(String(sponsor.id))).toEqual([])
  })

  it('staff may apply on a sponsor’s behalf and agree another fee', async () => {
    const sponsor = await createSponsor(t, actors.owner)
    const response = await apply(t, actors.staff, String(sponsor.id), String(level.id), { sponsorshipFee: 45000 })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect((await sponsorshipRow(t, String(doc.id)))!.sponsorship_fee).toBe('45000')
    expect(doc.submittedBy.id).toBe(actors.staff.id)
  })
})

describe('nobody applies for a sponsor that is not theirs', () => {
  it('another member gets a 403 through REST, GraphQL and the Local API; anonymous cannot apply at all', async () => {
    const sponsor = String((await createSponsor(t, actors.owner)).id)
    const rest = await apply(t, actors.member, sponsor, String(level.id))
    expect(rest.status).toBe(403)
    expect(messages(await json(rest))).toMatch(/sponsor you registered/)

    const gql = await t.graphql(
      `mutation { createSponsorship(data: { sponsor: "${sponsor}", level: "${level.id}" }) { id } }`,
      {
        auth: actors.member,
      },
    )
    expect(gql.errors?.[0]?.extensions?.statusCode).toBe(403)

    await expect(
      t.payload.create({
        collection: 'sponsorships',
        data: { level: String(level.id), sponsor } as never,
        overrideAccess: false,
        user: await asRequestUser(t, actors.member),
      }),
    ).rejects.toMatchObject({ status: 403 })

    expect((await apply(t, undefined, sponsor, String(level.id))).status).toBe(403)
    expect(await openApplications(sponsor)).toEqual([])
  })

  it('an unknown sponsor or level is a 400 naming the field, never a 500', async () => {
    const sponsor = String((await createSponsor(t, actors.owner)).id)
    for (const [body, field] of [
      [{ level: String(level.id), sponsor: '00000000-0000-4000-8000-000000000000' }, 'sponsor'],
      [{ level: String(level.id), sponsor: 'not-an-id' }, 'sponsor'],
      [{ level: '00000000-0000-4000-8000-000000000000', sponsor }, 'level'],
      [{ sponsor }, 'level'],
    ] as const) {
      const response = await t.api('POST', 'sponsorships', { auth: actors.owner, body })
      const answer = await json(response)
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
      expect(answer.errors[0].data.errors.map((error: Json) => error.path)).toContain(field)
    }
  })
})

describe('one application in progress per sponsor', () => {
  it('a second application while one is APPLIED or APPROVED is a 409 naming the open one; after a rejection or once final a new one may start', async () => {
    const sponsor = String((await createSponsor(t, actors.owner)).id)
    const first = await applied(t, actors.owner, sponsor, String(level.id))

    const second = await apply(t, actors.owner, sponsor, String(level.id))
    expect(second.status).toBe(409)
    expect(messages(await json(second))).toMatch(/already has an application in progress \(APPLIED\)/)

    await act(t, actors.staff, 'sponsorships', String(first.id), 'approve', PERIOD)
    const third = await apply(t, actors.staff, sponsor, String(level.id))
    expect(third.status).toBe(409)
    expect(messages(await json(third))).toMatch(/\(APPROVED\)/)

    // once finalized (its contract executed) the sponsor may apply for the next period
    const contract = (await query(t, 'SELECT id FROM sponsor_contracts WHERE sponsorship_id = $1', [first.id])).rows[0]!
    await act(t, actors.staff, 'sponsor-contracts', String(contract.id), 'execute')
    const renewal = await applied(t, actors.owner, sponsor, String(level.id))
    // and after a rejection too
    await act(t, actors.staff, 'sponsorships', String(renewal.id), 'reject')
    await applied(t, actors.owner, sponsor, String(level.id))
    expect((await openApplications(sponsor)).length).toBe(1)
  })

  it('10 concurrent applications of one sponsor (REST and GraphQL): exactly one wins, the others get a clear 409, never a 500', async () => {
    for (let round = 0; round < 3; round += 1) {
      const sponsor = String((await createSponsor(t, actors.owner)).id)
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, async (_, index) => {
          if (index % 2) {
            const result = await t.graphql(
              `mutation { createSponsorship(data: { sponsor: "${sponsor}", level: "${level.id}" }) { id } }`,
              { auth: actors.owner },
            )
            return result.errors?.length
              ? {
                  message: String(result.errors[0].message),
                  status: Number(result.errors[0].extensions?.statusCode ?? 500),
                }
              : { message: '', status: 201 }
          }
          const response = await apply(t, actors.owner, sponsor, String(level.id))
          return { message: messages(await json(response)), status: response.status }
        }),
      )
      const statuses = outcomes.map((outcome) => outcome.status).sort()
      expect(statuses).toEqual([201, ...Array(9).fill(409)])
      for (const outcome of outcomes.filter((o) => o.status === 409)) {
        expect(outcome.message).toMatch(
          /already has an application in progress \(APPLIED\); a sponsor may have one APPLIED or APPROVED/,
        )
      }
      expect((await openApplications(sponsor)).length).toBe(1)
      // and one email to the team, the winner's
      const logs = await query(
        t,
        `SELECT count(*)::int AS n FROM email_logs WHERE template_name = 'sponsors.applied' AND context->>'sponsorshipId' IN (SELECT id::text FROM sponsorships WHERE sponsor_id = $1)`,
        [sponsor],
      )
      expect(logs.rows[0].n).toBe(1)
    }
  })

  it('the database holds the rule too: a second open row written past the API is refused by the partial unique index', async () => {
    const sponsor = String((await createSponsor(t, actors.owner)).id)
    const first = await applied(t, actors.owner, sponsor, String(level.id))
    await expect(
      query(t, `INSERT INTO sponsorships (sponsor_id, level_id, status) VALUES ($1, $2, 'APPROVED')`, [
        sponsor,
        level.id,
      ]),
    ).rejects.toMatchObject({ code: '23505', constraint: 'sponsorships_one_open_per_sponsor' })
    // a closed one beside it is fine
    await query(t, `INSERT INTO sponsorships (sponsor_id, level_id, status) VALUES ($1, $2, 'REJECTED')`, [
      sponsor,
      level.id,
    ])
    expect((await openApplications(sponsor)).map((row) => row.id)).toEqual([first.id])
  })
})
