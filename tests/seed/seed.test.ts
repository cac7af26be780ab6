/**
 * `npm run seed` on a fresh database, with the clock fixed: every domain
 * filled, consistent by its own rules (as its workflows leave it),
 * idempotent, and `--reset` removing only the seed's rows.
 */
import fs from 'node:fs'
import path from 'node:path'

import { MEMBERSHIP_TYPES } from '../../collections/users/Memberships'
import { RELEASE_STATUSES } from '../../collections/downloads/Releases'
import { SIDECARS } from '../../hooks/downloads/validateReleaseFile'
import { createProgress } from '../../seed/progress'
import { seed, type SeedResult } from '../../seed/seed'
import { STATISTICS_DAYS } from '../../seed/steps/downloads'
import { ALL_EMAIL_TEMPLATES } from '../../seed/steps/mailing'
import { BANNER_TARGETS, BANNER_TYPES } from '../../src/banners/options'
import { versionNumber, versionSeries, versionSortKey } from '../../src/downloads/version'
import { ELECTION_STATUSES } from '../../src/elections/status'
import { FREQUENCIES } from '../../src/events/recurrence'
import { JOB_STATUSES } from '../../src/jobs/status'
import { setNow } from '../../src/platform/clock'
import { CONTENT_TYPES } from '../../src/platform/markup/render'
import { uploadDir } from '../../src/platform/uploads'
import { CONTRACT_STATUSES, SPONSORSHIP_STATUSES } from '../../src/sponsors/status'
import { json, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'

const NOW = '2026-11-29T12:00:00.000Z'
const STEPS = ['users', 'mailing', 'pages', 'downloads', 'blogs', 'jobs', 'events', 'sponsors', 'elections', 'content']

let t: TestContext
let first: SeedResult
let output = ''

const rows = async (text: string, params: unknown[] = []) =>
  (await query(t, text, params)).rows as Record<string, any>[]
const values = async (text: string, params: unknown[] = []) =>
  (await rows(text, params)).map((row) => Object.values(row)[0])
const sorted = (list: unknown[]) => [...new Set(list.map(String))].sort()

/** The row count of every table: what "the same data" is compared by. */
const tableCounts = async () => {
  const tables = await values(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'payload_migrations' ORDER BY 1`,
  )
  const counts: Record<string, number> = {}
  for (const table of tables) counts[String(table)] = Number((await values(`SELECT count(*) FROM "${table}"`))[0])
  return counts
}

beforeAll(async () => {
  process.env.SEED_ADMIN_PASSWORD = 'seed-admin-password'
  t = await startTestPayload()
  setNow(NOW)
  // the output a CI log or a pipe gets: no terminal
  const progress = createProgress({ stream: { isTTY: false, write: (chunk: string) => (output += chunk) } })
  first = await seed(t.payload, { log: progress.line, progress })
}, 600_000)
afterAll(async () => {
  setNow(null)
  await t?.close()
})

describe('npm run seed', () => {
  it('fills every collection of every domain', async () => {
    const collections = t.payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
    const empty = collections.filter((slug) => !((first.summary[slug]?.created ?? 0) > 0))
    expect(empty).toEqual([])
    for (const slug of collections) {
      expect((await t.payload.count({ collection: slug, overrideAccess: true })).totalDocs).toBeGreaterThan(0)
    }
  })

  it('prints one plain line per step without a terminal', () => {
    expect(output).not.toMatch(/[\r\x1b]/)
    const lines = output.trimEnd().split('\n')
    expect(lines.every((line) => line.startsWith('[seed] '))).toBe(true)
    for (const step of STEPS) {
      expect(lines.filter((line) => line.startsWith(`[seed] ${step}: `))).toHaveLength(1)
    }
  })

  it('has the real release history, one latest release per version, its fields derived as the hooks do', async () => {
    const releases = await rows(
      `SELECT name, version, status, is_latest, pre_release, version_number, version_series, version_sort_key,
              release_date, legacy_id FROM releases`,
    )
    const byName = new Map(releases.map((release) => [release.name, release]))
    expect(byName.get('Python 2.0.0')?.release_date.toISOString()).toBe('2000-10-16T00:00:00.000Z')
    expect(byName.get('Python 3.14.0')?.release_date.toISOString()).toBe('2025-10-07T00:00:00.000Z')
    expect(byName.get('Python 3.14.0rc2')?.pre_release).toBe(true)
    // one latest per version, and it is the newest final release of that version
    for (const version of sorted(releases.map((release) => release.version))) {
      const mine = releases.filter((release) => release.version === version)
      const latest = mine.filter((release) => release.is_latest)
      expect(latest).toHaveLength(1)
      const newestFinal = mine
        .filter((release) => !release.pre_release)
        .sort((a, b) => String(b.version_sort_key).localeCompare(String(a.version_sort_key)))[0]
      expect(latest[0]!.name).toBe(newestFinal!.name)
    }
    expect(releases.find((release) => release.is_latest && release.version === 'PYTHON3')?.name).toBe('Python 3.14.7')
    for (const release of releases) {
      expect(release.version_number).toBe(versionNumber(release.name))
      expect(release.version_series).toBe(versionSeries(release.name))
      expect(release.version_sort_key).toBe(versionSortKey(release.name))
      expect(release.pre_release).toBe(release.status === 'PRERELEASE')
    }
    expect(sorted(releases.map((release) => release.status))).toEqual(sorted([...RELEASE_STATUSES]))
    const ids = releases.map((release) => Number(release.legacy_id))
    expect(new Set(ids).size).toBe(ids.length)
    const [sequence] = await values(`SELECT last_value FROM releases_legacy_id_seq`)
    expect(Math.max(...ids)).toBeLessThanOrEqual(Number(sequence))
  })

  it('gives the recent releases files shaped like python.org’s, and download statistics', async () => {
    const files = await rows(
      `SELECT f.*, r.version_number, r.release_date, o.slug AS os FROM release_files f
       JOIN releases r ON r.id = f.release_id JOIN download_os o ON o.id = f.os_id`,
    )
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      const directory = String(file.version_number).replace(/(a|b|rc)\d+$/, '')
      expect(file.url.startsWith(`https://www.python.org/ftp/python/${directory}/`)).toBe(true)
      expect(file.sha256_sum).toMatch(/^[0-9a-f]{64}$/)
      expect(file.md5_sum).toMatch(/^[0-9a-f]{32}$/)
      for (const [field, suffix] of Object.entries(SIDECARS)) {
        const column = field.replace(/[A-Z0-9]/g, (c: string) => `_${c.toLowerCase()}`).replace('_spdx_2', '_spdx2')
        if (file[column]) expect(file[column]).toBe(`${file.url}${suffix}`)
      }
      expect(Number(file.filesize)).toBeGreaterThan(0)
    }
    expect(files.some((file) => file.url.endsWith('/3.14.1/Python-3.14.1.tar.xz'))).toBe(true)
    expect(sorted(files.filter((file) => file.version_number === '3.14.7').map((file) => file.os))).toEqual([
      'android',
      'macos',
      'source',
      'windows',
    ])
    const buttons = await values(
      `SELECT count(*) FROM release_files WHERE download_button GROUP BY release_id, os_id HAVING count(*) > 1`,
    )
    expect(buttons).toEqual([])
    const statistics = await rows(
      `SELECT s.download_count, s.date, r.release_date FROM download_statistics s
       JOIN release_files f ON f.id = s.release_file_id JOIN releases r ON r.id = f.release_id`,
    )
    expect(statistics).toHaveLength(files.length * STATISTICS_DAYS)
    for (const row of statistics) {
      expect(Number.isInteger(Number(row.download_count)) && Number(row.download_count) >= 0).toBe(true)
      const days = (row.date.getTime() - row.release_date.getTime()) / 86_400_000
      expect(days >= 0 && days < STATISTICS_DAYS && Number.isInteger(days)).toBe(true)
    }
  })

  it('has pages in every content type, as a hierarchy of paths, rendered and sanitized', async () => {
    const pages = await rows(`SELECT path, content_type, content_html, is_published FROM pages`)
    // adding a content type (rich text) needs a page of that type in seed/data/pages.ts
    expect(sorted(pages.map((page) => page.content_type))).toEqual(sorted([...CONTENT_TYPES]))
    const paths = new Set(pages.map((page) => page.path))
    for (const page of pages) {
      expect(page.content_html.length).toBeGreaterThan(20)
      const parent = String(page.path).split('/').slice(0, -1).join('/')
      // every page under a path has the page of that path above it (release pages live under downloads/)
      if (parent && !parent.startsWith('downloads/release')) expect(paths.has(parent)).toBe(true)
    }
    expect(pages.find((page) => page.path === 'psf/grants')!.content_html).not.toContain('<script')
    expect(pages.some((page) => !page.is_published)).toBe(true)
    const images = await rows(`SELECT filename, sizes_thumbnail_filename FROM page_images`)
    for (const image of images) {
      expect(fs.existsSync(path.join(uploadDir('page-images'), image.filename))).toBe(true)
      expect(image.sizes_thumbnail_filename).toBeTruthy()
    }
    const [linked] = await values(
      `SELECT p.path FROM releases r JOIN pages p ON p.id = r.release_page_id WHERE r.name = 'Python 3.14.0'`,
    )
    expect(linked).toBe('downloads/release/python-3140')
  })

  it('has jobs in every status, as the review workflow leaves them', async () => {
    const jobs = await rows(
      `SELECT j.id, j.status, j.expires, j.description_html, j.category_id,
              (SELECT count(*) FROM jobs_rels r WHERE r.parent_id = j.id AND r.path = 'jobTypes')::int AS types,
              (SELECT count(*) FROM job_review_comments c WHERE c.job_id = j.id)::int AS comments
       FROM jobs j`,
    )
    expect(sorted(jobs.map((job) => job.status))).toEqual(sorted([...JOB_STATUSES]))
    const now = new Date(NOW).getTime()
    for (const job of jobs) {
      if (job.status === 'APPROVED') expect(job.expires.getTime()).toBeGreaterThan(now)
      if (job.status === 'EXPIRED') expect(job.expires.getTime()).toBeLessThan(now)
      if (job.status === 'REJECTED') expect(job.comments).toBeGreaterThan(0)
      expect(job.description_html).toContain('<h2')
      expect(job.category_id).toBeTruthy()
      expect(job.types).toBeGreaterThan(0)
    }
    // what anyone may see: the approved, unexpired ones
    const listed = await json(await t.api('GET', 'jobs?limit=100'))
    expect(listed.totalDocs).toBe(jobs.filter((job) => job.status === 'APPROVED').length)
  })

  it('has events, single and recurring, across calendars and time zones, some of them upcoming', async () => {
    const calendars = await rows(`SELECT slug, time_zone FROM calendars`)
    expect(calendars.length).toBeGreaterThanOrEqual(3)
    expect(new Set(calendars.map((calendar) => calendar.time_zone)).size).toBeGreaterThanOrEqual(3)
    const zones = await values(`SELECT DISTINCT time_zone FROM event_locations WHERE time_zone IS NOT NULL`)
    expect(zones.length).toBeGreaterThanOrEqual(5)
    const frequencies = await values(`SELECT DISTINCT frequency FROM event_recurring_rules`)
    expect(sorted(frequencies)).toEqual(sorted([...FREQUENCIES]))
    const kinds = await rows(
      `SELECT e.slug, EXISTS (SELECT 1 FROM event_occurrences o WHERE o.event_id = e.id) AS single,
              EXISTS (SELECT 1 FROM event_recurring_rules r WHERE r.event_id = e.id) AS recurring FROM events e`,
    )
    expect(kinds.some((event) => event.single && !event.recurring)).toBe(true)
    expect(kinds.some((event) => event.recurring && !event.single)).toBe(true)
    expect(kinds.every((event) => event.single || event.recurring)).toBe(true)
    const upcoming = await json(await t.api('GET', 'events/upcoming?limit=50'))
    expect(upcoming.totalDocs).toBeGreaterThanOrEqual(8)
    for (const event of upcoming.docs) {
      expect(new Date(event.nextOccurrence.start).getTime()).toBeGreaterThan(new Date(NOW).getTime())
    }
    const past = await json(await t.api('GET', 'events/past?limit=50'))
    expect(past.totalDocs).toBeGreaterThan(0)
    // the member's submission waits for staff, unpublished
    expect(upcoming.docs.map((event: { slug: string }) => event.slug)).not.toContain('kansai-python-night')
    expect(await values(`SELECT is_published FROM events WHERE slug = 'kansai-python-night'`)).toEqual([false])
  })

  it('has sponsors at every sponsorship and contract stage, with live sponsors', async () => {
    const sponsorships = await rows(
      `SELECT sp.status, sp.id, s.name AS sponsor, l.name AS level, c.status AS contract, c.sponsor_name, c.level_name,
              c.document_id, c.revision
       FROM sponsorships sp JOIN sponsors s ON s.id = sp.sponsor_id JOIN sponsorship_levels l ON l.id = sp.level_id
       LEFT JOIN sponsor_contracts c ON c.sponsorship_id = sp.id`,
    )
    expect(sorted(sponsorships.map((row) => row.status))).toEqual(sorted([...SPONSORSHIP_STATUSES]))
    const contracts = sponsorships.filter((row) => row.contract)
    expect(sorted(contracts.map((row) => row.contract))).toEqual(
      sorted(CONTRACT_STATUSES.filter((status) => status !== 'OUTDATED')),
    )
    for (const row of sponsorships) {
      if (row.status === 'APPROVED' || row.status === 'FINALIZED') {
        // approval made the contract, with its snapshot of the sponsor and level; staff revised it
        expect(row.sponsor_name).toBe(row.sponsor)
        expect(row.level_name).toBe(row.level)
        expect(Number(row.revision)).toBeGreaterThan(0)
      }
      if (row.status === 'FINALIZED') expect(row.contract).toBe('EXECUTED')
      if (row.status === 'APPLIED' || row.status === 'REJECTED') expect(row.contract).toBeNull()
      if (row.contract === 'AWAITING_SIGNATURE' || row.contract === 'NULLIFIED') expect(row.document_id).toBeTruthy()
    }
    const documents = await rows(`SELECT filename, mime_type FROM sponsor_contract_documents`)
    for (const document of documents) {
      expect(document.mime_type).toBe('application/pdf')
      expect(
        fs
          .readFileSync(path.join(uploadDir('sponsor-contract-documents'), document.filename))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
    }
    const live = await json(await t.api('GET', 'sponsors/live'))
    const names = live.docs.map((sponsor: { name: string }) => sponsor.name)
    expect(names.length).toBeGreaterThanOrEqual(5)
    expect(names).toContain('Acme Analytics')
    // approved but not executed, or applied: not live
    expect(names).not.toContain('Quill & Quartz')
    expect(names).not.toContain('Tidewater Trading')
    // a renewal and the sponsorship it follows: one sponsor, listed once
    expect(names.filter((name: string) => name === 'Orchard Labs')).toHaveLength(1)
  })

  it('has an election in each status, with nominees and nominations', async () => {
    const { docs: elections } = await t.payload.find({
      collection: 'elections',
      depth: 0,
      limit: 100,
      overrideAccess: true,
      pagination: false,
    })
    expect(sorted(elections.map((election) => election.status))).toEqual(sorted([...ELECTION_STATUSES]))
    for (const election of elections) {
      const nominees = await rows(`SELECT acceptance, accepted, user_id FROM nominees WHERE election_id = $1`, [
        election.id,
      ])
      const nominations = await rows(
        `SELECT n.nominee_user_id, m.user_id FROM nominations n JOIN nominees m ON m.id = n.nominee_id WHERE n.election_id = $1`,
        [election.id],
      )
      if (election.status === 'UPCOMING') {
        expect(nominees).toEqual([])
        continue
      }
      expect(nominees.length).toBeGreaterThan(0)
      expect(nominations.length).toBeGreaterThanOrEqual(nominees.length)
      for (const nominee of nominees) expect(nominee.accepted).toBe(nominee.acceptance === 'ACCEPTED')
      for (const nomination of nominations) expect(nomination.nominee_user_id).toBe(nomination.user_id)
    }
    expect(sorted(await values(`SELECT acceptance FROM nominees`))).toEqual(['ACCEPTED', 'DECLINED', 'PENDING'])
  })

  it('has users in every role, the email templates, and the rest of the site', async () => {
    const users = await rows(`SELECT is_active, is_staff, is_superuser FROM users`)
    expect(users.some((user) => user.is_superuser && user.is_active)).toBe(true)
    expect(users.some((user) => user.is_staff && !user.is_superuser && user.is_active)).toBe(true)
    expect(users.some((user) => !user.is_staff && user.is_active)).toBe(true)
    expect(users.some((user) => !user.is_active)).toBe(true)
    expect(sorted(await values(`SELECT membership_type FROM memberships`))).toEqual(sorted([...MEMBERSHIP_TYPES]))
    expect(sorted(await values(`SELECT internal_name FROM email_templates WHERE is_active`))).toEqual(
      sorted(ALL_EMAIL_TEMPLATES.map((template) => template.internalName)),
    )
    expect(sorted(await values(`SELECT banner_type FROM banners`))).toEqual(sorted([...BANNER_TYPES]))
    expect(sorted(await values(`SELECT target FROM banners`))).toEqual(sorted([...BANNER_TARGETS]))
    // feeds nothing fetches: inactive, on hosts that never resolve
    for (const feed of await rows(`SELECT is_active, feed_url FROM feeds`)) {
      expect(feed.is_active).toBe(false)
      expect(new URL(feed.feed_url).hostname.endsWith('.invalid')).toBe(true)
    }
    // the workflows' notifications were not left queued: a seeded site mails nobody
    expect(await values(`SELECT count(*)::int FROM email_logs WHERE status = 'QUEUED'`)).toEqual([0])
    expect(await values(`SELECT count(*)::int FROM payload_jobs WHERE task_slug = 'sendEmail'`)).toEqual([0])
  })
})

describe('running the seed again', () => {
  it('creates nothing, skips everything, and leaves every table as it was', async () => {
    const before = await tableCounts()
    const again = await seed(t.payload, () => undefined)
    expect(again.createdSuperuser).toBe(false)
    for (const [collection, counts] of Object.entries(first.summary)) {
      expect([collection, again.summary[collection]]).toEqual([collection, { created: 0, skipped: counts.created }])
    }
    expect(await tableCounts()).toEqual(before)
  })
})

describe('npm run seed -- --reset', () => {
  it('deletes only the seed’s rows (keeping those other data points at) and seeds again', async () => {
    const staff = (
      await t.payload.find({ collection: 'users', overrideAccess: true, where: { username: { equals: 'maya' } } })
    ).docs[0]!
    const member = (
      await t.payload.find({ collection: 'users', overrideAccess: true, where: { username: { equals: 'sofia' } } })
    ).docs[0]!
    // data the seed did not create: an editor's page, and a member's job in a seeded category
    const page = await t.payload.create({
      collection: 'pages',
      data: {
        content: 'Our own page.',
        contentType: 'MARKDOWN',
        isPublished: true,
        path: 'editors/own-page',
        title: 'Own page',
      },
      overrideAccess: false,
      user: staff,
    })
    const [educator] = (
      await t.payload.find({
        collection: 'job-categories',
        overrideAccess: true,
        where: { slug: { equals: 'educator' } },
      })
    ).docs
    const job = await t.payload.create({
      collection: 'jobs',
      data: {
        category: educator!.id,
        companyName: 'Own School',
        contentType: 'MARKDOWN',
        country: 'Italy',
        description: 'Teach Python.',
        email: 'jobs@own-school.example.com',
        jobTitle: 'Python Teacher',
        slug: 'python-teacher-own-school',
        status: 'DRAFT',
      },
      overrideAccess: false,
      user: member,
    })
    const aboutBefore = (await values(`SELECT id FROM pages WHERE path = 'about'`))[0]
    const counts = await tableCounts()

    const reset = await seed(t.payload, { log: () => undefined, reset: true })

    // the seed's rows went and came back
    expect(reset.reset!.pages).toEqual({ deleted: first.summary.pages!.created, kept: 0 })
    expect(reset.reset!.releases!.deleted).toBe(first.summary.releases!.created)
    expect((await values(`SELECT id FROM pages WHERE path = 'about'`))[0]).not.toBe(aboutBefore)
    expect(reset.summary.releases).toEqual({ created: first.summary.releases!.created, skipped: 0 })
    // the others' rows are untouched, and what they point at stayed
    const ownPage = await t.payload.findByID({ collection: 'pages', depth: 0, id: page.id, overrideAccess: true })
    expect(ownPage).toMatchObject({ path: 'editors/own-page', title: 'Own page' })
    const ownJob = await t.payload.findByID({ collection: 'jobs', depth: 0, id: job.id, overrideAccess: true })
    expect(ownJob.category).toBe(educator!.id)
    expect(reset.reset!['job-categories']).toEqual({ deleted: first.summary['job-categories']!.created - 1, kept: 1 })
    // the users those two rows name (creator) stay, the other seeded users were replaced
    expect(reset.reset!.users!.kept).toBe(2)
    expect(reset.summary.users).toEqual({ created: first.summary.users!.created - 2, skipped: 2 })
    // and the data is the same again, one latest release per version included
    expect(await tableCounts()).toEqual(counts)
    expect(
      await values(`SELECT count(*)::int FROM releases WHERE is_latest GROUP BY version HAVING count(*) <> 1`),
    ).toEqual([])
  })
})
