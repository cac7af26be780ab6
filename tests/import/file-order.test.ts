/**
 * The importer takes python.org's dumps in any order: each file waits for
 * those its foreign keys point into, files that point into each other are
 * imported together in one transaction, and the result is the same whatever
 * order they were given in. Large dumps are streamed and spooled by model,
 * never held whole.
 */
import fs from 'node:fs'
import path from 'node:path'

import { importPythondotorg } from '../../seed/import/importer'
import { allMappers } from '../../seed/import/mappers'
import { planGroups } from '../../seed/import/plan'
import { readSpool, scanFile } from '../../seed/import/read'
import { query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { fixturePath, scratchDir, siteRows, writeDump } from './dumps'

let scratch: string

beforeAll(() => {
  scratch = scratchDir('import-order-')
})
afterAll(() => fs.rmSync(scratch, { force: true, recursive: true }))

/** What an import produced, by python.org ids: documents and their relations' python.org ids. */
const outcome = async (t: TestContext) =>
  (
    await query(
      t,
      `SELECT 'event' AS kind, e.legacy_id::int AS id, c.legacy_id::int AS ref, u.username AS who FROM events e
         JOIN calendars c ON c.id = e.calendar_id LEFT JOIN users u ON u.id = e.creator_id
       UNION ALL SELECT 'file', f.legacy_id::int, r.legacy_id::int, o.slug FROM release_files f
         JOIN releases r ON r.id = f.release_id JOIN download_os o ON o.id = f.os_id
       UNION ALL SELECT 'sponsorship', s.legacy_id::int, l.legacy_id::int, u.username FROM sponsorships s
         JOIN sponsorship_levels l ON l.id = s.level_id LEFT JOIN users u ON u.id = s.submitted_by_id
       UNION ALL SELECT 'membership', m.legacy_id::int, u.legacy_id::int, u.email FROM memberships m
         JOIN users u ON u.id = m.user_id
       ORDER BY 1, 2`,
    )
  ).rows

describe('file order', () => {
  // (tests/import/import.test.ts gives the dependent file first; here the files come in another mixed order)
  it('resolves every relation whatever order the files come in', async () => {
    const site = writeDump(scratch, 'site.json', siteRows())
    const t = await startTestPayload()
    try {
      const files = [fixturePath('sponsors.json'), site, fixturePath('users.json'), fixturePath('events.json')]
      const summary = await importPythondotorg(t.payload, { files })
      expect(summary.files.map((file) => file.status)).toEqual(['imported', 'imported', 'imported', 'imported'])
      expect(await outcome(t)).toEqual([
        { id: 1, kind: 'event', ref: 1, who: 'admin' },
        { id: 2, kind: 'event', ref: 1, who: 'admin' },
        { id: 3, kind: 'event', ref: 1, who: 'admin' },
        { id: 5001, kind: 'file', ref: 890, who: 'windows' },
        { id: 7, kind: 'membership', ref: 2, who: 'user@example.com' },
        { id: 101, kind: 'sponsorship', ref: 3, who: 'user' },
        { id: 102, kind: 'sponsorship', ref: 3, who: 'user' },
      ])
    } finally {
      await t.close()
    }
  })

  it('plans files that depend on each other into one group, the ones they need first', () => {
    const groups = planGroups(
      [
        { models: ['jobs.job', 'successstories.storycategory'] },
        { models: ['users.user', 'successstories.story'] },
        { models: ['jobs.jobcategory'] },
        { models: ['sponsors.contract'] },
        { models: ['sponsors.sponsorship'] },
      ],
      allMappers,
    )
    // 0 needs 1 (users) and 2 (categories); 1 needs 0 (story categories): 0 and 1 together, after 2;
    // contracts and sponsorships commit together
    expect(groups).toEqual([[2], [0, 1], [3, 4]])
  })
})

describe('large dumps', () => {
  it('streams a 50,000-row file and spools it by model, in dump order', async () => {
    const file = path.join(scratch, 'large.json')
    const out = fs.createWriteStream(file)
    out.write('[')
    for (let pk = 1; pk <= 50_000; pk++) {
      const row =
        pk % 10 === 0
          ? { fields: { name: `OS ${pk}`, slug: `os-${pk}` }, model: 'downloads.os', pk }
          : { fields: { email: `u${pk}@example.org`, username: `u${pk}` }, model: 'users.user', pk }
      out.write(`${pk > 1 ? ',' : ''}\n${JSON.stringify(row)}`)
    }
    out.write('\n]\n')
    await new Promise((resolve) => out.end(resolve))
    const spools = scratchDir('import-spool-')
    let progressCalls = 0
    const scanned = await scanFile(file, spools, 0, () => progressCalls++)
    expect(scanned.malformed).toBeNull()
    expect(scanned.rows).toBe(50_000)
    expect(Object.fromEntries(scanned.models)).toEqual({ 'downloads.os': 5_000, 'users.user': 45_000 })
    expect(scanned.maxPk.get('users.user')).toBe(49_999)
    // read in blocks as it streamed past, not in one piece
    expect(progressCalls).toBeGreaterThan(1)
    const first = []
    for await (const spooled of readSpool(scanned.spools.get('downloads.os')!)) {
      if (first.length < 2) first.push(spooled)
    }
    expect(first).toEqual([
      { index: 9, row: { fields: { name: 'OS 10', slug: 'os-10' }, model: 'downloads.os', pk: 10 } },
      { index: 19, row: { fields: { name: 'OS 20', slug: 'os-20' }, model: 'downloads.os', pk: 20 } },
    ])
    fs.rmSync(spools, { force: true, recursive: true })
  })
})
