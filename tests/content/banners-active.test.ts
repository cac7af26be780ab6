/**
 * GET /api/banners/active?path=P&target=T answers, in one request, which
 * banners apply to path P now for target T: active only, today within the
 * optional startDate/endDate window, sitewide or a path pattern matching P
 * ("/downloads/*" matches "/downloads/release/python-3140/"), and the target
 * asked for. An unknown target is a 400.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser

const DAY = 24 * 60 * 60 * 1000
/** A calendar day relative to today (UTC), as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)

const banners: Record<string, Json> = {}

const banner = async (name: string, data: Json) => {
  banners[name] = await seed(t, 'banners', { isActive: true, message: `${name} message`, name, title: `${name} title`, ...data })
}

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  await banner('sitewide', { isSitewide: true })
  await banner('downloads', { paths: '/downloads/*' })
  await banner('aboutExact', { paths: '/about/\n/psf/board/' })
  await banner('inactiveSitewide', { isActive: false, isSitewide: true })
  await banner('apiSitewide', { isSitewide: true, target: 'API' })
  await banner('futureStart', { isSitewide: true, startDate: day(2) })
  await banner('pastEnd', { endDate: day(-2), isSitewide: true })
  await banner('startsToday', { isSitewide: true, startDate: day(0) })
  await banner('endsToday', { endDate: day(0), isSitewide: true })
  await banner('runningWindow', { endDate: day(5), isSitewide: true, startDate: day(-5) })
  await banner('futureDownloads', { paths: '/downloads/*', startDate: day(3) })
})
afterAll(async () => {
  await t?.close()
})

const active = async (query: string, auth?: TestUser) => {
  const response = await t.api('GET', `/banners/active?${query}`, { auth })
  expect(response.status).toBe(200)
  const body = await json(response)
  return (body.docs as Json[]).map((doc) => doc.name).sort()
}

const ALWAYS = ['endsToday', 'runningWindow', 'sitewide', 'startsToday']

describe('GET /api/banners/active', () => {
  it('on /downloads/ for FRONTEND: the sitewide banners in their window and the /downloads/* banner', async () => {
    expect(await active('path=/downloads/&target=FRONTEND')).toEqual([...ALWAYS, 'downloads'].sort())
  })

  it('"/downloads/*" matches deeper paths, with or without slashes, in any case', async () => {
    for (const path of ['/downloads/release/python-3140/', 'downloads/windows', '/Downloads/Release/']) {
      expect(await active(`path=${encodeURIComponent(path)}&target=FRONTEND`)).toContain('downloads')
    }
    for (const path of ['/downloadsx/', '/about/downloads/', '/']) {
      expect(await active(`path=${encodeURIComponent(path)}&target=FRONTEND`)).not.toContain('downloads')
    }
  })

  it('a pattern without "*" matches that path only; one pattern per line', async () => {
    expect(await active('path=/about/&target=FRONTEND')).toContain('aboutExact')
    expect(await active('path=/about&target=FRONTEND')).toContain('aboutExact')
    expect(await active('path=/psf/board/&target=FRONTEND')).toContain('aboutExact')
    expect(await active('path=/about/psf/&target=FRONTEND')).not.toContain('aboutExact')
  })

  it('excludes inactive banners, a future start and a past end; includes a window that starts or ends today', async () => {
    const names = await active('path=/community/&target=FRONTEND')
    expect(names).toEqual(ALWAYS)
    for (const excluded of ['inactiveSitewide', 'futureStart', 'pastEnd', 'futureDownloads']) expect(names).not.toContain(excluded)
  })

  it('answers for the target asked for (case-insensitive)', async () => {
    expect(await active('path=/downloads/&target=API')).toEqual(['apiSitewide'])
    expect(await active('path=/downloads/&target=api')).toEqual(['apiSitewide'])
    expect(await active('path=/downloads/&target=FRONTEND')).not.toContain('apiSitewide')
  })

  it('defaults to the FRONTEND target and the root path', async () => {
    expect(await active('')).toEqual(ALWAYS)
  })

  it('answers staff the same as anyone: inactive banners are not active', async () => {
    expect(await active('path=/downloads/&target=FRONTEND', staff)).toEqual([...ALWAYS, 'downloads'].sort())
  })

  it('follows changes: deactivating a banner removes it', async () => {
    const extra = await seed(t, 'banners', { isActive: true, isSitewide: true, message: 'm', name: 'temporary', target: 'API', title: 't' })
    expect(await active('target=API')).toContain('temporary')
    await t.api('PATCH', `/banners/${extra.id}`, { auth: staff, body: { isActive: false } })
    expect(await active('target=API')).not.toContain('temporary')
  })

  it('returns what a frontend needs to show the banner', async () => {
    const response = await t.api('GET', '/banners/active?path=/downloads/release/x/&target=FRONTEND')
    const downloads = (await json(response)).docs.find((doc: Json) => doc.name === 'downloads')
    expect(downloads).toMatchObject({ bannerType: 'INFO', isDismissible: true, message: 'downloads message', title: 'downloads title' })
  })

  it.each(['PRINT', 'frontend,api', 'FRONTEND2'])('an unknown target %j is a 400 naming target', async (target) => {
    const response = await t.api('GET', `/banners/active?path=/&target=${encodeURIComponent(target)}`)
    expect(response.status).toBe(400)
    expect(JSON.stringify(await json(response))).toMatch(/target/)
  })
})
