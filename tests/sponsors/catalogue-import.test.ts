/**
 * python.org's real sponsorship catalogue (its `fixtures/sponsors.json`, a
 * Django dumpdata of the sponsors app) imported through the mappers of
 * src/sponsors/djangoImport.ts: every package becomes a level with its
 * amount, order and year, and its benefits as text, program by program with
 * the package's tier quantities, the way python.org's contracts list them;
 * legal clauses become clauses and the levels whose benefits carry them
 * refer to them. Importing again changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'
import type { DjangoRow } from '../../src/platform/djangoImport'
import { importSponsorCatalogue } from '../../src/sponsors/importCatalogue'
import { type Actors, makeActors } from '../helpers/actors'
import { type TestContext } from '../helpers/harness'
import {
  applied,
  createSponsor,
  fixClock,
  type Json,
  releaseClock,
  sponsorshipRow,
  startSponsorsPayload,
} from './fixtures'

let t: TestContext
let actors: Actors
const dump = JSON.parse(
  fs.readFileSync(path.join(projectRoot, 'tests/fixtures/pythondotorg/sponsors.json'), 'utf8'),
) as DjangoRow[]

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const levels = async () =>
  // overrideAccess: the test reads what the import stored
  (
    await t.payload.find({
      collection: 'sponsorship-levels',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'order',
    })
  ).docs as Json[]

describe('importing python.org’s catalogue', () => {
  it('makes a level of every package, with its amount, order, year and benefits text', async () => {
    const summary = await importSponsorCatalogue(t.payload, dump, () => undefined)
    expect(summary.created).toEqual({ 'sponsorship-levels': 11 })
    const stored = await levels()
    expect(
      stored.map((level) => [
        level.legacyId,
        level.name,
        level.order,
        level.sponsorshipAmount,
        level.year,
        level.logoDimension,
        level.advertise,
      ]),
    ).toEqual([
      [1, 'Visionary', 0, 150000, 2022, 350, true],
      [2, 'Sustainability', 1, 90000, 2022, 300, true],
      [3, 'Maintaining', 2, 60000, 2022, 300, true],
      [4, 'Contributing', 3, 30000, 2022, 275, true],
      [5, 'Supporting', 4, 15000, 2022, 250, true],
      [6, 'Partner', 5, 10000, 2022, 225, true],
      [7, 'Participating', 6, 3750, 2022, 225, true],
      [8, 'Associate', 7, 1500, 2022, 175, true],
      [9, 'Open Source and Community', 8, 0, 2022, 175, false],
      [10, 'Standalone Only', 9, 0, 2022, 175, false],
      [11, 'PyCon Startup Row', 10, 0, 2022, 175, false],
    ])

    const byName = Object.fromEntries(stored.map((level) => [level.name, level]))
    // the Associate package's five benefits: Foundation first, then PyCon US, each program in python.org's order
    expect(byName.Associate!.benefits).toBe(
      [
        'Foundation - Promotion of Python case study',
        'Foundation - Level supporter badge',
        'Foundation - Logo on python.org',
        'PyCon US 2022 - Listing on PyCon US website',
        'PyCon US 2022 - Full conference passes (1)',
      ].join('\n'),
    )
    // the tier quantities are the package's own
    const visionary = String(byName.Visionary!.benefits).split('\n')
    expect(visionary).toHaveLength(38)
    expect(visionary[0]).toBe('Foundation - Promotion of Python case study')
    expect(visionary).toEqual(
      expect.arrayContaining([
        'Foundation - Mention in the PSF Newsletter (4)',
        'PyCon US 2022 - Full conference passes (25)',
        'PyCon US 2022 - Expo Hall  only staff passes (10)',
        'PyPI - Logo on the PyPI footer',
        'Core Development - Meet with the Python Steering Council',
      ]),
    )
    // its one benefit, with its tier (python.org pk 122: two passes)
    expect(byName['Open Source and Community']!.benefits).toBe('PyCon US 2022 - Full conference passes (2)')
    expect(byName['Standalone Only']!.benefits).toBe('')
    // what has no home here is reported, not dropped silently
    expect(summary.skipped.filter((skip) => skip.field === 'slug')).toHaveLength(11)
  })

  it('is safe to run again: rows are matched by their python.org id and updated, never duplicated', async () => {
    const before = await levels()
    const summary = await importSponsorCatalogue(t.payload, dump, () => undefined)
    expect(summary).toMatchObject({ created: {}, updated: { 'sponsorship-levels': 11 } })
    const after = await levels()
    expect(after.map((level) => [level.id, level.benefits])).toEqual(before.map((level) => [level.id, level.benefits]))
  })

  it('carries legal clauses and links each level to the clauses of its benefits, in clause order', async () => {
    // the published fixture has no clauses; these rows have python.org's LegalClause shape
    const clauses: DjangoRow[] = [
      {
        fields: {
          clause: 'Logo use follows the PSF trademark policy.',
          internal_name: 'Trademark',
          notes: '',
          order: 1,
        },
        model: 'sponsors.legalclause',
        pk: 7,
      },
      {
        fields: {
          clause: 'Booth space is assigned by the PSF.',
          internal_name: 'Booths',
          notes: 'PyCon only',
          order: 0,
        },
        model: 'sponsors.legalclause',
        pk: 9,
      },
    ]
    const withClauses = dump.map((row) =>
      row.model === 'sponsors.sponsorshipbenefit' && row.pk === 31
        ? { ...row, fields: { ...row.fields, legal_clauses: [7] } }
        : row.model === 'sponsors.sponsorshipbenefit' && row.pk === 58
          ? { ...row, fields: { ...row.fields, legal_clauses: [9, 7] } }
          : row,
    )
    const summary = await importSponsorCatalogue(t.payload, [...clauses, ...withClauses], () => undefined)
    expect(summary.created).toEqual({ 'sponsor-legal-clauses': 2 })
    const stored = (
      await t.payload.find({ collection: 'sponsor-legal-clauses', depth: 0, overrideAccess: true, sort: 'legacyId' })
    ).docs as Json[]
    expect(
      stored.map((clause) => [clause.legacyId, clause.internalName, clause.clause, clause.notes, clause.order]),
    ).toEqual([
      [7, 'Trademark', 'Logo use follows the PSF trademark policy.', '', 1],
      [9, 'Booths', 'Booth space is assigned by the PSF.', 'PyCon only', 0],
    ])
    const idOf = (legacyId: number) => stored.find((clause) => clause.legacyId === legacyId)!.id
    const byName = Object.fromEntries((await levels()).map((level) => [level.name, level]))
    // benefit 31 is in packages 1-8, benefit 58 (booth space) in packages 1-6
    expect(new Set(byName.Visionary!.legalClauses)).toEqual(new Set([idOf(7), idOf(9)]))
    expect(byName.Associate!.legalClauses).toEqual([idOf(7)])
    expect(byName['Standalone Only']!.legalClauses).toEqual([])
  })

  it('the imported levels are ordinary levels: a member applies at one and pays its amount', async () => {
    const supporting = (await levels()).find((level) => level.name === 'Supporting')!
    const sponsor = await createSponsor(t, actors.owner)
    const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(supporting.id))
    expect((await sponsorshipRow(t, String(sponsorship.id)))!.sponsorship_fee).toBe('15000')
  })
})
