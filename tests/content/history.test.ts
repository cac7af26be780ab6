/**
 * Version history (docs/rules/history.md): pages, success stories, minutes
 * and code samples keep a version per save, with who saved it; staff (and
 * only staff) read and restore versions; a restore brings back the content
 * but keeps the document's current publish flag; no version table leaks
 * unpublished text to anyone else (REST, GraphQL, Local API).
 */
import { HISTORY_MAX_VERSIONS } from '../../src/platform/history/withHistory'
import { makeActors, type Actors } from '../helpers/actors'
import { adminSave, asRequestUser, json, messages, query, unique, type Json } from '../helpers/assertions'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { contentData } from './fixtures'

let t: TestContext
let actors: Actors
let categoryId: string

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  const category = await t.api('POST', '/story-categories', { auth: actors.staff, body: { name: unique('Category') } })
  categoryId = (await json(category)).doc.id
})
afterAll(async () => {
  await t?.close()
})

type HistorySlug = 'code-samples' | 'minutes' | 'pages' | 'success-stories'

/** Each history collection: how to create one, which text field a save changes, its GraphQL names. */
const KINDS: Record<HistorySlug, { data: (marker: string) => Json; gqlRestore: string; gqlVersions: string; text: string }> = {
  'code-samples': {
    data: (marker) => contentData('code-samples', marker),
    gqlRestore: 'restoreVersionCodeSample',
    gqlVersions: 'versionsCodeSamples',
    text: 'description',
  },
  minutes: {
    data: (marker) => contentData('minutes', marker),
    gqlRestore: 'restoreVersionMinutes',
    gqlVersions: 'versionsAllMinutes',
    text: 'content',
  },
  pages: {
    data: (marker) => contentData('pages', marker),
    gqlRestore: 'restoreVersionPage',
    gqlVersions: 'versionsPages',
    text: 'content',
  },
  'success-stories': {
    data: (marker) => ({
      category: categoryId,
      companyName: 'ACME',
      content: `Story ${marker}`,
      name: unique(`Story ${marker}`),
    }),
    gqlRestore: 'restoreVersionSuccessStory',
    gqlVersions: 'versionsSuccessStories',
    text: 'content',
  },
}
const SLUGS = Object.keys(KINDS) as HistorySlug[]

const create = async (slug: HistorySlug, auth: Auth, data: Json): Promise<Json> => {
  const response = await t.api('POST', `/${slug}`, { auth, body: data })
  expect([response.status, await response.clone().text()]).toEqual([201, expect.any(String)])
  return (await json(response)).doc
}

const update = async (slug: HistorySlug, auth: Auth, id: string, data: Json): Promise<Json> => {
  const response = await t.api('PATCH', `/${slug}/${id}`, { auth, body: data })
  expect([response.status, await response.clone().text()]).toEqual([200, expect.any(String)])
  return (await json(response)).doc
}

/** The document's versions as staff read them through REST, oldest first. */
const versionsOf = async (slug: HistorySlug, id: string, auth: Auth = actors.staff): Promise<Json[]> => {
  const response = await t.api('GET', `/${slug}/versions?where[parent][equals]=${id}&sort=updatedAt&depth=0&limit=100`, {
    auth,
  })
  expect(response.status).toBe(200)
  return (await json(response)).docs
}

const restore = (slug: HistorySlug, versionId: string, auth: Auth) =>
  t.api('POST', `/${slug}/versions/${versionId}`, { auth })

const readAsSystem = async (slug: HistorySlug, id: string): Promise<Json> =>
  // overrideAccess: reading back what was stored, not a user action
  (await t.payload.findByID({ collection: slug, depth: 0, id, overrideAccess: true })) as Json

describe.each(SLUGS)('%s', (slug) => {
  const kind = KINDS[slug]

  it('keeps a version per save (create, REST update, admin save), each stamped with who saved it', async () => {
    const doc = await create(slug, actors.staff, kind.data('one'))
    await update(slug, actors.superuser, doc.id, { [kind.text]: 'second text' })
    const saved = await adminSave(t, actors.staff, slug, doc.id, { [kind.text]: 'third text' })
    expect(saved.status).toBe(200)

    const versions = await versionsOf(slug, doc.id)
    expect(versions.map((version) => version.version[kind.text])).toEqual([doc[kind.text], 'second text', 'third text'])
    expect(versions.map((version) => version.version.lastModifiedBy)).toEqual([
      actors.staff.id,
      actors.superuser.id,
      actors.staff.id,
    ])
    expect(versions.every((version) => version.parent === doc.id)).toBe(true)
    // when: Payload's own timestamp of each save, in order
    const times = versions.map((version) => Date.parse(version.updatedAt))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('restoring an older version brings its text back as a new save by the restorer', async () => {
    const doc = await create(slug, actors.staff, kind.data('restore'))
    const firstText = doc[kind.text]
    await update(slug, actors.staff, doc.id, { [kind.text]: 'edited once' })
    await update(slug, actors.staff, doc.id, { [kind.text]: 'edited twice' })
    const [first] = await versionsOf(slug, doc.id)

    const response = await restore(slug, first!.id, actors.superuser)
    expect(response.status).toBe(200)
    const stored = await readAsSystem(slug, doc.id)
    expect(stored[kind.text]).toBe(firstText)
    // the rendered HTML follows the restored markup (the same save path)
    expect(stored[`${kind.text}Html`]).toContain(firstText.split(' ').pop())
    expect(stored[`${kind.text}Html`]).not.toContain('edited twice')
    expect(stored.lastModifiedBy).toBe(actors.superuser.id)
    expect(stored.creator).toBe(actors.staff.id)

    const after = await versionsOf(slug, doc.id)
    expect(after).toHaveLength(4)
    expect(after[3]!.version[kind.text]).toBe(firstText)
    expect(after[3]!.version.lastModifiedBy).toBe(actors.superuser.id)
  })

  it('a restore keeps the document as published as it is (both ways)', async () => {
    // published now, restoring a version from before it was published: stays published
    const live = await create(slug, actors.staff, { ...kind.data('live'), isPublished: false })
    await update(slug, actors.staff, live.id, { [kind.text]: 'now live', isPublished: true })
    const [unpublishedVersion] = await versionsOf(slug, live.id)
    expect(unpublishedVersion!.version.isPublished).toBe(false)
    expect((await restore(slug, unpublishedVersion!.id, actors.staff)).status).toBe(200)
    expect((await readAsSystem(slug, live.id)).isPublished).toBe(true)
    expect((await readAsSystem(slug, live.id))[kind.text]).toBe(live[kind.text])
    // still public: anonymous readers see the restored text
    const publicRead = await t.api('GET', `/${slug}/${live.id}`)
    expect(publicRead.status).toBe(200)
    expect((await json(publicRead))[kind.text]).toBe(live[kind.text])

    // unpublished now, restoring a version that was published: stays unpublished
    const pulled = await create(slug, actors.staff, { ...kind.data('pulled'), isPublished: true })
    await update(slug, actors.staff, pulled.id, { [kind.text]: 'pulled back', isPublished: false })
    const [publishedVersion] = await versionsOf(slug, pulled.id)
    expect(publishedVersion!.version.isPublished).toBe(true)
    expect((await restore(slug, publishedVersion!.id, actors.staff)).status).toBe(200)
    const stored = await readAsSystem(slug, pulled.id)
    expect(stored.isPublished).toBe(false)
    expect(stored[kind.text]).toBe(pulled[kind.text])
    expect((await t.api('GET', `/${slug}/${pulled.id}`)).status).toBe(404)
    // and the version the restore saved records the flag the document has
    const after = await versionsOf(slug, pulled.id)
    expect(after[after.length - 1]!.version.isPublished).toBe(false)
  })

  it.each(['anonymous', 'member', 'owner'] as const)(
    '%s reads no version (REST list, REST by id, GraphQL, Local API) and restores none',
    async (name) => {
      const auth = actors[name]
      const doc = await create(slug, actors.staff, { ...kind.data('secret draft'), isPublished: false })
      await update(slug, actors.staff, doc.id, { [kind.text]: 'unpublished words' })
      const [version] = await versionsOf(slug, doc.id)

      const list = await t.api('GET', `/${slug}/versions`, { auth })
      expect([401, 403]).toContain(list.status)
      expect(await list.text()).not.toContain('unpublished words')
      const byId = await t.api('GET', `/${slug}/versions/${version!.id}`, { auth })
      expect([401, 403, 404]).toContain(byId.status)
      expect(await byId.text()).not.toContain('secret draft')

      const gql = await t.graphql(`{ ${kind.gqlVersions}(limit: 100) { docs { id version { ${kind.text} } } } }`, {
        auth,
      })
      expect(gql.errors?.length).toBeGreaterThan(0)
      expect(JSON.stringify(gql.data ?? null)).not.toContain('unpublished words')

      if (auth) {
        await expect(
          t.payload.findVersions({
            collection: slug,
            overrideAccess: false,
            user: await asRequestUser(t, auth),
          }),
        ).rejects.toThrow()
      }

      const restored = await restore(slug, version!.id, auth)
      expect([401, 403, 404]).toContain(restored.status)
      const gqlRestore = await t.graphql(`mutation { ${kind.gqlRestore}(id: "${version!.id}") { id } }`, { auth })
      expect(gqlRestore.errors?.length).toBeGreaterThan(0)
      expect((await readAsSystem(slug, doc.id))[kind.text]).toBe('unpublished words')
    },
  )

  it('staff read versions through GraphQL and restore through GraphQL and the Local API', async () => {
    const doc = await create(slug, actors.staff, kind.data('graphql'))
    await update(slug, actors.staff, doc.id, { [kind.text]: 'graphql edit' })
    const gql = await t.graphql(
      `query($id: JSON) { ${kind.gqlVersions}(where: { parent: { equals: $id } }, sort: "updatedAt") { docs { id version { ${kind.text} lastModifiedBy { id } } } } }`,
      { auth: actors.staff, variables: { id: doc.id } },
    )
    expect(gql.errors).toBeUndefined()
    const docs = gql.data[kind.gqlVersions].docs as Json[]
    expect(docs.map((version) => version.version[kind.text])).toEqual([doc[kind.text], 'graphql edit'])
    expect(docs[0]!.version.lastModifiedBy.id).toBe(actors.staff.id)

    const restored = await t.graphql(`mutation { ${kind.gqlRestore}(id: "${docs[0]!.id}") { id } }`, {
      auth: actors.staff,
    })
    expect(restored.errors).toBeUndefined()
    expect((await readAsSystem(slug, doc.id))[kind.text]).toBe(doc[kind.text])

    await update(slug, actors.staff, doc.id, { [kind.text]: 'local edit' })
    await t.payload.restoreVersion({
      collection: slug,
      id: docs[1]!.id,
      overrideAccess: false,
      user: await asRequestUser(t, actors.staff),
    })
    expect((await readAsSystem(slug, doc.id))[kind.text]).toBe('graphql edit')
  })
})

it("an author may edit their own unpublished story but neither read nor restore its versions", async () => {
  const story = await create('success-stories', actors.owner, KINDS['success-stories'].data('authored'))
  await update('success-stories', actors.owner, story.id, { content: 'author edit' })
  const [first] = await versionsOf('success-stories', story.id)
  const list = await t.api('GET', `/success-stories/versions?where[parent][equals]=${story.id}`, { auth: actors.owner })
  expect([401, 403]).toContain(list.status)
  const restored = await restore('success-stories', first!.id, actors.owner)
  expect(restored.status).toBe(403)
  expect(messages(await json(restored))).toMatch(/not allowed/i)
  expect((await readAsSystem('success-stories', story.id)).content).toBe('author edit')
})

it(`keeps the last ${HISTORY_MAX_VERSIONS} versions of a document`, async () => {
  const doc = await create('code-samples', actors.staff, KINDS['code-samples'].data('many'))
  for (let save = 1; save <= HISTORY_MAX_VERSIONS + 2; save += 1) {
    // overrideAccess: bulk saves as fixture; the rule under test is the pruning
    await t.payload.update({
      collection: 'code-samples',
      data: { description: `save ${save}` },
      id: doc.id,
      overrideAccess: true,
    })
  }
  const versions = await versionsOf('code-samples', doc.id)
  expect(versions).toHaveLength(HISTORY_MAX_VERSIONS)
  expect(versions[versions.length - 1]!.version.description).toBe(`save ${HISTORY_MAX_VERSIONS + 2}`)
  expect(versions[0]!.version.description).toBe('save 3')
})

it("deleting a document deletes its versions", async () => {
  const doc = await create('pages', actors.staff, KINDS.pages.data('deleted'))
  await update('pages', actors.staff, doc.id, { content: 'changed' })
  expect(await versionsOf('pages', doc.id)).toHaveLength(2)
  expect((await t.api('DELETE', `/pages/${doc.id}`, { auth: actors.staff })).status).toBe(200)
  expect((await query(t, 'SELECT count(*)::int AS n FROM _pages_v WHERE parent_id = $1', [doc.id])).rows[0].n).toBe(0)
})
