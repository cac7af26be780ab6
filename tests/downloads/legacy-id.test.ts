/**
 * python.org's integer ids (legacyId) for releases, release files and
 * operating systems: handed out by a sequence (positive, increasing,
 * unique, also under concurrency); an explicit id written by the system
 * (overrideAccess) is kept and later rows continue past it; clients
 * cannot choose or change one.
 */
import type { DownloadO, Release } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { fileUrl, json, seedOS, seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser
let os: DownloadO
let release: Release

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  os = await seedOS(t)
  release = await seedRelease(t, { name: 'Python 3.13.0', slug: unique('legacy') })
})
afterAll(async () => {
  await t?.close()
})

const createRelease = async (body: Record<string, unknown> = {}) => {
  const response = await t.api('POST', '/releases', { auth: staff, body: { name: `Python 3.1.${Math.floor(Math.random() * 1e6)}`, slug: unique('r'), ...body } })
  const result = await json(response)
  expect(response.status).toBe(201)
  return result.doc as Release
}

const createFile = async (body: Record<string, unknown> = {}) => {
  const response = await t.api('POST', '/release-files', {
    auth: staff,
    body: { name: unique('f'), os: os.id, release: release.id, url: fileUrl(), ...body },
  })
  const result = await json(response)
  expect(response.status).toBe(201)
  return result.doc as { id: string; legacyId: number }
}

const expectIncreasing = (ids: number[]) => {
  for (const id of ids) {
    expect(Number.isInteger(id)).toBe(true)
    expect(id).toBeGreaterThan(0)
  }
  for (let index = 1; index < ids.length; index += 1) expect(ids[index]!).toBeGreaterThan(ids[index - 1]!)
}

describe('legacyId from the sequence', () => {
  it('releases get positive, increasing, unique integers', async () => {
    const ids = []
    for (let index = 0; index < 4; index += 1) ids.push((await createRelease()).legacyId!)
    expectIncreasing(ids)
  })

  it('release files and operating systems too', async () => {
    const files = []
    for (let index = 0; index < 4; index += 1) files.push((await createFile()).legacyId)
    expectIncreasing(files)
    const systems = []
    for (let index = 0; index < 3; index += 1) {
      const response = await t.api('POST', '/download-os', { auth: staff, body: { name: unique('OS') } })
      expect(response.status).toBe(201)
      systems.push((await json(response)).doc.legacyId)
    }
    expectIncreasing(systems)
  })

  it('concurrent creates never share an id', async () => {
    const docs = await Promise.all(Array.from({ length: 8 }, () => createFile()))
    const ids = docs.map((doc) => doc.legacyId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toBeGreaterThan(0)
  })

  it('an update keeps the id', async () => {
    const doc = await createRelease()
    const response = await t.api('PATCH', `/releases/${doc.id}`, { auth: staff, body: { showOnDownloadPage: false } })
    expect((await json(response)).doc.legacyId).toBe(doc.legacyId)
  })
})

describe('explicit ids', () => {
  it('an id given by the system is kept, and later rows continue past it', async () => {
    const before = (await createRelease()).legacyId!
    const imported = await t.payload.create({
      collection: 'releases',
      data: { legacyId: before + 1000, name: 'Python 2.0.1', slug: unique('imported') } as never,
      overrideAccess: true,
    })
    expect(imported.legacyId).toBe(before + 1000)
    const after = await createRelease()
    expect(after.legacyId).toBeGreaterThan(before + 1000)

    const importedFile = await t.payload.create({
      collection: 'release-files',
      data: { legacyId: 50_000, name: unique('imp'), os: os.id, release: release.id, slug: unique('imp'), url: fileUrl() },
      overrideAccess: true,
    })
    expect(importedFile.legacyId).toBe(50_000)
    expect((await createFile()).legacyId).toBeGreaterThan(50_000)
  })

  it('an older explicit id does not move the sequence back', async () => {
    await t.payload.create({ collection: 'releases', data: { legacyId: 100_000, name: 'Python 2.0.3', slug: unique('gap') } as never, overrideAccess: true })
    const high = (await createRelease()).legacyId!
    expect(high).toBeGreaterThan(100_000)
    // 99_999 is free: the sequence jumped over it
    const old = await t.payload.create({
      collection: 'releases',
      data: { legacyId: 99_999, name: 'Python 1.0.0', slug: unique('old') } as never,
      overrideAccess: true,
    })
    expect(old.legacyId).toBe(99_999)
    expect((await createRelease()).legacyId).toBe(high + 1)
  })

  it('a system update to a higher id also moves the sequence past it', async () => {
    const doc = await createRelease()
    const updated = await t.payload.update({
      collection: 'releases',
      data: { legacyId: 900_000 },
      id: doc.id,
      overrideAccess: true,
    })
    expect(updated.legacyId).toBe(900_000)
    expect((await createRelease()).legacyId).toBeGreaterThan(900_000)
  })

  it('a duplicate explicit id is a validation error naming legacyId, not a 500', async () => {
    const doc = await createRelease()
    await expect(
      t.payload.create({
        collection: 'releases',
        data: { legacyId: doc.legacyId, name: 'Python 2.0.2', slug: unique('dup') } as never,
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'legacyId' })] }, status: 400 })
  })
})

describe('clients cannot set it', () => {
  it('a legacyId in a client create or update is ignored (REST, GraphQL, Local API without override)', async () => {
    const created = await createFile({ legacyId: 777_777 })
    expect(created.legacyId).not.toBe(777_777)
    const patch = await t.api('PATCH', `/release-files/${created.id}`, { auth: staff, body: { legacyId: 777_778 } })
    expect(patch.status).toBe(200)
    expect((await json(patch)).doc.legacyId).toBe(created.legacyId)

    const gql = await t.graphql(`mutation ($id: String!) { updateRelease(id: $id, data: { legacyId: 777779 }) { legacyId } }`, {
      auth: staff,
      variables: { id: release.id },
    })
    expect(gql.errors).toBeUndefined()
    expect(gql.data.updateRelease.legacyId).toBe(release.legacyId)

    const user = await t.payload.findByID({ collection: 'users', id: staff.id, overrideAccess: true })
    const local = await t.payload.create({
      collection: 'download-os',
      data: { legacyId: 777_780, name: unique('local'), slug: unique('local') },
      overrideAccess: false,
      user,
    })
    expect(local.legacyId).not.toBe(777_780)
    expect(local.legacyId).toBeGreaterThan(0)
  })
})
