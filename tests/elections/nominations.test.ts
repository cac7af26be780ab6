/**
 * Nominating: only while the election is NOMINATIONS_OPEN (409 naming the
 * status otherwise), through REST, GraphQL, the admin's create and the Local
 * API alike; one nominee per (election, user); a self-nomination is accepted
 * at once, anyone else's nominee is asked by email with a link to accept;
 * the nominator is whoever nominates; the links never change; the nominator
 * edits the text only while nominations are open.
 */
import type { CollectionSlug } from 'payload'

import { setNow } from '../../src/platform/clock'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import {
  adminCreate,
  adminSave,
  at,
  createElection,
  dates,
  errorPaths,
  expectClientError,
  expectRefused,
  json,
  type Json,
  messages,
  nominate,
  query,
  row,
  userDoc,
} from './fixtures'

const SITE = 'https://elections.example.org'
let t: TestContext
let a: Actors

const DAYS = dates('2033-05-01', '2033-05-15', '2033-06-01', '2033-06-10')
const OPEN = at('2033-05-08', 9 * 3600_000)
const INSTANTS = {
  CLOSED: at(DAYS.votingClose),
  NOMINATIONS_CLOSED: at(DAYS.nominationsClose),
  UPCOMING: at(DAYS.nominationsOpen, -1),
  VOTING_OPEN: at(DAYS.votingOpen),
} as const

beforeAll(async () => {
  t = await startTestPayload({ SITE_URL: SITE })
  a = await makeActors(t)
})
beforeEach(() => setNow(OPEN))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const counts = async (electionId: string) => {
  const [nominees, nominations, emails] = await Promise.all([
    query(t, 'SELECT count(*)::int AS n FROM nominees WHERE election_id = $1', [electionId]),
    query(t, 'SELECT count(*)::int AS n FROM nominations WHERE election_id = $1', [electionId]),
    query(t, `SELECT count(*)::int AS n FROM email_logs WHERE template_name = 'elections.nominated'`),
  ])
  return { emails: emails.rows[0]!.n, nominations: nominations.rows[0]!.n, nominees: nominees.rows[0]!.n }
}

const body = (election: Json, nominated: TestUser, extra: Json = {}) => ({
  election: election.id,
  nomineeUser: nominated.id,
  statement: 'A careful steward of the community.',
  ...extra,
})

const CREATE_NOMINATION = `mutation ($data: mutationNominationInput!) { createNomination(data: $data) { id nominee { id acceptance } } }`

/** One nomination attempt per entry point, as `user`. */
const ENTRY_POINTS: Record<string, (user: TestUser, data: Json) => Promise<{ message: string; status: number }>> = {
  admin: async (user, data) => {
    const response = await adminCreate(t, user, 'nominations', data)
    return { message: messages(await json(response)), status: response.status }
  },
  graphql: async (user, data) => {
    const result = await t.graphql(CREATE_NOMINATION, { auth: user, variables: { data } })
    if (!result.errors) return { message: '', status: 201 }
    return { message: String(result.errors[0].message), status: result.errors[0].extensions?.statusCode ?? 500 }
  },
  local: async (user, data) => {
    try {
      await t.payload.create({
        collection: 'nominations',
        data: data as never,
        overrideAccess: false,
        user: await userDoc(t, user),
      })
      return { message: '', status: 201 }
    } catch (err) {
      return { message: (err as Error).message, status: (err as { status?: number }).status ?? 500 }
    }
  },
  rest: async (user, data) => {
    const response = await t.api('POST', 'nominations', { auth: user, body: data })
    return { message: messages(await json(response)), status: response.status }
  },
}

describe('nominations only while NOMINATIONS_OPEN', () => {
  it.each(Object.keys(ENTRY_POINTS))(
    '%s: 409 naming the status in every other status, nothing written; accepted while open',
    async (entry) => {
      const election = await createElection(t, a.staff, DAYS)
      const nominated = await t.makeUser('member')
      for (const [status, instant] of Object.entries(INSTANTS)) {
        setNow(instant)
        const before = await counts(election.id)
        for (const user of [a.owner, a.staff]) {
          const result = await ENTRY_POINTS[entry]!(user, body(election, nominated))
          expect({ status, user: user.role, result: result.status }).toEqual({ status, user: user.role, result: 409 })
          expect(result.message).toContain(`is ${status}: nominations are accepted only while it is NOMINATIONS_OPEN`)
        }
        expect(await counts(election.id)).toEqual(before)
      }
      setNow(OPEN)
      const result = await ENTRY_POINTS[entry]!(a.owner, body(election, nominated))
      expect(result).toEqual({ message: '', status: 201 })
      expect((await counts(election.id)).nominations).toBe(1)
    },
  )

  it('the window is exact: the last millisecond before nominationsClose is open, nominationsClose itself is not', async () => {
    const election = await createElection(t, a.staff, DAYS)
    setNow(at(DAYS.nominationsOpen))
    expect((await t.api('POST', 'nominations', { auth: a.owner, body: body(election, a.member) })).status).toBe(201)
    setNow(at(DAYS.nominationsClose, -1))
    expect((await t.api('POST', 'nominations', { auth: a.staff, body: body(election, a.member) })).status).toBe(201)
    setNow(at(DAYS.nominationsClose))
    const late = await t.api('POST', 'nominations', { auth: a.superuser, body: body(election, a.member) })
    expect(late.status).toBe(409)
    expect(messages(await json(late))).toContain('NOMINATIONS_CLOSED')
  })

  it('an election without a nomination period (equal open and close dates) never takes one', async () => {
    const referendum = await createElection(t, a.staff, dates('2033-05-08', '2033-05-08', '2033-06-01', '2033-06-10'))
    for (const instant of [at('2033-05-07', 23 * 3600_000), at('2033-05-08'), at('2033-05-08', 12 * 3600_000)]) {
      setNow(instant)
      expect((await t.api('POST', 'nominations', { auth: a.owner, body: body(referendum, a.owner) })).status).toBe(409)
    }
  })
})

describe('who nominates whom', () => {
  it('a self-nomination is accepted at once and sends no email', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const self = await t.makeUser('member', { firstName: 'Grace', lastName: 'Hopper' })
    const before = await counts(election.id)
    const nomination = await nominate(t, self, election, self)
    const nominee = await row(t, 'nominees', nomination.nominee.id)
    expect(nominee).toMatchObject({
      acceptance: 'ACCEPTED',
      accepted: true,
      nominee_name: 'Grace Hopper',
      user_id: self.id,
    })
    expect(nomination).toMatchObject({ nominator: self.id, nominatorName: 'Grace Hopper', nomineeUser: self.id })
    expect((await counts(election.id)).emails).toBe(before.emails)
  })

  it("someone else's nominee waits for their answer and is emailed a link to accept", async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member', { firstName: 'Ada', lastName: 'Lovelace' })
    const nomination = await nominate(t, a.owner, election, nominated)
    const nomineeId = String(nomination.nominee.id)
    expect(await row(t, 'nominees', nomineeId)).toMatchObject({ acceptance: 'PENDING', accepted: false })
    const logs = (
      await query(
        t,
        `SELECT * FROM email_logs WHERE template_name = 'elections.nominated' AND context->>'nominationId' = $1`,
        [nomination.id],
      )
    ).rows
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ recipient_email: nominated.email, status: 'QUEUED' })
    expect(logs[0]!.context).toEqual({
      acceptUrl: `${SITE}/nominations/${election.slug}/nominees/${nomineeId}/accept/`,
      electionName: election.name,
      nominationId: nomination.id,
      nomineeId,
      nomineeName: 'Ada Lovelace',
      nominatorName: a.owner.username,
    })
    // queued on the jobs queue, in the nomination's transaction
    const queued = await query(
      t,
      `SELECT input FROM payload_jobs WHERE task_slug = 'sendEmail' AND input->>'emailLog' = $1`,
      [String(logs[0]!.id)],
    )
    expect(queued.rows).toHaveLength(1)
  })

  it('one nominee per (election, user): a second nominator joins the same nominee; the nominee in another election is another row', async () => {
    const [first, second] = await Promise.all([createElection(t, a.staff, DAYS), createElection(t, a.staff, DAYS)])
    const nominated = await t.makeUser('member')
    const one = await nominate(t, a.owner, first, nominated)
    const two = await nominate(t, a.member, first, nominated)
    const other = await nominate(t, a.owner, second, nominated)
    expect(two.nominee.id).toBe(one.nominee.id)
    expect(other.nominee.id).not.toBe(one.nominee.id)
    expect((await counts(first.id)).nominees).toBe(1)
    expect((await counts(first.id)).nominations).toBe(2)
  })

  it('nominating oneself after others did accepts the existing nominee', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const theirs = await nominate(t, a.owner, election, nominated)
    expect((await row(t, 'nominees', theirs.nominee.id))?.acceptance).toBe('PENDING')
    const mine = await nominate(t, nominated, election, nominated)
    expect(mine.nominee.id).toBe(theirs.nominee.id)
    expect(await row(t, 'nominees', theirs.nominee.id)).toMatchObject({ acceptance: 'ACCEPTED', accepted: true })
  })

  it('one nomination per nominator and nominee: a second is a 409 naming nomineeUser, on every entry point', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    await nominate(t, a.owner, election, nominated)
    const before = await counts(election.id)
    for (const [entry, attempt] of Object.entries(ENTRY_POINTS)) {
      const result = await attempt(a.owner, body(election, nominated, { statement: 'Again.' }))
      expect({ entry, status: result.status }).toEqual({ entry, status: 409 })
      expect(result.message).toMatch(/^nomineeUser: you have already nominated/)
    }
    expect(await counts(election.id)).toEqual(before)
  })

  it('the nominator is whoever nominates: a nominator or nominee in the input is ignored', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const decoy = await nominate(t, a.member, election, a.member)
    const nomination = await nominate(t, a.owner, election, nominated, {
      nominator: a.member.id,
      nominatorName: 'Someone else',
      nominee: decoy.nominee.id,
    })
    expect(nomination.nominator).toBe(a.owner.id)
    expect(nomination.nominatorName).toBe(a.owner.username)
    expect(nomination.nominee.id).not.toBe(decoy.nominee.id)
    expect(nomination.nominee.user).toBe(nominated.id)
  })

  it('nominees come from nominations: members cannot create one directly, staff can but only once per (election, user)', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const data = { election: election.id, user: nominated.id }
    expectRefused(await t.api('POST', 'nominees', { auth: a.owner, body: data }))
    const graphql = await t.graphql(`mutation ($data: mutationNomineeInput!) { createNominee(data: $data) { id } }`, {
      auth: a.owner,
      variables: { data },
    })
    expect(graphql.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect((await counts(election.id)).nominees).toBe(0)

    const created = await t.api('POST', 'nominees', { auth: a.staff, body: data })
    expect(created.status).toBe(201)
    const again = await adminCreate(t, a.staff, 'nominees', data)
    expect(again.status).toBe(409)
    expect(messages(await json(again))).toMatch(/^user: .* is already a nominee in/)
    // and the database itself holds it
    await expect(
      query(t, 'INSERT INTO nominees (election_id, user_id, acceptance, accepted) VALUES ($1, $2, $3, false)', [
        election.id,
        nominated.id,
        'PENDING',
      ]),
    ).rejects.toThrow(/election_user_idx/)
  })

  it('staff may record a nominee who has already accepted (an answer given another way)', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const created = await json(
      await t.api('POST', 'nominees', {
        auth: a.staff,
        body: { acceptance: 'ACCEPTED', election: election.id, user: nominated.id },
      }),
    )
    expect(created.doc).toMatchObject({ acceptance: 'ACCEPTED', accepted: true, nomineeName: nominated.username })
  })

  it('anonymous cannot nominate', async () => {
    const election = await createElection(t, a.staff, DAYS)
    expect([401, 403]).toContain((await t.api('POST', 'nominations', { body: body(election, a.owner) })).status)
    expect((await counts(election.id)).nominations).toBe(0)
  })

  it('bad input is a 400 naming the field, never a 500', async () => {
    const election = await createElection(t, a.staff, DAYS)
    for (const [data, field] of [
      [{ ...body(election, a.member), election: '00000000-0000-4000-8000-000000000000' }, 'election'],
      [{ ...body(election, a.member), election: 'not-an-id' }, 'election'],
      [{ ...body(election, a.member), nomineeUser: '00000000-0000-4000-8000-000000000000' }, 'nomineeUser'],
      [{ ...body(election, a.member), nomineeUser: 42 }, 'nomineeUser'],
      [{ ...body(election, a.member), statement: undefined }, 'statement'],
      [{ ...body(election, a.member), statement: ['not', 'text'] }, 'statement'],
      [{ ...body(election, a.member), employer: 'x'.repeat(1025) }, 'employer'],
    ] as const) {
      await expectClientError(await t.api('POST', 'nominations', { auth: a.owner, body: data }), field)
    }
    expect((await counts(election.id)).nominations).toBe(0)
  })
})

describe('after nominating', () => {
  const UPDATE = `mutation ($id: String!, $data: mutationNominationUpdateInput!) { updateNomination(id: $id, data: $data) { statement } }`

  const edits: Record<
    string,
    (user: TestUser, id: string, data: Json) => Promise<{ message: string; status: number }>
  > = {
    admin: async (user, id, data) => {
      const response = await adminSave(t, user, 'nominations' as CollectionSlug, id, data)
      return { message: messages(await json(response)), status: response.status }
    },
    graphql: async (user, id, data) => {
      const result = await t.graphql(UPDATE, { auth: user, variables: { data, id } })
      if (!result.errors) return { message: '', status: 200 }
      return { message: String(result.errors[0].message), status: result.errors[0].extensions?.statusCode ?? 500 }
    },
    local: async (user, id, data) => {
      try {
        await t.payload.update({
          collection: 'nominations',
          data,
          id,
          overrideAccess: false,
          user: await userDoc(t, user),
        })
        return { message: '', status: 200 }
      } catch (err) {
        return { message: (err as Error).message, status: (err as { status?: number }).status ?? 500 }
      }
    },
    rest: async (user, id, data) => {
      const response = await t.api('PATCH', `nominations/${id}`, { auth: user, body: data })
      return { message: messages(await json(response)), status: response.status }
    },
  }

  it.each(Object.keys(edits))(
    '%s: the nominator edits the text while nominations are open; afterwards only staff do',
    async (entry) => {
      const election = await createElection(t, a.staff, DAYS)
      const nomination = await nominate(t, a.owner, election, await t.makeUser('member'))
      const edit = edits[entry]!

      expect(await edit(a.owner, nomination.id, { statement: 'Still **open**.' })).toEqual({ message: '', status: 200 })
      expect(await row(t, 'nominations', nomination.id)).toMatchObject({
        statement: 'Still **open**.',
        statement_html: '<p>Still <strong>open</strong>.</p>\n',
      })

      setNow(INSTANTS.NOMINATIONS_CLOSED)
      const late = await edit(a.owner, nomination.id, { statement: 'Too late.' })
      expect(late.status).toBe(409)
      expect(late.message).toContain(
        'is NOMINATIONS_CLOSED: a nominator can edit a nomination only while it is NOMINATIONS_OPEN',
      )
      expect((await row(t, 'nominations', nomination.id))?.statement).toBe('Still **open**.')

      expect((await edit(a.staff, nomination.id, { statement: 'Corrected by staff.' })).status).toBe(200)
      expect((await row(t, 'nominations', nomination.id))?.statement).toBe('Corrected by staff.')
    },
  )

  it.each(Object.keys(edits))('%s: other members cannot edit a nomination', async (entry) => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const nomination = await nominate(t, a.owner, election, nominated)
    for (const user of [a.member, nominated]) {
      const result = await edits[entry]!(user, nomination.id, { statement: 'Hijacked.' })
      expect([403, 404]).toContain(result.status)
    }
    expect((await row(t, 'nominations', nomination.id))?.statement).toBe(nomination.statement)
  })

  it.each(Object.keys(edits))(
    '%s: the election, nominee and nominator of a nomination never change (409), for staff too',
    async (entry) => {
      const [election, other] = await Promise.all([createElection(t, a.staff, DAYS), createElection(t, a.staff, DAYS)])
      const nomination = await nominate(t, a.owner, election, await t.makeUser('member'))
      const stored = await row(t, 'nominations', nomination.id)
      for (const [field, value] of [
        ['election', other.id],
        ['nomineeUser', a.member.id],
      ] as const) {
        for (const user of [a.owner, a.staff]) {
          const result = await edits[entry]!(user, nomination.id, { [field]: value })
          expect({ field, user: user.role, status: result.status }).toEqual({ field, user: user.role, status: 409 })
          expect(result.message).toMatch(new RegExp(`^${field}: a nomination's ${field} never changes`))
        }
      }
      expect(await row(t, 'nominations', nomination.id)).toEqual(stored)
    },
  )

  it("deleting a user deletes their candidacies and the nominations they made or received (python.org's cascade)", async () => {
    const election = await createElection(t, a.staff, DAYS)
    const leaving = await t.makeUser('member')
    const stays = await t.makeUser('member')
    await nominate(t, leaving, election, leaving)
    await nominate(t, leaving, election, stays)
    await nominate(t, stays, election, leaving)
    expect((await t.api('DELETE', `users/${leaving.id}`, { auth: a.superuser })).status).toBe(200)
    const left = await query(t, 'SELECT user_id::text FROM nominees WHERE election_id = $1', [election.id])
    expect(left.rows.map((r) => r.user_id)).toEqual([stays.id])
    expect((await counts(election.id)).nominations).toBe(0)
  })

  it('deleting an election deletes its nominees and nominations (staff only)', async () => {
    const election = await createElection(t, a.staff, DAYS)
    await nominate(t, a.owner, election, a.member)
    await nominate(t, a.member, election, a.member)
    expect(
      (
        await t.api(
          'DELETE',
          `nominations/${(await query(t, 'SELECT id FROM nominations WHERE election_id = $1 LIMIT 1', [election.id])).rows[0]!.id}`,
          { auth: a.owner },
        )
      ).status,
    ).not.toBe(200)
    expect((await t.api('DELETE', `elections/${election.id}`, { auth: a.staff })).status).toBe(200)
    expect(await counts(election.id)).toMatchObject({ nominations: 0, nominees: 0 })
  })
})
