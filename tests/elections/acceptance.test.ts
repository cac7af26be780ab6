/**
 * A nominee's answer, one workflow (src/elections/acceptance.ts) on every
 * entry point: the accept/decline endpoints, a PATCH of `acceptance` or of
 * the spec's boolean `accepted`, GraphQL, the admin's save and the Local
 * API. Only the nominated user (while nominations are open) and staff (until
 * voting opens) answer; nobody goes back to PENDING; `accepted` always
 * equals `acceptance = ACCEPTED`.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { UIField } from 'payload'

import { Nominees } from '../../collections/elections/Nominees'
import { setNow } from '../../src/platform/clock'
import { projectRoot } from '../../src/platform/paths'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import {
  adminSaveNominee,
  answer,
  at,
  createElection,
  dates,
  errorPaths,
  expectClientError,
  json,
  type Json,
  messages,
  nominate,
  query,
  row,
  userDoc,
} from './fixtures'

let t: TestContext
let a: Actors

const DAYS = dates('2034-05-01', '2034-05-15', '2034-06-01', '2034-06-10')
const OPEN = at('2034-05-08', 9 * 3600_000)
const CLOSED_NOMINATIONS = at(DAYS.nominationsClose)
const VOTING = at(DAYS.votingOpen)

beforeAll(async () => {
  t = await startTestPayload()
  a = await makeActors(t)
})
beforeEach(() => setNow(OPEN))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

/** A nominee `nominated` by `a.owner`, PENDING, in a fresh election. */
const pendingNominee = async (nominated?: TestUser) => {
  const election = await createElection(t, a.staff, DAYS)
  const user = nominated ?? (await t.makeUser('member'))
  const nomination = await nominate(t, a.owner, election, user)
  return { election, id: String(nomination.nominee.id), user }
}

const acceptance = async (id: string) => {
  const stored = await row(t, 'nominees', id)
  return { acceptance: stored?.acceptance, accepted: stored?.accepted }
}

const state = (value: 'ACCEPTED' | 'DECLINED' | 'PENDING') => ({ acceptance: value, accepted: value === 'ACCEPTED' })

type Result = { message: string; status: number }

/** Every way of giving an answer, as `user`. */
const WAYS: Record<string, (user: TestUser, id: string, to: 'ACCEPTED' | 'DECLINED' | 'PENDING') => Promise<Result>> = {
  admin: async (user, id, to) => {
    const response = await adminSaveNominee(t, user, id, { acceptance: to })
    return { message: messages(await json(response)), status: response.status }
  },
  endpoint: async (user, id, to) => {
    if (to === 'PENDING') return { message: 'no endpoint', status: 0 }
    const response = await answer(t, user, id, to === 'ACCEPTED' ? 'accept' : 'decline')
    return { message: messages(await json(response)), status: response.status }
  },
  graphql: async (user, id, to) => {
    // the answer as an enum literal, as a GraphQL client writes it
    const result = await t.graphql(
      `mutation ($id: String!) { updateNominee(id: $id, data: { acceptance: ${to} }) { acceptance accepted } }`,
      {
        auth: user,
        variables: { id },
      },
    )
    if (!result.errors) return { message: '', status: 200 }
    return { message: String(result.errors[0].message), status: result.errors[0].extensions?.statusCode ?? 500 }
  },
  local: async (user, id, to) => {
    try {
      await t.payload.update({
        collection: 'nominees',
        data: { acceptance: to },
        id,
        overrideAccess: false,
        user: await userDoc(t, user),
      })
      return { message: '', status: 200 }
    } catch (err) {
      return { message: (err as Error).message, status: (err as { status?: number }).status ?? 500 }
    }
  },
  rest: async (user, id, to) => {
    const response = await t.api('PATCH', `nominees/${id}`, { auth: user, body: { acceptance: to } })
    return { message: messages(await json(response)), status: response.status }
  },
  // the spec's boolean: true accepts, false declines an accepted nominee
  restAccepted: async (user, id, to) => {
    if (to === 'PENDING') return { message: 'no boolean for it', status: 0 }
    const current = (await row(t, 'nominees', id))?.acceptance
    if (to === 'DECLINED' && current !== 'ACCEPTED')
      return { message: 'false on a non-accepted nominee changes nothing', status: 0 }
    const response = await t.api('PATCH', `nominees/${id}`, { auth: user, body: { accepted: to === 'ACCEPTED' } })
    return { message: messages(await json(response)), status: response.status }
  },
}

describe.each(Object.keys(WAYS))('answering through %s', (way) => {
  const give = WAYS[way]!

  it('the nominated user accepts, declines and changes their mind while nominations are open', async () => {
    const nominee = await pendingNominee()
    expect(await give(nominee.user, nominee.id, 'ACCEPTED')).toMatchObject({ status: 200 })
    expect(await acceptance(nominee.id)).toEqual(state('ACCEPTED'))
    expect(await give(nominee.user, nominee.id, 'DECLINED')).toMatchObject({ status: 200 })
    expect(await acceptance(nominee.id)).toEqual(state('DECLINED'))
    if (way !== 'restAccepted') {
      expect(await give(nominee.user, nominee.id, 'ACCEPTED')).toMatchObject({ status: 200 })
      expect(await acceptance(nominee.id)).toEqual(state('ACCEPTED'))
    }
  })

  it('the nominated user cannot answer once nominations have closed (409 naming the status)', async () => {
    const nominee = await pendingNominee()
    setNow(CLOSED_NOMINATIONS)
    const result = await give(nominee.user, nominee.id, 'ACCEPTED')
    expect(result.status).toBe(409)
    expect(result.message).toContain('only while the election is NOMINATIONS_OPEN; it is NOMINATIONS_CLOSED')
    expect(await acceptance(nominee.id)).toEqual(state('PENDING'))
  })

  it('staff answer for a nominee until voting opens; then nobody does', async () => {
    const nominee = await pendingNominee()
    setNow(CLOSED_NOMINATIONS)
    expect(await give(a.staff, nominee.id, 'ACCEPTED')).toMatchObject({ status: 200 })
    expect(await acceptance(nominee.id)).toEqual(state('ACCEPTED'))
    setNow(VOTING)
    const result = await give(a.superuser, nominee.id, 'DECLINED')
    expect(result.status).toBe(409)
    expect(result.message).toContain('it is VOTING_OPEN')
    expect(await acceptance(nominee.id)).toEqual(state('ACCEPTED'))
  })

  it('the nominator and other members cannot answer for the nominee', async () => {
    const nominee = await pendingNominee()
    for (const user of [a.owner, a.member]) {
      const result = await give(user, nominee.id, 'ACCEPTED')
      expect({ user: user.role, refused: [403, 404].includes(result.status) }).toEqual({
        user: user.role,
        refused: true,
      })
    }
    expect(await acceptance(nominee.id)).toEqual(state('PENDING'))
  })
})

describe('the acceptance workflow', () => {
  it.each(['admin', 'graphql', 'local', 'rest'])('%s: nobody moves a nominee back to PENDING (409)', async (way) => {
    const nominee = await pendingNominee()
    await answer(t, nominee.user, nominee.id, 'decline')
    for (const user of [nominee.user, a.staff]) {
      const result = await WAYS[way]!(user, nominee.id, 'PENDING')
      expect(result.status).toBe(409)
      expect(result.message).toContain('cannot change a nominee from DECLINED to PENDING')
    }
    expect(await acceptance(nominee.id)).toEqual(state('DECLINED'))
  })

  it('answering what is already the answer is no change (200), on the endpoint too', async () => {
    const nominee = await pendingNominee()
    expect((await answer(t, nominee.user, nominee.id, 'accept')).status).toBe(200)
    const again = await answer(t, nominee.user, nominee.id, 'accept')
    expect(again.status).toBe(200)
    expect((await json(again)).doc).toMatchObject(state('ACCEPTED'))
  })

  it('the endpoints: 401 without a login, 404 for a nominee the caller cannot see, 400 for a malformed id', async () => {
    const nominee = await pendingNominee()
    expect((await answer(t, undefined, nominee.id, 'accept')).status).toBe(401)
    expect((await answer(t, a.member, nominee.id, 'accept')).status).toBe(404)
    expect((await answer(t, a.member, '00000000-0000-4000-8000-000000000000', 'accept')).status).toBe(404)
    await expectClientError(await answer(t, a.member, 'not-a-uuid', 'accept'), /id: not a nominee id/)
    // the nominator sees the nominee, and is told why not
    const nominator = await answer(t, a.owner, nominee.id, 'decline')
    expect(nominator.status).toBe(403)
    expect(messages(await json(nominator))).toContain('Only the nominated user (or staff)')
    expect(await acceptance(nominee.id)).toEqual(state('PENDING'))
  })

  it('an unknown answer is a 400 naming acceptance', async () => {
    const nominee = await pendingNominee()
    const response = await t.api('PATCH', `nominees/${nominee.id}`, {
      auth: nominee.user,
      body: { acceptance: 'MAYBE' },
    })
    expect(errorPaths(await expectClientError(response, 'acceptance'))).toEqual(['acceptance'])
  })

  it("a nominee's election and user never change (409), for staff too", async () => {
    const nominee = await pendingNominee()
    const other = await createElection(t, a.staff, DAYS)
    for (const [field, value] of [
      ['election', other.id],
      ['user', a.member.id],
    ] as const) {
      for (const user of [nominee.user, a.staff]) {
        const response = await t.api('PATCH', `nominees/${nominee.id}`, { auth: user, body: { [field]: value } })
        expect(response.status).toBe(409)
        expect(messages(await json(response))).toMatch(new RegExp(`^${field}: a nominee's ${field} never changes`))
      }
    }
    expect(await row(t, 'nominees', nominee.id)).toMatchObject({
      election_id: nominee.election.id,
      user_id: nominee.user.id,
    })
  })

  it('accepted and acceptance never disagree: the server keeps them in step, the database refuses otherwise', async () => {
    const nominee = await pendingNominee()
    const response = await t.api('PATCH', `nominees/${nominee.id}`, {
      auth: a.staff,
      body: { acceptance: 'DECLINED', accepted: true },
    })
    expect(response.status).toBe(200)
    expect(await acceptance(nominee.id)).toEqual(state('DECLINED'))
    await expect(query(t, `UPDATE nominees SET accepted = true WHERE id = $1`, [nominee.id])).rejects.toThrow(
      /nominees_accepted_is_acceptance/,
    )
  })

  it('two answers at once: both apply one after the other under the row lock, never a 500, and the row stays consistent', async () => {
    const nominee = await pendingNominee()
    const results = await Promise.all([
      answer(t, nominee.user, nominee.id, 'accept'),
      answer(t, nominee.user, nominee.id, 'decline'),
      t.api('PATCH', `nominees/${nominee.id}`, { auth: a.staff, body: { acceptance: 'ACCEPTED' } }),
    ])
    for (const response of results) expect([200, 409]).toContain(response.status)
    const stored = await acceptance(nominee.id)
    expect(stored.accepted).toBe(stored.acceptance === 'ACCEPTED')
    expect(stored.acceptance).not.toBe('PENDING')
  })

  it('is on the admin edit view: Accept / Decline buttons calling the endpoints, in the import map', () => {
    const field = Nominees.fields.find((candidate) => 'name' in candidate && candidate.name === 'acceptanceActions') as
      UIField | undefined
    const component = '/src/elections/NomineeAcceptanceActions#NomineeAcceptanceActions'
    expect(field?.admin?.components?.Field).toBe(component)
    const importMap = fs.readFileSync(path.join(projectRoot, 'src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain(`"${component}"`)
    const source = fs.readFileSync(path.join(projectRoot, 'src/elections/NomineeAcceptanceActions.tsx'), 'utf8')
    expect(source).toMatch(/^'use client'/)
    expect(source).toContain('/api/nominees/${id}/${action}')
  })
})

describe('what the answer changes', () => {
  it('an accepted nominee becomes public when nominations close; a declined one never does', async () => {
    const accepted = await pendingNominee()
    const declined = await pendingNominee()
    await answer(t, accepted.user, accepted.id, 'accept')
    await answer(t, declined.user, declined.id, 'decline')
    const publicIds = async () =>
      ((await json(await t.api('GET', 'nominees?limit=1000&depth=0'))).docs as Json[]).map((doc) => doc.id)
    expect(await publicIds()).not.toContain(accepted.id)
    setNow(at(DAYS.nominationsClose, -1))
    expect(await publicIds()).not.toContain(accepted.id)
    setNow(CLOSED_NOMINATIONS)
    expect(await publicIds()).toContain(accepted.id)
    expect(await publicIds()).not.toContain(declined.id)
  })
})
