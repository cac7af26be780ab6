/**
 * The seed (here its essential part, `npm run seed -- --essentials`; the
 * full seed makes the same rows) creates python.org's operating systems
 * with their own ids (the release tooling sends OS id 3 for source files),
 * once: running it again creates nothing and keeps editors' changes.
 */
import { seedEssentials } from '../../seed/seed'
import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext

beforeAll(async () => {
  process.env.SEED_ADMIN_PASSWORD = 'seed-test-password'
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

const systems = async () =>
  (
    await t.payload.find({ collection: 'download-os', depth: 0, limit: 100, overrideAccess: true, pagination: false, sort: 'legacyId' })
  ).docs.map(({ legacyId, name, slug }) => ({ legacyId, name, slug }))

const quiet = () => undefined

describe('seeding the operating systems', () => {
  it('creates Windows 1, macOS 2, Source 3, Android 4, iOS 5', async () => {
    const result = await seedEssentials(t.payload, quiet)
    expect(result.summary['download-os']).toEqual({ created: 5, skipped: 0 })
    const rows = await systems()
    expect(rows.map((row) => [row.legacyId, row.slug])).toEqual([
      [1, 'windows'],
      [2, 'macos'],
      [3, 'source'],
      [4, 'android'],
      [5, 'ios'],
    ])
    expect(rows[0]!.name).toBe('Windows')
    expect(rows[1]!.name).toBe('macOS')
    expect(rows[2]!.name).toMatch(/^Source/)
    expect(rows[3]!.name).toBe('Android')
    expect(rows[4]!.name).toBe('iOS')
  })

  it('is idempotent and keeps editors’ changes', async () => {
    const [windows] = (await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'windows' } } })).docs
    await t.payload.update({ collection: 'download-os', data: { name: 'Microsoft Windows' }, id: windows!.id, overrideAccess: true })
    const before = await systems()

    const again = await seedEssentials(t.payload, quiet)
    expect(again.summary['download-os']).toEqual({ created: 0, skipped: 5 })
    expect(await systems()).toEqual(before)
    expect(before[0]).toEqual({ legacyId: 1, name: 'Microsoft Windows', slug: 'windows' })
  })

  it('recognises a renamed OS by its id instead of creating a clashing one', async () => {
    const [macos] = (await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'macos' } } })).docs
    await t.payload.update({ collection: 'download-os', data: { slug: 'mac-os-x' }, id: macos!.id, overrideAccess: true })
    const again = await seedEssentials(t.payload, quiet)
    expect(again.summary['download-os']).toEqual({ created: 0, skipped: 5 })
    expect((await systems()).find((row) => row.legacyId === 2)?.slug).toBe('mac-os-x')
  })

  it('later operating systems get ids after the seeded ones', async () => {
    const created = await t.payload.create({ collection: 'download-os', data: { name: 'WASI', slug: 'wasi' }, overrideAccess: true })
    expect(created.legacyId).toBeGreaterThan(5)
  })
})
