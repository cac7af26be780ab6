/**
 * Success stories: a member may submit a story, which is saved unpublished
 * whatever they send; `isPublished` and `featured` are staff-only; a story
 * is public only when published; its author may edit it until it is
 * published, staff always. Slugs come from the name and are unique; the
 * company URL is http(s); a category is required.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import {
  createCategory,
  expectClientError,
  expectRefused,
  expectUnchanged,
  json,
  readStory,
  storyData,
  submitStory,
  unique,
  userDoc,
  type Json,
} from './fixtures'

let t: TestContext
let dataDir: string
let staff: TestUser
let author: TestUser
let other: TestUser
let category: Json

let draft: Json
let published: Json
const DRAFT_MARKER = `SECRET-STORY-${Math.random().toString(36).slice(2, 8)}`

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-stories-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  author = await t.makeUser('member')
  other = await t.makeUser('member')
  category = await createCategory(t, staff)
  draft = await submitStory(t, author, category.id, { companyName: `Draft Co ${DRAFT_MARKER}`, name: `Draft ${DRAFT_MARKER}` })
  published = await submitStory(t, author, category.id, { name: unique('Published story') })
  const publish = await t.api('PATCH', `/success-stories/${published.id}`, { auth: staff, body: { isPublished: true } })
  if (publish.status !== 200) throw new Error(`publishing failed: ${await publish.text()}`)
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const creatorId = (doc: Json) => (doc.creator && typeof doc.creator === 'object' ? doc.creator.id : doc.creator)

describe('success stories: submitting', () => {
  it('anonymous visitors cannot submit', async () => {
    await expectUnchanged(t, ['success-stories'], async () => {
      expectRefused(await t.api('POST', '/success-stories', { body: storyData(category.id) }))
      await expect(t.payload.create({ collection: 'success-stories', data: storyData(category.id) as never, overrideAccess: false })).rejects.toThrow()
    })
  })

  it('a member’s submission is saved unpublished and unfeatured, whatever they send', async () => {
    const response = await t.api('POST', '/success-stories', {
      auth: author,
      body: storyData(category.id, { creator: other.id, featured: true, isPublished: true }),
    })
    expect(response.status).toBe(201)
    const stored = await readStory(t, (await json(response)).doc.id)
    expect(stored).toMatchObject({ featured: false, isPublished: false })
    expect(creatorId(stored)).toBe(author.id)
    // rendered from reStructuredText, the default content type
    expect(stored.contentType).toBe('RESTRUCTUREDTEXT')
    expect(stored.contentHtml).toContain('<em>Python</em>')
  })

  it('the same through GraphQL and the Local API', async () => {
    // GraphQL marks required fields non-null in its input type, so slug and contentType are sent
    const name = unique('gql-story')
    const gql = await t.graphql(
      `mutation { createSuccessStory(data: { name: "${name}", slug: "${name}", companyName: "G", category: "${category.id}", contentType: MARKDOWN, isPublished: true, featured: true }) { id } }`,
      { auth: author },
    )
    expect(gql.errors).toBeUndefined()
    expect(await readStory(t, gql.data.createSuccessStory.id)).toMatchObject({ featured: false, isPublished: false })

    const local = await t.payload.create({
      collection: 'success-stories',
      data: storyData(category.id, { featured: true, isPublished: true }) as never,
      overrideAccess: false,
      user: await userDoc(t, author),
    })
    expect(await readStory(t, local.id)).toMatchObject({ featured: false, isPublished: false })
  })

  it('staff may create a published, featured story and feature a member’s story', async () => {
    const story = await submitStory(t, staff, category.id, { featured: true, isPublished: true })
    expect(await readStory(t, story.id)).toMatchObject({ featured: true, isPublished: true })

    const submitted = await submitStory(t, author, category.id)
    const response = await t.api('PATCH', `/success-stories/${submitted.id}`, { auth: staff, body: { featured: true } })
    expect(response.status).toBe(200)
    expect(await readStory(t, submitted.id)).toMatchObject({ featured: true, isPublished: false })
    // and un-feature it again through GraphQL
    const gql = await t.graphql(`mutation { updateSuccessStory(id: "${submitted.id}", data: { featured: false }) { featured } }`, { auth: staff })
    expect(gql.data.updateSuccessStory.featured).toBe(false)
  })

  it('a member cannot feature or publish their own story by updating it', async () => {
    const story = await submitStory(t, author, category.id)
    const response = await t.api('PATCH', `/success-stories/${story.id}`, { auth: author, body: { featured: true, isPublished: true } })
    expect(response.status).toBe(200)
    expect(await readStory(t, story.id)).toMatchObject({ featured: false, isPublished: false })
    await t.payload.update({
      collection: 'success-stories',
      data: { featured: true, isPublished: true },
      id: story.id,
      overrideAccess: false,
      user: await userDoc(t, author),
    })
    expect(await readStory(t, story.id)).toMatchObject({ featured: false, isPublished: false })
  })

  it('a category is required and must exist', async () => {
    await expectUnchanged(t, ['success-stories'], async () => {
      const { category: _omitted, ...withoutCategory } = storyData(category.id)
      await expectClientError(await t.api('POST', '/success-stories', { auth: author, body: withoutCategory }), 'category')
      await expectClientError(await t.api('POST', '/success-stories', { auth: author, body: storyData('') }), 'category')
      await expectClientError(
        await t.api('POST', '/success-stories', { auth: author, body: storyData('00000000-0000-4000-8000-000000000000') }),
        'category',
      )
      await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { category: null } }), 'category')
    })
  })
})

describe('success stories: the author edits until it is published', () => {
  it('the author edits their unpublished story through REST, GraphQL and the Local API', async () => {
    const story = await submitStory(t, author, category.id)
    const rest = await t.api('PATCH', `/success-stories/${story.id}`, { auth: author, body: { companyName: 'Renamed Co' } })
    expect(rest.status).toBe(200)
    const gql = await t.graphql(`mutation { updateSuccessStory(id: "${story.id}", data: { content: "Edited" }) { id } }`, { auth: author })
    expect(gql.errors).toBeUndefined()
    await t.payload.update({ collection: 'success-stories', data: { name: 'Edited name' }, id: story.id, overrideAccess: false, user: await userDoc(t, author) })
    expect(await readStory(t, story.id)).toMatchObject({ companyName: 'Renamed Co', content: 'Edited', name: 'Edited name' })
  })

  it('once published, the author’s update is refused; staff still edit it', async () => {
    const story = await submitStory(t, author, category.id)
    expect((await t.api('PATCH', `/success-stories/${story.id}`, { auth: staff, body: { isPublished: true } })).status).toBe(200)
    const before = JSON.stringify(await readStory(t, story.id))

    expectRefused(await t.api('PATCH', `/success-stories/${story.id}`, { auth: author, body: { companyName: 'Too late' } }))
    const gql = await t.graphql(`mutation { updateSuccessStory(id: "${story.id}", data: { companyName: "Too late" }) { id } }`, { auth: author })
    expect(gql.errors?.length).toBeGreaterThan(0)
    await expect(
      t.payload.update({
        collection: 'success-stories',
        data: { companyName: 'Too late' },
        id: story.id,
        overrideAccess: false,
        user: await userDoc(t, author),
      }),
    ).rejects.toThrow()
    const bulk = await json(
      await t.api('PATCH', `/success-stories?where[id][equals]=${story.id}`, { auth: author, body: { companyName: 'Too late' } }),
    )
    expect(bulk.docs ?? []).toEqual([])
    expect(JSON.stringify(await readStory(t, story.id))).toBe(before)

    const moderated = await t.api('PATCH', `/success-stories/${story.id}`, { auth: staff, body: { companyName: 'Staff fixed it' } })
    expect(moderated.status).toBe(200)
    expect((await readStory(t, story.id)).companyName).toBe('Staff fixed it')
  })

  it('another member cannot edit or delete somebody else’s story; only staff delete', async () => {
    await expectUnchanged(t, ['success-stories'], async () => {
      for (const story of [draft, published]) {
        expectRefused(await t.api('PATCH', `/success-stories/${story.id}`, { auth: other, body: { name: 'Hijacked' } }))
        expectRefused(await t.api('DELETE', `/success-stories/${story.id}`, { auth: other }))
      }
      expectRefused(await t.api('DELETE', `/success-stories/${draft.id}`, { auth: author }))
    })
    const story = await submitStory(t, author, category.id)
    expect((await t.api('DELETE', `/success-stories/${story.id}`, { auth: staff })).status).toBe(200)
  })
})

describe('success stories: public only when published', () => {
  const readers = (): [string, Auth][] => [
    ['anonymous', undefined],
    ['another member', other],
  ]

  it.each(['anonymous', 'another member'])('REST list, filters, by id and count (%s)', async (role) => {
    const auth = readers().find(([name]) => name === role)![1]
    for (const query of ['', '?depth=2', '?pagination=false', `?where[id][equals]=${draft.id}`, '?where[isPublished][equals]=false']) {
      const response = await t.api('GET', `/success-stories${query}`, { auth })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(DRAFT_MARKER)
      expect((JSON.parse(text) as Json).docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
    }
    expect((await json(await t.api('GET', '/success-stories', { auth }))).docs.map((doc: Json) => doc.id)).toContain(published.id)
    const one = await t.api('GET', `/success-stories/${draft.id}`, { auth })
    expectRefused(one)
    expect(await one.text()).not.toContain(DRAFT_MARKER)
    const publishedCount = (await t.payload.count({ collection: 'success-stories', overrideAccess: true, where: { isPublished: { equals: true } } }))
      .totalDocs
    expect((await json(await t.api('GET', '/success-stories/count', { auth }))).totalDocs).toBe(publishedCount)
  })

  it.each(['anonymous', 'another member'])('GraphQL list, by id, count and through the category (%s)', async (role) => {
    const auth = readers().find(([name]) => name === role)![1]
    const list = await t.graphql(`{ SuccessStories(limit: 100) { totalDocs docs { id name isPublished } } countSuccessStories { totalDocs } }`, { auth })
    expect(JSON.stringify(list)).not.toContain(DRAFT_MARKER)
    expect(list.data.SuccessStories.docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
    expect(list.data.countSuccessStories.totalDocs).toBe(list.data.SuccessStories.totalDocs)
    const one = await t.graphql(`{ SuccessStory(id: "${draft.id}") { id name } }`, { auth })
    expect(one.data?.SuccessStory ?? null).toBeNull()

    const viaCategory = await t.graphql(`{ StoryCategory(id: "${category.id}") { stories { docs { id name isPublished } } } }`, { auth })
    expect(JSON.stringify(viaCategory)).not.toContain(DRAFT_MARKER)
  })

  it.each(['anonymous', 'another member'])('a category populated at depth lists published stories only (%s)', async (role) => {
    const auth = readers().find(([name]) => name === role)![1]
    for (const path of [
      `/story-categories/${category.id}?depth=1`,
      `/story-categories/${category.id}?depth=2`,
      '/story-categories?depth=1',
      `/story-categories/${category.id}?joins[stories][where][isPublished][equals]=false`,
      `/story-categories?where[stories.name][equals]=${encodeURIComponent(draft.name)}`,
    ]) {
      const response = await t.api('GET', path, { auth })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(DRAFT_MARKER)
      expect(text).not.toContain(draft.id)
    }
    const withStories = await json(await t.api('GET', `/story-categories/${category.id}?depth=1`, { auth }))
    expect(withStories.stories.docs.map((doc: Json) => doc.id)).toContain(published.id)
  })

  it('the Local API with access control on, as another member and anonymously', async () => {
    for (const user of [await userDoc(t, other), undefined]) {
      const found = await t.payload.find({ collection: 'success-stories', limit: 0, overrideAccess: false, pagination: false, user })
      expect(found.docs.map((doc) => doc.id)).not.toContain(draft.id)
      await expect(t.payload.findByID({ collection: 'success-stories', id: draft.id, overrideAccess: false, user })).rejects.toThrow()
      expect((await t.payload.count({ collection: 'success-stories', overrideAccess: false, user })).totalDocs).toBe(found.docs.length)
    }
  })

  it('the author sees their own submission; staff see all', async () => {
    const mine = await t.api('GET', `/success-stories/${draft.id}`, { auth: author })
    expect(mine.status).toBe(200)
    expect(await mine.text()).toContain(DRAFT_MARKER)
    const all = (await t.payload.count({ collection: 'success-stories', overrideAccess: true })).totalDocs
    expect((await json(await t.api('GET', '/success-stories/count', { auth: staff }))).totalDocs).toBe(all)
    const gql = await t.graphql(`{ SuccessStory(id: "${draft.id}") { id isPublished } }`, { auth: staff })
    expect(gql.data.SuccessStory).toEqual({ id: draft.id, isPublished: false })
  })
})

describe('success stories: slug, URLs and bad input', () => {
  it('the slug is generated from the name; a duplicate is a 400 naming slug', async () => {
    const name = `Python 3.14.6 at ${unique('Initech')}`
    const story = await submitStory(t, author, category.id, { name })
    expect(story.slug).toBe(name.toLowerCase().replace(/\./g, '').replace(/\s+/g, '-'))
    await expectUnchanged(t, ['success-stories'], async () => {
      await expectClientError(await t.api('POST', '/success-stories', { auth: author, body: storyData(category.id, { name }) }), 'slug')
      await expectClientError(
        await t.api('POST', '/success-stories', { auth: staff, body: storyData(category.id, { slug: story.slug }) }),
        'slug',
      )
      await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { slug: story.slug } }), 'slug')
      await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { slug: 'Not A Slug!' } }), 'slug')
    })
  })

  it('companyUrl (and image) must be http(s)', async () => {
    await expectUnchanged(t, ['success-stories'], async () => {
      for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'acme.example.org']) {
        await expectClientError(
          await t.api('POST', '/success-stories', { auth: author, body: storyData(category.id, { companyUrl: bad }) }),
          'companyUrl',
        )
        await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { companyUrl: bad } }), 'companyUrl')
        await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { image: bad } }), 'image')
      }
    })
    const ok = await submitStory(t, author, category.id, { companyUrl: 'http://initech.example.org/about' })
    expect(ok.companyUrl).toBe('http://initech.example.org/about')
  })

  it('an unknown contentType, overlong name or company, and malformed JSON are 4xx and write nothing', async () => {
    await expectUnchanged(t, ['success-stories'], async () => {
      await expectClientError(
        await t.api('POST', '/success-stories', { auth: author, body: storyData(category.id, { contentType: 'LATEX' }) }),
        'contentType',
      )
      await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { contentType: 'LATEX' } }), 'contentType')
      await expectClientError(
        await t.api('POST', '/success-stories', { auth: author, body: storyData(category.id, { name: 'n'.repeat(201) }) }),
        'name',
      )
      await expectClientError(
        await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { companyName: 'c'.repeat(201) } }),
        'companyName',
      )
      await expectClientError(await t.api('POST', '/success-stories', { auth: author, rawBody: '{"name": ' }))
      await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, rawBody: 'not json' }))
      await expectClientError(await t.api('POST', '/success-stories', { auth: author, rawBody: '[1]' }))
      for (const [field, value] of [
        ['name', 42],
        ['companyName', ['a']],
        ['content', { a: 1 }],
      ] as [string, unknown][]) {
        await expectClientError(await t.api('PATCH', `/success-stories/${draft.id}`, { auth: author, body: { [field]: value } }), field)
      }
      const gql = await t.graphql(`mutation { updateSuccessStory(id: "${draft.id}", data: { contentType: LATEX }) { id } }`, { auth: author })
      expect(gql.status).toBeLessThan(500)
      expect(JSON.stringify(gql.errors)).toMatch(/contentType/)
    })
  })

  it('contentHtml is sanitized', async () => {
    const story = await submitStory(t, author, category.id, {
      content: '<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
      contentType: 'HTML',
    })
    expect(story.contentHtml).toContain('Hi')
    expect(story.contentHtml).not.toMatch(/<script|javascript:|onclick/i)
  })
})

describe('success stories: SEO fields', () => {
  it('meta.title, meta.description and meta.image are saved and read over REST', async () => {
    const page = await t.payload.create({
      collection: 'pages',
      data: { content: 'p', isPublished: true, path: unique('seo'), title: 'SEO page' } as never,
      overrideAccess: true,
    })
    const file = await sharp({ create: { background: '#ffd43b', channels: 3, height: 630, width: 1200 } }).png().toBuffer()
    const image = await t.payload.create({
      collection: 'page-images',
      data: { page: page.id } as never,
      file: { data: file, mimetype: 'image/png', name: 'story-card.png', size: file.length },
      overrideAccess: true,
    })
    const story = await submitStory(t, author, category.id, { meta: { description: 'Short summary', title: 'Story meta title' } })
    expect(story.meta).toMatchObject({ description: 'Short summary', title: 'Story meta title' })

    const patched = await t.api('PATCH', `/success-stories/${story.id}`, {
      auth: staff,
      body: { isPublished: true, meta: { description: 'Edited summary', image: image.id, title: 'Edited meta title' } },
    })
    expect(patched.status).toBe(200)
    const read = await json(await t.api('GET', `/success-stories/${story.id}?depth=1`))
    expect(read.meta).toMatchObject({ description: 'Edited summary', title: 'Edited meta title' })
    expect(read.meta.image).toMatchObject({ id: image.id })
    const gql = await t.graphql(`{ SuccessStory(id: "${story.id}") { meta { title description image { id } } } }`)
    expect(gql.data.SuccessStory.meta).toEqual({ description: 'Edited summary', image: { id: image.id }, title: 'Edited meta title' })
  })
})
