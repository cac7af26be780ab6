/**
 * One nominee per (election, user) under concurrency: nominations of one
 * person arriving at the same time (REST and GraphQL mixed) find or create
 * one nominee row between them, never two and never a 500; one nominator's
 * duplicate submissions make one nomination and 409s; a self-nomination
 * racing others still accepts.
 */
import { setNow } from '../../src/platform/clock'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { at, createElection, dates, type Json, json, messages, query } from './fixtures'

let t: TestContext
let a: Actors

const DAYS = dates('2035-05-01', '2035-05-15', '2035-06-01', '2035-06-10')

beforeAll(async () => {
  t = await startTestPayload()
  a = await makeActors(t)
})
beforeEach(() => setNow(at('2035-05-08')))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const data = (election: Json, nominated: TestUser, statement: string) => ({
  election: election.id,
  nomineeUser: nominated.id,
  statement,
})

/** A nomination by REST or GraphQL (alternating), answered as a status code. */
const attempt = async (
  index: number,
  nominator: TestUser,
  body: Json,
): Promise<{ message: string; status: number }> => {
  if (index % 2 === 0) {
    const response = await t.api('POST', 'nominations', { auth: nominator, body })
    return { message: messages(await json(response)), status: response.status }
  }
  const result = await t.graphql(
    `mutation ($data: mutationNominationInput!) { createNomination(data: $data) { id } }`,
    {
      auth: nominator,
      variables: { data: body },
    },
  )
  if (!result.errors) return { message: '', status: 201 }
  return { message: String(result.errors[0].message), status: result.errors[0].extensions?.statusCode ?? 500 }
}

const rowsOf = async (election: Json, nominated: TestUser) => ({
  nominations: (
    await query(t, 'SELECT count(*)::int AS n FROM nominations WHERE election_id = $1 AND nominee_user_id = $2', [
      election.id,
      nominated.id,
    ])
  ).rows[0]!.n,
  nominees: (
    await query(t, 'SELECT * FROM nominees WHERE election_id = $1 AND user_id = $2', [election.id, nominated.id])
  ).rows,
})

describe('nominations of one person at the same time', () => {
  it('six nominators at once: six nominations, one nominee row, no error', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const nominators = await Promise.all(Array.from({ length: 6 }, () => t.makeUser('member')))
    const results = await Promise.all(
      nominators.map((nominator, i) => attempt(i, nominator, data(election, nominated, `By ${i}.`))),
    )
    expect(results.map((result) => result.status)).toEqual(Array(6).fill(201))
    const stored = await rowsOf(election, nominated)
    expect(stored.nominees).toHaveLength(1)
    expect(stored.nominations).toBe(6)
    const linked = await query(t, 'SELECT DISTINCT nominee_id::text FROM nominations WHERE election_id = $1', [
      election.id,
    ])
    expect(linked.rows.map((row) => row.nominee_id)).toEqual([stored.nominees[0]!.id])
  })

  it('one nominator submitting four times at once: one nomination, the rest 409, never a 500', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => attempt(i, a.owner, data(election, nominated, `Try ${i}.`))),
    )
    const statuses = results.map((result) => result.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409])
    for (const result of results.filter((r) => r.status === 409))
      expect(result.message).toMatch(/^nomineeUser: you have already nominated/)
    const stored = await rowsOf(election, nominated)
    expect(stored.nominees).toHaveLength(1)
    expect(stored.nominations).toBe(1)
  })

  it('a self-nomination racing two others: one nominee, accepted', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const results = await Promise.all([
      attempt(0, a.owner, data(election, nominated, 'By the owner.')),
      attempt(1, nominated, data(election, nominated, 'Myself.')),
      attempt(2, a.member, data(election, nominated, 'By a member.')),
    ])
    expect(results.map((result) => result.status)).toEqual([201, 201, 201])
    const stored = await rowsOf(election, nominated)
    expect(stored.nominees).toHaveLength(1)
    expect(stored.nominees[0]).toMatchObject({ acceptance: 'ACCEPTED', accepted: true })
  })

  it('staff creating the same nominee twice at once: one row, the other a 409', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const nominated = await t.makeUser('member')
    const responses = await Promise.all(
      [a.staff, a.superuser].map((user) =>
        t.api('POST', 'nominees', { auth: user, body: { election: election.id, user: nominated.id } }),
      ),
    )
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409])
    expect((await rowsOf(election, nominated)).nominees).toHaveLength(1)
  })
})
