/**
 * Rich text: every markup field editors write (pages, minutes, code samples,
 * community posts, success stories, releases, events, jobs, elections,
 * nominations) takes a `richtext` content type, edited in Lexical and stored
 * as its JSON (`<name>Rich`, in REST and GraphQL). The server renders it on
 * save into the same sanitized `<name>Html` the other content types fill:
 * headings, lists, links (to other pages by relationship, following a page
 * that moves), page images with alt text, tables, blockquotes and code blocks
 * with their language. New documents start as rich text; documents written
 * with source text keep their content type.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { setNow } from '../../src/platform/clock'
import { type Actors, makeActors } from '../helpers/actors'
import { adminSave, asRequestUser, json, query, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  codeBlock,
  doc,
  FORMAT,
  heading,
  image,
  link,
  list,
  pageLink,
  paragraph,
  quote,
  table,
  text,
} from '../../src/platform/markup/lexicalNodes'
import { uploadThroughRest } from '../helpers/upload'
import { png } from '../community/fixtures'
import { expectClientError, expectNoScript, uniqueDay, type Json } from './fixtures'
import { createJob } from '../jobs/fixtures'
import { createElection, dates, nominate } from '../elections/fixtures'
import { createCalendar, createEvent } from '../events/fixtures'
import { createCategory, submitStory } from '../success-stories/fixtures'

let t: TestContext
let a: Actors
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-richtext-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  a = await makeActors(t)
})
afterAll(async () => {
  setNow(null)
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const created = async (response: Response): Promise<Json> => {
  const body = await json(response)
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc
}

const patch = async (slug: string, id: string, body: Json, auth = a.staff): Promise<Json> => {
  const response = await t.api('PATCH', `/${slug}/${id}`, { auth, body })
  const answer = await json(response)
  if (response.status !== 200) throw new Error(`PATCH ${slug} failed: ${response.status} ${JSON.stringify(answer)}`)
  return answer.doc
}

const newPage = async (data: Json = {}): Promise<Json> =>
  created(
    await t.api('POST', '/pages', {
      auth: a.staff,
      body: { isPublished: true, path: unique('page'), title: unique('Page'), ...data },
    }),
  )

/** Each markup field, with a document of its collection written the way its users write one. */
const TARGETS: { also?: Json; field: string; make: () => Promise<Json>; slug: string }[] = [
  { field: 'content', make: () => newPage({ content: 'old' }), slug: 'pages' },
  {
    field: 'content',
    make: async () =>
      created(await t.api('POST', '/minutes', { auth: a.staff, body: { content: 'old', date: uniqueDay() } })),
    slug: 'minutes',
  },
  {
    field: 'description',
    make: async () =>
      created(
        await t.api('POST', '/code-samples', {
          auth: a.staff,
          body: { code: 'print(1)', description: 'old', title: unique('sample') },
        }),
      ),
    slug: 'code-samples',
  },
  {
    field: 'content',
    make: async () =>
      created(
        await t.api('POST', '/community-posts', { auth: a.staff, body: { content: 'old', title: unique('Post') } }),
      ),
    slug: 'community-posts',
  },
  {
    field: 'content',
    make: async () => submitStory(t, a.staff, String((await createCategory(t, a.staff)).id)),
    slug: 'success-stories',
  },
  {
    field: 'content',
    make: async () =>
      (await t.payload.create({
        collection: 'releases',
        data: { content: 'old', name: `Python 3.${Math.floor(Math.random() * 1e6)}.0` } as never,
        overrideAccess: true,
      })) as unknown as Json,
    slug: 'releases',
  },
  {
    field: 'description',
    make: async () => createEvent(t, a.staff, String((await createCalendar(t, a.staff)).id), { description: 'old' }),
    slug: 'events',
  },
  { field: 'description', make: () => createJob(t, a.owner), slug: 'jobs' },
  // a job's description and requirements share one content type: both become rich text together
  {
    also: { descriptionRich: doc(paragraph('We build things.')) },
    field: 'requirements',
    make: () => createJob(t, a.owner, { requirements: 'old' }),
    slug: 'jobs',
  },
  {
    field: 'description',
    make: () => createElection(t, a.staff, dates('2030-01-01', '2030-02-01', '2030-03-01', '2030-03-15')),
    slug: 'elections',
  },
  {
    field: 'statement',
    make: async () => {
      const election = await createElection(t, a.staff, dates('2031-01-01', '2031-02-01', '2031-03-01', '2031-03-15'))
      setNow(new Date('2031-01-10T12:00:00Z'))
      try {
        return await nominate(t, a.owner, election, await t.makeUser('member'))
      } finally {
        setNow(null)
      }
    },
    slug: 'nominations',
  },
]

const SAMPLE = doc(
  heading('h2', 'Getting started'),
  paragraph(
    'Python is ',
    text('easy', FORMAT.italic),
    ' and ',
    text('powerful', FORMAT.bold),
    '. See ',
    link('https://docs.python.org/3/', 'the docs'),
    '.',
  ),
  list('ul', ['install it'], ['run it']),
  codeBlock('python', 'print("hello") < 3'),
)

const expectSample = (html: string) => {
  expect(html).toContain('<h2>Getting started</h2>')
  expect(html).toContain('<em>easy</em>')
  expect(html).toContain('<strong>powerful</strong>')
  expect(html).toContain('<a href="https://docs.python.org/3/">the docs</a>')
  expect(html).toContain('<ul><li>install it</li><li>run it</li></ul>')
  expect(html).toContain('<pre><code class="language-python">print("hello") &lt; 3</code></pre>')
  expectNoScript(html)
}

describe.each(TARGETS)('$slug.$field takes rich text', ({ also = {}, field, make, slug }) => {
  it(`renders ${field}Rich into ${field}Html on save, and both are in the API`, async () => {
    const before = await make()
    const saved = await patch(slug, String(before.id), { ...also, contentType: 'RICHTEXT', [`${field}Rich`]: SAMPLE })
    expect(saved.contentType).toBe('RICHTEXT')
    expectSample(saved[`${field}Html`])
    const read = await json(await t.api('GET', `/${slug}/${before.id}?depth=0`, { auth: a.staff }))
    expect(read[`${field}Rich`]).toEqual(SAMPLE)
    expectSample(read[`${field}Html`])
    // the stored row, not only the answer
    const table = slug.replace(/-/g, '_')
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    const { rows } = await query(t, `SELECT ${snake(field)}_html AS html FROM ${table} WHERE id = $1`, [before.id])
    expectSample(rows[0].html)
  })
})

describe('the Lexical JSON and the HTML in GraphQL', () => {
  it('a page and a job expose <name>Rich as JSON beside <name>Html', async () => {
    const page = await newPage({ contentRich: SAMPLE, contentType: 'RICHTEXT' })
    const gql = await t.graphql(`{ Page(id: "${page.id}") { contentType contentRich contentHtml } }`, { auth: a.staff })
    expect(gql.data.Page.contentType).toBe('RICHTEXT')
    expect(gql.data.Page.contentRich).toEqual(SAMPLE)
    expectSample(gql.data.Page.contentHtml)
    const job = await createJob(t, a.owner, {
      contentType: 'RICHTEXT',
      description: undefined,
      descriptionRich: SAMPLE,
    })
    const gqlJob = await t.graphql(`{ Job(id: "${job.id}") { contentType descriptionRich descriptionHtml } }`, {
      auth: a.owner,
    })
    expect(gqlJob.data.Job.descriptionRich).toEqual(SAMPLE)
    expectSample(gqlJob.data.Job.descriptionHtml)
  })

  it('a GraphQL mutation writes rich text and gets the rendered HTML back', async () => {
    const gql = await t.graphql(
      `mutation ($data: mutationPageInput!) { createPage(data: $data) { id contentType contentHtml } }`,
      {
        auth: a.staff,
        variables: { data: { contentRich: SAMPLE, contentType: 'RICHTEXT', path: unique('gql'), title: 'GraphQL' } },
      },
    )
    expect(gql.errors).toBeUndefined()
    expectSample(gql.data.createPage.contentHtml)
  })
})

describe('what the rich text renders to', () => {
  it('tables, blockquotes, ordered lists, strikethrough, inline code, sub and superscript', async () => {
    const page = await newPage({
      contentRich: doc(
        table(['Version', 'Status'], ['3.13', 'bugfix'], ['3.14', 'feature']),
        quote('Beautiful is better than ugly.'),
        list('ol', ['first'], ['second']),
        paragraph(
          text('gone', FORMAT.strikethrough),
          ' ',
          text('x = 1', FORMAT.code),
          ' H',
          text('2', FORMAT.subscript),
          'O x',
          text('2', FORMAT.superscript),
        ),
      ),
      contentType: 'RICHTEXT',
    })
    const html = page.contentHtml as string
    expect(html).toContain(
      '<table><tbody><tr><th><p>Version</p></th><th><p>Status</p></th></tr><tr><td><p>3.13</p></td><td><p>bugfix</p></td></tr>',
    )
    expect(html).toContain('<blockquote>Beautiful is better than ugly.</blockquote>')
    expect(html).toContain('<ol><li>first</li><li>second</li></ol>')
    expect(html).toContain('<del>gone</del> <code>x = 1</code> H<sub>2</sub>O x<sup>2</sup>')
    // no inline styles reach the API
    expect(html).not.toContain('style=')
  })

  it('a code block keeps its language as the class, and its code as text', async () => {
    const page = await newPage({
      contentRich: doc(codeBlock('python', 'def f():\n    return "<b>"'), codeBlock('shell', 'pip install payload')),
      contentType: 'RICHTEXT',
    })
    expect(page.contentHtml).toBe(
      '<pre><code class="language-python">def f():\n    return "&lt;b&gt;"</code></pre>' +
        '<pre><code class="language-shell">pip install payload</code></pre>',
    )
  })

  it('a code block language outside the list is refused, naming the field', async () => {
    const response = await t.api('POST', '/pages', {
      auth: a.staff,
      body: {
        contentRich: doc(codeBlock('"><script>alert(1)</script>', 'x')),
        contentType: 'RICHTEXT',
        path: unique('p'),
        title: 'X',
      },
    })
    await expectClientError(response, 'contentRich')
  })

  it('script and javascript: URLs do not survive: text is escaped, unsafe links lose their href', async () => {
    const page = await newPage({
      contentRich: doc(paragraph('<script>alert(1)</script>', link('javascript:alert(1)', 'click'))),
      contentType: 'RICHTEXT',
    })
    expect(page.contentHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.contentHtml).not.toContain('javascript:')
    expectNoScript(page.contentHtml)
  })
})

describe('links to other pages follow the page', () => {
  it('a link renders from the linked page’s path, and moves with it (also in other collections)', async () => {
    const target = await newPage({ path: unique('about') })
    const linking = await newPage({
      contentRich: doc(paragraph('Read ', pageLink(target.id, 'about us'))),
      contentType: 'RICHTEXT',
    })
    expect(linking.contentHtml).toBe(`<p>Read <a href="/${target.path}/">about us</a></p>`)
    const job = await createJob(t, a.owner, {
      contentType: 'RICHTEXT',
      description: undefined,
      descriptionRich: doc(paragraph(pageLink(target.id, 'our page'))),
    })
    const moved = unique('moved/here')
    await patch('pages', target.id, { path: moved })
    const after = await json(await t.api('GET', `/pages/${linking.id}`, { auth: undefined }))
    expect(after.contentHtml).toBe(`<p>Read <a href="/${moved}/">about us</a></p>`)
    const jobAfter = await json(await t.api('GET', `/jobs/${job.id}`, { auth: a.owner }))
    expect(jobAfter.descriptionHtml).toBe(`<p><a href="/${moved}/">our page</a></p>`)
    // re-rendering changed only the derived HTML: not what the editor wrote, not when they wrote it
    expect(after.updatedAt).toBe(linking.updatedAt)
    expect(after.contentRich).toBeDefined()
  })

  it('a link to a page that is deleted keeps its text and loses the link', async () => {
    const target = await newPage()
    const linking = await newPage({
      contentRich: doc(paragraph('See ', pageLink(target.id, 'that page'))),
      contentType: 'RICHTEXT',
    })
    expect(linking.contentHtml).toContain(`href="/${target.path}/"`)
    expect((await t.api('DELETE', `/pages/${target.id}`, { auth: a.staff })).status).toBe(200)
    const after = await json(await t.api('GET', `/pages/${linking.id}`, { auth: a.staff }))
    expect(after.contentHtml).toBe('<p>See that page</p>')
  })

  it('a page moved in a transaction that fails leaves the linking HTML as it was', async () => {
    const target = await newPage()
    const taken = await newPage()
    const linking = await newPage({ contentRich: doc(paragraph(pageLink(target.id, 'it'))), contentType: 'RICHTEXT' })
    // the path is taken: the move is refused, and nothing re-rendered stays behind
    const response = await t.api('PATCH', `/pages/${target.id}`, { auth: a.staff, body: { path: taken.path } })
    expect(response.status).toBe(400)
    const after = await json(await t.api('GET', `/pages/${linking.id}`, { auth: a.staff }))
    expect(after.contentHtml).toBe(`<p><a href="/${target.path}/">it</a></p>`)
  })
})

describe('images from page images', () => {
  let imageId: string
  let filename: string

  beforeAll(async () => {
    const owner = await newPage()
    const response = await uploadThroughRest(t, 'page-images', {
      auth: a.staff,
      data: { alt: 'The Python logo', page: owner.id },
      file: { data: await png(120, 80), mimetype: 'image/png', name: 'logo.png' },
    })
    const body = await json(response)
    expect(response.status).toBe(201)
    imageId = body.doc.id
    filename = body.doc.filename
  })

  it('render as <img> with the node’s alt text, else the image’s own', async () => {
    const page = await newPage({
      contentRich: doc(image(imageId, 'Two snakes'), image(imageId)),
      contentType: 'RICHTEXT',
    })
    const src = `/api/page-images/file/${filename}`
    expect(page.contentHtml).toBe(
      `<img src="${src}" alt="Two snakes" width="120" height="80" loading="lazy" />` +
        `<img src="${src}" alt="The Python logo" width="120" height="80" loading="lazy" />`,
    )
  })

  it('follow a change of the image’s alt text, and disappear with the image', async () => {
    const page = await newPage({ contentRich: doc(paragraph('Logo:'), image(imageId)), contentType: 'RICHTEXT' })
    await patch('page-images', imageId, { alt: 'The new logo' })
    const after = await json(await t.api('GET', `/pages/${page.id}`, { auth: a.staff }))
    expect(after.contentHtml).toContain('alt="The new logo"')
    expect((await t.api('DELETE', `/page-images/${imageId}`, { auth: a.staff })).status).toBe(200)
    const gone = await json(await t.api('GET', `/pages/${page.id}`, { auth: a.staff }))
    expect(gone.contentHtml).toBe('<p>Logo:</p>')
  })
})

describe('content types of new and existing documents', () => {
  it('a new document starts as rich text', async () => {
    const page = await newPage()
    expect(page.contentType).toBe('RICHTEXT')
    expect(page.contentHtml ?? '').toBe('')
    const gql = await t.graphql(
      `mutation { createPage(data: { path: "${unique('gql')}", title: "New" }) { contentType } }`,
      {
        auth: a.staff,
      },
    )
    expect(gql.data.createPage.contentType).toBe('RICHTEXT')
  })

  it('a document written with source text and no content type gets the model’s source type (API clients keep working)', async () => {
    const page = await newPage({ content: 'Title\n=====' })
    expect(page.contentType).toBe('RESTRUCTUREDTEXT')
    expect(page.contentHtml).toContain('Title</h1>')
    const job = await createJob(t, a.owner, { description: 'We use **Python**.' })
    expect(job.contentType).toBe('MARKDOWN')
    expect(job.descriptionHtml).toBe('<p>We use <strong>Python</strong>.</p>\n')
  })

  it('an update that does not name the content type keeps it (and a source document stays source)', async () => {
    const page = await newPage({ content: '*one*', contentType: 'MARKDOWN' })
    const updated = await patch('pages', page.id, { content: '*two*' })
    expect(updated.contentType).toBe('MARKDOWN')
    expect(updated.contentHtml).toBe('<p><em>two</em></p>\n')
    const richPage = await newPage({ contentRich: SAMPLE, contentType: 'RICHTEXT' })
    const renamed = await patch('pages', richPage.id, { title: 'Renamed' })
    expect(renamed.contentType).toBe('RICHTEXT')
    expectSample(renamed.contentHtml)
  })

  it('the database default is rich text for new rows only', async () => {
    const { rows } = await query(
      t,
      `SELECT table_name, column_default FROM information_schema.columns
       WHERE column_name = 'content_type' AND table_name IN ('pages', 'jobs', 'nominations', 'elections', 'events')`,
    )
    expect(rows).toHaveLength(5)
    for (const row of rows) expect(row.column_default).toMatch(/^'RICHTEXT'::/)
  })
})

describe('required markup', () => {
  it('a job needs a description in whichever form it is written', async () => {
    const empty = await t.api('POST', '/jobs', {
      auth: a.owner,
      body: {
        companyName: 'Acme',
        contentType: 'RICHTEXT',
        country: 'NL',
        descriptionRich: doc(paragraph('  ')),
        email: 'a@example.org',
        jobTitle: 'Dev',
      },
    })
    await expectClientError(empty, 'descriptionRich')
    const noSource = await t.api('POST', '/jobs', {
      auth: a.owner,
      body: { companyName: 'Acme', contentType: 'MARKDOWN', country: 'NL', email: 'a@example.org', jobTitle: 'Dev' },
    })
    await expectClientError(noSource, 'description')
    const rich = await createJob(t, a.owner, {
      contentType: 'RICHTEXT',
      description: undefined,
      descriptionRich: SAMPLE,
    })
    expect(rich.description ?? null).toBeNull()
    expectSample(rich.descriptionHtml)
  })
})

describe('a rich text job in the review workflow', () => {
  it('its owner withdraws it when approved, and may send its unchanged text back (in any key order)', async () => {
    const job = await createJob(t, a.owner, {
      contentType: 'RICHTEXT',
      description: undefined,
      descriptionRich: SAMPLE,
    })
    await query(t, `UPDATE jobs SET status = 'APPROVED' WHERE id = $1`, [job.id])
    const reordered = JSON.parse(JSON.stringify(SAMPLE), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    )
    const same = await t.api('PATCH', `/jobs/${job.id}`, { auth: a.owner, body: { descriptionRich: reordered } })
    expect(same.status).toBe(200)
    const changed = await t.api('PATCH', `/jobs/${job.id}`, {
      auth: a.owner,
      body: { descriptionRich: doc(paragraph('Something else')) },
    })
    expect(changed.status).toBe(403)
    const withdrawn = await t.api('PATCH', `/jobs/${job.id}`, { auth: a.owner, body: { status: 'ARCHIVED' } })
    expect(withdrawn.status).toBe(200)
  })
})

describe('malformed rich text is a 400 naming the field, and writes nothing', () => {
  const deep = () => {
    let node: Json = text('deep')
    for (let i = 0; i < 100; i += 1) node = { children: [node], type: 'paragraph', version: 1 }
    return { root: { children: [node], type: 'root', version: 1 } }
  }
  it.each([
    ['a string', 'not json'],
    ['an array', [1, 2]],
    ['no root', { children: [] }],
    ['a node that is not an object', { root: { children: [5], type: 'root' } }],
    ['children that are not an array', { root: { children: [{ children: 'x', type: 'paragraph' }], type: 'root' } }],
    ['fields that are not an object', { root: { children: [{ fields: 'x', type: 'link' }], type: 'root' } }],
    ['nesting deeper than any document', deep()],
  ])('%s', async (_what, value) => {
    const path = unique('bad')
    const response = await t.api('POST', '/pages', {
      auth: a.staff,
      body: { contentRich: value, contentType: 'RICHTEXT', path, title: 'Bad' },
    })
    await expectClientError(response, 'contentRich')
    const { rows } = await query(t, 'SELECT id FROM pages WHERE path = $1', [path])
    expect(rows).toHaveLength(0)
  })
})

describe('every way in renders the same', () => {
  it('the admin panel’s own save (multipart form) and the Local API as a staff user', async () => {
    const page = await newPage({ content: 'old', contentType: 'MARKDOWN' })
    const response = await adminSave(t, a.staff, 'pages', page.id, { contentRich: SAMPLE, contentType: 'RICHTEXT' })
    expect(response.status).toBe(200)
    const stored = (await t.payload.findByID({
      collection: 'pages',
      id: page.id,
      overrideAccess: true,
    })) as unknown as Json
    expectSample(stored.contentHtml)
    const local = (await t.payload.create({
      collection: 'pages',
      data: { contentRich: SAMPLE, contentType: 'RICHTEXT', path: unique('local'), title: 'Local' } as never,
      overrideAccess: false,
      user: await asRequestUser(t, a.staff),
    })) as unknown as Json
    expectSample(local.contentHtml)
  })

  it('a member cannot write rich text where they cannot write markup', async () => {
    const page = await newPage({ contentRich: SAMPLE, contentType: 'RICHTEXT' })
    const response = await t.api('PATCH', `/pages/${page.id}`, {
      auth: a.member,
      body: { contentRich: doc(paragraph('defaced')) },
    })
    expect(response.status).toBe(403)
    const stored = await json(await t.api('GET', `/pages/${page.id}`, { auth: a.staff }))
    expectSample(stored.contentHtml)
  })
})
