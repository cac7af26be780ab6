/**
 * GET /api/pages/by-path?path=/about/psf/ resolves a URL path to a published
 * page in one request. Drafts are 404 for anonymous users and members; staff
 * see them.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedPage, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let published: Json
let draft: Json

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  published = await seedPage(t, {
    content: 'About the *PSF*',
    contentType: 'MARKDOWN',
    isPublished: true,
    path: 'about/psf',
    title: 'About the PSF',
  })
  draft = await seedPage(t, {
    content: 'SECRET-DRAFT',
    isPublished: false,
    path: 'about/secret-plans',
    title: 'Secret plans',
  })
})
afterAll(async () => {
  await t?.close()
})

const byPath = (path: string, auth?: TestUser) =>
  t.api('GET', `/pages/by-path?path=${encodeURIComponent(path)}`, { auth })

describe('GET /api/pages/by-path', () => {
  it.each(['/about/psf/', 'about/psf', '/About/PSF', '//about//psf//'])(
    'resolves %j to the published page for anyone',
    async (path) => {
      for (const auth of [undefined, member, staff]) {
        const response = await byPath(path, auth)
        expect(response.status).toBe(200)
        const page = await json(response)
        expect(page).toMatchObject({ id: published.id, isPublished: true, path: 'about/psf', title: 'About the PSF' })
        // the page as a frontend needs it: rendered HTML beside the markup
        expect(page.contentHtml).toContain('<em>PSF</em>')
      }
    },
  )

  it('answers 404 for a draft to anonymous users and members, without its content', async () => {
    for (const auth of [undefined, member]) {
      const response = await byPath('/about/secret-plans/', auth)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('SECRET-DRAFT')
    }
  })

  it('lets staff resolve a draft', async () => {
    const response = await byPath('/about/secret-plans/', staff)
    expect(response.status).toBe(200)
    expect(await json(response)).toMatchObject({ id: draft.id, isPublished: false })
  })

  it('follows publishing and unpublishing', async () => {
    const page = await seedPage(t, { isPublished: false, path: 'news/flip', title: 'Flip' })
    expect((await byPath('/news/flip/')).status).toBe(404)
    expect((await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { isPublished: true } })).status).toBe(200)
    expect((await byPath('/news/flip/')).status).toBe(200)
    expect((await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { isPublished: false } })).status).toBe(200)
    expect((await byPath('/news/flip/')).status).toBe(404)
  })

  it('answers 404 for a path with no page, and 400 without the path parameter', async () => {
    expect((await byPath('/no/such/page/')).status).toBe(404)
    const missing = await t.api('GET', '/pages/by-path')
    expect(missing.status).toBe(400)
    expect(JSON.stringify(await json(missing))).toMatch(/path/)
  })

  it('matches the whole path, not a prefix or a pattern', async () => {
    expect((await byPath('/about/')).status).toBe(404)
    expect((await byPath('/about/psf/extra/')).status).toBe(404)
    expect((await byPath('/about/ps%')).status).toBe(404)
    expect((await byPath('/about/*')).status).toBe(404)
  })

  it('select[...] picks the fields; a malformed select is a 400 naming it', async () => {
    const response = await t.api('GET', '/pages/by-path?path=about/psf&select[title]=true&select[contentHtml]=true')
    expect(response.status).toBe(200)
    expect(Object.keys(await json(response)).sort()).toEqual(['contentHtml', 'id', 'title'])
    const bad = await t.api('GET', '/pages/by-path?path=about/psf&select[title]=maybe')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await json(bad))).toMatch(/select\[title\]/)
  })
})
