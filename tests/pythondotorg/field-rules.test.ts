/**
 * python.org's API accepts what python.org's models accepted where this
 * project's own rules are stricter (Django slugs, free-text checksums, an
 * unbounded description, a signed filesize, ftp release-notes URLs), and
 * nothing beyond python.org's limits. New content through the admin panel,
 * Payload's REST and GraphQL and the Local API keeps this project's rules;
 * a document the compatibility API created stays valid when an editor saves
 * it in the admin panel, and what the editor then types meets the strict rules.
 */
import { ValidationError } from 'payload'

import { adminSave, errorPaths, messages } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { asUser, createRelease, json, type KeyUser, setUpWorld, unique } from './fixtures'

let t: TestContext
let staff: KeyUser
let release: { id: string; legacyId: number }

beforeAll(async () => {
  t = await startTestPayload()
  ;({ staff } = await setUpWorld(t))
  const created = await createRelease(t, staff, { name: 'Python 3.3.7' })
  release = { id: created.id, legacyId: created.legacyId! }
})
afterAll(async () => {
  await t?.close()
})

const FTP = 'https://www.python.org/ftp/python/3.3.7'

const post = (version: 'v1' | 'v2', path: string, body: unknown) =>
  t.api('POST', `${version}/downloads/${path}/`, {
    auth: undefined,
    body,
    headers: { Authorization: version === 'v1' ? staff.v1 : staff.v2 },
  })

const idFrom = (location: null | string) => Number(location!.replace(/\/$/, '').split('/').at(-1))

/** The UUID behind a legacy id (the system reads it back). */
const docByLegacyId = async (collection: 'download-os' | 'release-files' | 'releases', legacyId: number) =>
  (await t.payload.find({ collection, overrideAccess: true, where: { legacyId: { equals: legacyId } } })).docs[0]!

/** python.org-valid values this project would refuse from an editor. */
const LOOSE_FILE = {
  description: 'd'.repeat(5000),
  filesize: -1,
  md5_sum: 'see the .asc file',
  sha256_sum: 'SHA256:0123abcd',
}

const looseFile = (version: 'v1' | 'v2', overrides: Record<string, unknown> = {}) => ({
  name: 'Windows help file',
  os: `/api/${version}/downloads/os/1/`,
  release: `/api/${version}/downloads/release/${release.legacyId}/`,
  slug: unique('337-Windows_help').replace(/-([0-9a-f]+)$/, '_$1'),
  url: `${FTP}/${unique('python337')}.chm`,
  ...LOOSE_FILE,
  ...overrides,
})

describe("python.org's API takes what python.org's models took", () => {
  it('an OS with a Django slug (v1)', async () => {
    const response = await post('v1', 'os', { name: 'FreeBSD', slug: 'Free_BSD' })
    expect(response.status).toBe(201)
    expect((await docByLegacyId('download-os', idFrom(response.headers.get('Location')))).slug).toBe('Free_BSD')
  })

  it('a release with a Django slug and an ftp release-notes URL (v2)', async () => {
    const response = await post('v2', 'release', {
      name: 'Python 3.3.0',
      release_notes_url: 'ftp://ftp.python.org/pub/python/3.3.0/NEWS',
      slug: 'Python_330',
    })
    expect(response.status).toBe(201)
    expect(await json(response)).toMatchObject({
      release_notes_url: 'ftp://ftp.python.org/pub/python/3.3.0/NEWS',
      slug: 'Python_330',
    })
  })

  it.each(['v1', 'v2'] as const)(
    'a release file with free-text checksums, a long description and a negative size (%s)',
    async (version) => {
      const body = looseFile(version)
      const response = await post(version, 'release_file', body)
      expect(response.status).toBe(201)
      const doc = await docByLegacyId('release-files', idFrom(response.headers.get('Location')))
      expect(doc).toMatchObject({
        description: LOOSE_FILE.description,
        filesize: -1,
        md5Sum: LOOSE_FILE.md5_sum,
        sha256Sum: LOOSE_FILE.sha256_sum,
        slug: body.slug,
      })
    },
  )

  it("and nothing beyond python.org's own limits", async () => {
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ slug: '3.3.7-chm' }, /slug may contain only letters, digits, underscores and hyphens/],
      [{ slug: 'S'.repeat(201) }, /slug must be at most 200 characters/],
      [{ md5_sum: 'm'.repeat(201) }, /md5_sum must be at most 200 characters/],
      [{ filesize: 2 ** 31 * -1 - 1 }, /filesize must be between/],
      [{ url: 'ftp://www.python.org/ftp/python/3.3.7/x.chm' }, /url must be an http\(s\) URL/],
    ]
    for (const [overrides, rule] of refused) {
      const response = await post('v1', 'release_file', looseFile('v1', overrides))
      expect([JSON.stringify(overrides), response.status]).toEqual([JSON.stringify(overrides), 400])
      expect((await json(response)).error_message).toMatch(rule)
    }
    const notes = await post('v1', 'release', { name: 'Python 3.3.1', release_notes_url: 'gopher://python.org/NEWS' })
    expect(notes.status).toBe(400)
    expect((await json(notes)).error_message).toMatch(/release_notes_url must be an http\(s\) or ftp\(s\) URL/)
  })
})

describe("new content elsewhere keeps this project's rules", () => {
  const restBody = (overrides: Record<string, unknown>) => ({
    name: 'Doc',
    os: undefined as unknown,
    release: release.id,
    url: `${FTP}/${unique('doc')}.zip`,
    ...overrides,
  })
  let windows: string
  beforeAll(async () => {
    windows = (await docByLegacyId('download-os', 1)).id
  })

  it.each([
    ['slug', { slug: 'Upper_Case' }],
    ['md5Sum', { md5Sum: 'abc' }],
    ['sha256Sum', { sha256Sum: 'SHA256:0123abcd' }],
    ['description', { description: 'd'.repeat(2001) }],
    ['filesize', { filesize: -1 }],
  ])('REST refuses %s', async (field, overrides) => {
    const response = await t.api('POST', 'release-files', {
      auth: staff,
      body: restBody({ os: windows, ...overrides }),
    })
    expect(response.status).toBe(400)
    expect(errorPaths(await json(response))).toContain(field)
  })

  it('REST refuses an ftp release-notes URL and a Django slug on a new release', async () => {
    const response = await t.api('POST', 'releases', {
      auth: staff,
      body: { name: 'Python 3.3.2', releaseNotesUrl: 'ftp://ftp.python.org/NEWS', slug: 'Python_332' },
    })
    expect(response.status).toBe(400)
    expect(errorPaths(await json(response)).sort()).toEqual(['releaseNotesUrl', 'slug'])
  })

  it('GraphQL and the Local API refuse them too', async () => {
    const result = await t.graphql(
      `mutation ($data: mutationReleaseFileInput!) { createReleaseFile(data: $data) { id } }`,
      { auth: staff, variables: { data: restBody({ md5Sum: 'abc', os: windows }) } },
    )
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(JSON.stringify(result.errors)).toMatch(/md5Sum must be 32 hexadecimal characters/)
    await expect(
      t.payload.create({
        collection: 'release-files',
        data: restBody({ os: windows, slug: 'Mixed-Case' }) as never,
        overrideAccess: false,
        user: await asUser(t, staff),
      }),
    ).rejects.toThrow(ValidationError)
  })
})

describe('a document the API created, saved later in the admin panel', () => {
  it('saves with its python.org values untouched', async () => {
    const body = looseFile('v1')
    const created = await post('v1', 'release_file', body)
    expect(created.status).toBe(201)
    const file = await docByLegacyId('release-files', idFrom(created.headers.get('Location')))
    const saved = await adminSave(t, staff, 'release-files', file.id, { name: 'Windows help file (CHM)' })
    expect(saved.status).toBe(200)
    expect((await json(saved)).doc).toMatchObject({
      description: LOOSE_FILE.description,
      filesize: -1,
      md5Sum: LOOSE_FILE.md5_sum,
      name: 'Windows help file (CHM)',
      sha256Sum: LOOSE_FILE.sha256_sum,
      slug: body.slug,
    })

    // a partial REST update and a GraphQL update of another field too
    const patched = await t.api('PATCH', `release-files/${file.id}`, { auth: staff, body: { isSource: false } })
    expect(patched.status).toBe(200)
    const graph = await t.graphql(
      `mutation ($id: String!) { updateReleaseFile(id: $id, data: { name: "CHM" }) { slug md5Sum } }`,
      {
        auth: staff,
        variables: { id: file.id },
      },
    )
    expect(graph.errors).toBeUndefined()
    expect(graph.data.updateReleaseFile).toEqual({ md5Sum: LOOSE_FILE.md5_sum, slug: body.slug })

    const os = await post('v1', 'os', { name: 'Solaris', slug: 'Sun_OS' })
    const osDoc = await docByLegacyId('download-os', idFrom(os.headers.get('Location')))
    expect((await adminSave(t, staff, 'download-os', osDoc.id, { name: 'Solaris (SunOS)' })).status).toBe(200)

    const rel = await post('v2', 'release', {
      name: 'Python 3.3.3',
      release_notes_url: 'ftp://ftp.python.org/NEWS',
      slug: 'Python_333',
    })
    const relDoc = await docByLegacyId('releases', idFrom(rel.headers.get('Location')))
    const relSaved = await adminSave(t, staff, 'releases', relDoc.id, { isPublished: true })
    expect(relSaved.status).toBe(200)
    expect((await json(relSaved)).doc).toMatchObject({
      releaseNotesUrl: 'ftp://ftp.python.org/NEWS',
      slug: 'Python_333',
    })
  })

  it('holds what the editor changes to the strict rules', async () => {
    const created = await post('v2', 'release_file', looseFile('v2'))
    const file = await docByLegacyId('release-files', idFrom(created.headers.get('Location')))
    for (const [field, value] of [
      ['md5Sum', 'still not hex'],
      ['slug', 'Another_Slug'],
      ['filesize', -2],
      ['description', 'e'.repeat(5000)],
    ] as const) {
      const response = await adminSave(t, staff, 'release-files', file.id, { [field]: value })
      const body = await json(response)
      expect([field, response.status]).toEqual([field, 400])
      expect(errorPaths(body)).toContain(field)
      expect(messages(body)).not.toMatch(/Internal/)
    }
    // and a strict value replaces a loose one
    const fixed = await adminSave(t, staff, 'release-files', file.id, { md5Sum: 'a'.repeat(32), slug: unique('chm') })
    expect(fixed.status).toBe(200)
  })

  it('a python.org API update (v2 PATCH) may keep or change python.org values', async () => {
    const created = await post('v2', 'release_file', looseFile('v2'))
    const id = idFrom(created.headers.get('Location'))
    const patched = await t.api('PATCH', `v2/downloads/release_file/${id}/`, {
      auth: undefined,
      body: { md5_sum: 'another free text', slug: unique('Changed_Slug').replace(/-/g, '_') },
      headers: { Authorization: staff.v2 },
    })
    expect(patched.status).toBe(200)
    expect(await json(patched)).toMatchObject({ md5_sum: 'another free text' })
  })
})
