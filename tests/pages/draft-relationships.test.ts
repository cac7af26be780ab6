/**
 * A draft page, or an image of a draft page, never reaches an anonymous
 * user or a member through a relationship populated at depth: a release's
 * releasePage, a page's SEO meta.image, a page's images/documents join, an
 * image's page. Staff get the populated documents.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedPage, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let dataDir: string

let publishedPage: Json
let draftPage: Json
let publishedImage: Json
let draftImage: Json
let releaseToDraft: Json
let releaseToPublished: Json
let pageWithDraftImage: Json

const DRAFT_MARKER = 'SECRET-DRAFT-PAGE'

const makeImage = async (pageId: string, name: string) => {
  const data = await sharp({ create: { background: '#aa3300', channels: 3, height: 400, width: 400 } }).png().toBuffer()
  return (await t.payload.create({
    collection: 'page-images',
    data: { alt: name, page: pageId },
    file: { data, mimetype: 'image/png', name: `${name}.png`, size: data.length },
    overrideAccess: true,
  })) as unknown as Json
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-relations-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  publishedPage = await seedPage(t, { isPublished: true, title: 'Public release notes' })
  draftPage = await seedPage(t, { content: DRAFT_MARKER, isPublished: false, title: DRAFT_MARKER })
  publishedImage = await makeImage(publishedPage.id, 'public-image')
  draftImage = await makeImage(draftPage.id, 'draft-image')
  releaseToDraft = await t.payload.create({
    collection: 'releases',
    data: { isPublished: true, name: 'Python 3.99.0', releasePage: draftPage.id } as never,
    overrideAccess: true,
  })
  releaseToPublished = await t.payload.create({
    collection: 'releases',
    data: { isPublished: true, name: 'Python 3.98.0', releasePage: publishedPage.id } as never,
    overrideAccess: true,
  })
  // a published page whose SEO image belongs to a draft page
  pageWithDraftImage = await seedPage(t, {
    isPublished: true,
    meta: { description: 'public', image: draftImage.id, title: 'Public page' },
    title: 'Public page with a draft image',
  })
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

/** The id of a relationship value, whether populated or not. */
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as Json).id : value)
const isPopulated = (value: unknown) => Boolean(value && typeof value === 'object')

const readers: [string, () => Auth][] = [
  ['anonymous', () => undefined],
  ['member', () => member],
]

describe.each(readers)('relationships at depth, read by %s', (_role, who) => {
  it("a published release's draft releasePage is not populated (REST)", async () => {
    for (const depth of [1, 2]) {
      const response = await t.api('GET', `/releases/${releaseToDraft.id}?depth=${depth}`, { auth: who() })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(DRAFT_MARKER)
      expect(isPopulated(JSON.parse(text).releasePage)).toBe(false)
    }
    const list = await t.api('GET', '/releases?depth=1&limit=100', { auth: who() })
    expect(await list.text()).not.toContain(DRAFT_MARKER)
  })

  it("a published release's published releasePage is populated (REST)", async () => {
    const body = await json(await t.api('GET', `/releases/${releaseToPublished.id}?depth=1`, { auth: who() }))
    expect(body.releasePage).toMatchObject({ id: publishedPage.id, isPublished: true })
  })

  it('the same through GraphQL', async () => {
    const result = await t.graphql(
      `{ draft: Release(id: "${releaseToDraft.id}") { releasePage { id title } }
         published: Release(id: "${releaseToPublished.id}") { releasePage { id title } } }`,
      { auth: who() },
    )
    expect(JSON.stringify(result.data)).not.toContain(DRAFT_MARKER)
    expect(result.data.draft.releasePage).toBeNull()
    expect(result.data.published.releasePage).toEqual({ id: publishedPage.id, title: publishedPage.title })
  })

  it("a published page's SEO meta.image from a draft page is not populated (REST and GraphQL)", async () => {
    const body = await json(await t.api('GET', `/pages/${pageWithDraftImage.id}?depth=1`, { auth: who() }))
    expect(body.meta.title).toBe('Public page')
    expect(isPopulated(body.meta.image)).toBe(false)
    const result = await t.graphql(`{ Page(id: "${pageWithDraftImage.id}") { meta { title image { id filename url } } } }`, {
      auth: who(),
    })
    expect(result.data.Page.meta.title).toBe('Public page')
    expect(result.data.Page.meta.image).toBeNull()
  })

  it("a published page's images join lists only readable images, populated", async () => {
    const body = await json(await t.api('GET', `/pages/${publishedPage.id}?depth=1`, { auth: who() }))
    expect(body.images.docs.map(idOf)).toEqual([publishedImage.id])
    expect(body.images.docs[0]).toMatchObject({ filename: publishedImage.filename, id: publishedImage.id })
  })

  it('filtering through a relationship does not reveal a draft page', async () => {
    for (const query of [
      `where[releasePage.title][equals]=${DRAFT_MARKER}`,
      'where[releasePage.isPublished][equals]=false',
    ]) {
      const body = await json(await t.api('GET', `/releases?${query}`, { auth: who() }))
      expect(body.docs).toEqual([])
    }
    const staffView = await json(await t.api('GET', `/releases?where[releasePage.title][equals]=${DRAFT_MARKER}`, { auth: staff }))
    expect(staffView.docs.map(idOf)).toEqual([releaseToDraft.id])
  })

  it("an image's page is populated only when published, and images of draft pages are not listed", async () => {
    const list = await t.api('GET', '/page-images?depth=1&limit=100', { auth: who() })
    const text = await list.text()
    expect(text).not.toContain(DRAFT_MARKER)
    const docs = JSON.parse(text).docs as Json[]
    expect(docs.map((doc) => doc.id)).toEqual([publishedImage.id])
    expect(docs[0]!.page).toMatchObject({ id: publishedPage.id, isPublished: true })
    const result = await t.graphql(`{ PageImages { docs { id page { id title isPublished } } } }`, { auth: who() })
    expect(result.data.PageImages.docs).toEqual([
      { id: publishedImage.id, page: { id: publishedPage.id, isPublished: true, title: publishedPage.title } },
    ])
  })
})

describe('relationships at depth, read by staff', () => {
  it('staff get the draft page and the draft image populated', async () => {
    const release = await json(await t.api('GET', `/releases/${releaseToDraft.id}?depth=1`, { auth: staff }))
    expect(release.releasePage).toMatchObject({ id: draftPage.id, isPublished: false, title: DRAFT_MARKER })
    const page = await json(await t.api('GET', `/pages/${pageWithDraftImage.id}?depth=1`, { auth: staff }))
    expect(page.meta.image).toMatchObject({ filename: draftImage.filename, id: draftImage.id })
    const draft = await json(await t.api('GET', `/pages/${draftPage.id}?depth=1`, { auth: staff }))
    expect(draft.images.docs.map(idOf)).toEqual([draftImage.id])
  })
})
