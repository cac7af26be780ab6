/**
 * An election's status: computed from its four dates and the clock (never
 * stored), exact at every boundary instant, read-only, and filterable in SQL
 * through REST, GraphQL, counts and the admin list. The dates are calendar
 * days, stored as 00:00 UTC, and must be in order: a refusal names the first
 * date out of order, on every entry point, and writes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { combineWhereConstraints, mergeListSearchAndWhere } from 'payload/shared'
import * as qs from 'qs-esm'

import { Elections } from '../../collections/elections/Elections'
import { ELECTION_STATUSES, electionStatus, type ElectionStatus } from '../../src/elections/status'
import { setNow } from '../../src/platform/clock'
import { projectRoot } from '../../src/platform/paths'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  adminSaveElection,
  at,
  createElection,
  type Dates,
  dates,
  errorPaths,
  expectClientError,
  fieldMessages,
  json,
  type Json,
  messages,
  query,
  row,
  unique,
  userDoc,
} from './fixtures'

let t: TestContext
let a: Actors

beforeAll(async () => {
  t = await startTestPayload()
  a = await makeActors(t)
})
afterEach(() => setNow(null))
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const DAYS = dates('2032-05-01', '2032-05-15', '2032-06-01', '2032-06-10')
const MS = 1

/** Each boundary instant and the status on either side of it. */
const BOUNDARIES: [instant: Date, status: ElectionStatus][] = [
  [at('1970-01-01'), 'UPCOMING'],
  [at(DAYS.nominationsOpen, -MS), 'UPCOMING'],
  [at(DAYS.nominationsOpen), 'NOMINATIONS_OPEN'],
  [at(DAYS.nominationsClose, -MS), 'NOMINATIONS_OPEN'],
  [at(DAYS.nominationsClose), 'NOMINATIONS_CLOSED'],
  [at(DAYS.votingOpen, -MS), 'NOMINATIONS_CLOSED'],
  [at(DAYS.votingOpen), 'VOTING_OPEN'],
  [at(DAYS.votingClose, -MS), 'VOTING_OPEN'],
  [at(DAYS.votingClose), 'CLOSED'],
  [at('2999-01-01'), 'CLOSED'],
]

describe('the status at each boundary instant', () => {
  it('is computed from the dates and the clock: a date is the first day of its phase, at 00:00 UTC', () => {
    for (const [instant, status] of BOUNDARIES) {
      expect({ instant: instant.toISOString(), status: electionStatus(DAYS, instant) }).toEqual({
        instant: instant.toISOString(),
        status,
      })
    }
  })

  it('equal dates are empty phases: no nominations at all (a referendum), or voting straight after nominations', () => {
    const referendum = dates('2032-05-01', '2032-05-01', '2032-05-10', '2032-05-20')
    expect(electionStatus(referendum, at('2032-05-01', -MS))).toBe('UPCOMING')
    expect(electionStatus(referendum, at('2032-05-01'))).toBe('NOMINATIONS_CLOSED')
    const noGap = dates('2032-05-01', '2032-05-10', '2032-05-10', '2032-05-20')
    expect(electionStatus(noGap, at('2032-05-10', -MS))).toBe('NOMINATIONS_OPEN')
    expect(electionStatus(noGap, at('2032-05-10'))).toBe('VOTING_OPEN')
    const oneDay = dates('2032-05-01', '2032-05-02', '2032-05-02', '2032-05-03')
    expect(electionStatus(oneDay, at('2032-05-01', 23 * 3600_000))).toBe('NOMINATIONS_OPEN')
    expect(electionStatus(oneDay, at('2032-05-02'))).toBe('VOTING_OPEN')
    expect(electionStatus(oneDay, at('2032-05-03'))).toBe('CLOSED')
  })

  it('reads the same through REST (by id, list), GraphQL and the Local API, and each status filter finds it exactly then', async () => {
    const election = await createElection(t, a.staff, DAYS)
    for (const [instant, status] of BOUNDARIES) {
      setNow(instant)
      const label = `${instant.toISOString()} ${status}`
      const byId = await json(await t.api('GET', `elections/${election.id}`))
      expect({ label, status: byId.status }).toEqual({ label, status })
      const graphql = await t.graphql(`query ($id: String!) { Election(id: $id) { status } }`, {
        variables: { id: election.id },
      })
      expect({ label, status: graphql.data?.Election?.status }).toEqual({ label, status })
      const local = await t.payload.findByID({ collection: 'elections', id: election.id, overrideAccess: false })
      expect({ label, status: local.status }).toEqual({ label, status })
      for (const candidate of ELECTION_STATUSES) {
        const found = await json(
          await t.api(
            'GET',
            `elections/count?where[and][0][id][equals]=${election.id}&where[and][1][status][equals]=${candidate}`,
          ),
        )
        expect({ label, candidate, found: found.totalDocs }).toEqual({
          label,
          candidate,
          found: candidate === status ? 1 : 0,
        })
      }
    }
  })
})

describe('filtering by status, computed in SQL', () => {
  const NOW = at('2032-05-20', 12 * 3600_000)
  /** One election in each status at NOW. */
  const SCHEDULES: Record<ElectionStatus, Dates> = {
    CLOSED: dates('2032-03-01', '2032-03-10', '2032-04-01', '2032-04-10'),
    NOMINATIONS_CLOSED: dates('2032-05-01', '2032-05-15', '2032-06-01', '2032-06-10'),
    NOMINATIONS_OPEN: dates('2032-05-10', '2032-05-25', '2032-06-01', '2032-06-10'),
    UPCOMING: dates('2032-07-01', '2032-07-10', '2032-08-01', '2032-08-10'),
    VOTING_OPEN: dates('2032-05-01', '2032-05-05', '2032-05-10', '2032-05-30'),
  }
  const made = {} as Record<ElectionStatus, Json>
  let others: string[] = []

  beforeAll(async () => {
    // earlier tests' elections stay; compare only within this set
    others = (await query(t, 'SELECT id::text FROM elections')).rows.map((r) => r.id as string)
    for (const status of ELECTION_STATUSES)
      made[status] = await createElection(t, a.staff, SCHEDULES[status], { name: unique(status) })
  })

  const mine = (docs: Json[]) =>
    Object.entries(made)
      .filter(([, election]) => docs.some((doc) => doc.id === election.id))
      .map(([status]) => status)
      .sort()
  const restFind = async (where: string) => {
    const response = await t.api('GET', `elections?limit=100&depth=0&${where}`)
    const body = await json(response)
    expect({ where, status: response.status }).toEqual({ where, status: 200 })
    return body
  }

  it("equals, not_equals, in, not_in, exists: REST list and count agree with each election's status", async () => {
    setNow(NOW)
    for (const status of ELECTION_STATUSES) {
      const list = await restFind(`where[status][equals]=${status}`)
      expect(mine(list.docs)).toEqual([status])
      expect(list.docs.every((doc: Json) => doc.status === status)).toBe(true)
      const count = await json(await t.api('GET', `elections/count?where[status][equals]=${status}`))
      expect(count.totalDocs).toBe(list.totalDocs)
      expect(mine((await restFind(`where[status][not_equals]=${status}`)).docs)).toEqual(
        ELECTION_STATUSES.filter((s) => s !== status).sort(),
      )
    }
    expect(mine((await restFind('where[status][in]=UPCOMING,CLOSED')).docs)).toEqual(['CLOSED', 'UPCOMING'])
    expect(
      mine((await restFind('where[status][in][0]=VOTING_OPEN&where[status][in][1]=NOMINATIONS_OPEN')).docs),
    ).toEqual(['NOMINATIONS_OPEN', 'VOTING_OPEN'])
    expect(mine((await restFind('where[status][not_in]=UPCOMING,CLOSED')).docs)).toEqual([
      'NOMINATIONS_CLOSED',
      'NOMINATIONS_OPEN',
      'VOTING_OPEN',
    ])
    expect(mine((await restFind('where[status][exists]=true')).docs)).toEqual([...ELECTION_STATUSES].sort())
    expect((await restFind('where[status][exists]=false')).docs).toEqual([])
    // combined with other conditions, at any depth of and/or
    const combined = await restFind(
      `where[or][0][and][0][status][equals]=CLOSED&where[or][0][and][1][name][equals]=${made.CLOSED.name}&where[or][1][id][equals]=${made.UPCOMING.id}`,
    )
    expect(mine(combined.docs)).toEqual(['CLOSED', 'UPCOMING'])
  })

  it('moves with the clock: the same query answers differently at another instant', async () => {
    setNow(at('2032-05-25'))
    // NOMINATIONS_OPEN's nominations closed at 00:00 of 2032-05-25
    expect(mine((await restFind('where[status][equals]=NOMINATIONS_OPEN')).docs)).toEqual([])
    expect(mine((await restFind('where[status][equals]=NOMINATIONS_CLOSED')).docs)).toEqual([
      'NOMINATIONS_CLOSED',
      'NOMINATIONS_OPEN',
    ])
    setNow(at('2032-05-25', -MS))
    expect(mine((await restFind('where[status][equals]=NOMINATIONS_OPEN')).docs)).toEqual(['NOMINATIONS_OPEN'])
  })

  it('GraphQL: where on status (equals, in), and the count', async () => {
    setNow(NOW)
    for (const status of ELECTION_STATUSES) {
      const result = await t.graphql(
        `query ($status: Election_status_Input) { Elections(limit: 100, where: { status: { equals: $status } }) { docs { id status } totalDocs } }`,
        { variables: { status } },
      )
      expect(result.errors).toBeUndefined()
      expect(mine(result.data.Elections.docs)).toEqual([status])
    }
    const many = await t.graphql(
      `{ Elections(limit: 100, where: { OR: [{ status: { in: [UPCOMING, CLOSED] } }] }) { docs { id } } }`,
    )
    expect(many.errors).toBeUndefined()
    expect(mine(many.data.Elections.docs)).toEqual(['CLOSED', 'UPCOMING'])
  })

  it('the admin list: its status filter links give a where the list query answers, and status is a column', async () => {
    setNow(NOW)
    const staff = await userDoc(t, a.staff)
    for (const status of ELECTION_STATUSES) {
      // the query string the filter link sets, parsed as the admin's root view parses it
      const search = new URLSearchParams({ 'where[status][equals]': status }).toString()
      const parsed = qs.parse(search, { depth: 10, ignoreQueryPrefix: true }) as { where?: Json }
      const where = mergeListSearchAndWhere({
        collectionConfig: t.payload.collections.elections.config,
        search: '',
        where: combineWhereConstraints([parsed.where as never]),
      })
      const result = await t.payload.find({
        collection: 'elections',
        depth: 0,
        draft: true,
        includeLockStatus: true,
        overrideAccess: false,
        user: staff,
        where,
      })
      expect(mine(result.docs as Json[])).toEqual([status])
    }
    expect(Elections.admin?.defaultColumns).toContain('status')
    const component = '/src/elections/ElectionStatusFilter#ElectionStatusFilter'
    expect(Elections.admin?.components?.beforeListTable).toContain(component)
    const importMap = fs.readFileSync(path.join(projectRoot, 'src/app/(payload)/admin/importMap.js'), 'utf8')
    expect(importMap).toContain(`"${component}"`)
    const source = fs.readFileSync(path.join(projectRoot, 'src/elections/ElectionStatusFilter.tsx'), 'utf8')
    expect(source).toContain("const PARAM = 'where[status][equals]'")
  })

  it('refuses what a status cannot be asked: an unknown status or operator is a 400 naming it, never a 500', async () => {
    setNow(NOW)
    for (const [where, pattern] of [
      // the message names the parameter and what is wrong with it (the shared query check
      // (src/platform/queryValidation.ts) or the status rewrite, whichever sees it first)
      ['where[status][equals]=OPEN', /status.*"OPEN"/],
      ['where[status][in]=UPCOMING,NOPE', /status.*"NOPE"/],
      ['where[status][like]=OPEN', /status.*"?like"?/],
      ['where[status][greater_than]=UPCOMING', /status.*"?greater_than"?/],
      ['where[status][exists]=maybe', /status.*(exists|true or false)/],
    ] as const) {
      const response = await t.api('GET', `elections?${where}`)
      expect({ where, status: response.status }).toEqual({ where, status: 400 })
      expect(messages(await json(response))).toMatch(pattern)
    }
    const sorted = await t.api('GET', 'elections?sort=status')
    expect(sorted.status).toBe(400)
    const graphql = await t.graphql(`{ Elections(where: { status: { equals: NOPE } }) { docs { id } } }`)
    expect(graphql.errors?.length).toBeGreaterThan(0)
  })
})

describe('status is computed, never stored', () => {
  it('has no column, and a client writing it changes nothing', async () => {
    const columns = (
      await query(t, "SELECT column_name FROM information_schema.columns WHERE table_name = 'elections'")
    ).rows.map((r) => r.column_name)
    expect(columns).not.toContain('status')
    expect(columns).toEqual(
      expect.arrayContaining(['nominations_open', 'nominations_close', 'voting_open', 'voting_close']),
    )

    setNow(at('2032-05-20'))
    const created = await t.api('POST', 'elections', {
      auth: a.staff,
      body: { name: unique('Written status'), ...DAYS, status: 'CLOSED' },
    })
    const doc = (await json(created)).doc
    expect(created.status).toBe(201)
    expect(doc.status).toBe('NOMINATIONS_CLOSED')
    const patched = await json(
      await t.api('PATCH', `elections/${doc.id}`, { auth: a.staff, body: { status: 'UPCOMING' } }),
    )
    expect(patched.doc.status).toBe('NOMINATIONS_CLOSED')
    const mutation = await t.graphql(
      `mutation ($id: String!) { updateElection(id: $id, data: { name: "Renamed" }) { status } }`,
      { auth: a.staff, variables: { id: doc.id } },
    )
    expect(mutation.errors).toBeUndefined()
    expect(mutation.data.updateElection.status).toBe('NOMINATIONS_CLOSED')
  })
})

describe('election dates', () => {
  it('are calendar days: any time of a day is stored as that UTC day at 00:00', async () => {
    const created = await createElection(t, a.staff, {
      // what the admin's day picker sends (noon), a client's local time, a plain date
      nominationsClose: '2032-05-15T23:30:00-05:00',
      nominationsOpen: '2032-05-01T12:00:00.000Z',
      votingClose: '2032-06-10',
      votingOpen: '2032-06-01T00:00:00.000Z',
    })
    expect(created).toMatchObject({
      nominationsClose: '2032-05-16T00:00:00.000Z',
      nominationsOpen: '2032-05-01T00:00:00.000Z',
      votingClose: '2032-06-10T00:00:00.000Z',
      votingOpen: '2032-06-01T00:00:00.000Z',
    })
  })

  const disorders: [changes: Partial<Dates>, first: keyof Dates][] = [
    [{ nominationsClose: '2032-04-30' }, 'nominationsClose'],
    [{ votingOpen: '2032-05-14' }, 'votingOpen'],
    [{ votingClose: '2032-05-31' }, 'votingClose'],
    // several out of order: the first one is named
    [{ nominationsOpen: '2032-07-01', votingOpen: '2032-05-02' }, 'nominationsClose'],
    [{ nominationsClose: '2032-06-05', votingClose: '2032-05-20' }, 'votingOpen'],
  ]

  it.each(disorders)(
    'out of order (%j): REST create refuses with 400 naming %s, and writes nothing',
    async (changes, first) => {
      const before = (await query(t, 'SELECT count(*)::int AS n FROM elections')).rows[0]!.n
      const response = await t.api('POST', 'elections', {
        auth: a.staff,
        body: { name: unique('Disordered'), ...DAYS, ...changes },
      })
      const body = await expectClientError(response, first)
      expect(errorPaths(body)).toEqual([first])
      expect(fieldMessages(body)).toMatch(new RegExp(`^${first} \\(\\d{4}-\\d{2}-\\d{2}\\) must not be before`))
      expect((await query(t, 'SELECT count(*)::int AS n FROM elections')).rows[0]!.n).toBe(before)
    },
  )

  it.each(disorders)(
    'out of order (%j) on update: REST, GraphQL, the admin save and the Local API refuse, naming %s',
    async (changes, first) => {
      const election = await createElection(t, a.staff, DAYS)
      const stored = await row(t, 'elections', election.id)

      const rest = await t.api('PATCH', `elections/${election.id}`, { auth: a.staff, body: changes })
      expect(errorPaths(await expectClientError(rest, first))).toEqual([first])

      const admin = await adminSaveElection(t, a.staff, election.id, changes)
      expect(errorPaths(await expectClientError(admin, first))).toEqual([first])

      const graphql = await t.graphql(
        `mutation ($id: String!, $data: mutationElectionUpdateInput!) { updateElection(id: $id, data: $data) { id } }`,
        { auth: a.staff, variables: { data: changes, id: election.id } },
      )
      expect(graphql.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(graphql.errors?.[0]?.extensions?.data?.errors?.map((error: Json) => error.path)).toEqual([first])

      await expect(
        t.payload.update({
          collection: 'elections',
          data: changes,
          id: election.id,
          overrideAccess: false,
          user: await userDoc(t, a.staff),
        }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: first })] } })

      expect(await row(t, 'elections', election.id)).toEqual(stored)
    },
  )

  it('an update of one date is checked against the stored others; in-order changes save', async () => {
    const election = await createElection(t, a.staff, DAYS)
    const moved = await t.api('PATCH', `elections/${election.id}`, {
      auth: a.staff,
      body: { nominationsClose: '2032-05-20' },
    })
    expect(moved.status).toBe(200)
    const saved = await adminSaveElection(t, a.staff, election.id, { votingClose: '2032-06-30T12:00:00.000Z' })
    expect(saved.status).toBe(200)
    expect((await json(saved)).doc.votingClose).toBe('2032-06-30T00:00:00.000Z')
  })

  it('the database refuses out-of-order dates too (a CHECK constraint), whatever writes them', async () => {
    const election = await createElection(t, a.staff, DAYS)
    await expect(
      query(t, `UPDATE elections SET voting_close = '2032-01-01' WHERE id = $1`, [election.id]),
    ).rejects.toThrow(/elections_dates_in_order/)
  })

  it('are required, each named when missing', async () => {
    const response = await t.api('POST', 'elections', {
      auth: a.staff,
      body: { name: unique('Dateless'), nominationsOpen: DAYS.nominationsOpen },
    })
    const body = await expectClientError(response)
    expect(errorPaths(body).sort()).toEqual(['nominationsClose', 'votingClose', 'votingOpen'])
  })
})

describe('who manages elections', () => {
  it('staff create, update and delete them; members and anonymous may only read', async () => {
    const election = await createElection(t, a.staff, DAYS)
    for (const user of [a.member, undefined]) {
      expect([401, 403]).toContain(
        (await t.api('POST', 'elections', { auth: user, body: { name: unique('Nope'), ...DAYS } })).status,
      )
      expect([401, 403, 404]).toContain(
        (await t.api('PATCH', `elections/${election.id}`, { auth: user, body: { name: 'Taken over' } })).status,
      )
      expect([401, 403, 404]).toContain((await t.api('DELETE', `elections/${election.id}`, { auth: user })).status)
      expect((await t.api('GET', `elections/${election.id}`, { auth: user })).status).toBe(200)
    }
    expect((await row(t, 'elections', election.id))?.name).toBe(election.name)
  })
})
