/**
 * GET /api/download-statistics/totals: staff-only download totals grouped
 * by release, OS or day, over an inclusive day range, optionally for one
 * release. Members get 403, anonymous callers 401, bad parameters a 400
 * naming the parameter.
 */
import type { DownloadO, Release, ReleaseFile } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectEndpointError, json, seedFile, seedOS, seedRelease, withSql } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let windows: DownloadO
let macos: DownloadO
let r313: Release
let r312: Release
let files: Record<'mac313' | 'win312' | 'win313', ReleaseFile>

/** (file, day, count) rows written straight to the table. */
const insert = (rows: [ReleaseFile, string, number][]) =>
  withSql(t, async (client) => {
    for (const [file, day, count] of rows) {
      await client.query(
        'INSERT INTO download_statistics (id, release_file_id, date, download_count) VALUES (gen_random_uuid(), $1, $2, $3)',
        [file.id, `${day}T00:00:00Z`, count],
      )
    }
  })

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  windows = await t.payload.create({ collection: 'download-os', data: { name: 'Windows', slug: 'windows' }, overrideAccess: true })
  macos = await t.payload.create({ collection: 'download-os', data: { name: 'macOS', slug: 'macos' }, overrideAccess: true })
  r313 = await seedRelease(t, { name: 'Python 3.13.0', slug: 'python-3130' })
  r312 = await seedRelease(t, { name: 'Python 3.12.0', slug: 'python-3120' })
  files = {
    mac313: await seedFile(t, r313, macos),
    win312: await seedFile(t, r312, windows),
    win313: await seedFile(t, r313, windows),
  }
  await insert([
    [files.win313, '2025-03-01', 10],
    [files.win313, '2025-03-02', 20],
    [files.win313, '2025-03-03', 30],
    [files.mac313, '2025-03-01', 1],
    [files.mac313, '2025-03-03', 3],
    [files.win312, '2025-02-28', 100],
    [files.win312, '2025-03-02', 200],
  ])
})
afterAll(async () => {
  await t?.close()
})

const totals = async (query: string, auth: TestUser = staff) => {
  const response = await t.api('GET', `/download-statistics/totals?${query}`, { auth })
  const body = await json(response)
  expect(response.status).toBe(200)
  return body as { groupBy: string; totals: { downloads: number; key: string }[] }
}

describe('who may read totals', () => {
  it('anonymous callers get 401 and members 403', async () => {
    await expectEndpointError(await t.api('GET', '/download-statistics/totals?groupBy=release'), 401, /staff/i)
    await expectEndpointError(await t.api('GET', '/download-statistics/totals?groupBy=release', { auth: member }), 403, /staff/i)
  })
})

describe('grouping', () => {
  it('by release', async () => {
    expect(await totals('groupBy=release')).toEqual({
      groupBy: 'release',
      totals: [
        { downloads: 300, key: 'python-3120' },
        { downloads: 64, key: 'python-3130' },
      ],
    })
  })

  it('by OS', async () => {
    expect((await totals('groupBy=os')).totals).toEqual([
      { downloads: 4, key: 'macos' },
      { downloads: 360, key: 'windows' },
    ])
  })

  it('by day, oldest first', async () => {
    expect((await totals('groupBy=day')).totals).toEqual([
      { downloads: 100, key: '2025-02-28' },
      { downloads: 11, key: '2025-03-01' },
      { downloads: 220, key: '2025-03-02' },
      { downloads: 33, key: '2025-03-03' },
    ])
  })

  it('defaults to release', async () => {
    expect((await totals('')).groupBy).toBe('release')
  })
})

describe('day ranges and release filter', () => {
  it('from and to are inclusive days', async () => {
    expect((await totals('groupBy=day&from=2025-03-01&to=2025-03-02')).totals).toEqual([
      { downloads: 11, key: '2025-03-01' },
      { downloads: 220, key: '2025-03-02' },
    ])
    expect((await totals('groupBy=day&from=2025-03-03')).totals).toEqual([{ downloads: 33, key: '2025-03-03' }])
    expect((await totals('groupBy=day&to=2025-02-28')).totals).toEqual([{ downloads: 100, key: '2025-02-28' }])
    expect((await totals('groupBy=release&from=2025-03-02&to=2025-03-02')).totals).toEqual([
      { downloads: 200, key: 'python-3120' },
      { downloads: 20, key: 'python-3130' },
    ])
  })

  it('a range with no downloads is an empty list', async () => {
    expect((await totals('groupBy=day&from=2024-01-01&to=2024-12-31')).totals).toEqual([])
  })

  it('release= narrows to one release (what the admin chart asks for)', async () => {
    expect((await totals(`groupBy=day&release=${r313.id}`)).totals).toEqual([
      { downloads: 11, key: '2025-03-01' },
      { downloads: 20, key: '2025-03-02' },
      { downloads: 33, key: '2025-03-03' },
    ])
    expect((await totals(`groupBy=os&release=${r312.id}&from=2025-03-01`)).totals).toEqual([{ downloads: 200, key: 'windows' }])
  })

  it('counts recorded through the download endpoint show up under today', async () => {
    for (let index = 0; index < 3; index += 1) {
      expect((await t.api('POST', `/release-files/${files.mac313.id}/download`)).status).toBe(200)
    }
    const day = new Date().toISOString().slice(0, 10)
    expect((await totals(`groupBy=day&release=${r313.id}&from=${day}&to=${day}`)).totals).toEqual([{ downloads: 3, key: day }])
  })
})

describe('bad parameters', () => {
  it.each([
    ['groupBy=week', /groupBy/],
    ['groupBy=', /groupBy/],
    ['groupBy=toString', /groupBy/],
    ['groupBy=__proto__', /groupBy/],
    ['groupBy=day&from=yesterday', /from/],
    ['groupBy=day&from=2025-3-1', /from/],
    ['groupBy=day&from=2025-13-01', /from/],
    ['groupBy=day&from=2025-02-30', /from/],
    ['groupBy=day&to=2025-02-29', /to/],
    ['groupBy=day&to=2025-03-01T00:00:00Z', /to/],
    ['groupBy=day&from=2025-03-02&to=2025-03-01', /from/],
    ['groupBy=day&release=123', /release/],
  ])('%s is a 400 naming the parameter', async (query, words) => {
    await expectEndpointError(await t.api('GET', `/download-statistics/totals?${query}`, { auth: staff }), 400, words)
  })
})
