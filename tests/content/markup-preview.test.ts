/**
 * POST /api/markup/preview { contentType, source } -> { html }: the preview
 * beside the source editor. It renders with the save path's own renderer, so
 * the HTML it shows is exactly what saving the source stores; it is for the
 * people who edit in the admin panel (staff), takes at most
 * MAX_PREVIEW_SOURCE characters, and writes nothing.
 */
import { MAX_PREVIEW_SOURCE } from '../../src/platform/markup/contentTypes'
import { ACTOR_NAMES, type Actors, makeActors } from '../helpers/actors'
import { json, query, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { expectNoScript, type Json } from './fixtures'

let t: TestContext
let a: Actors

beforeAll(async () => {
  t = await startTestPayload()
  a = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

/** As staff unless `as` names another actor (anonymous included). */
const preview = (
  body: unknown,
  as: { auth: Actors[keyof Actors] } = { auth: a.staff },
  headers: Record<string, string> = {},
) => t.api('POST', '/markup/preview', { auth: as.auth, body: body as Json, headers })

const SOURCES = {
  HTML: '<h2 onclick="x()">Hi</h2><script>alert(1)</script><p><a href="javascript:alert(1)">x</a> <em>ok</em></p>',
  MARKDOWN:
    '# Hi\n\nSome *markdown* with <script>alert(1)</script> and [a link](https://python.org/).\n\n```python\nprint(1)\n```\n',
  RESTRUCTUREDTEXT:
    'Hi\n==\n\nSome *rst* and `a link <https://python.org/>`_.\n\n.. code-block:: python\n\n   print(1)\n',
} as const

describe('who may preview', () => {
  it.each(ACTOR_NAMES)('%s', async (name) => {
    const response = await preview({ contentType: 'MARKDOWN', source: '*x*' }, { auth: a[name] })
    const expected = { anonymous: 401, member: 403, owner: 403, staff: 200, superuser: 200 }[name]
    expect(response.status).toBe(expected)
    const body = await json(response)
    if (expected === 200) expect(body.html).toBe('<p><em>x</em></p>\n')
    else expect(body.html).toBeUndefined()
  })

  it('is a POST only', async () => {
    expect((await t.api('GET', '/markup/preview', { auth: a.staff })).status).toBe(404)
  })
})

describe('the preview is what saving stores', () => {
  it.each(Object.entries(SOURCES))('%s: the same sanitized HTML as the saved page', async (contentType, source) => {
    const shown = await json(await preview({ contentType, source }))
    expectNoScript(shown.html)
    expect(shown.html).not.toBe('')
    const saved = await t.api('POST', '/pages', {
      auth: a.staff,
      body: { content: source, contentType, path: unique('same'), title: 'Same' },
    })
    expect(saved.status).toBe(201)
    expect((await json(saved)).doc.contentHtml).toBe(shown.html)
  })

  it('renders each content type as that type (headings, links and code come out as HTML)', async () => {
    const md = await json(await preview({ contentType: 'MARKDOWN', source: SOURCES.MARKDOWN }))
    expect(md.html).toContain('<h1>Hi</h1>')
    expect(md.html).toContain('<a href="https://python.org/">a link</a>')
    expect(md.html).toContain('<pre><code class="language-python">print(1)')
    const rst = await json(await preview({ contentType: 'RESTRUCTUREDTEXT', source: SOURCES.RESTRUCTUREDTEXT }))
    expect(rst.html).toMatch(/<h1[^>]*>Hi<\/h1>/)
    expect(rst.html).toContain('<pre><code class="language-python">print(1)')
    const html = await json(await preview({ contentType: 'HTML', source: SOURCES.HTML }))
    expect(html.html).toBe('<h2>Hi</h2><p><a>x</a> <em>ok</em></p>')
  })

  it('writes nothing', async () => {
    const count = async () => Number((await query(t, 'SELECT count(*) AS n FROM pages')).rows[0].n)
    const before = await count()
    await preview({ contentType: 'MARKDOWN', source: '# nothing' })
    expect(await count()).toBe(before)
  })
})

describe('bad input is a 4xx naming what is wrong', () => {
  it.each([
    ['no body', undefined, 400, /JSON object/],
    ['an array body', [1], 400, /JSON object/],
    ['rich text (the editor shows it itself)', { contentType: 'RICHTEXT', source: 'x' }, 400, /contentType/],
    ['an unknown content type', { contentType: 'TEXTILE', source: 'x' }, 400, /contentType/],
    ['a source that is not text', { contentType: 'MARKDOWN', source: ['x'] }, 400, /source/],
    [
      'a source over the limit',
      { contentType: 'MARKDOWN', source: 'x'.repeat(MAX_PREVIEW_SOURCE + 1) },
      413,
      /source: at most/,
    ],
  ])('%s', async (_what, body, status, message) => {
    const response = await preview(body)
    expect(response.status).toBe(status)
    expect(JSON.stringify(await json(response))).toMatch(message)
  })

  it('a body whose declared length is over the limit is refused before it is read', async () => {
    const response = await preview(
      { contentType: 'MARKDOWN', source: 'x' },
      { auth: a.staff },
      {
        'Content-Length': String(MAX_PREVIEW_SOURCE * 5),
      },
    )
    expect(response.status).toBe(413)
  })

  it('a source at the limit is rendered', async () => {
    const response = await preview({ contentType: 'MARKDOWN', source: 'x'.repeat(MAX_PREVIEW_SOURCE) })
    expect(response.status).toBe(200)
  })
})
