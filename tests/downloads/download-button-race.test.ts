/**
 * Concurrent creates of download-button files for the same release and OS:
 * exactly one succeeds, every other one is a client error naming
 * downloadButton (never a 500), and the table holds one button row.
 */
import type { DownloadO } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { describeErrors, fileUrl, json, seedOS, seedRelease, unique, withSql } from './fixtures'

let t: TestContext
let staff: TestUser
let os: DownloadO

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  os = await seedOS(t)
})
afterAll(async () => {
  await t?.close()
})

const buttonRows = (releaseId: string) =>
  withSql(t, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM release_files WHERE release_id = $1 AND os_id = $2 AND download_button',
      [releaseId, os.id],
    )
    return rows[0]!.n
  })

describe('racing download buttons', () => {
  it.each([2, 5])('%i concurrent button creates for one release and OS: one 201, the rest 400 naming downloadButton', async (concurrent) => {
    for (let round = 0; round < 5; round += 1) {
      const release = await seedRelease(t, { name: `Python 3.${round}.${concurrent}`, slug: unique('race') })
      const responses = await Promise.all(
        Array.from({ length: concurrent }, () =>
          t.api('POST', '/release-files', {
            auth: staff,
            body: { downloadButton: true, name: unique('installer'), os: os.id, release: release.id, url: fileUrl('exe') },
          }),
        ),
      )
      const results = await Promise.all(responses.map(async (response) => ({ body: await json(response), status: response.status })))
      expect(results.map((result) => result.status).sort()).toEqual([201, ...Array(concurrent - 1).fill(400)])
      for (const result of results.filter((item) => item.status !== 201)) {
        expect(describeErrors(result.body).paths).toContain('downloadButton')
      }
      expect(await buttonRows(release.id)).toBe(1)
    }
  })

  it('a concurrent PATCH and create racing for the same slot: one wins, one is refused', async () => {
    for (let round = 0; round < 5; round += 1) {
      const release = await seedRelease(t, { name: `Python 3.${round}.99`, slug: unique('mixed') })
      const plain = await t.payload.create({
        collection: 'release-files',
        data: { name: unique('plain'), os: os.id, release: release.id, slug: unique('plain'), url: fileUrl() },
        overrideAccess: true,
      })
      const [patched, created] = await Promise.all([
        t.api('PATCH', `/release-files/${plain.id}`, { auth: staff, body: { downloadButton: true } }),
        t.api('POST', '/release-files', {
          auth: staff,
          body: { downloadButton: true, name: unique('new'), os: os.id, release: release.id, url: fileUrl() },
        }),
      ])
      await Promise.all([patched.text(), created.text()])
      expect([patched.status, created.status].sort()).toEqual(patched.status === 200 ? [200, 400] : [201, 400])
      expect(await buttonRows(release.id)).toBe(1)
    }
  })
})
