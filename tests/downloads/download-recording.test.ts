/**
 * POST /api/release-files/:id/download counts one download of a file the
 * caller can see, today, in the one row of (file, day). Concurrent
 * recordings never lose a count.
 */
import type { DownloadO, ReleaseFile } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectEndpointError, json, seedFile, seedOS, seedRelease, unique, withSql } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let os: DownloadO
let file: ReleaseFile
let hiddenFile: ReleaseFile

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  os = await seedOS(t)
  const release = await seedRelease(t, { name: 'Python 3.13.2', slug: unique('dl') })
  const draft = await seedRelease(t, { isPublished: false, name: 'Python 3.14.9', slug: unique('dl-draft') })
  file = await seedFile(t, release, os)
  hiddenFile = await seedFile(t, draft, os)
})
afterAll(async () => {
  await t?.close()
})

const today = () => new Date().toISOString().slice(0, 10)

/** The statistics rows of a file: day and count, straight from the table. */
const rowsOf = (fileId: string) =>
  withSql(t, async (client) => {
    const { rows } = await client.query<{ count: string; day: string }>(
      `SELECT to_char(date AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, download_count::text AS count
       FROM download_statistics WHERE release_file_id = $1 ORDER BY date`,
      [fileId],
    )
    return rows.map((row) => ({ count: Number(row.count), day: row.day }))
  })

const record = (id: string, auth?: TestUser) => t.api('POST', `/release-files/${id}/download`, { auth })

describe('recording a download', () => {
  it('anyone may record one for a visible file; it lands in today’s row', async () => {
    const target = await seedFile(t, { id: file.release as string }, os)
    const first = await record(target.id)
    expect(first.status).toBe(200)
    expect(await json(first)).toEqual({ downloadCount: 1 })
    expect(await json(await record(target.id, member))).toEqual({ downloadCount: 2 })
    expect(await json(await record(target.id, staff))).toEqual({ downloadCount: 3 })
    expect(await rowsOf(target.id)).toEqual([{ count: 3, day: today() }])
  })

  it('a file of an unpublished release is a 404 for anonymous callers and members, and nothing is counted', async () => {
    for (const auth of [undefined, member]) {
      await expectEndpointError(await record(hiddenFile.id, auth), 404, /release file/i)
    }
    expect(await rowsOf(hiddenFile.id)).toEqual([])
  })

  it('an unknown id is a 404 and a malformed one a 400 naming id', async () => {
    await expectEndpointError(await record('5b0f0c39-7d6e-4b4e-9d4a-0c1f1c2b3a4d'), 404, /release file/i)
    await expectEndpointError(await record('not-a-uuid'), 400, /\bid\b/)
    await expectEndpointError(await record("1' OR '1'='1"), 400, /\bid\b/)
  })

  it('only POST records: a GET of the same path counts nothing', async () => {
    const target = await seedFile(t, { id: file.release as string }, os)
    const response = await t.api('GET', `/release-files/${target.id}/download`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await rowsOf(target.id)).toEqual([])
  })
})

describe('concurrent recordings', () => {
  it('200 concurrent downloads count exactly 200, in one row for the day', async () => {
    const target = await seedFile(t, { id: file.release as string }, os)
    const TOTAL = 200
    const BATCH = 50
    const statuses: number[] = []
    for (let sent = 0; sent < TOTAL; sent += BATCH) {
      const batch = await Promise.all(
        Array.from({ length: BATCH }, async (_, index) => {
          const response = await record(target.id, index % 2 ? member : undefined)
          await response.text()
          return response.status
        }),
      )
      statuses.push(...batch)
    }
    expect(statuses).toEqual(Array(TOTAL).fill(200))
    expect(await rowsOf(target.id)).toEqual([{ count: TOTAL, day: today() }])
  })

  it('the first downloads of a day, all at once, still make one row', async () => {
    const target = await seedFile(t, { id: file.release as string }, os)
    const counts = await Promise.all(
      Array.from({ length: 20 }, async () => (await json(await record(target.id))).downloadCount as number),
    )
    // every recording saw its own increment: the answers are 1..20 in some order
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1))
    expect(await rowsOf(target.id)).toEqual([{ count: 20, day: today() }])
  })
})

describe('statistics are written by the endpoint only', () => {
  it('nobody creates or edits statistics through REST or GraphQL, not even a superuser', async () => {
    const target = await seedFile(t, { id: file.release as string }, os)
    await record(target.id)
    const [row] = (await t.payload.find({ collection: 'download-statistics', overrideAccess: true, where: { releaseFile: { equals: target.id } } })).docs
    const superuser = await t.makeUser('superuser')
    for (const auth of [undefined, member, staff, superuser]) {
      const created = await t.api('POST', '/download-statistics', {
        auth,
        body: { date: '2025-01-01T00:00:00.000Z', downloadCount: 1_000_000, releaseFile: target.id },
      })
      expect([401, 403]).toContain(created.status)
      const patched = await t.api('PATCH', `/download-statistics/${row!.id}`, { auth, body: { downloadCount: 1_000_000 } })
      expect([401, 403, 404]).toContain(patched.status)
      const gql = await t.graphql(
        `mutation ($id: String!) { updateDownloadStatistic(id: $id, data: { downloadCount: 1000000 }) { id } }`,
        { auth, variables: { id: row!.id } },
      )
      expect(gql.errors?.length).toBeGreaterThan(0)
    }
    expect(await rowsOf(target.id)).toEqual([{ count: 1, day: today() }])
  })

  it('members and anonymous callers cannot read raw statistics; staff can', async () => {
    expect((await t.api('GET', '/download-statistics')).status).toBe(403)
    expect((await t.api('GET', '/download-statistics', { auth: member })).status).toBe(403)
    const response = await t.api('GET', '/download-statistics', { auth: staff })
    expect(response.status).toBe(200)
    expect((await json(response)).totalDocs).toBeGreaterThan(0)
  })
})
