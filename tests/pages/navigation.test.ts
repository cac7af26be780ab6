/**
 * Navigation: a page's parent is the nearest page above it by path, derived
 * on every change (create, move, delete) by any entry point and never written
 * by clients; moving a page moves the pages below it in one transaction; a
 * page's children and its breadcrumbs come in one request each (REST and
 * GraphQL), published pages only for anyone but staff.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { adminSave, asRequestUser, expectUnchanged } from '../helpers/assertions'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, json, type Json } from './fixtures'

let t: TestContext
let actors: Actors
const pages: Record<string, Json> = {}

/** A page created by staff through REST (so the tree hooks run as for an editor). */
const create = async (path: string, data: Json = {}) => {
  const response = await t.api('POST', '/pages', {
    auth: actors.staff,
    body: { isPublished: true, path, title: `Title of ${path}`, ...data },
  })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`creating ${path}: ${response.status} ${JSON.stringify(body)}`)
  pages[path] = body.doc
  return body.doc as Json
}

/** path -> the path of its parent, straight from the table. */
const parents = async (prefix: string) => {
  const { docs } = await t.payload.find({
    collection: 'pages',
    depth: 1,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    where: { or: [{ path: { equals: prefix } }, { path: { like: `${prefix}/` } }] },
  })
  return Object.fromEntries(
    docs
      .filter((doc) => doc.path === prefix || doc.path.startsWith(`${prefix}/`))
      .map((doc) => [doc.path, doc.parent && typeof doc.parent === 'object' ? doc.parent.path : null]),
  )
}

const get = async (path: string, auth?: TestUser) => {
  const response = await t.api('GET', path, { auth })
  return { body: await json(response), status: response.status }
}

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  // created children first: a page adopts the pages below it
  await create('about/psf/board', { order: 1 })
  await create('about/psf', { order: 2 })
  await create('about/help', { order: 1 })
  await create('about')
  await create('about/draft-section', { isPublished: false })
  await create('about/draft-section/inner')
  await create('community')
  await create('community/about/events')
})
afterAll(async () => {
  await t?.close()
})

describe('the parent, derived from the path', () => {
  it('is the nearest page above, whatever order the pages were created in', async () => {
    expect(await parents('about')).toEqual({
      about: null,
      'about/draft-section': 'about',
      'about/draft-section/inner': 'about/draft-section',
      'about/help': 'about',
      'about/psf': 'about',
      'about/psf/board': 'about/psf',
    })
    // no "community/about" page: the nearest one above is "community"
    expect(await parents('community')).toEqual({ community: null, 'community/about/events': 'community' })
  })

  it('a new page in between adopts the pages below it (GraphQL and the Local API too)', async () => {
    await create('tree-a')
    await create('tree-a/b/c/d')
    const viaGraphQL = await t.graphql(
      'mutation ($data: mutationPageInput!) { createPage(data: $data) { id parent { path } } }',
      { auth: actors.staff, variables: { data: { path: 'tree-a/b/c', title: 'C' } } },
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaGraphQL.data.createPage.parent.path).toBe('tree-a')
    await t.payload.create({
      collection: 'pages',
      data: { path: 'tree-a/b', title: 'B' } as never,
      overrideAccess: false,
      user: await asRequestUser(t, actors.staff),
    })
    expect(await parents('tree-a')).toEqual({
      'tree-a': null,
      'tree-a/b': 'tree-a',
      'tree-a/b/c': 'tree-a/b',
      'tree-a/b/c/d': 'tree-a/b/c',
    })
  })

  it('is not written by clients (REST, GraphQL, admin save)', async () => {
    const page = await create('tree-w/child')
    const other = await create('tree-w-other')
    await t.api('PATCH', `/pages/${page.id}`, { auth: actors.staff, body: { parent: other.id, title: 'Renamed' } })
    await adminSave(t, actors.staff, 'pages', page.id, { parent: other.id })
    const created = await json(
      await t.api('POST', '/pages', { auth: actors.staff, body: { parent: other.id, path: 'tree-w2', title: 'W2' } }),
    )
    expect(created.doc.parent).toBeNull()
    expect(await parents('tree-w')).toEqual({ 'tree-w/child': null })
  })

  it('order is a whole number (a 400 naming order otherwise)', async () => {
    const response = await t.api('POST', '/pages', {
      auth: actors.staff,
      body: { order: 1.5, path: 'tree-o', title: 'O' },
    })
    await expectClientError(response, 'order')
  })

  it('the parent filters like any relationship, in REST and GraphQL', async () => {
    const { body } = await get(`/pages?where[parent][equals]=${pages.about!.id}&sort=path&depth=0`)
    expect(body.docs.map((doc: Json) => doc.path)).toEqual(['about/help', 'about/psf'])
    const viaGraphQL = await t.graphql(
      `{ Pages(where: { parent: { equals: "${pages.about!.id}" } }, sort: "path") { docs { path parent { path } } } }`,
    )
    expect(viaGraphQL.data.Pages.docs).toEqual([
      { parent: { path: 'about' }, path: 'about/help' },
      { parent: { path: 'about' }, path: 'about/psf' },
    ])
  })
})

describe('GET /api/pages/children', () => {
  const paths = (body: Json) => body.docs.map((doc: Json) => doc.path)

  it("answers a page's published children by order then title; not the pages of another section", async () => {
    for (const auth of [undefined, actors.member]) {
      const { body, status } = await get('/pages/children?path=/About/', auth)
      expect(status).toBe(200)
      // not "community/about/events", which a `like` filter on "about/" also matched
      expect(paths(body)).toEqual(['about/help', 'about/psf'])
      expect(body).toMatchObject({ hasNextPage: false, page: 1, totalDocs: 2 })
      expect(body.docs.map((doc: Json) => Object.keys(doc).sort())).toEqual([
        ['id', 'order', 'path', 'title'],
        ['id', 'order', 'path', 'title'],
      ])
    }
    const asStaff = await get('/pages/children?path=about', actors.staff)
    expect(paths(asStaff.body)).toEqual(['about/draft-section', 'about/help', 'about/psf'])
  })

  it('without a path: the top-level pages', async () => {
    const { body } = await get('/pages/children?limit=100')
    expect(paths(body)).toEqual(expect.arrayContaining(['about', 'community']))
    expect(paths(body)).not.toContain('about/psf')
    expect(paths(body)).not.toContain('community/about/events')
  })

  it('pages, and select[...] chooses the fields', async () => {
    const { body } = await get('/pages/children?path=about&limit=1&page=2&select[title]=true')
    expect(body.docs).toEqual([{ id: pages['about/psf']!.id, title: 'Title of about/psf' }])
    expect(body).toMatchObject({ hasPrevPage: true, page: 2, totalDocs: 2, totalPages: 2 })
  })

  it("a draft page's children are a 404 for anyone but staff, as is a path without a page", async () => {
    for (const auth of [undefined, actors.member]) {
      expect((await get('/pages/children?path=about/draft-section', auth)).status).toBe(404)
    }
    expect(paths((await get('/pages/children?path=about/draft-section', actors.staff)).body)).toEqual([
      'about/draft-section/inner',
    ])
    expect((await get('/pages/children?path=nowhere')).status).toBe(404)
    expect((await get('/pages/children?path=about&limit=0')).status).toBe(400)
  })

  it('GraphQL: the same children, null for a page the caller may not see', async () => {
    const query = 'query ($path: String) { pageChildren(path: $path) { totalDocs docs { path order title } } }'
    const result = await t.graphql(query, { variables: { path: 'about' } })
    expect(result.errors).toBeUndefined()
    expect(result.data.pageChildren).toEqual({
      docs: [
        { order: 1, path: 'about/help', title: 'Title of about/help' },
        { order: 2, path: 'about/psf', title: 'Title of about/psf' },
      ],
      totalDocs: 2,
    })
    const hidden = await t.graphql(query, { variables: { path: 'about/draft-section' } })
    expect(hidden.data.pageChildren).toBeNull()
  })
})

describe('GET /api/pages/breadcrumbs', () => {
  // a list read answers { docs }
  const trail = (body: Json) => (body.docs as Json[]).map((doc) => doc.path)

  it('answers the pages above, from the top, and the page itself last', async () => {
    const { body, status } = await get('/pages/breadcrumbs?path=/about/psf/board/')
    expect(status).toBe(200)
    expect(trail(body)).toEqual(['about', 'about/psf', 'about/psf/board'])
    expect(body.docs.map((doc: Json) => Object.keys(doc).sort())).toEqual([
      ['id', 'order', 'path', 'title'],
      ['id', 'order', 'path', 'title'],
      ['id', 'order', 'path', 'title'],
    ])
    // only the pages that exist: there is no "community/about"
    expect(trail((await get('/pages/breadcrumbs?path=community/about/events')).body)).toEqual([
      'community',
      'community/about/events',
    ])
  })

  it('leaves a draft page above out of the public trail; staff see it', async () => {
    for (const auth of [undefined, actors.member]) {
      expect(trail((await get('/pages/breadcrumbs?path=about/draft-section/inner', auth)).body)).toEqual([
        'about',
        'about/draft-section/inner',
      ])
      expect((await get('/pages/breadcrumbs?path=about/draft-section', auth)).status).toBe(404)
    }
    expect(trail((await get('/pages/breadcrumbs?path=about/draft-section/inner', actors.staff)).body)).toEqual([
      'about',
      'about/draft-section',
      'about/draft-section/inner',
    ])
  })

  it('keeps the order when select leaves the path out', async () => {
    const { body } = await get('/pages/breadcrumbs?path=about/psf/board&select[title]=true')
    expect(body.docs.map((doc: Json) => doc.title)).toEqual([
      'Title of about',
      'Title of about/psf',
      'Title of about/psf/board',
    ])
  })

  it('GraphQL: the same trail; null when there is no page', async () => {
    const query = 'query ($path: String!) { pageBreadcrumbs(path: $path) { docs { path title } } }'
    const result = await t.graphql(query, { variables: { path: 'about/draft-section/inner' } })
    expect(result.errors).toBeUndefined()
    expect(trail(result.data.pageBreadcrumbs)).toEqual(['about', 'about/draft-section/inner'])
    expect((await t.graphql(query, { variables: { path: 'nowhere/at/all' } })).data.pageBreadcrumbs).toBeNull()
    expect((await get('/pages/breadcrumbs?path=nowhere/at/all')).status).toBe(404)
    expect((await get('/pages/breadcrumbs')).status).toBe(400)
  })
})

describe('moving a page', () => {
  it('moves every page below it along (admin save), parents kept', async () => {
    await create('move-a')
    await create('move-a/b')
    await create('move-a/b/c')
    await create('move-other/b')
    const saved = await adminSave(t, actors.staff, 'pages', pages['move-a']!.id, { path: 'moved/a' })
    expect(saved.status).toBe(200)
    expect(await parents('moved')).toEqual({ 'moved/a': null, 'moved/a/b': 'moved/a', 'moved/a/b/c': 'moved/a/b' })
    expect(await parents('move-a')).toEqual({})
    expect(await parents('move-other')).toEqual({ 'move-other/b': null })
    expect((await get('/pages/by-path?path=moved/a/b/c')).body.id).toBe(pages['move-a/b/c']!.id)
    expect((await get('/pages/by-path?path=move-a/b/c')).status).toBe(404)
  })

  it('into an existing section: its pages there are adopted (GraphQL)', async () => {
    await create('sect')
    await create('sect/x/y')
    await create('loose')
    await create('loose/z')
    const result = await t.graphql(
      'mutation ($id: String!) { updatePage(id: $id, data: { path: "sect/x" }) { parent { path } } }',
      {
        auth: actors.staff,
        variables: { id: pages.loose!.id },
      },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.updatePage.parent.path).toBe('sect')
    expect(await parents('sect')).toEqual({ sect: null, 'sect/x': 'sect', 'sect/x/y': 'sect/x', 'sect/x/z': 'sect/x' })
  })

  it('below itself: the tree stays a tree', async () => {
    await create('self-a')
    await create('self-a/b')
    const response = await t.api('PATCH', `/pages/${pages['self-a']!.id}`, {
      auth: actors.staff,
      body: { path: 'self-a/b/a' },
    })
    expect(response.status).toBe(200)
    expect(await parents('self-a')).toEqual({ 'self-a/b/a': null, 'self-a/b/a/b': 'self-a/b/a' })
  })

  it('is refused, changing nothing, when a page below would land on a taken path (400 naming path)', async () => {
    await create('clash-a')
    await create('clash-a/x')
    await create('clash-b/x')
    await expectUnchanged(t, ['pages'], async () => {
      const response = await t.api('PATCH', `/pages/${pages['clash-a']!.id}`, {
        auth: actors.staff,
        body: { path: 'clash-b' },
      })
      const body = await expectClientError(response, 'path')
      expect(JSON.stringify(body)).toContain('clash-a/x')
    })
  })

  it('by members: refused', async () => {
    const response = await t.api('PATCH', `/pages/${pages.community!.id}`, { auth: actors.member, body: { path: 'x' } })
    expect(response.status).toBe(403)
  })
})

describe('deleting a page', () => {
  it('gives the pages below it to the nearest page above', async () => {
    await create('del')
    await create('del/mid')
    await create('del/mid/leaf')
    expect((await t.api('DELETE', `/pages/${pages['del/mid']!.id}`, { auth: actors.staff })).status).toBe(200)
    expect(await parents('del')).toEqual({ del: null, 'del/mid/leaf': 'del' })
  })
})

describe('concurrent changes of the tree', () => {
  it('a page and the page above it created at once: the child always gets its parent', async () => {
    for (let round = 0; round < 4; round += 1) {
      const base = `race-${round}`
      await Promise.all([create(`${base}/child`), create(base)])
      expect(await parents(base)).toEqual({ [base]: null, [`${base}/child`]: base })
    }
  })
})
