/**
 * A page's `path` is unique and lowercase, made of [a-z0-9-.] segments
 * separated by "/"; leading and trailing slashes are stripped on save. Bad
 * paths and duplicates are client errors naming `path`, never a 500.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, json, snapshot, uniquePath } from './fixtures'

let t: TestContext
let staff: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

const createPage = (body: Record<string, unknown>) =>
  t.api('POST', '/pages', { auth: staff, body: { title: 'Path test', ...body } })

describe('pages: path normalization', () => {
  it('stores "/About/PSF/" as "about/psf"', async () => {
    const response = await createPage({ path: '/About/PSF/' })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc.path).toBe('about/psf')
    const stored = await t.payload.findByID({ collection: 'pages', id: doc.id, overrideAccess: true })
    expect(stored.path).toBe('about/psf')
  })

  it('normalizes on update too, and collapses repeated slashes', async () => {
    const { doc } = await json(await createPage({ path: uniquePath() }))
    const response = await t.api('PATCH', `/pages/${doc.id}`, { auth: staff, body: { path: '//Docs//Tutorial.v2/' } })
    expect(response.status).toBe(200)
    expect((await json(response)).doc.path).toBe('docs/tutorial.v2')
  })

  it('accepts digits, hyphens and dots in segments', async () => {
    const response = await createPage({ path: 'downloads/release/python-3.14.0' })
    expect(response.status).toBe(201)
    expect((await json(response)).doc.path).toBe('downloads/release/python-3.14.0')
  })
})

describe('pages: invalid paths', () => {
  it.each([
    ['bad path!'],
    ['about/ps f'],
    ['über/psf'],
    ['about/psf?x=1'],
    ['a_b'],
    ['/'],
  ])('%j is refused with 400 naming path, nothing written', async (path) => {
    const before = await snapshot(t, 'pages')
    await expectClientError(await createPage({ path }), 'path')
    expect(await snapshot(t, 'pages')).toBe(before)
  })

  it('a missing path is refused naming path', async () => {
    await expectClientError(await createPage({}), 'path')
  })

  it('an invalid path on update leaves the page as it was', async () => {
    const path = uniquePath()
    const { doc } = await json(await createPage({ path }))
    await expectClientError(await t.api('PATCH', `/pages/${doc.id}`, { auth: staff, body: { path: 'bad path!' } }), 'path')
    expect((await t.payload.findByID({ collection: 'pages', id: doc.id, overrideAccess: true })).path).toBe(path)
  })
})

describe('pages: unique path', () => {
  it('a duplicate is a 400 naming path, not a 500', async () => {
    const path = uniquePath('dup')
    expect((await createPage({ path })).status).toBe(201)
    const count = (await t.payload.count({ collection: 'pages', overrideAccess: true })).totalDocs
    await expectClientError(await createPage({ path }), 'path')
    expect((await t.payload.count({ collection: 'pages', overrideAccess: true })).totalDocs).toBe(count)
  })

  it('paths that normalize to the same value clash', async () => {
    const path = uniquePath('same')
    expect((await createPage({ path })).status).toBe(201)
    await expectClientError(await createPage({ path: `/${path.toUpperCase()}/` }), 'path')
  })

  it('moving a page onto another page\'s path is a 400 naming path', async () => {
    const taken = uniquePath('taken')
    expect((await createPage({ path: taken })).status).toBe(201)
    const { doc } = await json(await createPage({ path: uniquePath() }))
    await expectClientError(await t.api('PATCH', `/pages/${doc.id}`, { auth: staff, body: { path: `/${taken}/` } }), 'path')
  })

  it('the GraphQL mutation reports the clash on path, not as an internal error', async () => {
    const path = uniquePath('gql')
    expect((await createPage({ path })).status).toBe(201)
    const result = await t.graphql(`mutation { createPage(data: { title: "Dup", path: "${path}", contentType: MARKDOWN }) { id } }`, { auth: staff })
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(JSON.stringify(result.errors)).toMatch(/path/)
  })
})
