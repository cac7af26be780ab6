/**
 * Stored HTML or rendered markup that carries a script, an event handler
 * attribute or a javascript: URL never reaches an API consumer. Hostile
 * input in each content type (markdown, restructuredtext, html) is checked
 * through REST, GraphQL and Local API reads; markup whose contentType is
 * HTML is itself stored sanitized, also when an existing document is switched
 * to HTML.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { contentData, expectNoScript, json } from './fixtures'

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
  { field: 'content', gqlList: 'Pages', gqlOne: 'Page', slug: 'pages' },
  { field: 'content', gqlList: 'AllMinutes', gqlOne: 'Minutes', slug: 'minutes' },
  { field: 'description', gqlList: 'CodeSamples', gqlOne: 'CodeSample', slug: 'code-samples' },
] as const

const HOSTILE_HTML = [
  '<p onclick="steal()">Welcome</p>',
  '<script>alert("script")</script>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(2)">mixed case</a>',
  '<a href="&#106;avascript:alert(3)">entity</a>',
  '<a href=" javascript:alert(4)">leading space</a>',
  '<img src="x" onerror="alert(5)">',
  '<img src="javascript:alert(6)">',
  '<svg onload="alert(7)"><circle/></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<div style="background:url(javascript:alert(8))" onmouseover="alert(9)">hover</div>',
  '<form action="javascript:alert(10)"><button formaction="javascript:alert(11)">go</button></form>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<object data="javascript:alert(12)"></object>',
  '<p>Safe <a href="https://www.python.org/">link</a></p>',
].join('\n')

const HOSTILE = {
  HTML: HOSTILE_HTML,
  MARKDOWN: [
    '# Welcome',
    '',
    '[click](javascript:alert(1)) and [again](JAVASCRIPT:alert(2))',
    '',
    '![img](javascript:alert(3))',
    '',
    '<script>alert("raw")</script>',
    '',
    HOSTILE_HTML,
    '',
    '[safe](https://www.python.org/)',
  ].join('\n'),
  RESTRUCTUREDTEXT: [
    'Welcome',
    '=======',
    '',
    '`click <javascript:alert(1)>`_ and target_',
    '',
    '.. _target: javascript:alert(2)',
    '',
    '.. raw:: html',
    '',
    '   <script>alert("raw")</script>',
    '',
    '.. image:: javascript:alert(3)',
    '',
    '<img src=x onerror=alert(4)> <script>alert(5)</script>',
    '',
    '`safe <https://www.python.org/>`_',
  ].join('\n'),
} as const

type ContentType = keyof typeof HOSTILE

describe.each(COLLECTIONS)('$slug: hostile $field', ({ field, gqlList, gqlOne, slug }) => {
  const htmlField = `${field}Html`

  const createHostile = async (contentType: ContentType) => {
    const response = await t.api('POST', `/${slug}`, {
      auth: staff,
      body: { ...contentData(slug, 'hostile'), contentType, [field]: HOSTILE[contentType], isPublished: true },
    })
    expect(response.status).toBe(201)
    return (await json(response)).doc
  }

  it.each(['MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML'] as const)('%s: no script reaches REST, GraphQL or Local API readers', async (contentType) => {
    const created = await createHostile(contentType)
    expectNoScript(created[htmlField])
    // the safe part survives: sanitizing is not blanking
    expect(created[htmlField]).toContain('href="https://www.python.org/"')

    for (const auth of [undefined, staff]) {
      const byId = await json(await t.api('GET', `/${slug}/${created.id}`, { auth }))
      expectNoScript(byId[htmlField])
      const list = await json(await t.api('GET', `/${slug}?where[id][equals]=${created.id}`, { auth }))
      expectNoScript(list.docs[0][htmlField])
      const gql = await t.graphql(
        `{ one: ${gqlOne}(id: "${created.id}") { ${htmlField} } list: ${gqlList}(where: { id: { equals: "${created.id}" } }) { docs { ${htmlField} } } }`,
        { auth },
      )
      expectNoScript(gql.data.one[htmlField])
      expectNoScript(gql.data.list.docs[0][htmlField])
    }
    const local = (await t.payload.findByID({ collection: slug, id: created.id, overrideAccess: false })) as Record<string, any>
    expectNoScript(local[htmlField])
  })

  it('HTML markup is stored sanitized: the raw field carries no script either', async () => {
    const created = await createHostile('HTML')
    expectNoScript(created[field])
    expect(created[field]).toContain('Welcome')
    const stored = (await t.payload.findByID({ collection: slug, id: created.id, overrideAccess: true })) as Record<string, any>
    expectNoScript(stored[field])
    const read = await json(await t.api('GET', `/${slug}/${created.id}`))
    expectNoScript(read[field])
    const gql = await t.graphql(`{ ${gqlOne}(id: "${created.id}") { ${field} } }`)
    expectNoScript(gql.data[gqlOne][field])
  })

  it('HTML written on update is sanitized too (REST, GraphQL, Local API)', async () => {
    const created = await createHostile('HTML')
    const patched = await t.api('PATCH', `/${slug}/${created.id}`, { auth: staff, body: { [field]: '<b onmouseover="x()">b</b><script>1</script>' } })
    expect(patched.status).toBe(200)
    const { doc } = await json(patched)
    expect(doc[field]).toBe('<b>b</b>')
    expect(doc[htmlField]).toBe('<b>b</b>')

    const gql = await t.graphql(
      `mutation { update${gqlOne}(id: "${created.id}", data: { ${field}: "<i onclick=\\"y()\\">i</i><script>2</script>" }) { ${field} } }`,
      { auth: staff },
    )
    expect(gql.data[`update${gqlOne}`][field]).toBe('<i>i</i>')

    const user = await t.payload.findByID({ collection: 'users', id: staff.id, overrideAccess: true })
    await t.payload.update({
      collection: slug,
      data: { [field]: '<a href="javascript:z()">a</a>' },
      id: created.id,
      overrideAccess: false,
      user,
    })
    const stored = (await t.payload.findByID({ collection: slug, id: created.id, overrideAccess: true })) as Record<string, any>
    expect(stored[field]).toBe('<a>a</a>')
  })

  it('switching a document to HTML sanitizes the markup it already has', async () => {
    const response = await t.api('POST', `/${slug}`, {
      auth: staff,
      body: { ...contentData(slug, 'switch'), contentType: 'MARKDOWN', [field]: 'Hello <img src=x onerror=alert(1)> <script>alert(2)</script>' },
    })
    const { doc } = await json(response)
    // as markdown the markup is kept as written (the rendered HTML is safe)
    expect(doc[field]).toContain('onerror')
    expectNoScript(doc[htmlField])
    const switched = await t.api('PATCH', `/${slug}/${doc.id}`, { auth: staff, body: { contentType: 'HTML' } })
    expect(switched.status).toBe(200)
    const after = (await json(switched)).doc
    expectNoScript(after[field])
    expectNoScript(after[htmlField])
    expect(after[field]).toContain('Hello')
    const stored = (await t.payload.findByID({ collection: slug, id: doc.id, overrideAccess: true })) as Record<string, any>
    expectNoScript(stored[field])
  })

  it('markdown and restructuredtext are stored as the author wrote them', async () => {
    for (const contentType of ['MARKDOWN', 'RESTRUCTUREDTEXT'] as const) {
      const created = await createHostile(contentType)
      expect(created[field]).toBe(HOSTILE[contentType])
    }
  })
})
