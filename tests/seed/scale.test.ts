/**
 * `npm run seed -- --scale 2`: twice the volume of the scalable collections,
 * the extra copy written in bulk, with the collections' rules intact (the
 * hooks did not run for those rows: the rules are checked on the data).
 */
import { SCALED_COLLECTIONS } from '../../seed/scale'
import { seed, type SeedResult } from '../../seed/seed'
import { versionNumber, versionSeries, versionSortKey } from '../../src/downloads/version'
import { setNow } from '../../src/platform/clock'
import { renderMarkup } from '../../src/platform/markup/render'
import { json, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'

const NOW = '2026-11-29T12:00:00.000Z'

let t: TestContext
let base: Record<string, number>
let scaled: SeedResult

const rows = async (text: string, params: unknown[] = []) =>
  (await query(t, text, params)).rows as Record<string, any>[]
const values = async (text: string) => (await rows(text)).map((row) => Object.values(row)[0])

const counts = async () => {
  const result: Record<string, number> = {}
  for (const collection of SCALED_COLLECTIONS) {
    result[collection] = (await t.payload.count({ collection, overrideAccess: true })).totalDocs
  }
  return result
}

beforeAll(async () => {
  process.env.SEED_ADMIN_PASSWORD = 'seed-admin-password'
  t = await startTestPayload()
  setNow(NOW)
  await seed(t.payload, () => undefined)
  base = await counts()
  scaled = await seed(t.payload, { log: () => undefined, scale: 2 })
}, 600_000)
afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('npm run seed -- --scale 2', () => {
  it('doubles the scalable collections and creates nothing else', async () => {
    const now = await counts()
    for (const collection of SCALED_COLLECTIONS) {
      expect([collection, now[collection]]).toEqual([collection, 2 * base[collection]!])
      expect([collection, scaled.summary[collection]!.created]).toEqual([collection, base[collection]])
    }
    const others = Object.entries(scaled.summary).filter(
      ([collection]) => !(SCALED_COLLECTIONS as readonly string[]).includes(collection),
    )
    expect(others.filter(([, result]) => result.created > 0)).toEqual([])
  })

  it('keeps the release rules: one latest per version (still the real one), derived fields, legacy ids', async () => {
    const releases = await rows(
      `SELECT name, version, is_latest, version_number, version_series, version_sort_key, legacy_id, content_html FROM releases`,
    )
    for (const version of new Set(releases.map((release) => release.version))) {
      expect(releases.filter((release) => release.version === version && release.is_latest)).toHaveLength(1)
    }
    expect(
      releases
        .filter((release) => release.is_latest)
        .map((release) => release.name)
        .sort(),
    ).toEqual(['Python 1.6.0', 'Python 2.7.18', 'Python 3.14.7'])
    for (const release of releases) {
      expect(release.version_number).toBe(versionNumber(release.name))
      expect(release.version_series).toBe(versionSeries(release.name))
      expect(release.version_sort_key).toBe(versionSortKey(release.name))
      expect(release.content_html.length).toBeGreaterThan(0)
    }
    for (const table of [
      'releases',
      'release_files',
      'pages',
      'events',
      'event_occurrences',
      'event_recurring_rules',
    ]) {
      const [summary] = await rows(
        `SELECT count(*)::int AS n, count(DISTINCT legacy_id)::int AS distinct, count(legacy_id)::int AS filled,
                max(legacy_id)::bigint AS top, (SELECT last_value FROM ${table}_legacy_id_seq)::bigint AS sequence FROM ${table}`,
      )
      expect([table, summary!.distinct, summary!.filled]).toEqual([table, summary!.n, summary!.n])
      expect(Number(summary!.top)).toBeLessThanOrEqual(Number(summary!.sequence))
    }
    // a new release after the bulk ones takes the next id, never one of theirs
    const next = await t.payload.create({
      collection: 'releases',
      data: {
        contentType: 'RESTRUCTUREDTEXT',
        name: 'Python 3.16.0a1',
        slug: 'python-3160a1',
        status: 'PRERELEASE',
        version: 'PYTHON3',
      },
      overrideAccess: true,
    })
    expect(next.legacyId).toBeGreaterThan(Math.max(...releases.map((release) => Number(release.legacy_id))))
  })

  it('keeps the file and statistics rules', async () => {
    const files = await rows(
      `SELECT url, sha256_sum, md5_sum, gpg_signature_file, sigstore_bundle_file, sbom_spdx2_file FROM release_files`,
    )
    for (const file of files) {
      expect(file.sha256_sum).toMatch(/^[0-9a-f]{64}$/)
      expect(file.md5_sum).toMatch(/^[0-9a-f]{32}$/)
      if (file.gpg_signature_file) expect(file.gpg_signature_file).toBe(`${file.url}.asc`)
      if (file.sigstore_bundle_file) expect(file.sigstore_bundle_file).toBe(`${file.url}.sigstore`)
      if (file.sbom_spdx2_file) expect(file.sbom_spdx2_file).toBe(`${file.url}.spdx.json`)
    }
    expect(
      await values(
        `SELECT count(*) FROM release_files WHERE download_button GROUP BY release_id, os_id HAVING count(*) > 1`,
      ),
    ).toEqual([])
    expect(
      await values(
        `SELECT count(*)::int FROM download_statistics WHERE download_count < 0 OR download_count <> round(download_count)`,
      ),
    ).toEqual([0])
  })

  it('keeps the job, event, blog and page rules', async () => {
    const now = new Date(NOW).getTime()
    const jobs = await rows(
      `SELECT j.status, j.expires, j.description, j.description_html,
              (SELECT count(*) FROM jobs_rels r WHERE r.parent_id = j.id)::int AS types FROM jobs j`,
    )
    for (const job of jobs) {
      if (job.status === 'APPROVED') expect(job.expires.getTime()).toBeGreaterThan(now)
      if (job.status === 'EXPIRED') expect(job.expires.getTime()).toBeLessThan(now)
      expect(job.description_html).toBe(renderMarkup(job.description, 'MARKDOWN'))
      expect(job.types).toBeGreaterThan(0)
    }
    // an event's categories are its own calendar's
    expect(
      await values(
        `SELECT count(*)::int FROM events_rels r JOIN events e ON e.id = r.parent_id
         JOIN event_categories c ON c.id = r.event_categories_id WHERE c.calendar_id <> e.calendar_id`,
      ),
    ).toEqual([0])
    expect(await values(`SELECT count(*)::int FROM event_occurrences WHERE dt_end < dt_start`)).toEqual([0])
    // a monthly rule on a week of the month has exactly one weekday
    expect(
      await values(
        `SELECT count(*)::int FROM event_recurring_rules r WHERE week_of_month IS NOT NULL
         AND (SELECT count(*) FROM event_recurring_rules_by_weekday d WHERE d.parent_id = r.id) <> 1`,
      ),
    ).toEqual([0])
    expect(await values(`SELECT count(*)::int FROM blog_entries WHERE summary LIKE '%<script%'`)).toEqual([0])
    // each bulk copy carries the HTML the save path rendered for the page it copies (rich text included)
    const pages = await rows(
      `SELECT copy.path, copy.content_type, copy.content_html, original.content_html AS original_html
       FROM pages copy JOIN pages original ON copy.path = 'archive/2/' || original.path
       WHERE copy.path LIKE 'archive/2/%'`,
    )
    expect(pages.length).toBe(base.pages)
    expect(pages.some((page) => page.content_type === 'RICHTEXT')).toBe(true)
    for (const page of pages) expect([page.path, page.content_html]).toEqual([page.path, page.original_html])
    // the bulk rows answer through the API like the others
    const page = await json(await t.api('GET', 'pages?where[path][equals]=archive/2/about&depth=0'))
    expect(page.docs[0].title).toBe('About Python (archive 2)')
    const upcoming = await json(await t.api('GET', 'events/upcoming?limit=100'))
    expect(upcoming.docs.some((event: { slug: string }) => event.slug.endsWith('-2'))).toBe(true)
  })

  it('adds nothing when run again at the same scale', async () => {
    const before = await counts()
    const again = await seed(t.payload, { log: () => undefined, scale: 2 })
    expect(await counts()).toEqual(before)
    expect(Object.entries(again.summary).filter(([, result]) => result.created > 0)).toEqual([])
  })
})
