/**
 * Every custom JSON read is one definition (src/platform/reads.ts) served as
 * a REST endpoint and a GraphQL query: the same arguments, the same answer,
 * the same access rules and the same refusals, for active banners, job
 * search, minutes by date, feed aggregate entries and download totals (the
 * release and page reads are in tests/platform/reads.test.ts). And no JSON
 * GET endpoint is left outside that mechanism.
 */
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'
import { setNow } from '../../src/platform/clock'
import { type Actors, makeActors } from '../helpers/actors'
import { json, messages, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { seedFile, seedOS, seedRelease, withSql } from '../downloads/fixtures'
import { jobIn } from '../jobs/fixtures'

let t: TestContext
let actors: Actors
const ids: Record<string, string> = {}
let aggregateSlug: string

// system fixtures: written as the system, not as a user
const create = (collection: string, data: Record<string, unknown>) =>
  t.payload.create({ collection: collection as never, data: data as never, overrideAccess: true }) as Promise<{
    id: string
  }>

beforeAll(async () => {
  setNow('2025-06-15T12:00:00Z')
  t = await startTestPayload()
  actors = await makeActors(t)

  const banner = (name: string, data: Record<string, unknown>) =>
    create('banners', { isActive: true, message: `${name} says hi`, name, title: name, ...data })
  ids.sitewide = (await banner('sitewide', { isSitewide: true })).id
  ids.downloads = (await banner('downloads', { paths: '/downloads/*' })).id
  await banner('expired', { endDate: '2025-06-14', isSitewide: true })
  await banner('inactive', { isActive: false, isSitewide: true })
  ids.api = (await banner('api', { isSitewide: true, target: 'API' })).id

  ids.djangoJob = String((await jobIn(t, actors.owner, 'APPROVED', { jobTitle: 'Django developer' })).id)
  ids.draftJob = String((await jobIn(t, actors.owner, 'DRAFT', { jobTitle: 'Django intern' })).id)

  ids.minutes = (
    await create('minutes', { content: 'The board *met*.', date: '2024-01-15T00:00:00Z', isPublished: true })
  ).id
  await create('minutes', { content: 'Draft.', date: '2024-02-01T00:00:00Z', isPublished: false })

  const feed = await create('feeds', { feedUrl: `https://blog.example/${unique('f')}.rss`, name: 'Blog A' })
  aggregateSlug = unique('planet')
  await create('feed-aggregates', { feeds: [feed.id], name: 'Planet', slug: aggregateSlug })
  for (const [index, title] of ['Older', 'Newer'].entries()) {
    await create('blog-entries', {
      feed: feed.id,
      guid: unique('g'),
      pubDate: `2025-0${index + 1}-01T00:00:00Z`,
      title,
      url: `https://blog.example/${index}`,
    })
  }

  const os = await seedOS(t)
  const release = await seedRelease(t, { name: 'Python 3.13.0', slug: unique('python') })
  ids.release = String(release.id)
  const file = await seedFile(t, release, os)
  await withSql(t, (client) =>
    client.query(
      'INSERT INTO download_statistics (id, release_file_id, date, download_count) VALUES (gen_random_uuid(), $1, $2, 7)',
      [file.id, '2025-03-01T00:00:00Z'],
    ),
  )
})
afterAll(async () => {
  setNow(null)
  await t?.close()
})

const rest = async (url: string, auth?: Actors[keyof Actors]) => {
  const response = await t.api('GET', url, { auth })
  return { body: await json(response), status: response.status }
}

const ids_ = (docs: { id: string }[]) => docs.map((doc) => doc.id).sort()

describe('activeBanners', () => {
  it('REST and GraphQL answer the same banners for a path and target', async () => {
    const viaRest = await rest('banners/active?path=/downloads/release/x/&target=frontend')
    const viaGraphQL = await t.graphql(
      '{ activeBanners(path: "/downloads/release/x/", target: "FRONTEND") { docs { id title bannerType } } }',
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(ids_(viaRest.body.docs)).toEqual([ids.downloads, ids.sitewide].sort())
    expect(ids_(viaGraphQL.data.activeBanners.docs)).toEqual(ids_(viaRest.body.docs))
    const api = await t.graphql('{ activeBanners(target: "API") { docs { id } } }')
    expect(api.data.activeBanners.docs).toEqual([{ id: ids.api }])
  })

  it('staff get the active ones too, not every banner they may read', async () => {
    const viaGraphQL = await t.graphql('{ activeBanners { docs { title } } }', { auth: actors.staff })
    expect(viaGraphQL.data.activeBanners.docs.map((doc: { title: string }) => doc.title)).toEqual(['sitewide'])
  })

  it('a bad target is refused in both, naming it', async () => {
    const viaRest = await rest('banners/active?target=PRINT')
    expect(viaRest.status).toBe(400)
    expect(messages(viaRest.body)).toMatch(/^target: expected one of FRONTEND, API/)
    const viaGraphQL = await t.graphql('{ activeBanners(target: "PRINT") { docs { id } } }')
    expect(viaGraphQL.errors?.[0]?.message).toMatch(/^target: expected one of FRONTEND, API/)
    expect(viaGraphQL.errors?.[0]?.extensions?.statusCode).toBe(400)
  })
})

describe('searchJobs', () => {
  it('finds the same jobs by REST and GraphQL, hiding what the caller may not read', async () => {
    const viaRest = await rest('jobs/search?q=django')
    const viaGraphQL = await t.graphql('{ searchJobs(q: "django") { totalDocs docs { id jobTitle } } }')
    expect(viaGraphQL.errors).toBeUndefined()
    expect(ids_(viaRest.body.docs)).toEqual([ids.djangoJob])
    expect(viaGraphQL.data.searchJobs).toEqual({
      docs: [{ id: ids.djangoJob, jobTitle: 'Django developer' }],
      totalDocs: 1,
    })
    const asOwner = await t.graphql('{ searchJobs(q: "django") { docs { id } } }', { auth: actors.owner })
    expect(ids_(asOwner.data.searchJobs.docs)).toEqual([ids.djangoJob, ids.draftJob].sort())
    expect(ids_((await rest('jobs/search?q=django', actors.owner)).body.docs)).toEqual(
      ids_(asOwner.data.searchJobs.docs),
    )
  })

  it('nothing found is a full empty page in both', async () => {
    const viaRest = await rest('jobs/search?q=cobol')
    const viaGraphQL = await t.graphql(
      '{ searchJobs(q: "cobol") { totalDocs totalPages page hasNextPage docs { id } } }',
    )
    expect(viaRest.body).toMatchObject({ docs: [], hasNextPage: false, page: 1, totalDocs: 0, totalPages: 0 })
    expect(viaGraphQL.data.searchJobs).toEqual({ docs: [], hasNextPage: false, page: 1, totalDocs: 0, totalPages: 0 })
  })

  it('refuses a missing q or an out-of-range limit in both', async () => {
    expect(messages((await rest('jobs/search?q=%20')).body)).toMatch(/^q: required/)
    expect((await t.graphql('{ searchJobs(q: " ") { totalDocs } }')).errors?.[0]?.message).toMatch(/^q: required/)
    expect(messages((await rest('jobs/search?q=x&limit=500')).body)).toMatch(/^limit: must be at most 100/)
    expect((await t.graphql('{ searchJobs(q: "x", limit: 500) { totalDocs } }')).errors?.[0]?.message).toMatch(
      /^limit: must be at most 100/,
    )
  })
})

describe('minutesByDate', () => {
  it('the same minutes by REST and GraphQL; drafts for staff only', async () => {
    const viaRest = await rest('minutes/by-date/2024-01-15')
    const viaGraphQL = await t.graphql('{ minutesByDate(date: "2024-01-15") { id contentHtml } }')
    expect(viaRest.body.id).toBe(ids.minutes)
    expect(viaGraphQL.data.minutesByDate).toEqual({ contentHtml: viaRest.body.contentHtml, id: ids.minutes })
    expect((await rest('minutes/by-date/2024-02-01')).status).toBe(404)
    expect((await t.graphql('{ minutesByDate(date: "2024-02-01") { id } }')).data.minutesByDate).toBeNull()
    expect(
      (await t.graphql('{ minutesByDate(date: "2024-02-01") { id } }', { auth: actors.staff })).data.minutesByDate,
    ).not.toBeNull()
  })

  it('a day that does not exist is refused in both', async () => {
    const viaRest = await rest('minutes/by-date/2024-02-30')
    expect(viaRest.status).toBe(400)
    expect(messages(viaRest.body)).toBe('date: expected a date as YYYY-MM-DD')
    expect((await t.graphql('{ minutesByDate(date: "2024-02-30") { id } }')).errors?.[0]?.message).toBe(
      'date: expected a date as YYYY-MM-DD',
    )
  })
})

describe('feedAggregateEntries', () => {
  it('the same entries, newest first, with the aggregate and each entry’s blog', async () => {
    const viaRest = await rest(`feed-aggregates/${aggregateSlug}/entries`)
    const viaGraphQL = await t.graphql(
      `{ feedAggregateEntries(slug: "${aggregateSlug}") { totalDocs aggregate { name slug } docs { title feed { name } } } }`,
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaRest.body.docs.map((doc: { title: string }) => doc.title)).toEqual(['Newer', 'Older'])
    expect(viaRest.body.docs[0].feed.name).toBe('Blog A')
    expect(viaRest.body.aggregate).toMatchObject({ name: 'Planet', slug: aggregateSlug })
    expect(viaGraphQL.data.feedAggregateEntries).toEqual({
      aggregate: { name: 'Planet', slug: aggregateSlug },
      docs: [
        { feed: { name: 'Blog A' }, title: 'Newer' },
        { feed: { name: 'Blog A' }, title: 'Older' },
      ],
      totalDocs: 2,
    })
  })

  it('an unknown aggregate: 404 in REST, null in GraphQL', async () => {
    const viaRest = await rest('feed-aggregates/nope/entries')
    expect(viaRest.status).toBe(404)
    expect(messages(viaRest.body)).toBe('No feed aggregate "nope".')
    expect(
      (await t.graphql('{ feedAggregateEntries(slug: "nope") { totalDocs } }')).data.feedAggregateEntries,
    ).toBeNull()
  })
})

describe('downloadTotals', () => {
  it('staff get the same totals by REST and GraphQL', async () => {
    const viaRest = await rest(`download-statistics/totals?groupBy=day&release=${ids.release}`, actors.staff)
    const viaGraphQL = await t.graphql(
      `{ downloadTotals(groupBy: "day", release: "${ids.release}") { groupBy totals { key downloads } } }`,
      { auth: actors.staff },
    )
    expect(viaRest.body).toEqual({ groupBy: 'day', totals: [{ downloads: 7, key: '2025-03-01' }] })
    expect(viaGraphQL.data.downloadTotals).toEqual(viaRest.body)
  })

  it('everyone else is refused in both, before the arguments are looked at', async () => {
    for (const [auth, status] of [
      [actors.anonymous, 401],
      [actors.member, 403],
    ] as const) {
      const viaRest = await rest('download-statistics/totals?groupBy=week', auth)
      expect(viaRest.status).toBe(status)
      const viaGraphQL = await t.graphql('{ downloadTotals(groupBy: "week") { groupBy } }', { auth })
      expect(viaGraphQL.errors?.[0]?.extensions?.statusCode).toBe(status)
      expect(viaGraphQL.data?.downloadTotals ?? null).toBeNull()
    }
  })

  it('a bad release id or range is refused in both', async () => {
    expect(messages((await rest('download-statistics/totals?release=123', actors.staff)).body)).toMatch(
      /^release: expected a releases id/,
    )
    const viaGraphQL = await t.graphql('{ downloadTotals(from: "2025-03-02", to: "2025-03-01") { groupBy } }', {
      auth: actors.staff,
    })
    expect(viaGraphQL.errors?.[0]?.message).toBe('from: must not be after to')
  })
})

describe('no JSON read outside the mechanism', () => {
  /**
   * The GET endpoints that stay plain: not JSON (RSS), not for frontends
   * (health checks), or an existing client's format (python.org's
   * downloads API). Anything else must be a defineRead, so GraphQL has it too.
   */
  const PLAIN_GETS: Record<string, number> = {
    'src/downloads/pythondotorg/routes.ts': -1, // python.org's API, any number of routes
    'src/downloads/releaseEndpoints.ts': 1, // RSS
    'src/events/icsExport.ts': 2, // iCalendar feeds (per calendar and all events)
    'src/jobs/endpoints.ts': 1, // RSS
    'src/minutes/endpoints.ts': 1, // RSS
    'src/platform/health.ts': 1, // load balancer health check
    'src/platform/metrics.ts': 1, // Prometheus text for scrapers
    'src/platform/reads.ts': 1, // readEndpoint itself
  }

  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name)
      if (entry.isDirectory()) return sources(relative)
      return /\.tsx?$/.test(entry.name) ? [relative] : []
    })

  it('every other GET endpoint in the code is a custom read', () => {
    const found: Record<string, number> = {}
    for (const file of [...sources('src'), ...sources('collections')]) {
      const count = (fs.readFileSync(path.join(projectRoot, file), 'utf8').match(/method: 'get'/g) ?? []).length
      if (count) found[file] = count
    }
    const unexpected = Object.entries(found).filter(
      ([file, count]) => !(file in PLAIN_GETS) || (PLAIN_GETS[file] !== -1 && PLAIN_GETS[file] !== count),
    )
    expect(unexpected).toEqual([])
  })
})
