/**
 * Entering releases as editors do: the Python version, the pre-release flag
 * and the status follow the name unless set explicitly (through REST, GraphQL,
 * the admin's whole-form save and the Local API), so marking "Python 2.7.18"
 * latest leaves Python 3's latest alone; and a file's slug, left empty, is
 * made from its release and its name as python.org's tooling makes it, so each
 * release can have its "Gzipped source tarball".
 */
import { type Actors, makeActors } from '../helpers/actors'
import { adminSave, asRequestUser } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { makeSlug, slugFor } from '../pythondotorg/releaseTools'
import { expectClientError, fileUrl, json, latestIds, seedOS, seedRelease, unique, type Json } from './fixtures'

let t: TestContext
let actors: Actors
let os: Json

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  os = await seedOS(t)
})
afterAll(async () => {
  await t?.close()
})

const createRelease = async (body: Json) => {
  const response = await t.api('POST', '/releases', { auth: actors.staff, body: { slug: unique('r'), ...body } })
  const result = await json(response)
  expect(response.status).toBe(201)
  return result.doc as Json
}

const stored = async (id: string) =>
  // overrideAccess: the test checks what was stored
  (await t.payload.findByID({ collection: 'releases', depth: 0, id, overrideAccess: true })) as unknown as Json

const derived = (doc: Json) => ({ preRelease: doc.preRelease, status: doc.status, version: doc.version })

describe('version, pre-release and status from the name', () => {
  it.each([
    ['Python 2.7.18', { preRelease: false, status: 'BUGFIX', version: 'PYTHON2' }],
    ['Python 1.6.1', { preRelease: false, status: 'BUGFIX', version: 'PYTHON1' }],
    ['Python 3.13.1', { preRelease: false, status: 'BUGFIX', version: 'PYTHON3' }],
    ['Python 3.14.0rc2', { preRelease: true, status: 'PRERELEASE', version: 'PYTHON3' }],
    ['Python 3.15.0a1', { preRelease: true, status: 'PRERELEASE', version: 'PYTHON3' }],
    ['Python 2.6c1', { preRelease: true, status: 'PRERELEASE', version: 'PYTHON2' }],
    ['Python install manager 25.0', { preRelease: false, status: 'BUGFIX', version: 'PYMANAGER' }],
    ['Python Launcher', { preRelease: false, status: 'BUGFIX', version: 'PYTHON3' }],
  ])('REST: %s', async (name, expected) => {
    const doc = await createRelease({ name })
    expect(derived(doc)).toEqual(expected)
    expect(derived(await stored(doc.id))).toEqual(expected)
  })

  it('GraphQL and the Local API (as staff) derive the same', async () => {
    const result = await t.graphql(
      'mutation ($data: mutationReleaseInput!) { createRelease(data: $data) { id version status preRelease } }',
      { auth: actors.staff, variables: { data: { name: 'Python 2.7.17', slug: unique('r') } } },
    )
    expect(result.errors).toBeUndefined()
    expect(derived(result.data.createRelease)).toEqual({ preRelease: false, status: 'BUGFIX', version: 'PYTHON2' })
    const local = await t.payload.create({
      collection: 'releases',
      data: { name: 'Python 3.16.0b1', slug: unique('r') } as never,
      overrideAccess: false,
      user: await asRequestUser(t, actors.staff),
    })
    expect(derived(local)).toEqual({ preRelease: true, status: 'PRERELEASE', version: 'PYTHON3' })
  })

  it('what is set explicitly is kept, also when the name changes later', async () => {
    const doc = await createRelease({
      name: 'Python 3.12.20',
      preRelease: true,
      status: 'SECURITY',
      version: 'PYMANAGER',
    })
    expect(derived(doc)).toEqual({ preRelease: true, status: 'SECURITY', version: 'PYMANAGER' })
    const renamed = await adminSave(t, actors.staff, 'releases', doc.id, { name: 'Python 2.7.30' })
    expect(renamed.status).toBe(200)
    expect(derived(await stored(doc.id))).toEqual({ preRelease: true, status: 'SECURITY', version: 'PYMANAGER' })
  })

  it('derived values follow a renamed release (admin whole-form save, REST PATCH)', async () => {
    const candidate = await createRelease({ name: 'Python 3.17.0rc1' })
    expect(derived(candidate)).toEqual({ preRelease: true, status: 'PRERELEASE', version: 'PYTHON3' })
    expect((await adminSave(t, actors.staff, 'releases', candidate.id, { name: 'Python 3.17.0' })).status).toBe(200)
    expect(derived(await stored(candidate.id))).toEqual({ preRelease: false, status: 'BUGFIX', version: 'PYTHON3' })
    const patched = await t.api('PATCH', `/releases/${candidate.id}`, {
      auth: actors.staff,
      body: { name: 'Python 2.7.99' },
    })
    expect(patched.status).toBe(200)
    expect(derived(await stored(candidate.id))).toEqual({ preRelease: false, status: 'BUGFIX', version: 'PYTHON2' })
  })

  it('an editor can change one of them alone, and it then stays', async () => {
    const doc = await createRelease({ name: 'Python 3.18.0b2' })
    const patched = await t.api('PATCH', `/releases/${doc.id}`, { auth: actors.staff, body: { preRelease: false } })
    expect(patched.status).toBe(200)
    expect((await adminSave(t, actors.staff, 'releases', doc.id, { name: 'Python 3.18.0b3' })).status).toBe(200)
    expect(derived(await stored(doc.id))).toEqual({ preRelease: false, status: 'PRERELEASE', version: 'PYTHON3' })
  })

  it('members cannot create releases, derived or not', async () => {
    const response = await t.api('POST', '/releases', { auth: actors.member, body: { name: 'Python 2.7.50' } })
    expect(response.status).toBe(403)
  })
})

describe('the latest flag of a derived version', () => {
  it('marking "Python 2.7.18" latest keeps 3.13.1 the latest of Python 3', async () => {
    const python3 = await seedRelease(t, { isLatest: true, name: 'Python 3.13.1', slug: unique('r') })
    const old = await createRelease({ isLatest: true, isPublished: true, name: 'Python 2.7.18' })
    expect(old.version).toBe('PYTHON2')
    expect(await latestIds(t, 'PYTHON3')).toEqual([python3.id])
    expect(await latestIds(t, 'PYTHON2')).toEqual([old.id])
    const viaGraphQL = await t.graphql(
      'mutation ($data: mutationReleaseInput!) { createRelease(data: $data) { id version isLatest } }',
      { auth: actors.staff, variables: { data: { isLatest: true, name: 'Python 2.7.19', slug: unique('r') } } },
    )
    expect(viaGraphQL.data.createRelease).toMatchObject({ isLatest: true, version: 'PYTHON2' })
    expect(await latestIds(t, 'PYTHON3')).toEqual([python3.id])
    expect(await latestIds(t, 'PYTHON2')).toEqual([viaGraphQL.data.createRelease.id])
  })
})

describe("a file's slug from its release and name", () => {
  const createFile = async (release: Json, body: Json) => {
    const response = await t.api('POST', '/release-files', {
      auth: actors.staff,
      body: { os: os.id, release: release.id, url: fileUrl(), ...body },
    })
    return { body: await json(response), status: response.status }
  }

  it('each release gets its own "Gzipped source tarball" (REST and GraphQL)', async () => {
    const first = await seedRelease(t, { name: 'Python 3.14.1', slug: unique('r') })
    const second = await seedRelease(t, { name: 'Python 3.13.9', slug: unique('r') })
    const pre = await seedRelease(t, { name: 'Python 3.15.0a1', slug: unique('r') })
    const a = await createFile(first, { name: 'Gzipped source tarball' })
    const b = await createFile(second, { name: 'Gzipped source tarball' })
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.doc.slug).toBe('3141-gzipped-source-tarball')
    expect(b.body.doc.slug).toBe('3139-gzipped-source-tarball')
    const viaGraphQL = await t.graphql(
      'mutation ($data: mutationReleaseFileInput!) { createReleaseFile(data: $data) { slug } }',
      {
        auth: actors.staff,
        variables: { data: { name: 'Gzipped source tarball', os: os.id, release: pre.id, url: fileUrl('tgz') } },
      },
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaGraphQL.data.createReleaseFile.slug).toBe('3150-a1-gzipped-source-tarball')
  })

  it("has the shape of the release tooling's slugs, lowercased", async () => {
    const release = await seedRelease(t, { name: 'Python 3.12.11', slug: unique('r') })
    const name = 'Windows installer (64-bit)'
    const { body } = await createFile(release, { name })
    expect(body.doc.slug).toBe(`${slugFor('3.12.11')}-${makeSlug(name).slice(0, 40)}`.toLowerCase())
  })

  it('keeps a slug that is given, and its slug across later saves', async () => {
    const release = await seedRelease(t, { name: 'Python 3.11.14', slug: unique('r') })
    const given = await createFile(release, { name: 'macOS installer', slug: 'my-own-slug' })
    expect(given.body.doc.slug).toBe('my-own-slug')
    const made = await createFile(release, { name: 'XZ compressed source tarball' })
    expect(made.body.doc.slug).toBe('31114-xz-compressed-source-tarball')
    expect((await adminSave(t, actors.staff, 'release-files', made.body.doc.id, { name: 'XZ tarball' })).status).toBe(
      200,
    )
    const file = await t.payload.findByID({ collection: 'release-files', id: made.body.doc.id, overrideAccess: true })
    expect(file).toMatchObject({ name: 'XZ tarball', slug: '31114-xz-compressed-source-tarball' })
  })

  it('two files of one name in one release still clash: a 400 naming slug', async () => {
    const release = await seedRelease(t, { name: 'Python 3.10.19', slug: unique('r') })
    expect((await createFile(release, { name: 'Windows installer' })).status).toBe(201)
    const again = await t.api('POST', '/release-files', {
      auth: actors.staff,
      body: { name: 'Windows installer', os: os.id, release: release.id, url: fileUrl() },
    })
    await expectClientError(again, { field: 'slug' })
  })
})
