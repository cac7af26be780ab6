/**
 * Deleting a release deletes its files and their download statistics
 * (python.org's CASCADE), whether it goes through the API or straight to
 * the database, and leaves other releases' rows alone.
 */
import type { DownloadO } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedFile, seedOS, seedRelease, unique, withSql } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let os: DownloadO

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  os = await seedOS(t)
})
afterAll(async () => {
  await t?.close()
})

/** A release with two files, each downloaded on two days. */
const releaseWithDownloads = async () => {
  const release = await seedRelease(t, { name: 'Python 3.12.7', slug: unique('cascade') })
  const files = [await seedFile(t, release, os), await seedFile(t, release, os)]
  await withSql(t, async (client) => {
    for (const file of files) {
      for (const date of ['2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z']) {
        await client.query(
          `INSERT INTO download_statistics (id, release_file_id, date, download_count) VALUES (gen_random_uuid(), $1, $2, 5)`,
          [file.id, date],
        )
      }
    }
  })
  return { files, release }
}

const rowsFor = (releaseId: string) =>
  withSql(t, async (client) => {
    const files = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM release_files WHERE release_id = $1', [releaseId])
    const stats = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM download_statistics s JOIN release_files f ON f.id = s.release_file_id WHERE f.release_id = $1',
      [releaseId],
    )
    return { files: files.rows[0]!.n, stats: stats.rows[0]!.n }
  })

const statsForFiles = (ids: string[]) =>
  withSql(t, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM download_statistics WHERE release_file_id = ANY($1::uuid[])', [ids])).rows[0]!.n)

describe('deleting a release', () => {
  it('through REST (staff) removes its files and their statistics, and only those', async () => {
    const doomed = await releaseWithDownloads()
    const kept = await releaseWithDownloads()
    expect(await rowsFor(doomed.release.id)).toEqual({ files: 2, stats: 4 })

    const response = await t.api('DELETE', `/releases/${doomed.release.id}`, { auth: staff })
    expect(response.status).toBe(200)

    expect(await rowsFor(doomed.release.id)).toEqual({ files: 0, stats: 0 })
    expect(await statsForFiles(doomed.files.map((file) => file.id))).toBe(0)
    expect(await rowsFor(kept.release.id)).toEqual({ files: 2, stats: 4 })
    for (const file of doomed.files) {
      expect((await t.api('GET', `/release-files/${file.id}`, { auth: staff })).status).toBe(404)
    }
  })

  it('a member may not delete one (and nothing goes)', async () => {
    const { release } = await releaseWithDownloads()
    expect((await t.api('DELETE', `/releases/${release.id}`, { auth: member })).status).toBe(403)
    expect(await rowsFor(release.id)).toEqual({ files: 2, stats: 4 })
  })

  it('through the Local API and through raw SQL, the database cascades', async () => {
    const viaLocal = await releaseWithDownloads()
    await t.payload.delete({ collection: 'releases', id: viaLocal.release.id, overrideAccess: true })
    expect(await rowsFor(viaLocal.release.id)).toEqual({ files: 0, stats: 0 })
    expect(await statsForFiles(viaLocal.files.map((file) => file.id))).toBe(0)

    const viaSql = await releaseWithDownloads()
    await withSql(t, (client) => client.query('DELETE FROM releases WHERE id = $1', [viaSql.release.id]))
    expect(await statsForFiles(viaSql.files.map((file) => file.id))).toBe(0)
    expect(await rowsFor(viaSql.release.id)).toEqual({ files: 0, stats: 0 })
  })
})

describe('deleting a release file', () => {
  it('removes its statistics and leaves its siblings', async () => {
    const { files, release } = await releaseWithDownloads()
    const response = await t.api('DELETE', `/release-files/${files[0]!.id}`, { auth: staff })
    expect(response.status).toBe(200)
    expect(await statsForFiles([files[0]!.id])).toBe(0)
    expect(await statsForFiles([files[1]!.id])).toBe(2)
    expect(await rowsFor(release.id)).toEqual({ files: 1, stats: 2 })
  })
})

describe('deleting an operating system that files use', () => {
  it('is refused with a client error (never a 500), and the files stay', async () => {
    const system = await seedOS(t)
    const release = await seedRelease(t, { name: 'Python 3.12.8', slug: unique('os') })
    const file = await seedFile(t, release, system)
    const response = await t.api('DELETE', `/download-os/${system.id}`, { auth: staff })
    const body = await json(response)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(JSON.stringify(body)).toMatch(/release file/i)
    expect((await t.payload.findByID({ collection: 'release-files', id: file.id, overrideAccess: true })).id).toBe(file.id)
    expect((await t.payload.findByID({ collection: 'download-os', id: system.id, overrideAccess: true })).id).toBe(system.id)

    // the foreign key refuses it beneath Payload too
    const error = await withSql(t, (client) =>
      client.query('DELETE FROM download_os WHERE id = $1', [system.id]).then(
        () => null,
        (err: { code?: string }) => err,
      ),
    )
    expect(error).toMatchObject({ code: '23503' })
  })

  it('an unused one may be deleted', async () => {
    const system = await seedOS(t)
    expect((await t.api('DELETE', `/download-os/${system.id}`, { auth: staff })).status).toBe(200)
  })
})
