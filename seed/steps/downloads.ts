import { sql } from '@payloadcms/db-postgres'

import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import { type ReleaseSpec, cpythonReleaseSpecs } from '../data/releaseModel'
import { releaseFilesFor } from '../data/releaseFiles'
import { DOWNLOAD_OS } from '../downloads'

/** Days of download statistics per file, from its release day on. */
export const STATISTICS_DAYS = 21

/** The release that gets a release page (seed/steps/pages.ts makes it). */
export const RELEASE_WITH_PAGE = { path: 'downloads/release/python-3140', slug: 'python-3140' }

/**
 * A day's downloads of a file, the same every run: the featured installers
 * are fetched most, interest fades over the weeks after the release, and a
 * hash of the URL and the day varies it. Whole and never negative, like the
 * counter the download endpoint keeps.
 */
export const downloadCountSql = (
  urlColumn: ReturnType<typeof sql>,
  day: ReturnType<typeof sql>,
  osSlug: ReturnType<typeof sql>,
  button: ReturnType<typeof sql>,
) =>
  sql`GREATEST(0, round(
        (CASE WHEN ${button} THEN (CASE ${osSlug} WHEN 'windows' THEN 4200 WHEN 'macos' THEN 2600 WHEN 'source' THEN 900 ELSE 350 END) ELSE 300 END)
        * exp(-${day} / 9.0)
        * (0.6 + (abs(hashtext(${urlColumn} || ':' || ${day}::text)) % 800) / 1000.0)))::integer`

const seedOperatingSystems = async (step: Step): Promise<Map<string, string>> => {
  const ids = new Map<string, string>()
  for (const os of DOWNLOAD_OS) {
    const { id } = await step.ensure('download-os', os.slug, {
      create: async () => {
        // overrideAccess: the system writes python.org's ids, which clients cannot
        const doc = await step.payload.create({
          collection: 'download-os',
          data: os,
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(),
        })
        return String(doc.id)
      },
      // an editor may have renamed one: matched by slug or python.org's id
      find: () =>
        step.findId('download-os', { or: [{ slug: { equals: os.slug } }, { legacyId: { equals: os.legacyId } }] }),
    })
    ids.set(os.slug, id)
    step.tick()
  }
  return ids
}

const seedRelease = async (step: Step, spec: ReleaseSpec, releasePage: null | string) =>
  step.ensure('releases', spec.slug, {
    create: async () => {
      // overrideAccess: release managers' data, written by the system; the hooks derive the version
      // fields, hand out the legacy id and keep one latest release per version
      const doc = await step.payload.create({
        collection: 'releases',
        data: {
          content: spec.content,
          contentType: 'RESTRUCTUREDTEXT',
          eolDate: spec.eolDate,
          isLatest: spec.isLatest,
          isPublished: true,
          name: spec.name,
          preRelease: spec.preRelease,
          releaseDate: spec.releaseDate,
          releaseNotesUrl: spec.releaseNotesUrl,
          releasePage: spec.slug === RELEASE_WITH_PAGE.slug && releasePage ? releasePage : undefined,
          showOnDownloadPage: spec.showOnDownloadPage,
          slug: spec.slug,
          status: spec.status,
          version: spec.version,
        },
        ...ID_ONLY,
        overrideAccess: true,
        req: await step.req(step.actor('ines')),
      })
      return String(doc.id)
    },
    find: () => step.findId('releases', { slug: { equals: spec.slug } }),
  })

const seedFiles = async (step: Step, spec: ReleaseSpec, releaseId: string, os: Map<string, string>) => {
  const urls: string[] = []
  for (const file of releaseFilesFor(spec.number, spec.parsed, { sourceOnly: spec.sourceOnly })) {
    urls.push(file.url)
    await step.ensure('release-files', file.url, {
      create: async () => {
        const { os: osSlug, ...data } = file
        // overrideAccess: the system uploads what the release tooling would; the hook checks the
        // sidecar URLs and the one download button per (release, OS)
        const doc = await step.payload.create({
          collection: 'release-files',
          data: { ...data, os: os.get(osSlug)!, release: releaseId },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(step.actor('ines')),
        })
        return String(doc.id)
      },
      find: () => step.findId('release-files', { url: { equals: file.url } }),
    })
  }
  return urls
}

/**
 * Download statistics of the seeded files, in one statement: nothing per
 * row needs a hook (the collection has none). It keeps the collection's
 * rules: one row per (file, day) (the unique index; a row already there is
 * left alone), whole non-negative counts, the day at midnight UTC.
 */
export const insertStatistics = async (step: Step, urls: string[]): Promise<{ created: number; expected: number }> => {
  const rows = await step.query(sql`
    WITH inserted AS (
      INSERT INTO download_statistics (release_file_id, date, download_count)
      SELECT f.id, r.release_date + make_interval(days => d),
             ${downloadCountSql(sql`f.url`, sql`d`, sql`o.slug`, sql`f.download_button`)}
      FROM release_files f
      JOIN releases r ON r.id = f.release_id
      JOIN download_os o ON o.id = f.os_id
      CROSS JOIN generate_series(0, ${STATISTICS_DAYS - 1}) AS d
      WHERE f.url IN (SELECT jsonb_array_elements_text(${JSON.stringify(urls)}::jsonb)) AND r.release_date IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING id, release_file_id, date
    ), recorded AS (
      INSERT INTO seed_records (collection, key, doc_id)
      SELECT 'download-statistics', release_file_id::text || '@' || to_char(date AT TIME ZONE 'UTC', 'YYYY-MM-DD'), id FROM inserted
      ON CONFLICT (collection, key) DO UPDATE SET doc_id = EXCLUDED.doc_id
      RETURNING 1
    )
    SELECT count(*)::integer AS created FROM recorded`)
  return { created: Number(rows[0]?.created ?? 0), expected: urls.length * STATISTICS_DAYS }
}

export const downloadsStepSize = (specs: ReleaseSpec[]) => DOWNLOAD_OS.length + specs.length + 1

/**
 * The operating systems, CPython's release history (the real one, one
 * latest release per version), files for the recent releases and their
 * download statistics.
 */
export const seedDownloads = (run: SeedRun) => {
  const specs = cpythonReleaseSpecs()
  return runStep(run, 'downloads', downloadsStepSize(specs), async (step) => {
    const os = await seedOperatingSystems(step)
    const releasePage = await step.findId('pages', { path: { equals: RELEASE_WITH_PAGE.path } })
    // oldest first, as they were released; the latest flags are set where the table says so
    const urls: string[] = []
    for (const spec of specs) {
      const { id } = await seedRelease(step, spec, releasePage)
      if (spec.hasFiles) urls.push(...(await seedFiles(step, spec, id, os)))
      step.tick()
    }
    const statistics = await insertStatistics(step, urls)
    step.tally.created('download-statistics', statistics.created)
    step.tally.skipped('download-statistics', statistics.expected - statistics.created)
    step.tick()
  })
}

/** Only the operating systems (seedEssentials). */
export const seedOperatingSystemsOnly = (run: SeedRun) =>
  runStep(run, 'operating systems', DOWNLOAD_OS.length, async (step) => {
    await seedOperatingSystems(step)
  })
