/**
 * SEO (plugin-seo on pages, success stories and community posts): meta
 * title, description and image are saved and exposed through REST and
 * GraphQL; the defaults in src/platform/seo.ts are generated from the document.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import { plainText, seoConfig } from '../../src/platform/seo'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedPage, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-seo-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

type GenerateArgs = Parameters<NonNullable<typeof seoConfig.generateTitle>>[0]
/** The plugin passes the admin's document context too; the generators only read `doc`. */
const args = (doc: Json) => ({ doc, req: {} as PayloadRequest }) as GenerateArgs
const generateTitle = (doc: Json) => seoConfig.generateTitle!(args(doc))
const generateDescription = (doc: Json) => seoConfig.generateDescription!(args(doc))

describe('generated defaults (src/platform/seo.ts)', () => {
  it('title: the document title with the site name', async () => {
    expect(await generateTitle({ title: 'About the PSF' })).toBe('About the PSF | Python.org')
    // success stories: the story name and the company
    expect(await generateTitle({ companyName: 'Acme', name: 'Scaling with Python' })).toBe('Scaling with Python | Acme | Python.org')
    expect(await generateTitle({ name: 'A post' })).toBe('A post | Python.org')
    expect(await generateTitle({})).toBe('Python.org')
  })

  it('description: the description field when there is one, else plain text from the content', async () => {
    expect(await generateDescription({ content: 'ignored', description: 'The official home of Python.' })).toBe('The official home of Python.')
    expect(await generateDescription({ content: '<p>Python is <em>fast</em>.</p>' })).toMatch(/^Python is fast ?\.$/)
    expect(await generateDescription({ content: 'Title\n=====\n\n**Bold** and `code` and *emphasis*' })).toBe('Title Bold and code and emphasis')
    expect(await generateDescription({})).toBe('')
  })

  it('description: at most 160 characters, cut with an ellipsis', async () => {
    const long = await generateDescription({ content: 'word '.repeat(100) })
    expect(long.length).toBe(160)
    expect(long.endsWith('…')).toBe(true)
    const exact = 'x'.repeat(160)
    expect(await generateDescription({ description: exact })).toBe(exact)
  })

  it('plainText strips tags and markup punctuation and collapses whitespace', () => {
    expect(plainText('<h1>Hi</h1>\n\n<script>x</script>  there')).toBe('Hi x there')
    expect(plainText(null)).toBe('')
  })

  it('the generate endpoints use these functions for staff, and refuse drafts to others', async () => {
    const draft = await seedPage(t, { isPublished: false, title: 'Draft' })
    const response = await t.api('POST', '/plugin-seo/generate-title', {
      auth: staff,
      body: { collectionSlug: 'pages', doc: { id: draft.id, title: 'Draft' }, id: draft.id },
    })
    expect(response.status).toBe(200)
    expect((await json(response)).result).toBe('Draft | Python.org')
    for (const auth of [undefined, member]) {
      const refused = await t.api('POST', '/plugin-seo/generate-description', {
        auth,
        body: { collectionSlug: 'pages', doc: { id: draft.id }, id: draft.id },
      })
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
    }
  })
})

describe('meta fields', () => {
  it('exist on pages, success stories and community posts', () => {
    for (const slug of ['pages', 'success-stories', 'community-posts']) {
      const collection = t.config.collections.find((candidate) => candidate.slug === slug)!
      const meta = collection.fields.find((field) => 'name' in field && field.name === 'meta') as { fields: { name?: string }[] } | undefined
      expect(meta?.fields.map((field) => field.name).filter(Boolean)).toEqual(expect.arrayContaining(['title', 'description', 'image']))
    }
  })

  it('are saved through REST and read back through REST and GraphQL, image populated', async () => {
    const page = await seedPage(t, { isPublished: true, title: 'Downloads' })
    const png = await sharp({ create: { background: '#ffd43b', channels: 3, height: 630, width: 1200 } }).png().toBuffer()
    const image = await t.payload.create({
      collection: 'page-images',
      data: { alt: 'Social card', page: page.id },
      file: { data: png, mimetype: 'image/png', name: 'card.png', size: png.length },
      overrideAccess: true,
    })
    const meta = { description: 'Download Python for any OS.', image: image.id, title: 'Download Python | Python.org' }
    const saved = await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { meta } })
    expect(saved.status).toBe(200)

    const rest = await json(await t.api('GET', `/pages/${page.id}?depth=1`))
    expect(rest.meta).toMatchObject({ description: meta.description, title: meta.title })
    expect(rest.meta.image).toMatchObject({ alt: 'Social card', id: image.id, width: 1200 })
    expect(rest.meta.image.url).toEqual(expect.stringContaining('card'))

    const gql = await t.graphql(`{ Page(id: "${page.id}") { meta { title description image { id alt url width } } } }`)
    expect(gql.data.Page.meta).toMatchObject({
      description: meta.description,
      image: { alt: 'Social card', id: image.id, width: 1200 },
      title: meta.title,
    })
  })

  it('members cannot write them (the page is staff-managed)', async () => {
    const page = await seedPage(t, { isPublished: true, meta: { title: 'Original' }, title: 'Members' })
    const response = await t.api('PATCH', `/pages/${page.id}`, { auth: member, body: { meta: { title: 'Defaced' } } })
    expect(response.status).toBe(403)
    expect((await json(await t.api('GET', `/pages/${page.id}`))).meta.title).toBe('Original')
  })
})
