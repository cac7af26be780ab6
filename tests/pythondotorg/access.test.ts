/**
 * What must never happen on python.org's API: an unpublished release (or its
 * files) shown to anyone but staff, and a write by anyone but a staff user
 * holding a valid key in the Authorization header.
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { countFiles, createFile, createRelease, json, type KeyUser, makeKeyUser, setUpWorld, unique } from './fixtures'

let t: TestContext
let staff: KeyUser
let member: KeyUser
let inactiveStaff: KeyUser
let published: { id: string; legacyId: number }
let draft: { id: string; legacyId: number }
let draftFile: number
let publishedFile: number
let sourceOS: string

beforeAll(async () => {
  t = await startTestPayload()
  const world = await setUpWorld(t)
  ;({ member, staff } = world)
  inactiveStaff = await makeKeyUser(t, 'staff', { isActive: false })
  sourceOS = (await world.os('source')).id
  const a = await createRelease(t, staff, { name: 'Python 3.15.0a1', isPublished: true })
  const b = await createRelease(t, staff, { name: 'Python 3.15.0a2', isPublished: false })
  published = { id: a.id, legacyId: a.legacyId! }
  draft = { id: b.id, legacyId: b.legacyId! }
  publishedFile = (await createFile(t, { os: sourceOS, release: published.id })).legacyId!
  draftFile = (await createFile(t, { description: 'secret draft file', os: sourceOS, release: draft.id })).legacyId!
})
afterAll(async () => {
  await t?.close()
})

const get = (path: string, authorization?: string) =>
  t.api('GET', path, { auth: undefined, headers: authorization ? { Authorization: authorization } : {} })

const v1Names = async (path: string, authorization?: string) => {
  const response = await get(path, authorization)
  expect(response.status).toBe(200)
  return (await json(response)).objects.map((object: { resource_uri: string }) => object.resource_uri) as string[]
}

const v2Names = async (path: string, authorization?: string) => {
  const response = await get(path, authorization)
  expect(response.status).toBe(200)
  return ((await json(response)) as unknown as { resource_uri: string }[]).map((object) => object.resource_uri)
}

describe('unpublished releases and their files', () => {
  const readers = () => [
    ['anonymous', undefined],
    ['a member with a valid key', member.v1],
  ] as const

  it('are invisible to anonymous users and members in v1 lists, filters and details', async () => {
    for (const [, authorization] of readers()) {
      const releases = await v1Names('v1/downloads/release/?limit=0', authorization)
      expect(releases).toContain(`/api/v1/downloads/release/${published.legacyId}/`)
      expect(releases).not.toContain(`/api/v1/downloads/release/${draft.legacyId}/`)
      expect(await v1Names('v1/downloads/release/?name=Python+3.15.0a2', authorization)).toEqual([])
      expect(await v1Names('v1/downloads/release/?is_published=false', authorization)).toEqual([])
      expect(await v1Names(`v1/downloads/release/?version=3&pre_release=false`, authorization)).not.toContain(
        `/api/v1/downloads/release/${draft.legacyId}/`,
      )
      expect((await get(`v1/downloads/release/${draft.legacyId}/`, authorization)).status).toBe(404)

      const files = await v1Names('v1/downloads/release_file/?limit=0', authorization)
      expect(files).toContain(`/api/v1/downloads/release_file/${publishedFile}/`)
      expect(files).not.toContain(`/api/v1/downloads/release_file/${draftFile}/`)
      expect(await v1Names(`v1/downloads/release_file/?release=${draft.legacyId}`, authorization)).toEqual([])
      expect(await v1Names('v1/downloads/release_file/?description__contains=secret', authorization)).toEqual([])
      expect((await get(`v1/downloads/release_file/${draftFile}/`, authorization)).status).toBe(404)
    }
  })

  it('are invisible to anonymous users and members in v2 lists, filters and details', async () => {
    for (const [, authorization] of [
      ['anonymous', undefined],
      ['a member with a valid token', member.v2],
    ] as const) {
      const releases = await v2Names('v2/downloads/release/', authorization)
      expect(releases).toContain(`http://localhost:3000/api/v2/downloads/release/${published.legacyId}/`)
      expect(releases.some((uri) => uri.endsWith(`/release/${draft.legacyId}/`))).toBe(false)
      expect(await v2Names('v2/downloads/release/?is_published=false', authorization)).toEqual([])
      expect(await v2Names('v2/downloads/release/?name=Python+3.15.0a2', authorization)).toEqual([])
      expect((await get(`v2/downloads/release/${draft.legacyId}/`, authorization)).status).toBe(404)

      const files = await v2Names('v2/downloads/release_file/', authorization)
      expect(files.some((uri) => uri.endsWith(`/release_file/${publishedFile}/`))).toBe(true)
      expect(files.some((uri) => uri.endsWith(`/release_file/${draftFile}/`))).toBe(false)
      expect(await v2Names(`v2/downloads/release_file/?release=${draft.legacyId}`, authorization)).toEqual([])
      expect((await get(`v2/downloads/release_file/${draftFile}/`, authorization)).status).toBe(404)
    }
  })

  it('are visible to staff through a valid key (v1 and v2)', async () => {
    expect(await v1Names('v1/downloads/release/?is_published=false', staff.v1)).toEqual([`/api/v1/downloads/release/${draft.legacyId}/`])
    expect((await get(`v1/downloads/release_file/${draftFile}/`, staff.v1)).status).toBe(200)
    expect(await v2Names(`v2/downloads/release_file/?release=${draft.legacyId}`, staff.v2)).toEqual([
      `http://localhost:3000/api/v2/downloads/release_file/${draftFile}/`,
    ])
  })

  it('stay invisible to a session: v1 and v2 take no cookie or JWT, only their own key headers', async () => {
    // Payload's own JWT and API-key headers are not this API's credentials
    expect((await t.api('GET', `v1/downloads/release/${draft.legacyId}/`, { auth: staff })).status).toBe(401)
    expect((await t.api('GET', `v1/downloads/release/${draft.legacyId}/`, { auth: { apiKey: staff.key } })).status).toBe(401)
    expect((await t.api('GET', `v2/downloads/release/${draft.legacyId}/`, { auth: staff })).status).toBe(404)
    const cookie = { Cookie: `payload-token=${staff.token}` }
    expect((await t.api('GET', `v1/downloads/release/${draft.legacyId}/`, { auth: undefined, headers: cookie })).status).toBe(404)
    expect((await t.api('GET', `v2/downloads/release/${draft.legacyId}/`, { auth: undefined, headers: cookie })).status).toBe(404)
  })
})

describe('reads with bad credentials', () => {
  it('are refused with 401, not served anonymously', async () => {
    expect((await get('v1/downloads/os/', `ApiKey ${staff.username}:wrong`)).status).toBe(401)
    expect((await get('v1/downloads/os/', `ApiKey ${staff.username}`)).status).toBe(401)
    expect((await get('v1/downloads/os/', inactiveStaff.v1)).status).toBe(401)
    expect((await get(`v1/downloads/os/?username=${staff.username}&api_key=${staff.key}`)).status).toBe(401)
    expect((await get('v2/downloads/os/', 'Token wrong')).status).toBe(401)
    expect((await get('v2/downloads/os/', inactiveStaff.v2)).status).toBe(401)
  })
})

describe('writes', () => {
  const fileBody = () => ({
    name: unique('file'),
    os: '/api/v1/downloads/os/3/',
    release: `/api/v1/downloads/release/${published.legacyId}/`,
    url: `https://www.python.org/ftp/python/${unique('v')}/x.tgz`,
  })

  /** Everyone who must not write, and what they are told. */
  const outsiders = () =>
    [
      { expected: 401, headers: {}, path: '', who: 'anonymous' },
      { expected: 403, headers: { Authorization: member.v1 }, path: '', who: 'a member with a valid key' },
      { expected: 401, headers: { Authorization: `ApiKey ${staff.username}:${unique('wrong')}` }, path: '', who: 'staff with a wrong key' },
      { expected: 401, headers: { Authorization: `ApiKey ${member.username}:${staff.key}` }, path: '', who: "staff's key under another name" },
      { expected: 401, headers: { Authorization: inactiveStaff.v1 }, path: '', who: 'an inactive staff user' },
      { expected: 401, headers: {}, path: `username=${staff.username}&api_key=${staff.key}`, who: 'staff credentials in the query string' },
      { expected: 401, headers: { Authorization: `Token ${staff.key}` }, path: '', who: 'a v2 token on v1' },
    ] as const

  const withQuery = (path: string, query: string) => (query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path)

  it('by anyone but staff with a valid key are refused on v1, and nothing is written', async () => {
    const before = await countFiles(t)
    const releases = (await t.payload.count({ collection: 'releases', overrideAccess: true })).totalDocs
    for (const { expected, headers, path, who } of outsiders()) {
      const attempts: [string, string, unknown][] = [
        ['POST', 'v1/downloads/release_file/', fileBody()],
        ['POST', 'v1/downloads/release/', { name: `Python 9.${releases}.0` }],
        ['POST', 'v1/downloads/os/', { name: 'Plan 9' }],
        ['DELETE', `v1/downloads/release_file/${publishedFile}/`, undefined],
        ['DELETE', `v1/downloads/release_file/?release=${published.legacyId}`, undefined],
        ['DELETE', `v1/downloads/release/${published.legacyId}/`, undefined],
        ['DELETE', 'v1/downloads/os/3/', undefined],
      ]
      for (const [method, target, body] of attempts) {
        const response = await t.api(method, withQuery(target, path), { auth: undefined, body, headers })
        if (response.status !== expected) throw new Error(`${who}: ${method} ${target} answered ${response.status}, not ${expected}`)
        expect((await json(response)).error_message).toEqual(expect.any(String))
      }
    }
    expect(await countFiles(t)).toBe(before)
    expect((await t.payload.count({ collection: 'releases', overrideAccess: true })).totalDocs).toBe(releases)
    expect((await t.payload.count({ collection: 'download-os', overrideAccess: true })).totalDocs).toBe(5)
  })

  it('with credentials in the body are refused (401), even from staff', async () => {
    const before = await countFiles(t)
    const response = await t.api('POST', 'v1/downloads/release_file/', {
      auth: undefined,
      body: { ...fileBody(), api_key: staff.key, username: staff.username },
      headers: {},
    })
    expect(response.status).toBe(401)
    const form = await t.api('POST', 'v1/downloads/release_file/', {
      auth: undefined,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      rawBody: `username=${staff.username}&api_key=${staff.key}&name=x`,
    })
    expect(form.status).toBe(401)
    expect(await countFiles(t)).toBe(before)
  })

  it('by anyone but staff with a valid token are refused on v2, and nothing is written', async () => {
    const before = await countFiles(t)
    const v2Outsiders: { expected: number; headers: Record<string, string>; who: string }[] = [
      { expected: 401, headers: {}, who: 'anonymous' },
      { expected: 403, headers: { Authorization: member.v2 }, who: 'a member with a valid token' },
      { expected: 401, headers: { Authorization: `Token ${unique('wrong')}` }, who: 'a wrong token' },
      { expected: 401, headers: { Authorization: inactiveStaff.v2 }, who: 'an inactive staff user' },
      { expected: 401, headers: { Authorization: `JWT ${staff.token}` }, who: "staff's session token" },
    ]
    for (const { expected, headers, who } of v2Outsiders) {
      const attempts: [string, string, unknown][] = [
        ['POST', 'v2/downloads/release_file/', fileBody()],
        ['PUT', `v2/downloads/release_file/${publishedFile}/`, fileBody()],
        ['PATCH', `v2/downloads/release_file/${publishedFile}/`, { description: 'defaced' }],
        ['PATCH', `v2/downloads/release/${published.legacyId}/`, { is_published: false }],
        ['DELETE', `v2/downloads/release_file/${publishedFile}/`, undefined],
        ['DELETE', `v2/downloads/release_file/delete_by_release/?release=${published.legacyId}`, undefined],
        ['DELETE', 'v2/downloads/os/3/', undefined],
      ]
      for (const [method, target, body] of attempts) {
        const response = await t.api(method, target, { auth: undefined, body, headers })
        if (response.status !== expected) throw new Error(`${who}: ${method} ${target} answered ${response.status}, not ${expected}`)
      }
    }
    expect(await countFiles(t)).toBe(before)
    const file = await t.payload.find({ collection: 'release-files', overrideAccess: true, where: { legacyId: { equals: publishedFile } } })
    expect(file.docs[0]?.description).toBeFalsy()
    const release = await t.payload.findByID({ collection: 'releases', id: published.id, overrideAccess: true })
    expect(release.isPublished).toBe(true)
  })

  it('stop working the moment a key is revoked or its owner deactivated', async () => {
    const writer = await makeKeyUser(t, 'staff')
    const body = fileBody()
    const ok = await t.api('POST', 'v1/downloads/release_file/', { auth: undefined, body, headers: { Authorization: writer.v1 } })
    expect(ok.status).toBe(201)
    // the owner revokes the key through the project's own endpoint
    expect((await t.api('DELETE', 'users/api-key', { auth: writer })).status).toBe(204)
    const revoked = await t.api('POST', 'v1/downloads/release_file/', { auth: undefined, body: fileBody(), headers: { Authorization: writer.v1 } })
    expect(revoked.status).toBe(401)
    expect((await t.api('GET', 'v2/downloads/os/', { auth: undefined, headers: { Authorization: writer.v2 } })).status).toBe(401)

    const other = await makeKeyUser(t, 'staff')
    await t.payload.update({ collection: 'users', data: { isActive: false }, id: other.id, overrideAccess: true })
    const deactivated = await t.api('DELETE', `v1/downloads/release_file/${publishedFile}/`, {
      auth: undefined,
      headers: { Authorization: other.v1 },
    })
    expect(deactivated.status).toBe(401)
    expect((await t.api('GET', `v1/downloads/release_file/${publishedFile}/`, { auth: undefined })).status).toBe(200)
  })

  it('by staff with a key generated through POST users/api-key work (v1 ApiKey and v2 Token)', async () => {
    const writer = await t.makeUser('staff')
    const generated = await json(await t.api('POST', 'users/api-key', { auth: writer }))
    const v1 = await t.api('POST', 'v1/downloads/release_file/', {
      auth: undefined,
      body: fileBody(),
      headers: { Authorization: `ApiKey ${writer.username.toUpperCase()}:${generated.apiKey}` },
    })
    expect(v1.status).toBe(201)
    const v2 = await t.api('POST', 'v2/downloads/release_file/', {
      auth: undefined,
      body: fileBody(),
      headers: { Authorization: `Token ${generated.apiKey}` },
    })
    expect(v2.status).toBe(201)
    expect(v2.headers.get('Location')).toMatch(/^http:\/\/localhost:3000\/api\/v2\/downloads\/release_file\/\d+\/$/)
  })
})
