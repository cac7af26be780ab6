/**
 * Refusals on python.org's API are 400s with an `error_message` that names
 * the rule, never a 500: malformed bodies, unknown related objects, every
 * ReleaseFile rule, bad filter values.
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { countFiles, createFile, createRelease, json, type KeyUser, setUpWorld, sha256, unique } from './fixtures'

let t: TestContext
let staff: KeyUser
let release: { id: string; legacyId: number }

beforeAll(async () => {
  t = await startTestPayload()
  ;({ staff } = await setUpWorld(t))
  const created = await createRelease(t, staff, { name: 'Python 3.13.9' })
  release = { id: created.id, legacyId: created.legacyId! }
})
afterAll(async () => {
  await t?.close()
})

const url = () => `https://www.python.org/ftp/python/3.13.9/${unique('Python')}.tar.xz`

const fileBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('file'),
  os: '/api/v1/downloads/os/3/',
  release: `/api/v1/downloads/release/${release.legacyId}/`,
  url: url(),
  ...overrides,
})

const post = (path: string, body: unknown, version: 'v1' | 'v2' = 'v1') =>
  t.api('POST', path, { auth: undefined, body, headers: { Authorization: version === 'v1' ? staff.v1 : staff.v2 } })

/** A 400 whose error_message matches `rule`. */
const expect400 = async (response: Response, rule: RegExp) => {
  const text = await response.text()
  if (response.status !== 400) throw new Error(`expected 400, got ${response.status}: ${text.slice(0, 300)}`)
  const body = JSON.parse(text) as { error_message: string }
  expect(body.error_message).toMatch(rule)
  return body
}

describe('request bodies', () => {
  it('that are not a JSON object are a 400', async () => {
    const headers = { Authorization: staff.v1 }
    for (const rawBody of ['{"name": ', 'not json', '[1, 2]', 'null', '']) {
      await expect400(await t.api('POST', 'v1/downloads/release_file/', { auth: undefined, headers, rawBody }), /JSON/)
      await expect400(
        await t.api('POST', 'v2/downloads/release_file/', { auth: undefined, headers: { Authorization: staff.v2 }, rawBody }),
        /JSON/,
      )
    }
    const file = await createFile(t, { os: (await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'source' } } })).docs[0]!.id, release: release.id })
    await expect400(
      await t.api('PATCH', `v2/downloads/release_file/${file.legacyId}/`, { auth: undefined, headers: { Authorization: staff.v2 }, rawBody: '{oops' }),
      /JSON/,
    )
  })

  it('naming an unknown or malformed OS or release URI are a 400 naming the field', async () => {
    await expect400(await post('v1/downloads/release_file/', fileBody({ os: '/api/v1/downloads/os/999/' })), /^os: no operating system \/api\/v1\/downloads\/os\/999\//)
    await expect400(await post('v1/downloads/release_file/', fileBody({ release: '/api/v1/downloads/release/99999/' })), /^release: no release/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ os: 'windows' })), /^os: expected the URI of an? operating system/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ os: `/api/v1/downloads/release/${release.legacyId}/` })), /^os: expected/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ release: { id: 1 } })), /^release: expected/)
    await expect400(await post('v2/downloads/release_file/', fileBody({ os: 'http://localhost:3000/api/v2/downloads/os/77/' }), 'v2'), /^os: no operating system/)
    // the absolute and v2 forms of a real URI are understood
    expect((await post('v1/downloads/release_file/', fileBody({ os: 'https://www.python.org/api/v1/downloads/os/3/' }))).status).toBe(201)
    expect((await post('v2/downloads/release_file/', fileBody({ os: 'http://localhost:3000/api/v2/downloads/os/3/' }), 'v2')).status).toBe(201)
  })

  it('missing required fields or with wrongly typed values are a 400 naming each field', async () => {
    const missing = await expect400(await post('v1/downloads/release_file/', { name: 'x' }), /os: this field is required/)
    expect(missing.error_message).toMatch(/release: this field is required/)
    expect(missing.error_message).toMatch(/url: this field is required/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ filesize: 'big' })), /^filesize: expected a whole number/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ is_source: 'perhaps' })), /^is_source: expected true or false/)
    // a number is taken as its text (as Django REST framework did), a boolean or an object is not text
    await expect400(await post('v1/downloads/release_file/', fileBody({ name: true })), /^name: expected a string/)
    await expect400(await post('v2/downloads/release_file/', fileBody({ description: { text: 'x' } }), 'v2'), /^description: expected a string/)
    await expect400(await post('v1/downloads/release/', { name: 'Python 7.0.0', version: 7 }), /^version: expected 1, 2, 3 or 100/)
    await expect400(await post('v1/downloads/release/', { name: 'Python 7.0.0', release_date: 'soon' }), /^release_date: expected a date/)
  })
})

describe('the ReleaseFile rules', () => {
  it('refuse a second download button for the same release and OS', async () => {
    expect((await post('v1/downloads/release_file/', fileBody({ download_button: true }))).status).toBe(201)
    await expect400(await post('v1/downloads/release_file/', fileBody({ download_button: true })), /download_button: this release already has a download button file for this OS/)
    // another OS of the same release may have its own
    expect((await post('v1/downloads/release_file/', fileBody({ download_button: true, os: '/api/v1/downloads/os/1/' }))).status).toBe(201)
  })

  it('refuse concurrent download buttons: one wins, the others are 400s, never a 500', async () => {
    const racing = await createRelease(t, staff, { name: 'Python 3.13.11' })
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('v1/downloads/release_file/', fileBody({ download_button: true, release: `/api/v1/downloads/release/${racing.legacyId}/` })),
      ),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 400)).toHaveLength(5)
    for (const response of responses.filter(({ status }) => status === 400)) {
      expect((await json(response)).error_message).toMatch(/download_button: this release already has a download button file for this OS/)
    }
    expect(await countFiles(t, racing.id)).toBe(1)
  })

  it('refuse sidecar URLs that are not the file URL plus their suffix', async () => {
    const base = url()
    const cases: [string, string, RegExp][] = [
      ['gpg_signature_file', `${base}.sig`, /gpg_signature_file must be the file URL plus "\.asc"/],
      ['sigstore_signature_file', `${base}.asc`, /sigstore_signature_file must be the file URL plus "\.sig"/],
      ['sigstore_cert_file', `${base}.pem`, /sigstore_cert_file must be the file URL plus "\.crt"/],
      ['sigstore_bundle_file', `${base}.bundle`, /sigstore_bundle_file must be the file URL plus "\.sigstore"/],
      ['sbom_spdx2_file', `${base}.json`, /sbom_spdx2_file must be the file URL plus "\.spdx\.json"/],
    ]
    for (const [field, value, rule] of cases) {
      const body = await expect400(await post('v1/downloads/release_file/', fileBody({ [field]: value, url: base })), rule)
      expect(body).toMatchObject({ errors: [expect.objectContaining({ field })] })
    }
    const good = {
      gpg_signature_file: `${base}.asc`,
      sbom_spdx2_file: `${base}.spdx.json`,
      sigstore_bundle_file: `${base}.sigstore`,
      sigstore_cert_file: `${base}.crt`,
      sigstore_signature_file: `${base}.sig`,
    }
    expect((await post('v1/downloads/release_file/', fileBody({ ...good, url: base }))).status).toBe(201)
  })

  it("refuse a duplicate URL, and checksums and sizes beyond python.org's own limits", async () => {
    const taken = url()
    expect((await post('v1/downloads/release_file/', fileBody({ url: taken }))).status).toBe(201)
    await expect400(await post('v1/downloads/release_file/', fileBody({ url: taken })), /^url: must be unique/)
    // python.org's checksums were free text of up to 200 characters, its filesize a PostgreSQL integer
    await expect400(await post('v1/downloads/release_file/', fileBody({ sha256_sum: 'a'.repeat(201) })), /sha256_sum must be at most 200 characters/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ md5_sum: 'a'.repeat(201) })), /md5_sum must be at most 200 characters/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ filesize: -(2 ** 31) - 1 })), /filesize must be between/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ filesize: 1.5 })), /filesize: expected a whole number/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ url: 'javascript:alert(1)' })), /url/)
    await expect400(await post('v1/downloads/release_file/', fileBody({ slug: 'python-3.13.9-tgz' })), /slug may contain only letters, digits, underscores and hyphens/)
    // within them, what python.org stored is stored
    const loose = await post('v1/downloads/release_file/', fileBody({ filesize: -1, md5_sum: 'abc', sha256_sum: `${sha256('x').slice(0, 63)}g` }))
    expect(loose.status).toBe(201)
  })

  it('hold for v2 PATCH and PUT too (merged with the stored file)', async () => {
    const base = url()
    const created = await post('v2/downloads/release_file/', fileBody({ url: base }), 'v2')
    expect(created.status).toBe(201)
    const { resource_uri } = await json(created)
    const id = resource_uri.replace(/\/$/, '').split('/').at(-1)
    const patch = (body: unknown) => t.api('PATCH', `v2/downloads/release_file/${id}/`, { auth: undefined, body, headers: { Authorization: staff.v2 } })
    await expect400(await patch({ gpg_signature_file: `${base}.sig` }), /gpg_signature_file must be the file URL plus "\.asc"/)
    const ok = await patch({ gpg_signature_file: `${base}.asc`, sha256_sum: sha256(base) })
    expect(ok.status).toBe(200)
    expect(await json(ok)).toMatchObject({ gpg_signature_file: `${base}.asc`, sha256_sum: sha256(base) })
    // changing the URL alone would orphan the sidecar
    await expect400(await patch({ url: `${base}.new` }), /gpg_signature_file must be the file URL plus/)
    // PUT replaces: the required fields must be there
    const put = await t.api('PUT', `v2/downloads/release_file/${id}/`, { auth: undefined, body: { name: 'only a name' }, headers: { Authorization: staff.v2 } })
    await expect400(put, /os: this field is required/)
  })
})

describe('filters and windows', () => {
  it('with values that cannot mean anything are a 400, never a 500', async () => {
    const bad = [
      ['v1/downloads/release/?release_date__gt=notadate', /release_date__gt/],
      ['v1/downloads/release/?release_date__lte=2025-02-30', /release_date__lte/],
      ['v1/downloads/release/?release_date=yesterday', /release_date/],
      ['v1/downloads/release/?version=abc', /version/],
      ['v1/downloads/release/?is_published=maybe', /is_published/],
      ['v1/downloads/release/?pre_release=', /pre_release/],
      ['v1/downloads/release/?limit=-1', /limit/],
      ['v1/downloads/release/?limit=abc', /limit/],
      ['v1/downloads/release/?offset=-5', /offset/],
      ['v1/downloads/release_file/?release=abc', /release/],
      ['v1/downloads/release_file/?os=0', /os/],
      ['v1/downloads/release_file/?os=3.5', /os/],
      // a field the old API did not filter on
      ['v1/downloads/release_file/?url=https://x', /Filtering on "url" is not allowed/],
      ['v1/downloads/release/?name__startswith=Python', /Filtering on "name__startswith" is not allowed/],
      ['v2/downloads/release/?version=abc', /version/],
      ['v2/downloads/release/?release_date__gt=2025-01-01', /Filtering on "release_date__gt"/],
      // v2 release files refuse any parameter they do not know
      ['v2/downloads/release_file/?color=blue', /Filtering on "color" is not allowed/],
      ['v2/downloads/release_file/?release=x', /release/],
    ] as const
    for (const [path, rule] of bad) {
      const response = await t.api('GET', path, { auth: undefined })
      const text = await response.text()
      if (response.status !== 400) throw new Error(`${path}: ${response.status} ${text}`)
      expect(JSON.parse(text).error_message).toMatch(rule)
    }
    // v1 ignores parameters that are not fields (tastypie did), v2 only outside release files
    expect((await t.api('GET', 'v1/downloads/release/?format=json&color=blue', { auth: undefined })).status).toBe(200)
    expect((await t.api('GET', 'v2/downloads/release/?color=blue', { auth: undefined })).status).toBe(200)
  })

  it('list DELETEs other than release files of one release are a 400', async () => {
    const headers = { Authorization: staff.v1 }
    const before = await countFiles(t)
    for (const path of [
      'v1/downloads/release_file/',
      'v1/downloads/release_file/?os=3',
      `v1/downloads/release_file/?release=${release.legacyId}&os=3`,
      'v1/downloads/release_file/?release=abc',
      `v1/downloads/release/?name=Python+3.13.9`,
      'v1/downloads/os/',
    ]) {
      const response = await t.api('DELETE', path, { auth: undefined, headers })
      if (response.status !== 400) throw new Error(`${path}: ${response.status}`)
    }
    expect(await countFiles(t)).toBe(before)
    for (const path of ['v2/downloads/release_file/delete_by_release/', 'v2/downloads/release_file/delete_by_release/?release=abc', 'v2/downloads/release_file/delete_by_release/?release=']) {
      await expect400(await t.api('DELETE', path, { auth: undefined, headers: { Authorization: staff.v2 } }), /release/)
    }
    expect(await countFiles(t)).toBe(before)
  })

  it('v2 delete_by_release removes the files of that release only', async () => {
    const other = await createRelease(t, staff, { name: 'Python 3.13.10' })
    const source = (await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'source' } } })).docs[0]!.id
    await createFile(t, { os: source, release: other.id })
    await createFile(t, { os: source, release: other.id })
    const keep = await countFiles(t, release.id)
    expect(keep).toBeGreaterThan(0)
    const response = await t.api('DELETE', `v2/downloads/release_file/delete_by_release/?release=${other.legacyId}`, {
      auth: undefined,
      headers: { Authorization: staff.v2 },
    })
    expect(response.status).toBe(204)
    expect(await countFiles(t, other.id)).toBe(0)
    expect(await countFiles(t, release.id)).toBe(keep)
  })
})

describe("error bodies carry python.org's own keys beside error_message", () => {
  it("v1 as Tastypie answered: validation under the resource's name, other bad requests as error", async () => {
    const base = url()
    const response = await post('v1/downloads/release_file/', fileBody({ gpg_signature_file: `${base}.sig`, url: base }))
    expect(response.status).toBe(400)
    const body = await json(response)
    expect(body['downloads/release_file']).toEqual({
      gpg_signature_file: [`gpg_signature_file must be the file URL plus ".asc" (${base}.asc)`],
    })
    expect(body.error_message).toMatch(/^gpg_signature_file must be/)
    const filter = await t.api('GET', 'v1/downloads/release/?limit=abc', { auth: undefined })
    expect(filter.status).toBe(400)
    expect(await json(filter)).toMatchObject({ error: expect.stringMatching(/limit/), error_message: expect.stringMatching(/limit/) })
  })

  it('v2 as Django REST framework answered: fields with lists of messages, detail otherwise', async () => {
    const base = url()
    const response = await post('v2/downloads/release_file/', fileBody({ sbom_spdx2_file: `${base}.json`, url: base }), 'v2')
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ sbom_spdx2_file: [expect.stringMatching(/\.spdx\.json/)] })
    const missing = await t.api('GET', 'v2/downloads/release/999999/', { auth: undefined })
    expect(missing.status).toBe(404)
    expect(await json(missing)).toMatchObject({ detail: expect.any(String), error_message: expect.any(String) })
    const anonymous = await t.api('POST', 'v2/downloads/os/', { auth: undefined, body: { name: 'x' } })
    expect(anonymous.status).toBe(401)
    expect((await json(anonymous)).detail).toMatch(/Authentication/)
  })
})
