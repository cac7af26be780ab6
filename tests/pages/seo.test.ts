/**
 * SEO (plugin-seo on pages, success stories and community posts): meta
 * title, description and image are saved and exposed through REST and
 * GraphQL; the defaults in src/platform/seo.ts are generated from the
 * document, written on every save, and kept in sync with it until an editor
 * writes a value of their own (hooks/shared/fillSeoDefaults.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import { firstParagraphText, plainText, seoConfig } from '../../src/platform/seo'
import { type Actors, makeActors } from '../helpers/actors'
import { adminSave, asRequestUser, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { createCategory, submitStory } from '../success-stories/fixtures'
import { createPost } from '../community/fixtures'
import { json, seedPage, type Json } from './fixtures'

let t: TestContext
let actors: Actors
let staff: TestUser
let member: TestUser
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-seo-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  actors = await makeActors(t)
  staff = actors.staff
  member = actors.member
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
    expect(await generateTitle({ companyName: 'Acme', name: 'Scaling with Python' })).toBe(
      'Scaling with Python | Acme | Python.org',
    )
    expect(await generateTitle({ name: 'A post' })).toBe('A post | Python.org')
    expect(await generateTitle({})).toBe('Python.org')
  })

  it('description: the description field when there is one, else plain text from the content', async () => {
    expect(await generateDescription({ content: 'ignored', description: 'The official home of Python.' })).toBe(
      'The official home of Python.',
    )
    expect(await generateDescription({ content: '<p>Python is <em>fast</em>.</p>' })).toMatch(/^Python is fast ?\.$/)
    expect(await generateDescription({ content: 'Title\n=====\n\n**Bold** and `code` and *emphasis*' })).toBe(
      'Title Bold and code and emphasis',
    )
    expect(await generateDescription({})).toBe('')
  })

  it('description: at most 160 characters, cut at a word with an ellipsis', async () => {
    const long = await generateDescription({ content: 'word '.repeat(100) })
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long.length).toBeGreaterThan(140)
    expect(long.endsWith('word…')).toBe(true)
    const exact = 'x'.repeat(160)
    expect(await generateDescription({ description: exact })).toBe(exact)
    expect(await generateDescription({ description: 'x'.repeat(200) })).toBe(`${'x'.repeat(159)}…`)
  })

  it('description: the first paragraph of the rendered content, as plain text', async () => {
    const contentHtml = '<h1>Title</h1>\n<p>Fish &amp; <em>chips</em>,\n  twice.</p>\n<p>Second paragraph.</p>'
    expect(await generateDescription({ contentHtml })).toBe('Fish & chips, twice.')
    expect(firstParagraphText('<ul><li>Only a list</li></ul>')).toBe('Only a list')
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
      const meta = collection.fields.find((field) => 'name' in field && field.name === 'meta') as
        { fields: { name?: string }[] } | undefined
      expect(meta?.fields.map((field) => field.name).filter(Boolean)).toEqual(
        expect.arrayContaining(['title', 'description', 'image']),
      )
    }
  })

  it('are saved through REST and read back through REST and GraphQL, image populated', async () => {
    const page = await seedPage(t, { isPublished: true, title: 'Downloads' })
    const png = await sharp({ create: { background: '#ffd43b', channels: 3, height: 630, width: 1200 } })
      .png()
      .toBuffer()
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

describe('defaults written on save, in sync until overridden', () => {
  const createPage = async (body: Json) => {
    const response = await t.api('POST', '/pages', { auth: staff, body: { path: unique('seo'), ...body } })
    expect(response.status).toBe(201)
    return (await json(response)).doc as Json
  }
  const meta = async (collection: 'community-posts' | 'pages' | 'success-stories', id: string) =>
    (await json(await t.api('GET', `/${collection}/${id}?depth=0`, { auth: staff }))).meta as Json

  it('a page gets its meta title and description from its title and description, or its first paragraph', async () => {
    const described = await createPage({ description: 'All about the PSF.', title: 'About' })
    expect(described.meta).toMatchObject({ description: 'All about the PSF.', title: 'About | Python.org' })
    const rst = await createPage({
      content: 'Heading\n=======\n\nThe *first* paragraph,\nover two lines.\n\nThe second one.',
      title: 'Plain',
    })
    expect(rst.meta).toMatchObject({ description: 'The first paragraph, over two lines.', title: 'Plain | Python.org' })
    expect(await meta('pages', rst.id)).toMatchObject({ description: 'The first paragraph, over two lines.' })
  })

  it('defaults follow the page (REST PATCH, admin save)', async () => {
    const page = await createPage({ description: 'First words.', title: 'Before' })
    await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { title: 'After' } })
    expect(await meta('pages', page.id)).toMatchObject({ description: 'First words.', title: 'After | Python.org' })
    expect((await adminSave(t, staff, 'pages', page.id, { description: 'Second words.', title: 'Again' })).status).toBe(
      200,
    )
    expect(await meta('pages', page.id)).toMatchObject({ description: 'Second words.', title: 'Again | Python.org' })
  })

  it("an editor's own value stays when the page changes; clearing it brings the default back", async () => {
    const page = await createPage({ description: 'Generated.', title: 'Mine' })
    await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { meta: { title: 'Hand-written title' } } })
    await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { description: 'Changed.', title: 'Mine too' } })
    expect(await meta('pages', page.id)).toMatchObject({ description: 'Changed.', title: 'Hand-written title' })
    await adminSave(t, staff, 'pages', page.id, {
      meta: { description: 'Hand-written description', title: 'Hand-written title' },
    })
    await adminSave(t, staff, 'pages', page.id, { description: 'Changed again.', title: 'Renamed' })
    expect(await meta('pages', page.id)).toMatchObject({
      description: 'Hand-written description',
      title: 'Hand-written title',
    })
    await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { meta: { description: '', title: '' } } })
    expect(await meta('pages', page.id)).toMatchObject({ description: 'Changed again.', title: 'Renamed | Python.org' })
    await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { title: 'Followed again' } })
    expect((await meta('pages', page.id)).title).toBe('Followed again | Python.org')
  })

  it('GraphQL and the Local API write the defaults too; the bookkeeping never shows', async () => {
    const created = await t.graphql(
      'mutation ($data: mutationPageInput!) { createPage(data: $data) { id meta { title description } } }',
      { auth: staff, variables: { data: { description: 'Via GraphQL.', path: unique('seo'), title: 'GraphQL' } } },
    )
    expect(created.errors).toBeUndefined()
    expect(created.data.createPage.meta).toEqual({ description: 'Via GraphQL.', title: 'GraphQL | Python.org' })
    const local = await t.payload.create({
      collection: 'pages',
      data: { content: 'Local *words*.', contentType: 'MARKDOWN', path: unique('seo'), title: 'Local' } as never,
      overrideAccess: false,
      user: await asRequestUser(t, staff),
    })
    expect(local.meta).toMatchObject({ description: 'Local words.', title: 'Local | Python.org' })
    const rest = await meta('pages', local.id)
    expect(Object.keys(rest).sort()).toEqual(['description', 'image', 'title'])
    const hidden = await t.graphql(`{ Page(id: "${local.id}") { meta { title generatedTitle } } }`, { auth: staff })
    // a hidden field stays in Payload's GraphQL schema, always null
    expect(hidden.errors).toBeUndefined()
    expect(hidden.data.Page.meta).toEqual({ generatedTitle: null, title: 'Local | Python.org' })
  })

  it('a long first paragraph is cut to 160 characters at a word', async () => {
    const page = await createPage({ content: `${'Python is a language. '.repeat(20)}\n\nMore.`, title: 'Long' })
    expect(page.meta.description.length).toBeLessThanOrEqual(160)
    expect(page.meta.description).toMatch(/^Python is a language\. .*language…$/)
  })

  it("success stories and community posts get theirs from the name, company and content (a member's own)", async () => {
    const category = await createCategory(t, staff)
    const story = await submitStory(t, actors.owner, category.id, {
      companyName: 'Acme',
      content: 'We moved *everything* to Python.\n\nAnd never looked back.',
      name: 'Moving to Python',
    })
    expect(story.meta).toMatchObject({
      description: 'We moved everything to Python.',
      title: 'Moving to Python | Acme | Python.org',
    })
    const post = await createPost(t, actors.owner, { content: 'Sprints this **weekend**!', title: 'Sprints' })
    expect(post.meta).toMatchObject({ description: 'Sprints this weekend!', title: 'Sprints | Python.org' })
    const renamed = await t.api('PATCH', `/community-posts/${post.id}`, {
      auth: actors.owner,
      body: { title: 'Sprint' },
    })
    expect(renamed.status).toBe(200)
    expect((await meta('community-posts', post.id)).title).toBe('Sprint | Python.org')
  })
})
