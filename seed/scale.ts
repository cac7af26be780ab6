/**
 * `--scale N`: N times the volume of the collections benchmarks care about
 * (releases and their files, download statistics, jobs, events, blog
 * entries, pages). The first copy is the real seed, made through the
 * workflows; copies 2 to N are written here in bulk, a few statements per
 * copy and collection (INSERT ... SELECT FROM jsonb_to_recordset), since
 * running every hook a million times would take hours.
 *
 * A bulk row must still be a row the hooks could have written. Each
 * statement says which rules it keeps; in short: legacy ids come from the
 * collections' sequences (nextval), derived fields are computed by the
 * same code the hooks run (src/downloads/version.ts, the markup renderer
 * and sanitizer), bulk releases are never the latest of their version,
 * unique keys are answered with ON CONFLICT DO NOTHING (so a second run
 * adds nothing), and every row is recorded in seed_records in the same
 * statement (so --reset removes them).
 */
import { sql } from '@payloadcms/db-postgres'

import { slugify } from '../fields/slugify'
import { parseVersion, versionNumber, versionSeries, versionSortKey } from '../src/downloads/version'
import { renderContent, renderMarkup } from '../src/platform/markup/render'
import { sanitize } from '../src/platform/markup/sanitize'
import { runStep, type SeedRun, type SQLQuery, type Step } from './context'
import { demoEvents } from './data/events'
import { JOBS, jobDescription, jobRequirements } from './data/jobs'
import { PAGES } from './data/pages'
import { type FileSpec, releaseFilesFor } from './data/releaseFiles'
import { cpythonReleaseSpecs } from './data/releaseModel'
import { demoEntries } from './steps/blogs'
import { insertStatistics } from './steps/downloads'
import { eventUid } from './steps/events'
import { jobSlug } from './steps/jobs'

const DAY = 86_400_000

/**
 * Runs `ctes` (common table expressions, the last one named `inserted`,
 * yielding the inserted rows' collection, key and id) and records those rows
 * as the seed's, in the same statement. Returns how many rows each
 * collection got. (PostgreSQL runs data-modifying CTEs only at the top
 * level of a statement, so they are spliced in, not nested.)
 */
const insertRecorded = async (step: Step, ctes: SQLQuery): Promise<Map<string, number>> => {
  const rows = await step.query(sql`
    WITH ${ctes},
    recorded AS (
      INSERT INTO seed_records (collection, key, doc_id) SELECT collection, key, id FROM inserted
      ON CONFLICT (collection, key) DO UPDATE SET doc_id = EXCLUDED.doc_id
      RETURNING collection
    )
    SELECT collection, count(*)::integer AS created FROM recorded GROUP BY collection`)
  return new Map(rows.map((row) => [String(row.collection), Number(row.created)]))
}

const tally = (step: Step, collection: string, created: Map<string, number>, attempted: number) => {
  const count = created.get(collection) ?? 0
  step.tally.created(collection, count)
  step.tally.skipped(collection, attempted - count)
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`

/**
 * Bulk releases: Python 2 lines that never existed (2.10 and up, micro
 * versions from 100), so no bulk release takes the name, the slug or the
 * place in version order of a real one. EOL, published, off the download
 * page, and never the latest: the real 2.7.18 stays the latest Python 2.
 */
const bulkReleaseName = (index: number) => `Python 2.${10 + Math.floor(index / 900)}.${100 + (index % 900)}`

const BULK_RELEASE_CONTENT =
  'A maintenance build of a Python 2 line, made by `npm run seed -- --scale` for benchmarks.\n\nNot a real release.'

const scaleDownloads = async (run: SeedRun) => {
  const base = cpythonReleaseSpecs()
  const baseFiles = base
    .filter((spec) => spec.hasFiles)
    .reduce((sum, spec) => sum + releaseFilesFor(spec.number, spec.parsed, { sourceOnly: spec.sourceOnly }).length, 0)
  const contentHtml = renderMarkup(BULK_RELEASE_CONTENT, 'RESTRUCTUREDTEXT')
  return runStep(run, 'scale: downloads', run.scale - 1, async (step) => {
    const creator = step.actor('ines').id
    const at = step.now.toISOString()
    for (let copy = 2; copy <= step.scale; copy += 1) {
      const releases = base.map((_, index) => {
        const name = bulkReleaseName((copy - 2) * base.length + index)
        return {
          name,
          release_date: new Date(
            Date.UTC(2008, 0, 1) + (((copy - 2) * base.length + index) % 4000) * DAY,
          ).toISOString(),
          slug: slugify(name),
          version_number: versionNumber(name),
          version_series: versionSeries(name),
          version_sort_key: versionSortKey(name),
        }
      })
      // rules kept: the version fields are src/downloads/version.ts's (as the deriveVersion hook), the
      // legacy id comes from releases_legacy_id_seq, is_latest is false, the HTML is the renderer's
      const created = await insertRecorded(
        step,
        sql`inserted AS (INSERT INTO releases (name, slug, version, status, is_latest, is_published, pre_release, show_on_download_page,
              release_date, content, content_type, content_html, version_number, version_series, version_sort_key,
              legacy_id, creator_id, last_modified_by_id, created, updated)
            SELECT x.name, x.slug, 'PYTHON2', 'EOL', false, true, false, false, x.release_date, ${BULK_RELEASE_CONTENT},
              'RESTRUCTUREDTEXT', ${contentHtml}, x.version_number, x.version_series, x.version_sort_key,
              nextval('releases_legacy_id_seq'), ${creator}, ${creator}, ${at}, ${at}
            FROM jsonb_to_recordset(${json(releases)}) AS x(name text, slug text, release_date timestamptz,
              version_number text, version_series text, version_sort_key text)
            ORDER BY x.version_sort_key
            ON CONFLICT DO NOTHING
            RETURNING 'releases' AS collection, slug AS key, id)`,
      )
      tally(step, 'releases', created, releases.length)

      // as many files as the real seed has, on the first releases of the copy, shaped like real ones
      const files: (FileSpec & { release: string })[] = []
      for (const release of releases) {
        if (files.length >= baseFiles) break
        const number = versionNumber(release.name)!
        for (const file of releaseFilesFor(number, parseVersion(number)!, { sourceOnly: true })) {
          files.push({ ...file, release: release.slug })
        }
        const binaries = releaseFilesFor(number, parseVersion(number)!).filter((file) => !file.isSource)
        files.push(...binaries.map((file) => ({ ...file, release: release.slug })))
      }
      files.length = Math.min(files.length, baseFiles)
      // rules kept: unique url (and slug), the sidecars are the url plus their suffix, checksums are hex
      // of the right length, at most one download button per (release, OS) (releaseFilesFor makes one per
      // OS), the legacy id from release_files_legacy_id_seq
      const filesCreated = await insertRecorded(
        step,
        sql`inserted AS (INSERT INTO release_files (name, slug, release_id, os_id, description, is_source, url, gpg_signature_file,
              sigstore_bundle_file, sbom_spdx2_file, md5_sum, sha256_sum, filesize, download_button, legacy_id,
              creator_id, last_modified_by_id, created, updated)
            SELECT x.name, x.slug, r.id, o.id, x.description, x."isSource", x.url, x."gpgSignatureFile",
              x."sigstoreBundleFile", x."sbomSpdx2File", x."md5Sum", x."sha256Sum", x.filesize, x."downloadButton",
              nextval('release_files_legacy_id_seq'), ${creator}, ${creator}, ${at}, ${at}
            FROM jsonb_to_recordset(${json(files)}) AS x(name text, slug text, release text, os text, description text,
              "isSource" boolean, url text, "gpgSignatureFile" text, "sigstoreBundleFile" text, "sbomSpdx2File" text,
              "md5Sum" text, "sha256Sum" text, filesize integer, "downloadButton" boolean)
            JOIN releases r ON r.slug = x.release
            JOIN download_os o ON o.slug = x.os
            ON CONFLICT DO NOTHING
            RETURNING 'release-files' AS collection, url AS key, id)`,
      )
      tally(step, 'release-files', filesCreated, files.length)
      const statistics = await insertStatistics(
        step,
        files.map((file) => file.url),
      )
      tally(step, 'download-statistics', new Map([['download-statistics', statistics.created]]), statistics.expected)
      step.tick()
    }
  })
}

const scaleJobs = (run: SeedRun) =>
  runStep(run, 'scale: jobs', run.scale - 1, async (step) => {
    const now = step.now.getTime()
    const html = new Map(
      JOBS.map((job) => [
        job.title,
        {
          description: renderMarkup(jobDescription(job), 'MARKDOWN'),
          requirements: renderMarkup(jobRequirements(job), 'MARKDOWN'),
        },
      ]),
    )
    for (let copy = 2; copy <= step.scale; copy += 1) {
      const rows = JOBS.map((job, index) => {
        const owner = step.actor(job.owner)
        // rules kept: an APPROVED job has not expired yet, an EXPIRED one has (and was approved, so it
        // has an expiry date); staff-archived jobs were approved (expiry set), withdrawn ones never were
        const expires =
          job.status === 'APPROVED'
            ? now + (20 + ((index * 7 + copy) % 70)) * DAY
            : job.status === 'EXPIRED'
              ? now - (1 + ((index + copy) % 60)) * DAY
              : job.status === 'ARCHIVED' && !job.withdrawn
                ? now + 60 * DAY
                : null
        return {
          category: slugify(job.category),
          city: job.city,
          company: job.company,
          contact: `${owner.firstName} ${owner.lastName}`,
          country: job.country,
          creator: owner.id,
          description: jobDescription(job),
          description_html: html.get(job.title)!.description,
          email: `jobs@${slugify(job.company)}.example.com`,
          expires: expires === null ? null : new Date(expires).toISOString(),
          region: job.region ?? null,
          remote: job.remote,
          requirements: jobRequirements(job),
          requirements_html: html.get(job.title)!.requirements,
          slug: `${jobSlug(job)}-${copy}`,
          status: job.status,
          title: job.title,
          types: job.types.map((name) => slugify(name)),
          url: `https://${slugify(job.company)}.example.com/careers/${slugify(job.title)}`,
        }
      })
      // rules kept: statuses as the workflow leaves them (see `expires` above), the rendered HTML is the
      // renderedHtmlField hook's renderer, the types and category are the board's vocabulary
      const created = await insertRecorded(
        step,
        sql`source AS (
              SELECT * FROM jsonb_to_recordset(${json(rows)}) AS x(category text, city text, company text, contact text,
                country text, creator uuid, description text, description_html text, email text, expires timestamptz,
                region text, remote boolean, requirements text, requirements_html text, slug text,
                status enum_jobs_status, title text, types jsonb, url text)
            ), jobs_in AS (
              INSERT INTO jobs (job_title, company_name, slug, status, city, region, country, content_type, description,
                description_html, requirements, requirements_html, contact, url, email, category_id, telecommuting, agencies,
                is_featured, expires, creator_id)
              SELECT s.title, s.company, s.slug, s.status, s.city, s.region, s.country, 'MARKDOWN', s.description, s.description_html,
                s.requirements, s.requirements_html, s.contact, s.url, s.email, c.id, s.remote, NOT s.remote, false,
                s.expires, s.creator
              FROM source s LEFT JOIN job_categories c ON c.slug = s.category
              ON CONFLICT DO NOTHING
              RETURNING id, slug
            ), types_in AS (
              INSERT INTO jobs_rels ("order", parent_id, path, job_types_id)
              SELECT t.ordinality, j.id, 'jobTypes', jt.id
              FROM jobs_in j JOIN source s ON s.slug = j.slug
              CROSS JOIN LATERAL jsonb_array_elements_text(s.types) WITH ORDINALITY AS t(slug, ordinality)
              JOIN job_types jt ON jt.slug = t.slug
              RETURNING 1
            ), inserted AS (SELECT 'jobs' AS collection, slug AS key, id FROM jobs_in
            )`,
      )
      tally(step, 'jobs', created, rows.length)
      step.tick()
    }
  })

const scaleEvents = (run: SeedRun) => {
  const base = demoEvents(run.now)
  const html = new Map(base.map((event) => [event.slug, renderMarkup(event.description, 'RESTRUCTUREDTEXT')]))
  return runStep(run, 'scale: events', run.scale - 1, async (step) => {
    const creator = step.actor('maya').id
    const at = step.now.toISOString()
    for (let copy = 2; copy <= step.scale; copy += 1) {
      // each copy a week later than the one before, so the calendar fills up, not one week of it
      const shift = (copy - 1) * 7 * DAY
      const moved = (iso: string) => new Date(new Date(iso).getTime() + shift).toISOString()
      const rows = base.map((event) => ({
        calendar: event.calendar,
        categories: event.categories.map((name) => `${event.calendar}-${slugify(name)}`),
        description: event.description,
        description_html: html.get(event.slug)!,
        featured: false,
        occurrences: event.occurrences.map((occurrence) => ({
          ...occurrence,
          dtEnd: moved(occurrence.dtEnd),
          dtStart: moved(occurrence.dtStart),
        })),
        published: event.published,
        rules: event.rules.map((rule) => ({
          ...rule,
          begin: moved(rule.begin),
          finish: rule.finish ? moved(rule.finish) : null,
        })),
        slug: `${event.slug}-${copy}`,
        time_zone: event.timeZone ?? null,
        title: event.title,
        uid: eventUid(`${event.slug}-${copy}`),
        venue: slugify(event.venue),
      }))
      // rules kept: the legacy ids come from the events, occurrences and rules sequences; a category
      // belongs to the event's calendar; the UID is unique in its calendar; occurrences end after they
      // start (all-day ones on a whole day); a MONTHLY week-of-month rule keeps its one weekday (whole
      // weeks do not move a weekday)
      const created = await insertRecorded(
        step,
        sql`source AS (
              SELECT * FROM jsonb_to_recordset(${json(rows)}) AS x(calendar text, categories jsonb, description text,
                description_html text, featured boolean, occurrences jsonb, published boolean, rules jsonb, slug text,
                time_zone text, title text, uid text, venue text)
            ), events_in AS (
              INSERT INTO events (title, slug, calendar_id, venue_id, description, content_type, description_html,
                is_published, featured, uid, time_zone, legacy_id, creator_id, last_modified_by_id, created, updated)
              SELECT s.title, s.slug, c.id, v.id, s.description, 'RESTRUCTUREDTEXT', s.description_html, s.published,
                s.featured, s.uid, s.time_zone, nextval('events_legacy_id_seq'), ${creator}, ${creator}, ${at}, ${at}
              FROM source s JOIN calendars c ON c.slug = s.calendar LEFT JOIN event_locations v ON v.slug = s.venue
              ON CONFLICT DO NOTHING
              RETURNING id, slug
            ), categories_in AS (
              INSERT INTO events_rels ("order", parent_id, path, event_categories_id)
              SELECT t.ordinality, e.id, 'categories', ec.id
              FROM events_in e JOIN source s ON s.slug = e.slug
              CROSS JOIN LATERAL jsonb_array_elements_text(s.categories) WITH ORDINALITY AS t(slug, ordinality)
              JOIN event_categories ec ON ec.slug = t.slug
              RETURNING 1
            ), occurrences_in AS (
              INSERT INTO event_occurrences (event_id, all_day, dt_start, dt_end, legacy_id)
              SELECT e.id, o."allDay", o."dtStart", o."dtEnd", nextval('event_occurrences_legacy_id_seq')
              FROM events_in e JOIN source s ON s.slug = e.slug
              CROSS JOIN LATERAL jsonb_to_recordset(s.occurrences) AS o("allDay" boolean, "dtStart" timestamptz, "dtEnd" timestamptz)
              RETURNING id, event_id, legacy_id
            ), rules_source AS (
              SELECT e.id AS event_id, r.*, gen_random_uuid() AS rule_id
              FROM events_in e JOIN source s ON s.slug = e.slug
              CROSS JOIN LATERAL jsonb_to_recordset(s.rules) AS r("allDay" boolean, begin timestamptz, "byMonthDay" integer,
                "byWeekday" jsonb, count integer, duration integer, finish timestamptz, frequency enum_event_recurring_rules_frequency,
                "interval" integer, "weekOfMonth" integer)
            ), rules_in AS (
              INSERT INTO event_recurring_rules (id, event_id, begin, finish, count, duration, "interval", frequency,
                week_of_month, by_month_day, all_day, legacy_id)
              SELECT rule_id, event_id, begin, finish, count, duration, COALESCE("interval", 1), frequency, "weekOfMonth",
                "byMonthDay", COALESCE("allDay", false), nextval('event_recurring_rules_legacy_id_seq')
              FROM rules_source
              RETURNING id, event_id, legacy_id
            ), weekdays_in AS (
              -- the weekdays are rows of the rule's select-many table (a data-modifying CTE runs whether read or not)
              INSERT INTO event_recurring_rules_by_weekday ("order", parent_id, value)
              SELECT d.ordinality, r.rule_id, d.value::enum_event_recurring_rules_by_weekday
              FROM rules_source r CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(r."byWeekday", '[]'::jsonb)) WITH ORDINALITY AS d(value, ordinality)
              WHERE EXISTS (SELECT 1 FROM rules_in WHERE rules_in.id = r.rule_id)
              RETURNING 1
            ), inserted AS (SELECT 'events' AS collection, slug AS key, id FROM events_in
            UNION ALL
            SELECT 'event-occurrences', e.slug || '#o' || o.legacy_id::text, o.id FROM occurrences_in o JOIN events_in e ON e.id = o.event_id
            UNION ALL
            SELECT 'event-recurring-rules', e.slug || '#r' || r.legacy_id::text, r.id FROM rules_in r JOIN events_in e ON e.id = r.event_id
            )`,
      )
      tally(step, 'events', created, rows.length)
      tally(
        step,
        'event-occurrences',
        created,
        base.reduce((sum, event) => sum + event.occurrences.length, 0),
      )
      tally(
        step,
        'event-recurring-rules',
        created,
        base.reduce((sum, event) => sum + event.rules.length, 0),
      )
      step.tick()
    }
  })
}

const scaleBlogs = (run: SeedRun) => {
  const base = demoEntries()
  return runStep(run, 'scale: blog entries', run.scale - 1, async (step) => {
    for (let copy = 2; copy <= step.scale; copy += 1) {
      const rows = base.map((entry, index) => {
        // each copy a month further back: an archive of older posts
        const pubDate = new Date(
          (entry.pubDate ? new Date(entry.pubDate).getTime() : step.now.getTime() - (entry.daysAgo ?? 0) * DAY) -
            (copy - 1) * 30 * DAY -
            index * 3_600_000,
        ).toISOString()
        const host = entry.guid.slice(4, entry.guid.indexOf(','))
        return {
          content: sanitize(`<p>${entry.summary}</p><p>An older post of the demo archive.</p>`),
          feed: `https://${host}/feeds/posts/default`,
          guid: `${entry.guid}#${copy}`,
          pub_date: pubDate,
          summary: sanitize(`<p>${entry.summary}</p>`),
          title: entry.title,
          url: `https://${host}/${pubDate.slice(0, 4)}/${pubDate.slice(5, 7)}/${slugify(entry.title)}-${copy}.html`,
        }
      })
      // rules kept: the guid is unique, the HTML is sanitized by the sanitizer the hook uses, the feed is
      // a seeded (inactive) feed
      const created = await insertRecorded(
        step,
        sql`inserted AS (INSERT INTO blog_entries (feed_id, title, summary, content, url, pub_date, guid, is_featured)
            SELECT f.id, x.title, x.summary, x.content, x.url, x.pub_date, x.guid, false
            FROM jsonb_to_recordset(${json(rows)}) AS x(content text, feed text, guid text, pub_date timestamptz,
              summary text, title text, url text)
            JOIN feeds f ON f.feed_url = x.feed
            ON CONFLICT DO NOTHING
            RETURNING 'blog-entries' AS collection, guid AS key, id)`,
      )
      tally(step, 'blog-entries', created, rows.length)
      step.tick()
    }
  })
}

const scalePages = (run: SeedRun) => {
  return runStep(run, 'scale: pages', run.scale - 1, async (step) => {
    const creator = step.actor('maya').id
    const at = step.now.toISOString()
    // the renderer of the save path, once per page (rich text reads the pages and images it links to)
    const req = await step.req(step.actor('maya'))
    const html = new Map<string, string>()
    for (const page of PAGES) {
      html.set(
        page.path,
        await renderContent(req, { contentType: page.contentType, rich: page.contentRich, source: page.content }),
      )
    }
    for (let copy = 2; copy <= step.scale; copy += 1) {
      const rows = PAGES.map((page) => ({
        content: page.contentType === 'HTML' ? sanitize(page.content) : page.content,
        content_html: html.get(page.path)!,
        content_rich: page.contentRich ?? null,
        content_type: page.contentType,
        description: page.description,
        is_published: page.isPublished,
        keywords: page.keywords ?? null,
        path: `archive/${copy}/${page.path}`,
        title: `${page.title} (archive ${copy})`,
      }))
      // rules kept: the path is unique and normalized (lowercase, no outer slashes), the HTML is rendered
      // and sanitized by the markup fields' renderer (HTML sources stored sanitized, as the field hook
      // does), the legacy id comes from pages_legacy_id_seq
      const created = await insertRecorded(
        step,
        sql`inserted AS (INSERT INTO pages (title, path, keywords, description, content, content_rich, content_type, content_html, is_published,
              legacy_id, creator_id, last_modified_by_id, created, updated)
            SELECT x.title, x.path, x.keywords, x.description, x.content, x.content_rich, x.content_type, x.content_html, x.is_published,
              nextval('pages_legacy_id_seq'), ${creator}, ${creator}, ${at}, ${at}
            FROM jsonb_to_recordset(${json(rows)}) AS x(content text, content_html text, content_rich jsonb, content_type enum_pages_content_type,
              description text, is_published boolean, keywords text, path text, title text)
            ON CONFLICT DO NOTHING
            RETURNING 'pages' AS collection, path AS key, id)`,
      )
      tally(step, 'pages', created, rows.length)
      step.tick()
    }
  })
}

/** Copies 2 to N of the scalable collections. */
export const seedScaled = async (run: SeedRun) => {
  await scaleDownloads(run)
  await scaleJobs(run)
  await scaleEvents(run)
  await scaleBlogs(run)
  await scalePages(run)
}

/** What `--scale` multiplies (the tests check these grow with it). */
export const SCALED_COLLECTIONS = [
  'releases',
  'release-files',
  'download-statistics',
  'jobs',
  'events',
  'event-occurrences',
  'event-recurring-rules',
  'blog-entries',
  'pages',
] as const
