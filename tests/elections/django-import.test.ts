/**
 * The python.org mappers (src/elections/djangoImport.ts) for the Django dump
 * importer. No dump of python.org's nominations app is published, so the
 * rows below are written in `manage.py dumpdata` shape from its models
 * (python/pythondotorg apps/nominations/models.py: Election, Nominee,
 * Nomination; users by natural key, datetimes in UTC with a Z), and each
 * mapped row is written the way the importer writes it (as the system, with
 * legacyId from the pk and the PRESERVE_CONTENT_MANAGED flag), so the
 * collections are shown to accept what the mappers produce.
 */
import type { CollectionSlug } from 'payload'

import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import {
  electionMapper,
  electionMappers,
  nominationMapper,
  nomineeMapper,
  VOTING_DAYS,
} from '../../src/elections/djangoImport'
import { setNow } from '../../src/platform/clock'
import type { DjangoRow, ImportContext, ModelMapper } from '../../src/platform/djangoImport'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { at, json, type Json, query } from './fixtures'

let t: TestContext
const users: Record<string, TestUser> = {}

/** python.org's rows, as dumpdata writes them. */
const ELECTIONS: DjangoRow[] = [
  {
    fields: {
      _description_rendered: '<p>Vote for the <strong>board</strong>.</p>',
      date: '2024-09-02',
      description: 'Vote for the **board**.',
      description_markup_type: 'markdown',
      hide_previous_service: false,
      kind: 1,
      name: '2024 Board Election',
      nominations_close_at: '2024-06-25T14:00:00Z',
      nominations_open_at: '2024-06-11T14:00:00Z',
      slug: '2024-board-election',
    },
    model: 'nominations.election',
    pk: 7,
  },
  {
    // a referendum: no nominations at all
    fields: {
      _description_rendered: null,
      date: '2021-05-10',
      description: null,
      description_markup_type: 'markdown',
      hide_previous_service: false,
      kind: null,
      name: 'Bylaws Referendum',
      nominations_close_at: null,
      nominations_open_at: null,
      slug: 'bylaws-referendum',
    },
    model: 'nominations.election',
    pk: 8,
  },
]

const NOMINEES: DjangoRow[] = [
  {
    fields: { accepted: true, approved: true, election: 7, slug: 'ada-lovelace', user: ['ada'] },
    model: 'nominations.nominee',
    pk: 31,
  },
  {
    fields: { accepted: true, approved: false, election: 7, slug: 'grace-hopper', user: ['grace'] },
    model: 'nominations.nominee',
    pk: 32,
  },
  {
    fields: { accepted: false, approved: false, election: 7, slug: 'alan-turing', user: ['alan'] },
    model: 'nominations.nominee',
    pk: 33,
  },
]

const nominationRow = (pk: number, fields: Json): DjangoRow => ({
  fields: {
    _nomination_statement_rendered: '<p>x</p>',
    accepted: true,
    approved: true,
    coc_acknowledged: false,
    election: 7,
    eligibility_confirmed: false,
    email: 'candidate@example.org',
    employer: 'Python Software Foundation',
    mission_alignment: false,
    name: 'A Candidate',
    nomination_statement: 'A strong candidate.',
    nomination_statement_markup_type: 'markdown',
    nominator: ['guido'],
    nominee: 31,
    other_affiliations: '',
    previous_board_service: 'New board member',
    ...fields,
  },
  model: 'nominations.nomination',
  pk,
})

const NOMINATIONS: DjangoRow[] = [
  nominationRow(101, {
    coc_acknowledged: true,
    mission_alignment: true,
    nomination_statement: 'I will serve **well**.',
    nominator: ['ada'],
  }),
  nominationRow(102, { nominee: 31 }),
  nominationRow(103, { accepted: false, approved: false, nominator: ['guido'], nominee: 33 }),
  nominationRow(104, { nominee: 32, nominator: ['alan'] }),
]

/** The importer's context, backed by what this test imported so far. */
const ids = new Map<string, string>()
const skipped: { field: string; pk: unknown; why: string }[] = []
const context: ImportContext = {
  resolve: async (model, key) => ids.get(`${model}:${JSON.stringify(key)}`) ?? null,
  siteTimeZone: 'UTC',
  skip: (row, field, why) => skipped.push({ field, pk: row.pk, why }),
}

/** Maps a row and writes it as the importer does. */
const importRow = async (mapper: ModelMapper, row: DjangoRow) => {
  const data = await mapper.toData(row, context)
  const doc = await t.payload.create({
    collection: mapper.collection as CollectionSlug,
    context: { [PRESERVE_CONTENT_MANAGED]: true },
    data: { ...data, legacyId: row.pk } as never,
    overrideAccess: true,
  })
  ids.set(`${mapper.model}:${JSON.stringify(row.pk)}`, String(doc.id))
  return doc as unknown as Json
}

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  for (const [username, firstName, lastName] of [
    ['ada', 'Ada', 'Lovelace'],
    ['grace', 'Grace', 'Hopper'],
    ['alan', 'Alan', 'Turing'],
    ['guido', 'Guido', 'van Rossum'],
  ] as const) {
    users[username] = await t.makeUser('member', { firstName, lastName, username })
    ids.set(`users.user:${JSON.stringify([username])}`, users[username]!.id)
  }
  // long after the 2024 election: nothing of it is open any more
  setNow(at('2026-01-01'))
})
afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('python.org elections, nominees and nominations', () => {
  it('are mapped in dependency order', () => {
    expect(electionMappers.map((mapper) => mapper.model)).toEqual([
      'nominations.election',
      'nominations.nominee',
      'nominations.nomination',
    ])
    expect(nomineeMapper.dependsOn).toEqual(expect.arrayContaining(['nominations.election', 'users.user']))
    expect(nominationMapper.dependsOn).toEqual(
      expect.arrayContaining(['nominations.election', 'nominations.nominee', 'users.user']),
    )
  })

  it('elections: instants become days (nominations close on the first day wholly after the close instant), voting from the election date', async () => {
    const board = await importRow(electionMapper, ELECTIONS[0]!)
    expect(board).toMatchObject({
      description: 'Vote for the **board**.',
      legacyId: 7,
      name: '2024 Board Election',
      nominationsClose: '2024-06-26T00:00:00.000Z',
      nominationsOpen: '2024-06-11T00:00:00.000Z',
      slug: '2024-board-election',
      status: 'CLOSED',
      votingClose: new Date(Date.UTC(2024, 8, 2 + VOTING_DAYS)).toISOString(),
      votingOpen: '2024-09-02T00:00:00.000Z',
    })
    expect(board.descriptionHtml).toContain('<strong>board</strong>')
    expect(skipped).toContainEqual(expect.objectContaining({ field: 'kind', pk: 7 }))

    const referendum = await importRow(electionMapper, ELECTIONS[1]!)
    expect(referendum).toMatchObject({
      nominationsClose: '2021-05-10T00:00:00.000Z',
      nominationsOpen: '2021-05-10T00:00:00.000Z',
      votingOpen: '2021-05-10T00:00:00.000Z',
    })
  })

  it('an election whose nominations closed on the stroke of midnight closes on that very day', async () => {
    const data = await electionMapper.toData(
      { ...ELECTIONS[0]!, fields: { ...ELECTIONS[0]!.fields, nominations_close_at: '2024-06-25T00:00:00Z' } },
      context,
    )
    expect(data.nominationsClose).toBe('2024-06-25T00:00:00.000Z')
  })

  it('nominees: accepted only when python.org had them accepted and approved; the name comes from the account', async () => {
    const [ada, grace, alan] = await Promise.all(NOMINEES.map((row) => importRow(nomineeMapper, row)))
    expect(ada).toMatchObject({
      acceptance: 'ACCEPTED',
      accepted: true,
      legacyId: 31,
      nomineeName: 'Ada Lovelace',
      user: users.ada!.id,
    })
    expect(grace).toMatchObject({ acceptance: 'PENDING', accepted: false, legacyId: 32, nomineeName: 'Grace Hopper' })
    expect(alan).toMatchObject({ acceptance: 'PENDING', accepted: false })
    expect(skipped).toContainEqual(expect.objectContaining({ field: 'approved', pk: 32 }))
  })

  it('nominations: statement, employer and affiliations carried; nominator resolved by natural key; acknowledgments listed as skipped', async () => {
    const imported = []
    for (const row of NOMINATIONS) imported.push(await importRow(nominationMapper, row))
    const [self, third, toPending] = imported
    expect(self).toMatchObject({
      employer: 'Python Software Foundation',
      legacyId: 101,
      nominator: users.ada!.id,
      nominatorName: 'Ada Lovelace',
      nomineeUser: users.ada!.id,
      otherAffiliations: null,
      previousBoardService: 'New board member',
      statement: 'I will serve **well**.',
      statementHtml: '<p>I will serve <strong>well</strong>.</p>\n',
    })
    expect(third).toMatchObject({ legacyId: 102, nominator: users.guido!.id, nominatorName: 'Guido van Rossum' })
    expect(toPending).toMatchObject({ nomineeUser: users.alan!.id })
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'coc_acknowledged', pk: 101 }),
        expect.objectContaining({ field: 'mission_alignment', pk: 101 }),
        expect.objectContaining({ field: 'email', pk: 102 }),
        expect.objectContaining({ field: 'accepted', pk: 103 }),
      ]),
    )
    // nothing was emailed for history
    expect(
      (await query(t, `SELECT count(*)::int AS n FROM email_logs WHERE template_name = 'elections.nominated'`)).rows[0]!
        .n,
    ).toBe(0)
  })

  it('a nomination python.org never linked to an account is not imported, and the error says why', async () => {
    const unlinked = nominationRow(105, { nominee: null })
    await expect(nominationMapper.toData(unlinked, context)).rejects.toThrow(
      /nominations\.nomination 105: not imported: python\.org never linked/,
    )
    const orphan = nominationRow(106, { nominee: 999 })
    await expect(nominationMapper.toData(orphan, context)).rejects.toThrow(/its nominee 999 was not imported/)
  })

  it('once imported, the rules hold: only the accepted and approved nominee and their nominations are public', async () => {
    const publicNominees = await json(await t.api('GET', 'nominees?depth=0&limit=100'))
    expect(publicNominees.docs.map((doc: Json) => doc.legacyId)).toEqual([31])
    const publicNominations = await json(await t.api('GET', 'nominations?depth=0&limit=100&sort=legacyId'))
    expect(publicNominations.docs.map((doc: Json) => doc.legacyId)).toEqual([101, 102])
    // and new rows continue python.org's numbering
    const next = (await query(t, `SELECT nextval('nominees_legacy_id_seq')::int AS n`)).rows[0]!.n
    expect(next).toBeGreaterThan(33)
  })
})
