/**
 * A post's markup is stored as its author wrote it and returned beside its
 * rendered, sanitized HTML (`contentHtml`). Bad input (an unknown
 * contentType, an overlong title, a body that is not JSON) is a client
 * error naming the field and writes nothing. The SEO plugin's meta fields
 * are saved and read like any other.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { createPost, expectClientError, expectUnchanged, json, png, unique, userDoc, type Json } from './fixtures'

let t: TestContext
let dataDir: string
let staff: TestUser
let author: TestUser

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-community-content-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  author = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const HOSTILE = [
  '**Bold** words and [a link](https://www.python.org/).',
  '',
  '<script>alert("xss")</script>',
  '[click me](javascript:alert(1))',
  '<img src="x" onerror="alert(1)">',
  '<a href="javascript:alert(2)" onclick="alert(3)">there</a>',
].join('\n')

const expectSafe = (html: string) => {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/javascript:/i)
  expect(html).not.toMatch(/\son\w+\s*=/i)
}

describe('community posts: markup and contentHtml', () => {
  it('markdown is stored as written and rendered to sanitized HTML', async () => {
    const post = await createPost(t, author, { content: HOSTILE, contentType: 'MARKDOWN' })
    expect(post.content).toBe(HOSTILE)
    expect(post.contentType).toBe('MARKDOWN')
    expect(post.contentHtml).toContain('<strong>Bold</strong>')
    expect(post.contentHtml).toContain('href="https://www.python.org/"')
    expectSafe(post.contentHtml)

    // the same through a REST read and GraphQL
    const read = await json(await t.api('GET', `/community-posts/${post.id}`, { auth: author }))
    expect(read.contentHtml).toBe(post.contentHtml)
    const gql = await t.graphql(`{ CommunityPost(id: "${post.id}") { content contentType contentHtml } }`, { auth: author })
    expect(gql.data.CommunityPost).toEqual({ content: HOSTILE, contentHtml: post.contentHtml, contentType: 'MARKDOWN' })
  })

  it('markdown is the default content type', async () => {
    const post = await createPost(t, author, { content: '# Heading' })
    expect(post.contentType).toBe('MARKDOWN')
    expect(post.contentHtml).toMatch(/<h1[^>]*>Heading<\/h1>/)
  })

  it('reStructuredText and HTML render too; HTML markup itself is stored sanitized', async () => {
    const rst = await createPost(t, author, { content: 'Some *emphasis* here.', contentType: 'RESTRUCTUREDTEXT' })
    expect(rst.contentHtml).toContain('<em>emphasis</em>')

    const source = ['<p><b>Bold</b> words</p>', '<script>alert("xss")</script>', '<img src="x" onerror="alert(1)">', '<a href="javascript:alert(2)" onclick="alert(3)">there</a>'].join('\n')
    const html = await createPost(t, author, { content: source, contentType: 'HTML' })
    expect(html.contentHtml).toContain('<b>Bold</b>')
    expectSafe(html.contentHtml)
    expectSafe(html.content)
  })

  it('contentHtml cannot be written by a client; it follows content and contentType on update', async () => {
    const post = await createPost(t, author, { content: 'plain *text*', contentHtml: '<script>alert(1)</script>' })
    expect(post.contentHtml).toContain('<em>text</em>')
    expectSafe(post.contentHtml)

    const patched = await json(
      await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { contentHtml: '<p>forged</p>', contentType: 'HTML' } }),
    )
    // only contentType changed: the same markup re-rendered as HTML
    expect(patched.doc.contentHtml).toBe('plain *text*')
    expect(patched.doc.contentHtml).not.toContain('forged')

    const again = await json(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { content: '<i>new</i><script>x()</script>' } }))
    expect(again.doc.contentHtml).toBe('<i>new</i>')
  })
})

describe('community posts: bad input is a client error and writes nothing', () => {
  it('an unknown contentType names contentType (REST, GraphQL, Local API)', async () => {
    const post = await createPost(t, author)
    await expectUnchanged(t, ['community-posts'], async () => {
      await expectClientError(
        await t.api('POST', '/community-posts', { auth: author, body: { contentType: 'WORD', title: unique('Bad') } }),
        'contentType',
      )
      await expectClientError(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { contentType: 'WORD' } }), 'contentType')
      const gql = await t.graphql(`mutation { updateCommunityPost(id: "${post.id}", data: { contentType: WORD }) { id } }`, { auth: author })
      expect(gql.status).toBeLessThan(500)
      expect(JSON.stringify(gql.errors)).toMatch(/contentType/)
      await expect(
        t.payload.update({
          collection: 'community-posts',
          data: { contentType: 'WORD' } as never,
          id: post.id,
          overrideAccess: false,
          user: await userDoc(t, author),
        }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'contentType' })] } })
    })
  })

  it('a title over 500 characters names title; 500 is fine', async () => {
    const post = await createPost(t, author)
    await expectUnchanged(t, ['community-posts'], async () => {
      await expectClientError(await t.api('POST', '/community-posts', { auth: author, body: { title: 'x'.repeat(501) } }), 'title')
      await expectClientError(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { title: 'x'.repeat(501) } }), 'title')
      const gql = await t.graphql(`mutation { updateCommunityPost(id: "${post.id}", data: { title: "${'x'.repeat(501)}" }) { id } }`, {
        auth: author,
      })
      expect(gql.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(JSON.stringify(gql.errors)).toMatch(/title/)
    })
    const ok = await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { title: 'y'.repeat(500) } })
    expect(ok.status).toBe(200)
  })

  it('a missing title names title', async () => {
    await expectUnchanged(t, ['community-posts'], async () => {
      await expectClientError(await t.api('POST', '/community-posts', { auth: author, body: { content: 'no title' } }), 'title')
    })
  })

  it('a body that is not JSON, or not a JSON object, is a 4xx', async () => {
    const post = await createPost(t, author)
    await expectUnchanged(t, ['community-posts'], async () => {
      await expectClientError(await t.api('POST', '/community-posts', { auth: author, rawBody: '{"title": "broken' }))
      await expectClientError(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, rawBody: '{not json' }))
      await expectClientError(await t.api('POST', '/community-posts', { auth: author, rawBody: '["a", "b"]' }))
      await expectClientError(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, rawBody: '"title"' }))
    })
  })

  it('values of the wrong type name their field', async () => {
    const post = await createPost(t, author)
    await expectUnchanged(t, ['community-posts'], async () => {
      for (const [field, value] of [
        ['title', 12345],
        ['title', ['a', 'b']],
        ['content', { text: 'hello' }],
        ['contentType', 1],
      ] as [string, unknown][]) {
        await expectClientError(await t.api('POST', '/community-posts', { auth: author, body: { title: unique('T'), [field]: value } }), field)
        await expectClientError(await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { [field]: value } }), field)
      }
    })
  })
})

describe('community posts: SEO fields', () => {
  it('meta.title, meta.description and meta.image are saved and read over REST and GraphQL', async () => {
    // a published page's image, written by the system as fixture
    const page = await t.payload.create({
      collection: 'pages',
      data: { content: 'p', isPublished: true, path: unique('seo'), title: 'SEO page' } as never,
      overrideAccess: true,
    })
    const file = await png(1200, 630)
    const image = await t.payload.create({
      collection: 'page-images',
      data: { alt: 'Card', page: page.id } as never,
      file: { data: file, mimetype: 'image/png', name: 'card.png', size: file.length },
      overrideAccess: true,
    })

    const post = await createPost(t, author, { meta: { description: 'What the post is about', title: 'Meta title' } })
    expect(post.meta).toMatchObject({ description: 'What the post is about', title: 'Meta title' })

    const patched = await t.api('PATCH', `/community-posts/${post.id}`, {
      auth: staff,
      body: { isPublished: true, meta: { description: 'Better description', image: image.id, title: 'Better title' } },
    })
    expect(patched.status).toBe(200)

    const read = await json(await t.api('GET', `/community-posts/${post.id}?depth=1`))
    expect(read.meta).toMatchObject({ description: 'Better description', title: 'Better title' })
    expect(read.meta.image).toMatchObject({ id: image.id, mimeType: 'image/png' })

    const gql = await t.graphql(`{ CommunityPost(id: "${post.id}") { meta { title description image { id } } } }`)
    expect(gql.data.CommunityPost.meta).toEqual({ description: 'Better description', image: { id: image.id }, title: 'Better title' })

    // the author's later edit of the meta fields is kept too
    await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { meta: { title: 'Author title' } } })
    const stored = (await t.payload.findByID({ collection: 'community-posts', depth: 0, id: post.id, overrideAccess: true })) as Json
    expect(stored.meta.title).toBe('Author title')
  })
})
