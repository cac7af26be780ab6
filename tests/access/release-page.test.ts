/**
 * A published release may point at a page that is not published (yet):
 * readers who cannot read that page do not learn it exists, not even its
 * id, through REST (any depth), GraphQL or the Local API. Staff, and
 * everyone once the page is published, see the link.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, json, unique, type Json } from '../helpers/assertions'
import { seedRelease } from '../downloads/fixtures'

let t: TestContext
let actors: Actors
let hiddenPage: Json
let publicPage: Json
let release: Json
let linked: Json

const newPage = async (isPublished: boolean) =>
  // overrideAccess: a fixture written by the system
  (await t.payload.create({
    collection: 'pages',
    data: { content: 'Notes', isPublished, path: unique('release-notes'), title: 'Release notes' } as never,
    overrideAccess: true,
  })) as Json

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  hiddenPage = await newPage(false)
  publicPage = await newPage(true)
  release = (await seedRelease(t, { name: 'Python 3.99.0', releasePage: hiddenPage.id })) as Json
  linked = (await seedRelease(t, { name: 'Python 3.98.0', releasePage: publicPage.id })) as Json
})
afterAll(async () => {
  await t?.close()
})

const pageIdOf = (value: unknown) => (value && typeof value === 'object' ? (value as Json).id : value)

describe('a release pointing at an unpublished page', () => {
  it.each(['anonymous', 'member'] as const)('%s does not see the page id (REST, every depth)', async (name) => {
    const auth = actors[name] as Auth
    for (const depth of [0, 1, 2]) {
      const response = await t.api('GET', `/releases/${release.id}?depth=${depth}`, { auth })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(hiddenPage.id)
      expect(JSON.parse(text).releasePage ?? null).toBeNull()
      const list = await t.api('GET', `/releases?depth=${depth}&limit=100`, { auth })
      expect(await list.text()).not.toContain(hiddenPage.id)
    }
  })

  it.each(['anonymous', 'member'] as const)('%s does not see it in GraphQL or the Local API', async (name) => {
    const auth = actors[name] as Auth
    const gql = await t.graphql(`{ Release(id: "${release.id}") { id releasePage { id } } }`, { auth })
    expect(gql.data?.Release?.id).toBe(release.id)
    expect(gql.data?.Release?.releasePage ?? null).toBeNull()
    if (name === 'member') {
      const doc = (await t.payload.findByID({
        collection: 'releases',
        depth: 0,
        id: release.id,
        overrideAccess: false,
        user: await asRequestUser(t, actors.member),
      })) as Json
      expect(doc.releasePage ?? null).toBeNull()
    }
  })

  it('staff see the link', async () => {
    for (const depth of [0, 1]) {
      const body = await json(await t.api('GET', `/releases/${release.id}?depth=${depth}`, { auth: actors.staff }))
      expect(pageIdOf(body.releasePage)).toBe(hiddenPage.id)
    }
  })

  it('a published page is linked for everyone', async () => {
    for (const depth of [0, 1]) {
      const body = await json(await t.api('GET', `/releases/${linked.id}?depth=${depth}`))
      expect(pageIdOf(body.releasePage)).toBe(publicPage.id)
    }
    const gql = await t.graphql(`{ Release(id: "${linked.id}") { releasePage { id } } }`)
    expect(gql.data?.Release?.releasePage?.id).toBe(publicPage.id)
  })

  it('a staff save of the release keeps the link it cannot show others', async () => {
    const response = await t.api('PATCH', `/releases/${release.id}`, {
      auth: actors.staff,
      body: { name: 'Python 3.99.0' },
    })
    expect(response.status).toBe(200)
    // overrideAccess: the stored link, read by the system
    const row = (await t.payload.findByID({
      collection: 'releases',
      depth: 0,
      id: release.id,
      overrideAccess: true,
    })) as Json
    expect(pageIdOf(row.releasePage)).toBe(hiddenPage.id)
  })
})
