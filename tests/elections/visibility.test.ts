/**
 * Who sees which nominees and nominations, on every read path, for every
 * viewer, checked against the rules written out independently below (the
 * "oracle"). python.org's nominee list showed a logged-in user their nominee
 * rows of every election and other people's nominations; here no list, read
 * by id, count, filter, GraphQL query, population from an election or a
 * user, or custom read shows any row the rules do not allow, and each shows
 * exactly the rows they do (exact id sets: a looser rule fails).
 *
 * Two elections share one script of nominations by four members (each sees
 * a different set of rows): OPEN takes
 * nominations now (everything is private); PAST closed its nominations
 * (voting is open): accepted nominees and their nominations are public, a
 * pending and a declined nominee are not.
 */
import { setNow } from '../../src/platform/clock'
import { makeActors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { answer, at, createElection, dates, json, type Json, nominate, query, userDoc } from './fixtures'

let t: TestContext

const NOW = at('2031-03-10', 12 * 3600_000)
const PAST_OPEN = at('2031-02-10', 12 * 3600_000)

type Viewer = 'alice' | 'anonymous' | 'bob' | 'carol' | 'dave' | 'staff' | 'superuser'
const VIEWERS: Viewer[] = ['anonymous', 'alice', 'bob', 'carol', 'dave', 'staff', 'superuser']
const users = {} as Record<Exclude<Viewer, 'anonymous'>, TestUser>
const auth = (viewer: Viewer): Auth => (viewer === 'anonymous' ? undefined : users[viewer])

const elections: Record<'OPEN' | 'PAST', Json> = {} as never

/** The system's view of every row (the ground truth the oracle reasons about). */
type NomineeRow = {
  accepted: boolean
  acceptance: string
  election: string
  id: string
  legacy_id: number
  nominee_name: string
  user: string
}
type NominationRow = {
  election: string
  employer: null | string
  id: string
  legacy_id: number
  nominator: string
  nominator_name: string
  nominee: string
  nominee_user: string
  statement: string
}
let nominees: NomineeRow[] = []
let nominations: NominationRow[] = []
const closedElections = new Set<string>()

const isStaff = (viewer: Viewer) => viewer === 'staff' || viewer === 'superuser'
const idOfViewer = (viewer: Viewer) => (viewer === 'anonymous' ? null : users[viewer].id)

/** The rules, stated directly (docs/rules/elections.md). */
const canSeeNominee = (viewer: Viewer, n: NomineeRow): boolean => {
  if (isStaff(viewer)) return true
  if (n.accepted && closedElections.has(n.election)) return true
  const me = idOfViewer(viewer)
  if (!me) return false
  return n.user === me || nominations.some((m) => m.nominee === n.id && m.nominator === me)
}
const canSeeNomination = (viewer: Viewer, m: NominationRow): boolean => {
  if (isStaff(viewer)) return true
  const nominee = nominees.find((n) => n.id === m.nominee)!
  if (nominee.accepted && closedElections.has(m.election)) return true
  const me = idOfViewer(viewer)
  return Boolean(me) && (m.nominator === me || m.nominee_user === me)
}
const visibleNominees = (viewer: Viewer) => nominees.filter((n) => canSeeNominee(viewer, n))
const visibleNominations = (viewer: Viewer) => nominations.filter((m) => canSeeNomination(viewer, m))

const ids = (rows: unknown[]): string[] =>
  rows.map((r) => String(r && typeof r === 'object' ? (r as { id: unknown }).id : r)).sort()

beforeAll(async () => {
  t = await startTestPayload()
  const actors = await makeActors(t)
  users.staff = actors.staff
  users.superuser = actors.superuser
  users.alice = await t.makeUser('member', { firstName: 'Alice', lastName: 'Liddell' })
  users.bob = await t.makeUser('member', { firstName: 'Bob', lastName: 'Builder' })
  users.carol = await t.makeUser('member', { firstName: 'Carol', lastName: 'Danvers' })
  users.dave = await t.makeUser('member', { firstName: 'Dave', lastName: 'Lister' })

  setNow(PAST_OPEN)
  elections.OPEN = await createElection(t, users.staff, dates('2031-03-01', '2031-03-20', '2031-04-01', '2031-04-15'))
  elections.PAST = await createElection(t, users.staff, dates('2031-02-01', '2031-02-15', '2031-03-05', '2031-03-25'))

  // the same script in both elections, each while its nominations are open
  for (const [name, instant] of [
    ['PAST', PAST_OPEN],
    ['OPEN', NOW],
  ] as const) {
    setNow(instant)
    const election = elections[name]
    const { alice, bob, carol, dave } = users
    await nominate(t, alice, election, alice, { employer: `${name} employer of alice` })
    await nominate(t, bob, election, alice)
    await nominate(t, carol, election, dave, { employer: `${name} employer of dave` })
    const carolNomination = await nominate(t, bob, election, carol)
    const bobNomination = await nominate(t, alice, election, bob)
    expect(
      (await answer(t, carol, String(carolNomination.nominee.id ?? carolNomination.nominee), 'accept')).status,
    ).toBe(200)
    expect((await answer(t, bob, String(bobNomination.nominee.id ?? bobNomination.nominee), 'decline')).status).toBe(
      200,
    )
  }
  setNow(NOW)

  nominees = (
    await query(
      t,
      'SELECT id::text, election_id::text AS election, user_id::text AS user, accepted, acceptance::text, nominee_name, legacy_id::int FROM nominees',
    )
  ).rows
  nominations = (
    await query(
      t,
      `SELECT id::text, election_id::text AS election, nominee_id::text AS nominee, nominee_user_id::text AS nominee_user,
              nominator_id::text AS nominator, nominator_name, statement, employer, legacy_id::int FROM nominations`,
    )
  ).rows
  closedElections.add(String(elections.PAST.id))
})

afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('the scenario itself', () => {
  it('has private and public rows in both elections, so the checks below can tell them apart', () => {
    expect(nominees).toHaveLength(8)
    expect(nominations).toHaveLength(10)
    expect(
      visibleNominees('anonymous')
        .map((n) => n.nominee_name)
        .sort(),
    ).toEqual(['Alice Liddell', 'Carol Danvers'])
    expect(visibleNominations('anonymous')).toHaveLength(3)
    // every member sees something private, and something the others do not
    for (const viewer of ['alice', 'bob', 'carol', 'dave'] as Viewer[]) {
      expect(visibleNominees(viewer).length).toBeGreaterThan(2)
      expect(visibleNominations(viewer).length).toBeGreaterThan(3)
    }
    expect(
      new Set(['alice', 'bob', 'carol', 'dave'].map((v) => ids(visibleNominations(v as Viewer)).join())),
    ).toHaveProperty('size', 4)
  })
})

const restIds = async (path: string, viewer: Viewer) => {
  const response = await t.api('GET', path, { auth: auth(viewer) })
  const body = await json(response)
  expect({ path, status: response.status }).toEqual({ path, status: 200 })
  return ids(body.docs as Json[])
}

describe.each(VIEWERS)('what %s sees', (viewer) => {
  it('REST lists and counts: exactly the allowed rows', async () => {
    expect(await restIds('nominees?limit=1000&depth=0', viewer)).toEqual(ids(visibleNominees(viewer)))
    expect(await restIds('nominations?limit=1000&depth=0', viewer)).toEqual(ids(visibleNominations(viewer)))
    for (const [collection, rows] of [
      ['nominees', visibleNominees(viewer)],
      ['nominations', visibleNominations(viewer)],
    ] as const) {
      const count = await json(await t.api('GET', `${collection}/count`, { auth: auth(viewer) }))
      expect({ collection, count: count.totalDocs }).toEqual({ collection, count: rows.length })
    }
  })

  it('REST by id: 200 for allowed rows, 404 for every other', async () => {
    for (const [collection, all, allowed] of [
      ['nominees', nominees, visibleNominees(viewer)],
      ['nominations', nominations, visibleNominations(viewer)],
    ] as const) {
      for (const doc of all) {
        const response = await t.api('GET', `${collection}/${doc.id}?depth=0`, { auth: auth(viewer) })
        const want = allowed.some((r) => r.id === doc.id) ? 200 : 404
        expect({ collection, id: doc.id, status: response.status }).toEqual({ collection, id: doc.id, status: want })
      }
    }
  })

  it('REST filters on every field and relation path: the allowed rows that match, never more', async () => {
    const nomineeFilters: [string, (n: NomineeRow) => unknown][] = [
      ['id', (n) => n.id],
      ['election', (n) => n.election],
      ['user', (n) => n.user],
      ['nomineeName', (n) => n.nominee_name],
      ['acceptance', (n) => n.acceptance],
      ['accepted', (n) => n.accepted],
      ['legacyId', (n) => n.legacy_id],
      ['election.slug', (n) => slugOf(n.election)],
    ]
    for (const [field, value] of nomineeFilters) {
      for (const candidate of new Set(nominees.map(value))) {
        const got = await restIds(
          `nominees?limit=1000&depth=0&where[${field}][equals]=${encodeURIComponent(String(candidate))}`,
          viewer,
        )
        expect({ field, candidate, got }).toEqual({
          field,
          candidate,
          got: ids(visibleNominees(viewer).filter((n) => value(n) === candidate)),
        })
      }
    }
    // through the join: a nominee matches only by a nomination the viewer may see
    for (const nominator of new Set(nominations.map((m) => m.nominator))) {
      const got = await restIds(`nominees?limit=1000&depth=0&where[nominations.nominator][equals]=${nominator}`, viewer)
      const want = visibleNominees(viewer).filter((n) =>
        visibleNominations(viewer).some((m) => m.nominee === n.id && m.nominator === nominator),
      )
      expect({ nominator, got }).toEqual({ nominator, got: ids(want) })
    }
    for (const statement of new Set(nominations.map((m) => m.statement))) {
      const got = await restIds(
        `nominees?limit=1000&depth=0&where[nominations.statement][equals]=${encodeURIComponent(statement)}`,
        viewer,
      )
      const want = visibleNominees(viewer).filter((n) =>
        visibleNominations(viewer).some((m) => m.nominee === n.id && m.statement === statement),
      )
      expect({ statement, got }).toEqual({ statement, got: ids(want) })
    }

    const nominationFilters: [string, (m: NominationRow) => unknown][] = [
      ['id', (m) => m.id],
      ['election', (m) => m.election],
      ['nominee', (m) => m.nominee],
      ['nomineeUser', (m) => m.nominee_user],
      ['nominator', (m) => m.nominator],
      ['nominatorName', (m) => m.nominator_name],
      ['statement', (m) => m.statement],
      ['employer', (m) => m.employer ?? undefined],
      ['legacyId', (m) => m.legacy_id],
      ['nominee.accepted', (m) => nominees.find((n) => n.id === m.nominee)!.accepted],
      ['nominee.acceptance', (m) => nominees.find((n) => n.id === m.nominee)!.acceptance],
      ['nominee.user', (m) => m.nominee_user],
      ['election.slug', (m) => slugOf(m.election)],
    ]
    for (const [field, value] of nominationFilters) {
      for (const candidate of new Set(nominations.map(value))) {
        if (candidate === undefined) continue
        const got = await restIds(
          `nominations?limit=1000&depth=0&where[${field}][equals]=${encodeURIComponent(String(candidate))}`,
          viewer,
        )
        expect({ field, candidate, got }).toEqual({
          field,
          candidate,
          got: ids(visibleNominations(viewer).filter((m) => value(m) === candidate)),
        })
      }
    }
  })

  it('filters reaching into the users behind a nomination: staff get the matching rows, everyone else a 403, never a row', async () => {
    for (const user of Object.values(users)) {
      for (const [path, rows, match] of [
        [
          `nominations?where[nominee.user.email][equals]=${user.email}`,
          visibleNominations(viewer),
          (m: NominationRow) => m.nominee_user === user.id,
        ],
        [
          `nominations?where[nominator.username][equals]=${user.username}`,
          visibleNominations(viewer),
          (m: NominationRow) => m.nominator === user.id,
        ],
        [
          `nominees?where[user.email][equals]=${user.email}`,
          visibleNominees(viewer),
          (n: NomineeRow) => n.user === user.id,
        ],
      ] as const) {
        const response = await t.api('GET', `${path}&limit=1000&depth=0`, { auth: auth(viewer) })
        const body = await json(response)
        if (isStaff(viewer)) {
          expect({ path, status: response.status }).toEqual({ path, status: 200 })
          expect(ids(body.docs)).toEqual(ids((rows as Json[]).filter(match as never) as never))
        } else {
          expect({ path, status: response.status }).toEqual({ path, status: 403 })
          expect(body.docs).toBeUndefined()
        }
      }
    }
  })

  it('the status of the election, as a filter: the allowed rows of elections in that status', async () => {
    for (const [status, election] of [
      ['NOMINATIONS_OPEN', elections.OPEN],
      ['VOTING_OPEN', elections.PAST],
    ] as const) {
      expect(await restIds(`nominees?limit=1000&depth=0&where[election.status][equals]=${status}`, viewer)).toEqual(
        ids(visibleNominees(viewer).filter((n) => n.election === election.id)),
      )
      expect(await restIds(`nominations?limit=1000&depth=0&where[election.status][equals]=${status}`, viewer)).toEqual(
        ids(visibleNominations(viewer).filter((m) => m.election === election.id)),
      )
    }
    expect(await restIds('nominees?limit=1000&depth=0&where[election.status][equals]=CLOSED', viewer)).toEqual([])
  })

  it('an or-filter naming a hidden row by id adds nothing', async () => {
    for (const hidden of nominees.filter((n) => !canSeeNominee(viewer, n))) {
      const got = await restIds(
        `nominees?limit=1000&depth=0&where[or][0][id][equals]=${hidden.id}&where[or][1][accepted][equals]=true`,
        viewer,
      )
      expect(got).not.toContain(hidden.id)
    }
  })

  it('GraphQL lists, counts, reads by id and filters', async () => {
    const result = await t.graphql(
      `{ Nominees(limit: 1000) { docs { id } totalDocs } countNominees { totalDocs }
         Nominations(limit: 1000) { docs { id } totalDocs } countNominations { totalDocs } }`,
      { auth: auth(viewer) },
    )
    expect(result.errors).toBeUndefined()
    expect(ids(result.data.Nominees.docs)).toEqual(ids(visibleNominees(viewer)))
    expect(result.data.countNominees.totalDocs).toBe(visibleNominees(viewer).length)
    expect(ids(result.data.Nominations.docs)).toEqual(ids(visibleNominations(viewer)))
    expect(result.data.countNominations.totalDocs).toBe(visibleNominations(viewer).length)

    for (const n of nominees) {
      const one = await t.graphql(`query ($id: String!) { Nominee(id: $id) { id } }`, {
        auth: auth(viewer),
        variables: { id: n.id },
      })
      expect({ id: n.id, seen: Boolean(one.data?.Nominee?.id) }).toEqual({ id: n.id, seen: canSeeNominee(viewer, n) })
    }
    for (const m of nominations) {
      const one = await t.graphql(`query ($id: String!) { Nomination(id: $id) { id } }`, {
        auth: auth(viewer),
        variables: { id: m.id },
      })
      expect({ id: m.id, seen: Boolean(one.data?.Nomination?.id) }).toEqual({
        id: m.id,
        seen: canSeeNomination(viewer, m),
      })
    }
    for (const election of Object.values(elections)) {
      const filtered = await t.graphql(
        `query ($id: JSON) { Nominees(limit: 1000, where: { election: { equals: $id } }) { docs { id } }
           Nominations(limit: 1000, where: { election: { equals: $id } }) { docs { id } } }`,
        { auth: auth(viewer), variables: { id: election.id } },
      )
      expect(filtered.errors).toBeUndefined()
      expect(ids(filtered.data.Nominees.docs)).toEqual(
        ids(visibleNominees(viewer).filter((n) => n.election === election.id)),
      )
      expect(ids(filtered.data.Nominations.docs)).toEqual(
        ids(visibleNominations(viewer).filter((m) => m.election === election.id)),
      )
    }
  })

  it('depth-2 population from an election: its nominees and their nominations, allowed rows only (REST and GraphQL)', async () => {
    for (const election of Object.values(elections)) {
      const doc = await json(await t.api('GET', `elections/${election.id}?depth=2`, { auth: auth(viewer) }))
      expectElectionTree(viewer, election.id, doc.nominees.docs)
    }
    const list = await json(await t.api('GET', 'elections?depth=2&limit=100', { auth: auth(viewer) }))
    for (const doc of list.docs as Json[]) expectElectionTree(viewer, doc.id, doc.nominees.docs)

    const result = await t.graphql(
      `{ Elections(limit: 100) { docs { id nominees { docs { id election { id } nominations { docs { id nominee { id } } } } } } } }`,
      { auth: auth(viewer) },
    )
    expect(result.errors).toBeUndefined()
    for (const doc of result.data.Elections.docs as Json[]) expectElectionTree(viewer, doc.id, doc.nominees.docs)
  })

  it('depth-2 population from a user: their candidacies and nominations made, allowed rows only (REST and GraphQL)', async () => {
    for (const name of ['alice', 'bob', 'carol', 'dave'] as const) {
      const user = users[name]
      const doc = await json(await t.api('GET', `users/${user.id}?depth=2`, { auth: auth(viewer) }))
      expect(ids(doc.candidacies.docs)).toEqual(ids(visibleNominees(viewer).filter((n) => n.user === user.id)))
      expect(ids(doc.nominationsMade.docs)).toEqual(
        ids(visibleNominations(viewer).filter((m) => m.nominator === user.id)),
      )
      for (const candidacy of doc.candidacies.docs as Json[]) {
        expect(ids(candidacy.nominations.docs)).toEqual(
          ids(visibleNominations(viewer).filter((m) => m.nominee === candidacy.id)),
        )
        // populated, not ids: depth 2 reaches the second level
        for (const nomination of candidacy.nominations.docs as Json[]) expect(typeof nomination).toBe('object')
      }
      for (const made of doc.nominationsMade.docs as Json[]) {
        // a visible nomination's nominee is visible too, and populated
        expect(typeof made.nominee).toBe('object')
        expect(
          canSeeNominee(
            viewer,
            nominees.find((n) => n.id === made.nominee.id)!,
          ),
        ).toBe(true)
      }

      const result = await t.graphql(
        `query ($id: String!) { User(id: $id) { id candidacies { docs { id nominations { docs { id } } } } nominationsMade { docs { id } } } }`,
        { auth: auth(viewer), variables: { id: user.id } },
      )
      expect(result.errors).toBeUndefined()
      expect(ids(result.data.User.candidacies.docs)).toEqual(
        ids(visibleNominees(viewer).filter((n) => n.user === user.id)),
      )
      expect(ids(result.data.User.nominationsMade.docs)).toEqual(
        ids(visibleNominations(viewer).filter((m) => m.nominator === user.id)),
      )
      for (const candidacy of result.data.User.candidacies.docs as Json[]) {
        expect(ids(candidacy.nominations.docs)).toEqual(
          ids(visibleNominations(viewer).filter((m) => m.nominee === candidacy.id)),
        )
      }
    }
  })

  it("an election's nominee list (GET /api/elections/:slug/nominees and GraphQL electionNominees): that election's allowed nominees only", async () => {
    for (const election of Object.values(elections)) {
      const want = ids(visibleNominees(viewer).filter((n) => n.election === election.id))
      const response = await t.api('GET', `elections/${election.slug}/nominees?depth=1`, { auth: auth(viewer) })
      expect(response.status).toBe(200)
      const docs = (await json(response)).docs as Json[]
      expect(ids(docs)).toEqual(want)
      for (const doc of docs) {
        expect(ids(doc.nominations.docs)).toEqual(ids(visibleNominations(viewer).filter((m) => m.nominee === doc.id)))
      }
      const result = await t.graphql(
        `query ($slug: String!) { electionNominees(slug: $slug) { docs { id nomineeName nominations { docs { id } } } } }`,
        { auth: auth(viewer), variables: { slug: election.slug } },
      )
      expect(result.errors).toBeUndefined()
      expect(ids(result.data.electionNominees.docs)).toEqual(want)
      for (const doc of result.data.electionNominees.docs as Json[]) {
        expect(ids(doc.nominations.docs)).toEqual(ids(visibleNominations(viewer).filter((m) => m.nominee === doc.id)))
      }
    }
  })

  it('the Local API with access control, as this user', async () => {
    const user = viewer === 'anonymous' ? undefined : await userDoc(t, users[viewer])
    const asViewer = { overrideAccess: false, ...(user ? { user } : {}) }
    const found = await t.payload.find({ collection: 'nominees', depth: 0, limit: 1000, ...asViewer })
    expect(ids(found.docs)).toEqual(ids(visibleNominees(viewer)))
    const made = await t.payload.find({ collection: 'nominations', depth: 0, limit: 1000, ...asViewer })
    expect(ids(made.docs)).toEqual(ids(visibleNominations(viewer)))
    expect((await t.payload.count({ collection: 'nominations', ...asViewer })).totalDocs).toBe(
      visibleNominations(viewer).length,
    )
  })
})

const slugOf = (electionId: string) => Object.values(elections).find((e) => e.id === electionId)!.slug as string

const expectElectionTree = (viewer: Viewer, electionId: string, nomineeDocs: Json[]) => {
  expect({ electionId, nominees: ids(nomineeDocs) }).toEqual({
    electionId,
    nominees: ids(visibleNominees(viewer).filter((n) => n.election === electionId)),
  })
  for (const nominee of nomineeDocs) {
    for (const nomination of nominee.nominations.docs as Json[]) expect(typeof nomination).toBe('object')
    expect({ nominee: nominee.id, nominations: ids(nominee.nominations.docs) }).toEqual({
      nominee: nominee.id,
      nominations: ids(visibleNominations(viewer).filter((m) => m.nominee === nominee.id)),
    })
  }
}

describe('what anonymous answers carry about the users behind them', () => {
  const accountFields = ['email', 'isStaff', 'isSuperuser', 'isActive', 'oauthId', 'apiKey', 'hash', 'salt']
  const deepKeys = (value: unknown, found = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) for (const item of value) deepKeys(item, found)
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        found.add(key)
        deepKeys(inner, found)
      }
    }
    return found
  }

  it('users appear as ids, with the display names (nomineeName, nominatorName) beside them; never account fields', async () => {
    for (const path of [
      'nominees?depth=3&limit=100',
      'nominations?depth=3&limit=100',
      'elections?depth=3&limit=100',
      `elections/${elections.PAST.slug}/nominees?depth=3`,
    ]) {
      const body = await json(await t.api('GET', path, { auth: undefined }))
      const keys = deepKeys(body)
      for (const field of accountFields)
        expect({ path, field, present: keys.has(field) }).toEqual({ path, field, present: false })
    }
    const nominations = await json(await t.api('GET', 'nominations?depth=3&limit=100'))
    expect(nominations.docs.length).toBeGreaterThan(0)
    for (const doc of nominations.docs as Json[]) {
      expect(typeof doc.nominator).toBe('string')
      expect(typeof doc.nomineeUser).toBe('string')
      expect(typeof doc.nominee.user).toBe('string')
      expect(doc.nominatorName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
      expect(doc.nominee.nomineeName).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
    }
  })
})
