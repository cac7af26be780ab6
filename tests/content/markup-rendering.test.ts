/**
 * Content with a contentType (markdown, restructuredtext, html) is stored as
 * the author wrote it, and the API returns the rendered HTML beside it
 * (`contentHtml`, or `descriptionHtml` on code samples): headings, lists,
 * links, code blocks and emphasis come out as HTML, not as raw text. The HTML
 * is re-rendered whenever the markup or its content type changes, and
 * clients cannot write it.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { contentData, json } from './fixtures'

let t: TestContext
let staff: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

const COLLECTIONS = [
  { defaultType: 'RESTRUCTUREDTEXT', field: 'content', gqlOne: 'Page', slug: 'pages' },
  { defaultType: 'RESTRUCTUREDTEXT', field: 'content', gqlOne: 'Minutes', slug: 'minutes' },
  { defaultType: 'MARKDOWN', field: 'description', gqlOne: 'CodeSample', slug: 'code-samples' },
] as const

const MARKDOWN = [
  '# Getting started',
  '',
  'Python is *easy* and **powerful**. See [the docs](https://docs.python.org/3/).',
  '',
  '- install it',
  '- run it',
  '',
  '```python',
  'print("hello")',
  '```',
  '',
].join('\n')

const RESTRUCTUREDTEXT = [
  'Getting started',
  '===============',
  '',
  'Python is *easy* and **powerful**. See `the docs <https://docs.python.org/3/>`_.',
  '',
  '- install it',
  '- run it',
  '',
  'Example::',
  '',
  '    print("hello")',
  '',
].join('\n')

const HTML = '<h2>Getting started</h2><p>Python is <em>easy</em>. See <a href="https://docs.python.org/3/">the docs</a>.</p><ul><li>install it</li></ul>'

/** The structure every one of the samples above must render to. */
const expectRendered = (html: string, { list = true } = {}) => {
  expect(html).toMatch(/<h[12][^>]*>Getting started<\/h[12]>/)
  expect(html).toContain('<em>easy</em>')
  expect(html).toContain('<a href="https://docs.python.org/3/">the docs</a>')
  if (list) expect(html).toMatch(/<ul>\s*<li>install it<\/li>/)
  // markup syntax is consumed, not shown
  expect(html).not.toMatch(/\*easy\*|`the docs|^# |====/m)
}

describe.each(COLLECTIONS)('$slug: $field rendered to ${field}Html', ({ defaultType, field, gqlOne, slug }) => {
  const htmlField = `${field}Html`

  const create = async (source: string, contentType?: string) => {
    const body = { ...contentData(slug, 'render'), [field]: source, ...(contentType ? { contentType } : {}) }
    const response = await t.api('POST', `/${slug}`, { auth: staff, body })
    expect(response.status).toBe(201)
    return (await json(response)).doc
  }

  const patch = async (id: string, body: Record<string, unknown>) => {
    const response = await t.api('PATCH', `/${slug}/${id}`, { auth: staff, body })
    expect(response.status).toBe(200)
    return (await json(response)).doc
  }

  it('markdown: heading, emphasis, strong, link, list and fenced code', async () => {
    const doc = await create(MARKDOWN, 'MARKDOWN')
    expect(doc[field]).toBe(MARKDOWN)
    expectRendered(doc[htmlField])
    expect(doc[htmlField]).toContain('<strong>powerful</strong>')
    expect(doc[htmlField]).toMatch(/<pre><code[^>]*>print\("hello"\)/)
  })

  it('restructuredtext: section title, emphasis, strong, link, list and literal block', async () => {
    const doc = await create(RESTRUCTUREDTEXT, 'RESTRUCTUREDTEXT')
    expect(doc[field]).toBe(RESTRUCTUREDTEXT)
    expectRendered(doc[htmlField])
    expect(doc[htmlField]).toContain('<strong>powerful</strong>')
    expect(doc[htmlField]).toMatch(/<pre><code[^>]*>print\("hello"\)/)
  })

  it('html: kept as written (when safe)', async () => {
    const doc = await create(HTML, 'HTML')
    expect(doc[field]).toBe(HTML)
    expectRendered(doc[htmlField])
  })

  it(`without a contentType, ${defaultType} is assumed`, async () => {
    const source = defaultType === 'MARKDOWN' ? MARKDOWN : RESTRUCTUREDTEXT
    const doc = await create(source)
    expect(doc.contentType).toBe(defaultType)
    expectRendered(doc[htmlField])
  })

  it('the rendered HTML is in REST reads, GraphQL and the Local API', async () => {
    const doc = await create(MARKDOWN, 'MARKDOWN')
    expectRendered((await json(await t.api('GET', `/${slug}/${doc.id}`, { auth: staff })))[htmlField])
    const gql = await t.graphql(`{ ${gqlOne}(id: "${doc.id}") { ${field} ${htmlField} contentType } }`, { auth: staff })
    expect(gql.data[gqlOne][field]).toBe(MARKDOWN)
    expectRendered(gql.data[gqlOne][htmlField])
    const local = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expectRendered(local[htmlField])
  })

  it('changing only contentType re-renders the stored markup', async () => {
    const doc = await create('# Heading *one*', 'MARKDOWN')
    expect(doc[htmlField]).toContain('<h1>Heading <em>one</em></h1>')
    const asRst = await patch(doc.id, { contentType: 'RESTRUCTUREDTEXT' })
    expect(asRst[field]).toBe('# Heading *one*')
    expect(asRst[htmlField]).not.toContain('<h1')
    expect(asRst[htmlField]).toContain('# Heading <em>one</em>')
    const asHtml = await patch(doc.id, { contentType: 'HTML' })
    expect(asHtml[htmlField]).toBe('# Heading *one*')
    const back = await patch(doc.id, { contentType: 'MARKDOWN' })
    expect(back[htmlField]).toContain('<h1>Heading <em>one</em></h1>')
    // and it was stored that way, not only answered
    const stored = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expect(stored[htmlField]).toContain('<h1>Heading <em>one</em></h1>')
  })

  it('changing only the markup renders it with the stored contentType', async () => {
    const doc = await create('first', 'MARKDOWN')
    const updated = await patch(doc.id, { [field]: '## Second *take*' })
    expect(updated.contentType).toBe('MARKDOWN')
    expect(updated[htmlField]).toContain('<h2>Second <em>take</em></h2>')
  })

  it('an update that touches neither keeps the rendered HTML', async () => {
    const doc = await create(MARKDOWN, 'MARKDOWN')
    const updated = await patch(doc.id, { isPublished: true })
    expectRendered(updated[htmlField])
    const stored = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expectRendered(stored[htmlField])
  })

  it('clients cannot write the rendered HTML (REST create and update, GraphQL)', async () => {
    const forged = '<p>forged</p>'
    const response = await t.api('POST', `/${slug}`, {
      auth: staff,
      body: { ...contentData(slug, 'forge'), contentType: 'MARKDOWN', [field]: '*real*', [htmlField]: forged },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc[htmlField]).toBe('<p><em>real</em></p>\n')
    const patched = await patch(doc.id, { [htmlField]: forged })
    expect(patched[htmlField]).toBe('<p><em>real</em></p>\n')
    const stored = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expect(stored[htmlField]).toBe('<p><em>real</em></p>\n')
    const update = `update${gqlOne}`
    const gql = await t.graphql(`mutation { ${update}(id: "${doc.id}", data: { ${htmlField}: "${forged.replace(/"/g, '\\"')}" }) { ${htmlField} } }`, {
      auth: staff,
    })
    expect(JSON.stringify(gql)).not.toContain('forged')
    const after = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expect(after[htmlField]).toBe('<p><em>real</em></p>\n')
  })

  it('an empty markup renders to an empty string', async () => {
    const doc = await create('*x*', 'MARKDOWN')
    const updated = await patch(doc.id, { [field]: '' })
    expect(updated[htmlField] ?? '').toBe('')
  })
})
