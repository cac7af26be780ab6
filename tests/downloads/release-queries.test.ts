/**
 * The release queries frontends need: latest published per version, latest
 * of a minor series, latest pre-release, the download-page list. Unpublished
 * releases never appear to anonymous callers, and bad parameters are a 400
 * naming the parameter.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectEndpointError, json, seedRelease, unique } from './fixtures'

let t: TestContext
let member: TestUser

const ids: Record<string, string> = {}

/** Each fixture gets a unique slug; the name carries the version. */
const release = async (key: string, data: Parameters<typeof seedRelease>[1]) => {
  const doc = await seedRelease(t, { slug: unique(key.replace(/[^a-z0-9]/gi, '').toLowerCase()), ...data })
  ids[key] = doc.id
  return doc
}

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  member = await t.makeUser('member')

  // PYTHON3: the latest is 3.13.1; 3.14 is in pre-release; 3.15.0a1 exists but is unpublished
  await release('3.9.20', { name: 'Python 3.9.20' })
  await release('3.10.15', { name: 'Python 3.10.15' })
  await release('3.13.0', { name: 'Python 3.13.0' })
  await release('3.13.1', { isLatest: true, name: 'Python 3.13.1' })
  await release('3.13.2-draft', { isPublished: false, name: 'Python 3.13.2' })
  await release('3.14.0b1', { name: 'Python 3.14.0b1', preRelease: true, status: 'PRERELEASE' })
  await release('3.14.0rc2', { name: 'Python 3.14.0rc2', preRelease: true, status: 'PRERELEASE' })
  await release('3.15.0a1-draft', { isPublished: false, name: 'Python 3.15.0a1', preRelease: true, status: 'PRERELEASE' })
  await release('3.12.9-hidden', { name: 'Python 3.12.9', showOnDownloadPage: false })
  // PYTHON2: the latest is unpublished
  await release('2.7.18', { name: 'Python 2.7.18', version: 'PYTHON2' })
  await release('2.7.19-draft', { isLatest: true, isPublished: false, name: 'Python 2.7.19', version: 'PYTHON2' })
  // PYMANAGER (listed on its own page, not the download page)
  await release('pymanager', { isLatest: true, name: 'Python install manager 25.0', showOnDownloadPage: false, version: 'PYMANAGER' })
})
afterAll(async () => {
  await t?.close()
})

const get = async (path: string, auth?: TestUser) => {
  const response = await t.api('GET', path, { auth })
  return { body: await json(response), status: response.status }
}

describe('GET /api/releases/latest', () => {
  it('answers the latest published release of a version', async () => {
    const { body, status } = await get('/releases/latest?version=PYTHON3')
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: ids['3.13.1'], isLatest: true, versionNumber: '3.13.1' })
    expect((await get('/releases/latest?version=PYMANAGER')).body.id).toBe(ids.pymanager)
  })

  it('defaults to PYTHON3 and accepts lowercase', async () => {
    expect((await get('/releases/latest')).body.id).toBe(ids['3.13.1'])
    expect((await get('/releases/latest?version=python3')).body.id).toBe(ids['3.13.1'])
  })

  it('does not hand an unpublished latest to anonymous or members', async () => {
    for (const auth of [undefined, member]) {
      const { body, status } = await get('/releases/latest?version=PYTHON2', auth)
      expect(status).toBe(404)
      expect(JSON.stringify(body)).not.toContain(ids['2.7.19-draft'])
    }
  })

  it('a version without any latest release is a 404', async () => {
    expect((await get('/releases/latest?version=PYTHON1')).status).toBe(404)
  })

  it('?series= answers the newest published final release of that minor series', async () => {
    const { body, status } = await get('/releases/latest?series=3.13')
    expect(status).toBe(200)
    // 3.13.2 is newer but unpublished
    expect(body.id).toBe(ids['3.13.1'])
    expect((await get('/releases/latest?series=3.10')).body.id).toBe(ids['3.10.15'])
  })

  it('?series= skips pre-releases unless &prerelease=true', async () => {
    expect((await get('/releases/latest?series=3.14')).status).toBe(404)
    const { body, status } = await get('/releases/latest?series=3.14&prerelease=true')
    expect(status).toBe(200)
    expect(body.id).toBe(ids['3.14.0rc2'])
    // the unpublished 3.15.0a1 stays hidden even with prerelease=true
    expect((await get('/releases/latest?series=3.15&prerelease=true')).status).toBe(404)
  })

  it.each([
    ['/releases/latest?version=PYTHON4', /version/],
    ['/releases/latest?version=', /version/],
    ['/releases/latest?series=3', /series/],
    ['/releases/latest?series=three.thirteen', /series/],
    ['/releases/latest?series=3.13.1', /series/],
    ['/releases/latest?series=3.13&prerelease=yes', /prerelease/],
    ['/releases/latest?series=3.13&version=PYTHON7', /version/],
  ])('%s is a 400 naming the parameter', async (path, words) => {
    await expectEndpointError(await t.api('GET', path), 400, words)
  })
})

describe('GET /api/releases/latest-prerelease', () => {
  it('answers the newest published pre-release', async () => {
    const { body, status } = await get('/releases/latest-prerelease')
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: ids['3.14.0rc2'], preRelease: true })
  })

  it('never an unpublished one, whoever asks', async () => {
    for (const auth of [undefined, member]) {
      expect((await get('/releases/latest-prerelease', auth)).body.id).toBe(ids['3.14.0rc2'])
    }
  })

  it('a bad version is a 400 naming it; none published is a 404', async () => {
    await expectEndpointError(await t.api('GET', '/releases/latest-prerelease?version=PYTHON9'), 400, /version/)
    expect((await get('/releases/latest-prerelease?version=PYMANAGER')).status).toBe(404)
  })
})

describe('GET /api/releases/download-page', () => {
  it('lists published, shown, final releases, newest version first', async () => {
    const { body, status } = await get('/releases/download-page')
    expect(status).toBe(200)
    const numbers = body.docs.map((doc: { versionNumber: string }) => doc.versionNumber)
    expect(numbers).toEqual(['3.13.1', '3.13.0', '3.10.15', '3.9.20', '2.7.18'])
    expect(body.totalDocs).toBe(numbers.length)
    // not there: drafts, pre-releases, hidden ones
    for (const key of ['pymanager', '3.13.2-draft', '3.14.0b1', '3.14.0rc2', '3.15.0a1-draft', '3.12.9-hidden', '2.7.19-draft']) {
      expect(body.docs.map((doc: { id: string }) => doc.id)).not.toContain(ids[key])
    }
  })

  it('3.10.x is listed above 3.9.x (version order, not string order)', async () => {
    const { body } = await get('/releases/download-page')
    const names = body.docs.map((doc: { name: string }) => doc.name)
    expect(names.indexOf('Python 3.10.15')).toBeLessThan(names.indexOf('Python 3.9.20'))
  })

  it('is the same list for members', async () => {
    const anonymous = await get('/releases/download-page')
    const asMember = await get('/releases/download-page', member)
    expect(asMember.body.docs.map((doc: { id: string }) => doc.id)).toEqual(anonymous.body.docs.map((doc: { id: string }) => doc.id))
  })

  it('honours limit, and a bad limit is a 400 naming it', async () => {
    const { body } = await get('/releases/download-page?limit=2')
    expect(body.docs.map((doc: { versionNumber: string }) => doc.versionNumber)).toEqual(['3.13.1', '3.13.0'])
    await expectEndpointError(await t.api('GET', '/releases/download-page?limit=abc'), 400, /limit/)
    await expectEndpointError(await t.api('GET', '/releases/download-page?limit=0'), 400, /limit/)
  })
})

describe('detail by slug', () => {
  it('an unpublished release is invisible by slug to anonymous and members, visible to staff', async () => {
    const draft = await t.payload.findByID({ collection: 'releases', id: ids['3.13.2-draft']!, overrideAccess: true })
    for (const auth of [undefined, member]) {
      const { body } = await get(`/releases?where[slug][equals]=${draft.slug}`, auth)
      expect(body.totalDocs).toBe(0)
      expect((await t.api('GET', `/releases/${draft.id}`, { auth })).status).toBe(404)
    }
    const staff = await t.makeUser('staff')
    expect((await get(`/releases?where[slug][equals]=${draft.slug}`, staff)).body.totalDocs).toBe(1)
  })
})
