/**
 * `npm run import:pythondotorg`: python.org's Django dumps (its fixture
 * files, tests/fixtures/pythondotorg/, and a dump of every other model it
 * has, tests/import/dumps.ts) imported in any file order, with their foreign
 * keys resolved, their pks kept as legacyIds, the sequences moved past
 * them; a second run changes nothing; unknown models, malformed files and
 * rows, and fields of another shape are reported.
 */
import fs from 'node:fs'

import type { CollectionSlug } from 'payload'

import { importPythondotorg, type ImportSummary } from '../../seed/import/importer'
import { formatSummary } from '../../seed/import/summary'
import { query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { FIXTURES, fixturePath, type Row, scratchDir, siteRows, writeDump } from './dumps'

let t: TestContext
let scratch: string
let files: string[]
let first: ImportSummary

const one = async (collection: CollectionSlug, legacyId: number) => {
  // overrideAccess: the test reads what was stored
  const { docs } = await t.payload.find({
    collection,
    depth: 0,
    overrideAccess: true,
    where: { legacyId: { equals: legacyId } },
  })
  expect(docs).toHaveLength(1)
  return docs[0] as unknown as Record<string, any>
}

const idOf = async (collection: CollectionSlug, legacyId: number) => String((await one(collection, legacyId)).id)

/** Every table the import writes, row by row, as the database holds them. */
const tables = async () => {
  const { rows } = await query(
    t,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE 'payload_%' ORDER BY table_name`,
  )
  const result: Record<string, unknown[]> = {}
  for (const { table_name: table } of rows) {
    result[table] = (await query(t, `SELECT * FROM "${table}"`)).rows.map((row) => JSON.stringify(row)).sort()
  }
  return result
}

beforeAll(async () => {
  t = await startTestPayload()
  scratch = scratchDir('import-')
  // the site's dump before the fixtures: its rows refer to their users, levels and calendars
  files = [writeDump(scratch, 'site.json', siteRows()), ...FIXTURES.map(fixturePath)]
  first = await importPythondotorg(t.payload, { files })
})
afterAll(async () => {
  fs.rmSync(scratch, { force: true, recursive: true })
  await t?.close()
})

describe('importing python.org’s dumps', () => {
  it('imports every file, the ones others depend on first', () => {
    expect(first.files.map((file) => [file.file, file.status, file.error])).toEqual(
      files.map((file) => [file, 'imported', undefined]),
    )
  })

  it('creates a document per row of every model it knows', () => {
    const created = Object.fromEntries(
      Object.entries(first.collections).map(([name, counts]) => [name, counts.created]),
    )
    expect(created).toEqual({
      banners: 1,
      'blog-entries': 1,
      calendars: 1,
      'code-samples': 1,
      'community-links': 1,
      'community-posts': 1,
      'community-videos': 1,
      'download-os': 1,
      elections: 1,
      'event-categories': 1,
      'event-locations': 1,
      'event-occurrences': 3,
      'event-recurring-rules': 1,
      events: 3,
      'feed-aggregates': 1,
      feeds: 1,
      'job-categories': 1,
      'job-review-comments': 1,
      'job-types': 1,
      jobs: 1,
      memberships: 1,
      minutes: 1,
      nominations: 1,
      nominees: 1,
      pages: 1,
      'related-blogs': 1,
      'release-files': 1,
      releases: 1,
      'sponsor-contracts': 1,
      sponsors: 1,
      'sponsorship-levels': 11,
      sponsorships: 2,
      'story-categories': 1,
      'success-stories': 1,
      'user-groups': 1,
      users: 2,
      'work-groups': 1,
    })
  })

  it('keeps python.org’s pks as legacyIds and resolves foreign keys, integer or natural, across files', async () => {
    const admin = await idOf('users', 1)
    const event = await one('events', 1)
    expect(event.calendar).toBe(await idOf('calendars', 1))
    expect(event.categories).toEqual([await idOf('event-categories', 1)])
    // ["admin"], a natural key, from another file
    expect(event.creator).toBe(admin)
    const file = await one('release-files', 5001)
    expect(file).toMatchObject({
      os: await idOf('download-os', 1),
      release: await idOf('releases', 890),
      slug: '3120-Windows-installer-64-bit',
    })
    expect((await one('releases', 890)).releasePage).toBe(await idOf('pages', 40))
    expect(await one('jobs', 9001)).toMatchObject({
      category: await idOf('job-categories', 1),
      creator: admin,
      jobTypes: [await idOf('job-types', 1)],
      status: 'APPROVED',
    })
    expect((await one('memberships', 7)).user).toBe(await idOf('users', 2))
    expect((await one('nominations', 31)).nominator).toBe(admin)
  })

  it('a level’s benefits come from python.org’s benefit rows', async () => {
    const level = await one('sponsorship-levels', 1)
    expect(level.name).toBe('Visionary')
    expect(level.benefits.split('\n').length).toBeGreaterThan(5)
    expect(level.benefits).toContain('Foundation - ')
  })

  it('a user’s primary email address makes the account’s email and its verification', async () => {
    expect(await one('users', 1)).toMatchObject({ email: 'admin@example.com', emailVerified: true, isSuperuser: true })
    expect(await one('users', 2)).toMatchObject({ email: 'user@example.com', isStaff: false, username: 'user' })
  })

  it('sponsorships keep their status and history; a FINALIZED one has its EXECUTED contract', async () => {
    const older = await one('sponsorships', 101)
    const newer = await one('sponsorships', 102)
    expect(older).toMatchObject({ overlappedBy: newer.id, status: 'FINALIZED', sponsor: await idOf('sponsors', 60) })
    const contract = await one('sponsor-contracts', 201)
    expect(contract).toMatchObject({ revision: 2, sponsorship: newer.id, status: 'EXECUTED' })
    expect(contract.legalClauses.map((clause: { clause: string }) => clause.clause)).toEqual([
      '[^1]: First clause.',
      '[^2]: Second clause.',
    ])
    // python.org finalized the older one without a contract: one stands for it
    const { docs } = await t.payload.find({
      collection: 'sponsor-contracts',
      overrideAccess: true,
      where: { sponsorship: { equals: older.id } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'EXECUTED', sponsorName: 'Widgets Inc' })
    expect(await one('sponsors', 60)).toMatchObject({
      contactName: 'Pat',
      mailingAddressLine1: '(not given on python.org)',
    })
  })

  it('keeps workflow states and stamps as they were and sends no email', async () => {
    expect((await one('pages', 40)).created).toBe('2021-03-04T05:06:07.000Z')
    const { totalDocs } = await t.payload.count({ collection: 'email-logs', overrideAccess: true })
    expect(totalDocs).toBe(0)
  })

  it('moves every legacy-id sequence past the imported ids', async () => {
    // overrideAccess: the system creates documents as the seed would
    const calendar = await t.payload.create({
      collection: 'calendars',
      data: { name: 'Another', slug: 'another' } as never,
      overrideAccess: true,
    })
    expect(calendar.legacyId).toBeGreaterThan(1)
    const job = await t.payload.create({
      collection: 'jobs',
      data: { companyName: 'X', country: 'Y', description: 'Z', email: 'x@example.org', jobTitle: 'T' } as never,
      overrideAccess: true,
    })
    expect(job.legacyId).toBeGreaterThan(9001)
    const user = await t.makeUser('member')
    expect(
      (
        await one(
          'users',
          Number((await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })).legacyId),
        )
      ).username,
    ).toBe(user.username)
    expect(
      Number((await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })).legacyId),
    ).toBeGreaterThan(2)
  })

  it('lists the models it has no equivalent for, with their counts, and what it read into others', () => {
    expect(first.unknownModels).toEqual({
      'sponsors.emailtargetableconfiguration': 4,
      'sponsors.logoplacementconfiguration': 6,
      'sponsors.providedfileassetconfiguration': 7,
      'sponsors.providedtextassetconfiguration': 7,
      'sponsors.requiredimgassetconfiguration': 1,
      'sponsors.requiredresponseassetconfiguration': 4,
      'sponsors.requiredtextassetconfiguration': 3,
    })
    expect(first.readInto).toMatchObject({ 'sponsors.sponsorshipbenefit': 47, 'sponsors.sponsorshipprogram': 4 })
    expect(formatSummary(first)).toContain('sponsors.logoplacementconfiguration: 6 rows')
  })

  it('lists the rows it could not carry across, with why, and imports the rest of their file', () => {
    const why = Object.fromEntries(first.notImported.map((row) => [`${row.model} ${String(row.pk)}`, row]))
    expect(why['nominations.nomination 32']).toMatchObject({
      file: files[0],
      why: expect.stringContaining('free-text'),
    })
    expect(why['community.photo 7']?.why).toMatch(/community\/photos\/gone\.png is not in the media folder/)
  })

  it('names the fields python.org had that are not kept, and those missing from the dump', () => {
    const named = first.skipped.map((skip) => `${skip.model}.${skip.field}`)
    expect(named).toEqual(
      expect.arrayContaining([
        'sponsors.sponsorshippackage.allow_a_la_carte',
        'successstories.story.pull_quote',
        'sponsors.sponsor.mailing_address_line_1',
        'sponsors.sponsor.web_logo',
      ]),
    )
  })

  it('a second run updates nothing: every row stays exactly as it was', async () => {
    const before = await tables()
    const again = await importPythondotorg(t.payload, { files })
    expect(again.files.every((file) => file.status === 'imported')).toBe(true)
    for (const counts of Object.values(again.collections)) expect(counts).toMatchObject({ created: 0, updated: 0 })
    expect(await tables()).toEqual(before)
  })

  it('a changed row is updated in place, not duplicated', async () => {
    const rows = siteRows().map((row) =>
      row.model === 'banners.banner' ? { ...row, fields: { ...row.fields, message: 'Donate now' } } : row,
    )
    const summary = await importPythondotorg(t.payload, { files: [writeDump(scratch, 'site-changed.json', rows)] })
    expect(summary.collections.banners).toEqual({ created: 0, unchanged: 0, updated: 1 })
    expect((await one('banners', 2)).message).toBe('Donate now')
  })
})

describe('what cannot be imported', () => {
  it('a file that is not valid JSON is reported with the row where it breaks, and nothing of it lands', async () => {
    const rows = [
      { fields: { name: 'Linux', slug: 'linux' }, model: 'downloads.os', pk: 71 },
      { fields: { name: 'BSD', slug: 'bsd' }, model: 'downloads.os', pk: 72 },
    ]
    const text = JSON.stringify(rows).replace(/\]$/, ', {"model": "downloads.os", "pk": 73, "fields": {"name": ')
    const summary = await importPythondotorg(t.payload, { files: [writeDump(scratch, 'broken.json', text)] })
    expect(summary.files[0]).toMatchObject({
      error: { index: 2, message: expect.stringMatching(/not valid JSON/) },
      status: 'failed',
    })
    expect(
      (
        await t.payload.count({
          collection: 'download-os',
          overrideAccess: true,
          where: { legacyId: { in: [71, 72] } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('a row not shaped like a dump row fails its file, named by index', async () => {
    const file = writeDump(scratch, 'shape.json', [
      { fields: { name: 'Solaris', slug: 'solaris' }, model: 'downloads.os', pk: 81 },
      { model: 'downloads.os', pk: 82 },
    ])
    const summary = await importPythondotorg(t.payload, { files: [file] })
    expect(summary.files[0]).toMatchObject({
      error: { index: 1, message: '"fields" must be an object' },
      status: 'failed',
    })
    expect(
      (await t.payload.count({ collection: 'download-os', overrideAccess: true, where: { legacyId: { equals: 81 } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('a row the collection refuses rolls its whole file back and is reported with file, index and the field', async () => {
    const good = writeDump(scratch, 'good.json', [
      { fields: { active: true, name: 'Data', slug: 'data' }, model: 'jobs.jobtype', pk: 91 },
    ])
    const bad = writeDump(scratch, 'bad.json', [
      { fields: { active: true, name: 'Web', slug: 'web' }, model: 'jobs.jobcategory', pk: 92 },
      { fields: { active: true, name: 'Cloud', slug: 'not a slug!' }, model: 'jobs.jobcategory', pk: 93 },
    ])
    const summary = await importPythondotorg(t.payload, { files: [bad, good] })
    expect(summary.files[0]).toMatchObject({
      error: { file: bad, index: 1, model: 'jobs.jobcategory', pk: 93, message: expect.stringContaining('slug') },
      status: 'failed',
    })
    expect(summary.files[1]).toMatchObject({ status: 'imported' })
    expect(
      (
        await t.payload.count({
          collection: 'job-categories',
          overrideAccess: true,
          where: { legacyId: { equals: 92 } },
        })
      ).totalDocs,
    ).toBe(0)
    expect(
      (await t.payload.count({ collection: 'job-types', overrideAccess: true, where: { legacyId: { equals: 91 } } }))
        .totalDocs,
    ).toBe(1)
  })

  it('a row of another shape imports what it can and names the extra and missing fields', async () => {
    const row: Row = {
      fields: { colour: 'blue', link: 'https://www.python.org/', message: 'Hi', psf_pages_only: false, title: 'Hello' },
      model: 'banners.banner',
      pk: 94,
    }
    const summary = await importPythondotorg(t.payload, { files: [writeDump(scratch, 'shape2.json', [row])] })
    expect(summary.files[0]!.status).toBe('imported')
    expect(summary.skipped.map((skip) => [skip.field, skip.why])).toEqual(
      expect.arrayContaining([
        ['colour', expect.stringContaining('not a field')],
        ['active', expect.stringContaining('missing from the dump')],
      ]),
    )
    expect(await one('banners', 94)).toMatchObject({ isActive: false, isSitewide: true, title: 'Hello' })
  })
})
