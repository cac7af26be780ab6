/**
 * "Convert to rich text": POST /api/markup/convert { contentType, source }
 * -> { richText, html } turns Markdown, HTML and reStructuredText (through
 * its HTML) into the rich text editor's Lexical JSON with the library's own
 * converters. Nothing is written: the admin shows the result and saves it
 * through the ordinary save when the editor confirms. The round trip keeps
 * headings, lists, links, code blocks (with their language), emphasis,
 * blockquotes, tables and page images.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ACTOR_NAMES, type Actors, makeActors } from '../helpers/actors'
import { json, query, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { uploadThroughRest } from '../helpers/upload'
import { png } from '../community/fixtures'
import { expectNoScript, type Json } from './fixtures'

let t: TestContext
let a: Actors
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-convert-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  a = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const convert = async (contentType: string, source: string): Promise<{ html: string; richText: Json }> => {
  const response = await t.api('POST', '/markup/convert', { auth: a.staff, body: { contentType, source } })
  const body = await json(response)
  if (response.status !== 200) throw new Error(`convert failed: ${response.status} ${JSON.stringify(body)}`)
  return body as { html: string; richText: Json }
}

/** Saves the converted rich text on a page, as the admin does when the editor confirms. */
const saveAsRichText = async (richText: Json): Promise<Json> => {
  const response = await t.api('POST', '/pages', {
    auth: a.staff,
    body: { contentRich: richText, contentType: 'RICHTEXT', path: unique('converted'), title: 'Converted' },
  })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`save failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc
}

/** The nodes of a Lexical tree, depth first. */
const nodes = (tree: Json): Json[] => {
  const all: Json[] = []
  const walk = (node: Json) => {
    all.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree.root)
  return all
}

const expectKept = (html: string, { h = 'h1' } = {}) => {
  expect(html).toContain(`<${h}>Getting started</${h}>`)
  expect(html).toMatch(/<ul><li>install it<\/li><li>run it<\/li><\/ul>/)
  expect(html).toContain('<a href="https://docs.python.org/3/">the docs</a>')
  expect(html).toContain('<em>easy</em>')
  expect(html).toContain('<pre><code class="language-python">print("hello")\nprint("again")</code></pre>')
  expectNoScript(html)
}

describe('the round trip keeps the structure', () => {
  it('markdown', async () => {
    const source = [
      '# Getting started',
      '',
      'Python is *easy*. See [the docs](https://docs.python.org/3/) and use `pip`.',
      '',
      '- install it',
      '- run it',
      '',
      '1. one',
      '2. two',
      '',
      '> Readability counts.',
      '',
      '```python',
      'print("hello")',
      'print("again")',
      '```',
      '',
      '| Version | Status |',
      '|---|---|',
      '| 3.14 | feature |',
      '',
    ].join('\n')
    const { html, richText } = await convert('MARKDOWN', source)
    const types = nodes(richText).map((node) => node.type)
    expect(types).toEqual(expect.arrayContaining(['heading', 'list', 'link', 'quote', 'block', 'table']))
    const code = nodes(richText).find((node) => node.type === 'block')!
    expect(code.fields).toMatchObject({ blockType: 'Code', code: 'print("hello")\nprint("again")', language: 'python' })
    expectKept(html)
    expect(html).toContain('<code>pip</code>')
    expect(html).toContain('<ol><li>one</li><li>two</li></ol>')
    expect(html).toContain('<blockquote>Readability counts.</blockquote>')
    expect(html).toMatch(/<table><tbody><tr><th><p>\s*Version\s*<\/p><\/th>/)
    // saving the converted rich text stores exactly the HTML the editor was shown
    expect((await saveAsRichText(richText)).contentHtml).toBe(html)
  })

  it('html', async () => {
    const source = [
      '<h2>Getting started</h2>',
      '<p>Python is <em>easy</em>. See <a href="https://docs.python.org/3/">the docs</a>.</p>',
      '<ul><li>install it</li><li>run it</li></ul>',
      '<pre><code class="language-python">print("hello")\nprint("again")\n</code></pre>',
      '<blockquote><p>Readability counts.</p></blockquote>',
      '<script>alert(1)</script>',
    ].join('')
    const { html, richText } = await convert('HTML', source)
    expectKept(html, { h: 'h2' })
    expect(html).toContain('Readability counts.')
    expect(JSON.stringify(richText)).not.toContain('alert')
    expect((await saveAsRichText(richText)).contentHtml).toBe(html)
  })

  it('restructuredtext, through its HTML', async () => {
    const source = [
      'Getting started',
      '===============',
      '',
      'Python is *easy*. See `the docs <https://docs.python.org/3/>`_.',
      '',
      '- install it',
      '- run it',
      '',
      '.. code-block:: python',
      '',
      '   print("hello")',
      '   print("again")',
      '',
    ].join('\n')
    const { html, richText } = await convert('RESTRUCTUREDTEXT', source)
    expectKept(html)
    expect((await saveAsRichText(richText)).contentHtml).toBe(html)
  })

  it('a literal block without a language becomes a plain text code block', async () => {
    const { html } = await convert('RESTRUCTUREDTEXT', 'Example::\n\n    $ python -m venv env\n')
    expect(html).toContain('<pre><code class="language-text">$ python -m venv env</code></pre>')
  })
})

describe('images', () => {
  it('an image showing a page image becomes that image (with its alt text); any other becomes a link', async () => {
    const owner = (
      await json(await t.api('POST', '/pages', { auth: a.staff, body: { path: unique('owner'), title: 'Owner' } }))
    ).doc
    const upload = await json(
      await uploadThroughRest(t, 'page-images', {
        auth: a.staff,
        data: { page: owner.id },
        file: { data: await png(40, 30), mimetype: 'image/png', name: 'diagram.png' },
      }),
    )
    const { filename, id } = upload.doc
    const source = `<p><img src="https://www.python.org/media/${filename}" alt="A diagram"></p><p><img src="https://example.org/x.gif" alt="elsewhere"></p>`
    const { html, richText } = await convert('HTML', source)
    const imageNode = nodes(richText).find((node) => node.type === 'upload')!
    expect(imageNode).toMatchObject({ fields: { alt: 'A diagram' }, relationTo: 'page-images', value: id })
    expect(html).toContain(`<img src="/api/page-images/file/${filename}" alt="A diagram" width="40" height="30"`)
    expect(html).toContain('<a href="https://example.org/x.gif">elsewhere</a>')
    expect((await saveAsRichText(richText)).contentHtml).toBe(html)
  })
})

describe('the endpoint', () => {
  it.each(ACTOR_NAMES)('%s', async (name) => {
    const response = await t.api('POST', '/markup/convert', {
      auth: a[name],
      body: { contentType: 'MARKDOWN', source: '# x' },
    })
    expect(response.status).toBe({ anonymous: 401, member: 403, owner: 403, staff: 200, superuser: 200 }[name])
  })

  it('writes nothing', async () => {
    const count = async () => Number((await query(t, 'SELECT count(*) AS n FROM pages')).rows[0].n)
    const before = await count()
    await convert('MARKDOWN', '# Not saved')
    expect(await count()).toBe(before)
  })

  it.each([
    ['rich text', { contentType: 'RICHTEXT', source: 'x' }, /contentType/],
    ['no source', { contentType: 'MARKDOWN' }, /source/],
  ])('refuses %s with a 400', async (_what, body, message) => {
    const response = await t.api('POST', '/markup/convert', { auth: a.staff, body })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await json(response))).toMatch(message)
  })
})
