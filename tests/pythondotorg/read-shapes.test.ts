/**
 * What python.org's API answered, down to what clients parse: the fields
 * each resource listed (Tastypie's `fields`, the DRF serializers' `Meta.fields`)
 * and nothing else, v1 keys sorted as Tastypie's JSON wrote them and v2 keys
 * in serializer order; `""` for blank text and null only for a missing
 * relation; integer ids; `resource_uri` with its trailing slash (a path in v1,
 * an absolute URL in v2); datetimes as Tastypie (`2013-05-15T00:00:00`) and
 * Django REST framework (`2013-05-15T00:00:00Z`) printed them; lists in the
 * models' own order. The fixtures follow python.org's own API tests
 * (apps/downloads/tests/base.py in python/pythondotorg: Python 2.7.5 and
 * its files, a draft 9.7.2, a release page).
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { asUser, createFile, createRelease, json, type KeyUser, setUpWorld } from './fixtures'

let t: TestContext
let staff: KeyUser
let page: { id: string; legacyId: number }
let release275: { id: string; legacyId: number }
let draft: { id: string; legacyId: number }
let linuxFile: { legacyId: number }
let windows: string
let source: string

beforeAll(async () => {
  t = await startTestPayload()
  const world = await setUpWorld(t)
  staff = world.staff
  windows = (await world.os('windows')).id
  source = (await world.os('source')).id
  const user = await asUser(t, staff)
  const created = await t.payload.create({
    collection: 'pages',
    data: {
      content: 'whatever',
      contentType: 'MARKDOWN',
      isPublished: true,
      path: 'download/releases/2.7.5',
      title: 'Python 2.7.5 Release',
    },
    overrideAccess: false,
    user,
  })
  page = { id: created.id, legacyId: created.legacyId! }
  const r275 = await createRelease(t, staff, {
    isLatest: true,
    name: 'Python 2.7.5',
    releaseDate: '2013-05-15T00:00:00.000Z',
    releasePage: page.id,
    version: 'PYTHON2',
  })
  release275 = { id: r275.id, legacyId: r275.legacyId! }
  const r972 = await createRelease(t, staff, { isPublished: false, name: 'Python 9.7.2', releasePage: page.id })
  draft = { id: r972.id, legacyId: r972.legacyId! }
  // created in an order unlike python.org's list order (release name, OS name, file name)
  await createFile(t, {
    description: 'Windows binary -- does not include source',
    name: 'Windows x86 MSI Installer (2.7.5)',
    os: windows,
    release: release275.id,
    url: 'https://www.python.org/ftp/python/2.7.5/python-2.7.5.msi',
  })
  const linux = await createFile(t, {
    description: 'Gzipped source',
    filesize: 12345678,
    isSource: true,
    name: 'Source tarball',
    os: source,
    release: release275.id,
    url: 'https://www.python.org/ftp/python/2.7.5/Python-2.7.5.tgz',
  })
  linuxFile = { legacyId: linux.legacyId! }
  await createFile(t, {
    name: 'Source tarball for a draft release',
    os: source,
    release: draft.id,
    url: 'https://www.python.org/ftp/python/9.7.2/Python-9.7.2.tgz',
  })
  await createFile(t, {
    name: 'Windows X86-64 MSI Installer (2.7.5)',
    os: windows,
    release: release275.id,
    url: 'https://www.python.org/ftp/python/2.7.5/python-2.7.5.amd64.msi',
  })
})
afterAll(async () => {
  await t?.close()
})

const get = async (path: string, authorization?: string) => {
  const response = await t.api('GET', path, {
    auth: undefined,
    headers: authorization ? { Authorization: authorization } : {},
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text}`)
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  return JSON.parse(text)
}

const ORIGIN = 'http://localhost:3000'

describe('v1 (Tastypie)', () => {
  it('an OS: name, resource_uri, slug', async () => {
    const os = await get('v1/downloads/os/3/')
    expect(Object.keys(os)).toEqual(['name', 'resource_uri', 'slug'])
    expect(os).toEqual({ name: 'Source release', resource_uri: '/api/v1/downloads/os/3/', slug: 'source' })
  })

  it('a release: its listed fields, sorted, with a naive UTC release_date', async () => {
    const release = await get(`v1/downloads/release/${release275.legacyId}/`)
    expect(Object.keys(release)).toEqual([
      'is_latest',
      'is_published',
      'name',
      'pre_release',
      'release_date',
      'release_notes_url',
      'release_page',
      'resource_uri',
      'show_on_download_page',
      'slug',
      'version',
    ])
    expect(release).toEqual({
      is_latest: true,
      is_published: true,
      name: 'Python 2.7.5',
      pre_release: false,
      release_date: '2013-05-15T00:00:00',
      release_notes_url: '',
      release_page: `/api/v1/pages/page/${page.legacyId}/`,
      resource_uri: `/api/v1/downloads/release/${release275.legacyId}/`,
      show_on_download_page: true,
      slug: 'python-275',
      version: 2,
    })
  })

  it('a release file: blank text is "", the size an integer, relations URIs', async () => {
    const file = await get(`v1/downloads/release_file/${linuxFile.legacyId}/`)
    expect(Object.keys(file)).toEqual([
      'description',
      'download_button',
      'filesize',
      'gpg_signature_file',
      'is_source',
      'md5_sum',
      'name',
      'os',
      'release',
      'resource_uri',
      'sbom_spdx2_file',
      'sha256_sum',
      'sigstore_bundle_file',
      'sigstore_cert_file',
      'sigstore_signature_file',
      'slug',
      'url',
    ])
    expect(file).toEqual({
      description: 'Gzipped source',
      download_button: false,
      filesize: 12345678,
      gpg_signature_file: '',
      is_source: true,
      md5_sum: '',
      name: 'Source tarball',
      os: '/api/v1/downloads/os/3/',
      release: `/api/v1/downloads/release/${release275.legacyId}/`,
      resource_uri: `/api/v1/downloads/release_file/${linuxFile.legacyId}/`,
      sbom_spdx2_file: '',
      sha256_sum: '',
      sigstore_bundle_file: '',
      sigstore_cert_file: '',
      sigstore_signature_file: '',
      // made from the release and the name when left empty, as the release tooling makes slugs
      slug: '275-source-tarball',
      url: 'https://www.python.org/ftp/python/2.7.5/Python-2.7.5.tgz',
    })
  })

  it('a page: its listed fields, content as rendered HTML', async () => {
    const shown = await get(`v1/pages/page/${page.legacyId}/`)
    expect(shown).toEqual({
      content: '<p>whatever</p>\n',
      description: '',
      is_published: true,
      keywords: '',
      path: 'download/releases/2.7.5',
      resource_uri: `/api/v1/pages/page/${page.legacyId}/`,
      template_name: '',
      title: 'Python 2.7.5 Release',
    })
  })

  it('a list: sorted meta, then objects in the model order (release name, OS name, file name)', async () => {
    const list = await get('v1/downloads/release_file/', staff.v1)
    expect(Object.keys(list)).toEqual(['meta', 'objects'])
    expect(Object.keys(list.meta)).toEqual(['limit', 'next', 'offset', 'previous', 'total_count'])
    expect(list.meta).toEqual({ limit: 20, next: null, offset: 0, previous: null, total_count: 4 })
    // published releases first, then by release name, OS name ("Source release" < "Windows"), file name
    expect(list.objects.map((file: { name: string }) => file.name)).toEqual([
      'Source tarball',
      'Windows X86-64 MSI Installer (2.7.5)',
      'Windows x86 MSI Installer (2.7.5)',
      'Source tarball for a draft release',
    ])
  })
})

describe('v2 (Django REST framework)', () => {
  it('an OS and a release: serializer field order, absolute URLs, release_date with "Z"', async () => {
    const os = await get('v2/downloads/os/1/')
    expect(Object.keys(os)).toEqual(['name', 'slug', 'resource_uri'])
    expect(os.resource_uri).toBe(`${ORIGIN}/api/v2/downloads/os/1/`)
    const release = await get(`v2/downloads/release/${release275.legacyId}/`)
    expect(Object.keys(release)).toEqual([
      'name',
      'slug',
      'version',
      'is_published',
      'is_latest',
      'release_date',
      'pre_release',
      'release_page',
      'release_notes_url',
      'show_on_download_page',
      'resource_uri',
    ])
    expect(release).toMatchObject({
      release_date: '2013-05-15T00:00:00Z',
      release_notes_url: '',
      release_page: `${ORIGIN}/api/v2/pages/page/${page.legacyId}/`,
      resource_uri: `${ORIGIN}/api/v2/downloads/release/${release275.legacyId}/`,
      version: 2,
    })
  })

  it('a release file: serializer field order, "" for blanks', async () => {
    const file = await get(`v2/downloads/release_file/${linuxFile.legacyId}/`)
    expect(Object.keys(file)).toEqual([
      'name',
      'slug',
      'os',
      'release',
      'description',
      'is_source',
      'url',
      'gpg_signature_file',
      'md5_sum',
      'sha256_sum',
      'filesize',
      'download_button',
      'resource_uri',
      'sigstore_signature_file',
      'sigstore_cert_file',
      'sigstore_bundle_file',
      'sbom_spdx2_file',
    ])
    expect(file).toMatchObject({
      gpg_signature_file: '',
      os: `${ORIGIN}/api/v2/downloads/os/3/`,
      release: `${ORIGIN}/api/v2/downloads/release/${release275.legacyId}/`,
      sbom_spdx2_file: '',
    })
  })

  it('pages: read-only, published ones for anonymous readers, filtered by keywords', async () => {
    const user = await asUser(t, staff)
    await t.payload.create({
      collection: 'pages',
      data: {
        contentType: 'MARKDOWN',
        isPublished: false,
        keywords: 'python, draft',
        path: 'drafts/one',
        title: 'Draft',
      },
      overrideAccess: false,
      user,
    })
    await t.payload.update({
      collection: 'pages',
      data: { keywords: 'python, django' },
      id: page.id,
      overrideAccess: false,
      user,
    })
    const shown = await get(`v2/pages/page/${page.legacyId}/`)
    expect(Object.keys(shown)).toEqual([
      'title',
      'path',
      'keywords',
      'description',
      'content',
      'is_published',
      'template_name',
      'resource_uri',
    ])
    expect(shown.resource_uri).toBe(`${ORIGIN}/api/v2/pages/page/${page.legacyId}/`)
    // python.org's own page API test: icontains, and drafts for staff only
    expect(await get('v2/pages/page/?keywords__icontains=PYTHON')).toHaveLength(1)
    expect(await get('v2/pages/page/?keywords__icontains=PYTHON', staff.v2)).toHaveLength(2)
    expect(await get('v2/pages/page/?is_published=false')).toHaveLength(0)
    expect(await get('v2/pages/page/?is_published=false', staff.v2)).toHaveLength(1)
    const write = await t.api('POST', 'v2/pages/page/', {
      auth: undefined,
      body: { path: 'x', title: 'x' },
      headers: { Authorization: staff.v2 },
    })
    expect(write.status).toBe(405)
    expect((await t.api('GET', 'v2/pages/page/?color=blue', { auth: undefined })).status).toBe(400)
  })
})

describe('datetimes', () => {
  it('print a fraction of a second with six digits, as Python does', async () => {
    const release = await createRelease(t, staff, { name: 'Python 3.15.0b1', releaseDate: '2026-05-05T17:30:00.250Z' })
    expect((await get(`v1/downloads/release/${release.legacyId}/`)).release_date).toBe('2026-05-05T17:30:00.250000')
    expect((await get(`v2/downloads/release/${release.legacyId}/`)).release_date).toBe('2026-05-05T17:30:00.250000Z')
  })

  it('are never null: a release without a date shows when it was created, as python.org defaulted it', async () => {
    const release = await createRelease(t, staff, { name: 'Python 3.15.0b2' })
    expect(release.releaseDate ?? null).toBeNull()
    const v1 = (await get(`v1/downloads/release/${release.legacyId}/`)).release_date
    const v2 = (await get(`v2/downloads/release/${release.legacyId}/`)).release_date
    expect(v1).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/)
    expect(v2).toBe(`${v1}Z`)
    expect(Date.parse(v2)).toBe(Date.parse(release.created!))
  })
})

describe('ids', () => {
  it('parse as integers from every URI, with the trailing slash', async () => {
    const { objects } = await get('v1/downloads/release/?limit=0', staff.v1)
    for (const object of objects) {
      expect(object.resource_uri).toMatch(/^\/api\/v1\/downloads\/release\/\d+\/$/)
      expect(Number.isSafeInteger(Number(object.resource_uri.split('/').at(-2)))).toBe(true)
      if (object.release_page !== null) expect(object.release_page).toMatch(/^\/api\/v1\/pages\/page\/\d+\/$/)
    }
    const created = await t.api('POST', 'v2/downloads/os/', {
      auth: undefined,
      body: { name: 'WASI', slug: 'wasi' },
      headers: { Authorization: staff.v2 },
    })
    expect(created.headers.get('Location')).toMatch(new RegExp(`^${ORIGIN}/api/v2/downloads/os/\\d+/$`))
    const v1 = await t.api('POST', 'v1/downloads/os/', {
      auth: undefined,
      body: { name: 'Emscripten', slug: 'emscripten' },
      headers: { Authorization: staff.v1 },
    })
    // Tastypie's Location was the resource URI itself
    expect(v1.headers.get('Location')).toMatch(/^\/api\/v1\/downloads\/os\/\d+\/$/)
    expect((await json(v1)).resource_uri).toBe(v1.headers.get('Location'))
  })
})
