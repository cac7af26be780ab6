/**
 * Reading python.org's API: v1 `{meta, objects}` pages, v2 arrays with
 * absolute URLs, the filters, `+` as a space, 405s, paths with and without
 * the trailing slash, and read-only pages.
 */
import { handleEndpoints } from 'payload'

import { startTestPayload, type TestContext } from '../helpers/harness'
import { asUser, createFile, createRelease, json, type KeyUser, setUpWorld } from './fixtures'

let t: TestContext
let staff: KeyUser
let sourceOS: string
let windowsOS: string
/** legacy ids of the 25 published Python 2.7.x releases, in python.org's list order (by name) */
const series: number[] = []
const byName: Record<string, { id: string; legacyId: number }> = {}

beforeAll(async () => {
  t = await startTestPayload()
  const world = await setUpWorld(t)
  staff = world.staff
  sourceOS = (await world.os('source')).id
  windowsOS = (await world.os('windows')).id
  const created: { legacyId: number; name: string }[] = []
  for (let patch = 0; patch < 25; patch += 1) {
    const release = await t.payload.create({
      collection: 'releases',
      data: {
        isPublished: true,
        name: `Python 2.7.${patch}`,
        releaseDate: `2015-01-${String(patch + 1).padStart(2, '0')}T00:00:00.000Z`,
        version: 'PYTHON2',
      } as never,
      overrideAccess: true,
    })
    created.push({ legacyId: release.legacyId!, name: release.name })
  }
  // "Python 2.7.10" comes before "Python 2.7.2": python.org ordered releases by name
  series.push(...created.sort((a, b) => (a.name < b.name ? -1 : 1)).map(({ legacyId }) => legacyId))
  const more = [
    { name: 'Python 1.6.1', releaseDate: '2000-09-05T00:00:00.000Z', version: 'PYTHON1' as const },
    { name: 'Python 3.14.0', preRelease: false, releaseDate: '2025-10-07T00:00:00.000Z', version: 'PYTHON3' as const },
    { name: 'Python 3.15.0a1', preRelease: true, releaseDate: '2025-10-14T12:30:00.000Z', version: 'PYTHON3' as const },
    { name: 'Python install manager 25.0', releaseDate: '2025-10-08T00:00:00.000Z', version: 'PYMANAGER' as const },
  ]
  for (const data of more) {
    const release = await createRelease(t, staff, data)
    byName[data.name] = { id: release.id, legacyId: release.legacyId! }
  }
})
afterAll(async () => {
  await t?.close()
})

const get = async (path: string, authorization?: string) => {
  const response = await t.api('GET', path, { auth: undefined, headers: authorization ? { Authorization: authorization } : {} })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text}`)
  return JSON.parse(text)
}

const names = (body: { objects: { name: string }[] } | { name: string }[]) => ('objects' in body ? body.objects : body).map((object) => object.name)

describe('v1 lists', () => {
  it('page with limit and offset, keeping the filters in next and previous', async () => {
    const first = await get('v1/downloads/release/?version=2')
    expect(first.meta).toEqual({
      limit: 20,
      next: '/api/v1/downloads/release/?version=2&limit=20&offset=20',
      offset: 0,
      previous: null,
      total_count: 25,
    })
    expect(first.objects.map((object: { resource_uri: string }) => object.resource_uri)).toEqual(
      series.slice(0, 20).map((id) => `/api/v1/downloads/release/${id}/`),
    )
    expect(names(first).slice(0, 4)).toEqual(['Python 2.7.0', 'Python 2.7.1', 'Python 2.7.10', 'Python 2.7.11'])

    const second = await get(first.meta.next.replace(/^\/api\//, ''))
    expect(second.meta).toMatchObject({ next: null, offset: 20, previous: '/api/v1/downloads/release/?version=2&limit=20&offset=0', total_count: 25 })
    expect(second.objects).toHaveLength(5)

    // an offset that is not a multiple of the limit
    const odd = await get('v1/downloads/release/?version=2&limit=10&offset=7')
    expect(odd.objects.map((object: { resource_uri: string }) => object.resource_uri)).toEqual(
      series.slice(7, 17).map((id) => `/api/v1/downloads/release/${id}/`),
    )
    // Tastypie offers a previous page only when a whole one fits before the offset
    expect(odd.meta).toMatchObject({
      next: '/api/v1/downloads/release/?version=2&limit=10&offset=17',
      previous: null,
    })
    expect((await get('v1/downloads/release/?version=2&limit=10&offset=12')).meta.previous).toBe(
      '/api/v1/downloads/release/?version=2&limit=10&offset=2',
    )

    // limit=0 is everything, up to Tastypie's max_limit of 1000 (as is any larger limit)
    const all = await get('v1/downloads/release/?limit=0')
    expect(all.meta).toMatchObject({ limit: 1000, next: null, previous: null, total_count: 29 })
    expect((await get('v1/downloads/release/?limit=5000')).meta.limit).toBe(1000)
    expect(all.objects).toHaveLength(29)

    // past the end: an empty page, still counted
    expect(await get('v1/downloads/release/?offset=100')).toMatchObject({ meta: { total_count: 29 }, objects: [] })
  })

  it('serve the OSes with python.org ids, filtered by name and slug', async () => {
    const all = await get('v1/downloads/os/')
    expect(all.meta.total_count).toBe(5)
    expect(await get('v1/downloads/os/?slug=source')).toMatchObject({
      meta: { total_count: 1 },
      objects: [{ name: 'Source release', resource_uri: '/api/v1/downloads/os/3/', slug: 'source' }],
    })
    expect(names(await get('v1/downloads/os/?name=Source+release'))).toEqual(['Source release'])
    expect(names(await get('v1/downloads/os/?name=Source%20release'))).toEqual(['Source release'])
    expect(await get('v1/downloads/os/1/')).toMatchObject({ name: 'Windows', resource_uri: '/api/v1/downloads/os/1/', slug: 'windows' })
  })

  it('filter releases by name (+ is a space), version, startswith, dates and flags', async () => {
    expect(names(await get('v1/downloads/release/?name=Python+3.14.0'))).toEqual(['Python 3.14.0'])
    expect(names(await get('v1/downloads/release/?name__exact=Python+3.14.0'))).toEqual(['Python 3.14.0'])
    expect(names(await get('v1/downloads/release/?slug=python-3140'))).toEqual(['Python 3.14.0'])
    expect(names(await get('v1/downloads/release/?version=3'))).toEqual(['Python 3.14.0', 'Python 3.15.0a1'])
    expect(names(await get('v1/downloads/release/?version=100'))).toEqual(['Python install manager 25.0'])
    expect(names(await get('v1/downloads/release/?version=7'))).toEqual([])
    // the integer's digits: 1 and 100
    expect(names(await get('v1/downloads/release/?version__startswith=1'))).toEqual(['Python 1.6.1', 'Python install manager 25.0'])
    expect(names(await get('v1/downloads/release/?pre_release=true'))).toEqual(['Python 3.15.0a1'])
    expect(names(await get('v1/downloads/release/?pre_release=false&version=3'))).toEqual(['Python 3.14.0'])
    expect(names(await get('v1/downloads/release/?release_date__gt=2025-10-07'))).toEqual(['Python 3.15.0a1', 'Python install manager 25.0'])
    expect(names(await get('v1/downloads/release/?release_date__gte=2025-10-07&release_date__lt=2025-10-08'))).toEqual(['Python 3.14.0'])
    expect(names(await get('v1/downloads/release/?release_date__lte=2000-09-05'))).toEqual(['Python 1.6.1'])
    expect(names(await get('v1/downloads/release/?release_date=2025-10-14'))).toEqual(['Python 3.15.0a1'])
    expect(names(await get('v1/downloads/release/?release_date=2025-10-14T12:30:00Z'))).toEqual(['Python 3.15.0a1'])
    expect(names(await get('v1/downloads/release/?is_published=true&version=1'))).toEqual(['Python 1.6.1'])
  })

  it('show a release as python.org did: snake_case, the integer version, URIs', async () => {
    const page = await t.payload.create({
      collection: 'pages',
      data: { contentType: 'MARKDOWN', isPublished: true, path: 'downloads/release/python-3140', title: 'Python 3.14.0' },
      overrideAccess: false,
      user: await asUser(t, staff),
    })
    await t.payload.update({
      collection: 'releases',
      data: { releaseNotesUrl: 'https://docs.python.org/3.14/whatsnew/changelog.html', releasePage: page.id },
      id: byName['Python 3.14.0']!.id,
      overrideAccess: true,
    })
    const release = await get(`v1/downloads/release/${byName['Python 3.14.0']!.legacyId}/`)
    expect(release).toMatchObject({
      is_latest: false,
      is_published: true,
      name: 'Python 3.14.0',
      pre_release: false,
      release_date: '2025-10-07T00:00:00',
      release_notes_url: 'https://docs.python.org/3.14/whatsnew/changelog.html',
      release_page: `/api/v1/pages/page/${page.legacyId}/`,
      resource_uri: `/api/v1/downloads/release/${byName['Python 3.14.0']!.legacyId}/`,
      show_on_download_page: true,
      slug: 'python-3140',
      version: 3,
    })
    expect((await get(`v1/downloads/release/${byName['Python install manager 25.0']!.legacyId}/`)).version).toBe(100)
  })

  it('filter release files by release, os, name, slug and description', async () => {
    const release = byName['Python 3.14.0']!
    const tarball = await createFile(t, { description: 'XZ compressed, recommended', name: 'XZ compressed source tarball', os: sourceOS, release: release.id, slug: 'python-3140-xz' })
    const installer = await createFile(t, { description: 'Windows installer (64-bit)', name: 'Windows installer', os: windowsOS, release: release.id })
    await createFile(t, { os: sourceOS, release: byName['Python 1.6.1']!.id })
    const uris = (body: { objects: { resource_uri: string }[] }) => body.objects.map((object) => object.resource_uri)
    const uri = (id: null | number | undefined) => `/api/v1/downloads/release_file/${id}/`
    expect(uris(await get(`v1/downloads/release_file/?release=${release.legacyId}`))).toEqual([uri(tarball.legacyId), uri(installer.legacyId)])
    expect(uris(await get(`v1/downloads/release_file/?release=${release.legacyId}&os=1`))).toEqual([uri(installer.legacyId)])
    expect(uris(await get('v1/downloads/release_file/?name=XZ+compressed+source+tarball'))).toEqual([uri(tarball.legacyId)])
    expect(uris(await get('v1/downloads/release_file/?slug=python-3140-xz'))).toEqual([uri(tarball.legacyId)])
    expect(uris(await get('v1/downloads/release_file/?description__contains=recommended'))).toEqual([uri(tarball.legacyId)])
    expect(uris(await get('v1/downloads/release_file/?release=99999'))).toEqual([])
    expect(await get(`v1/downloads/release_file/${tarball.legacyId}/`)).toMatchObject({
      os: '/api/v1/downloads/os/3/',
      release: `/api/v1/downloads/release/${release.legacyId}/`,
      resource_uri: uri(tarball.legacyId),
    })
  })
})

describe('v2', () => {
  it('lists plain arrays with absolute URLs to v2 details, and filters like v1', async () => {
    const releases = await get('v2/downloads/release/?version=3')
    expect(Array.isArray(releases)).toBe(true)
    expect(names(releases)).toEqual(['Python 3.14.0', 'Python 3.15.0a1'])
    expect(releases[0].resource_uri).toBe(`http://localhost:3000/api/v2/downloads/release/${byName['Python 3.14.0']!.legacyId}/`)
    expect(names(await get('v2/downloads/release/?name=Python+1.6.1'))).toEqual(['Python 1.6.1'])
    expect(names(await get('v2/downloads/release/?pre_release=true'))).toEqual(['Python 3.15.0a1'])
    expect(names(await get('v2/downloads/release/?release_date=2025-10-08'))).toEqual(['Python install manager 25.0'])
    expect(await get('v2/downloads/release/')).toHaveLength(29)
    expect(await get('v2/downloads/os/3/')).toEqual({
      name: 'Source release',
      resource_uri: 'http://localhost:3000/api/v2/downloads/os/3/',
      slug: 'source',
    })
    const release = byName['Python 1.6.1']!
    const files = await get(`v2/downloads/release_file/?release=${release.legacyId}&os=3`)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({
      os: 'http://localhost:3000/api/v2/downloads/os/3/',
      release: `http://localhost:3000/api/v2/downloads/release/${release.legacyId}/`,
    })
  })

  it('uses SERVER_URL for absolute URLs when it is set', async () => {
    process.env.SERVER_URL = 'https://www.python.org/'
    try {
      expect((await get('v2/downloads/os/2/')).resource_uri).toBe('https://www.python.org/api/v2/downloads/os/2/')
    } finally {
      delete process.env.SERVER_URL
    }
  })

  it('lets staff create, replace, change and delete through a Token', async () => {
    const headers = { Authorization: staff.v2 }
    const created = await t.api('POST', 'v2/downloads/release/', {
      auth: undefined,
      body: { is_published: false, name: 'Python 3.16.0a1', pre_release: true, release_date: '2026-05-05', version: 3 },
      headers,
    })
    expect(created.status).toBe(201)
    const body = await json(created)
    expect(body).toMatchObject({ is_published: false, name: 'Python 3.16.0a1', pre_release: true, release_date: '2026-05-05T00:00:00Z', version: 3 })
    const id = body.resource_uri.replace(/\/$/, '').split('/').at(-1)
    expect(created.headers.get('Location')).toBe(body.resource_uri)

    const patched = await t.api('PATCH', `v2/downloads/release/${id}/`, { auth: undefined, body: { is_published: true }, headers })
    expect(await json(patched)).toMatchObject({ is_published: true, name: 'Python 3.16.0a1' })
    const put = await t.api('PUT', `v2/downloads/release/${id}/`, { auth: undefined, body: { name: 'Python 3.16.0a2', version: 100 }, headers })
    expect(put.status).toBe(200)
    expect(await json(put)).toMatchObject({ name: 'Python 3.16.0a2', version: 100 })
    expect((await t.api('DELETE', `v2/downloads/release/${id}/`, { auth: undefined, headers })).status).toBe(204)
    expect((await t.api('GET', `v2/downloads/release/${id}/`, { auth: undefined, headers })).status).toBe(404)
    expect((await t.api('PATCH', 'v2/downloads/release/99999/', { auth: undefined, body: {}, headers })).status).toBe(404)
  })
})

describe('methods and paths', () => {
  it('answer methods a resource does not offer with 405 and Allow', async () => {
    const headers = { Authorization: staff.v1 }
    const cases: [string, string, string][] = [
      ['PUT', 'v1/downloads/release/1/', 'GET, DELETE'],
      ['PATCH', 'v1/downloads/release_file/1/', 'GET, DELETE'],
      ['POST', 'v1/downloads/os/3/', 'GET, DELETE'],
      ['PUT', 'v1/downloads/release/', 'GET, POST, DELETE'],
      ['PATCH', 'v1/downloads/os/', 'GET, POST, DELETE'],
      ['POST', 'v1/pages/page/', 'GET'],
      ['DELETE', 'v1/pages/page/1/', 'GET'],
      ['DELETE', 'v2/downloads/release/', 'GET, POST'],
      ['POST', 'v2/downloads/os/3/', 'GET, PUT, PATCH, DELETE'],
      ['GET', 'v2/downloads/release_file/delete_by_release/?release=1', 'DELETE'],
      ['POST', 'v2/downloads/release_file/delete_by_release/', 'DELETE'],
    ]
    for (const [method, path, allow] of cases) {
      const response = await t.api(method, path, { auth: undefined, body: method === 'GET' || method === 'DELETE' ? undefined : {}, headers })
      if (response.status !== 405) throw new Error(`${method} ${path}: ${response.status}`)
      expect(response.headers.get('Allow')).toBe(allow)
      expect((await json(response)).error_message).toMatch(/not allowed/)
    }
  })

  it('answer a detail id that is not an integer with 404', async () => {
    for (const path of ['v1/downloads/release/abc/', 'v1/downloads/os/0/', 'v2/downloads/release_file/-1/']) {
      expect((await t.api('GET', path, { auth: undefined })).status).toBe(404)
    }
  })

  it('work with and without the trailing slash, keeping method and body (no redirect)', async () => {
    // Payload's own matching, from the URL (no pre-split path): both forms must reach the handlers
    const request = (method: string, path: string, body?: unknown) =>
      handleEndpoints({
        config: t.config,
        request: new Request(`http://localhost:3000/api/${path}`, {
          body: body === undefined ? undefined : JSON.stringify(body),
          headers: { Authorization: staff.v1, 'Content-Type': 'application/json' },
          method,
        }),
      })
    for (const path of ['v1/downloads/os/', 'v1/downloads/os', 'v1/downloads/os/3/', 'v1/downloads/os/3', 'v2/downloads/release', 'v1/pages/page']) {
      const response = await request('GET', path)
      expect([path, response.status]).toEqual([path, 200])
    }
    const created = await request('POST', 'v1/downloads/os', { name: 'WASI', slug: 'wasi' })
    expect(created.status).toBe(201)
    const id = created.headers.get('Location')!.replace(/\/$/, '').split('/').at(-1)
    expect((await request('DELETE', `v1/downloads/os/${id}`)).status).toBe(204)
    const deleteByRelease = await handleEndpoints({
      config: t.config,
      request: new Request('http://localhost:3000/api/v2/downloads/release_file/delete_by_release?release=99999', {
        headers: { Authorization: staff.v2 },
        method: 'DELETE',
      }),
    })
    expect(deleteByRelease.status).toBe(204)
    // and through the Next.js route handler with the slug split as Next passes it
    expect((await t.api('GET', 'v1/downloads/os?slug=source', { auth: undefined })).status).toBe(200)
  })
})

describe('pages', () => {
  it('are read-only, by integer id, published only for anonymous readers', async () => {
    const user = await asUser(t, staff)
    const about = await t.payload.create({
      collection: 'pages',
      data: { content: '# About', contentType: 'MARKDOWN', isPublished: true, path: 'about', title: 'About' },
      overrideAccess: false,
      user,
    })
    const draft = await t.payload.create({
      collection: 'pages',
      data: { contentType: 'MARKDOWN', isPublished: false, path: 'about/secret', title: 'Secret' },
      overrideAccess: false,
      user,
    })
    expect(about.legacyId).toEqual(expect.any(Number))
    expect(draft.legacyId).toBe(about.legacyId! + 1)
    // content is the page's rendered HTML, as python.org's markup field printed itself
    expect(await get(`v1/pages/page/${about.legacyId}/`)).toMatchObject({
      content: '<h1>About</h1>\n',
      is_published: true,
      path: 'about',
      resource_uri: `/api/v1/pages/page/${about.legacyId}/`,
      title: 'About',
    })
    expect((await t.api('GET', `v1/pages/page/${draft.legacyId}/`, { auth: undefined })).status).toBe(404)
    const titles = names((await get('v1/pages/page/?limit=0')).objects.map((page: { title: string }) => ({ name: page.title })))
    expect(titles).toContain('About')
    expect(titles).not.toContain('Secret')
    expect((await get('v1/pages/page/?path=about/secret', staff.v1)).objects).toHaveLength(1)
    expect((await get('v1/pages/page/?path=about/secret')).objects).toHaveLength(0)
  })
})
