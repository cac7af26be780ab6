/**
 * Anonymous and member reads of pages, minutes and code samples return
 * published documents only, through every read path: REST list, by id and
 * count, GraphQL list, by id and count, filters that ask for drafts, and the
 * Local API with access control on. Staff see drafts everywhere.
 */
import type { CollectionSlug } from 'payload'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { contentData, json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser

const COLLECTIONS = [
  { gqlCount: 'countPages', gqlList: 'Pages', gqlOne: 'Page', slug: 'pages' },
  { gqlCount: 'countAllMinutes', gqlList: 'AllMinutes', gqlOne: 'Minutes', slug: 'minutes' },
  { gqlCount: 'countCodeSamples', gqlList: 'CodeSamples', gqlOne: 'CodeSample', slug: 'code-samples' },
] as const

type Fixture = { draft: Json; draftMarker: string; published: Json; publishedCount: number }
const fixtures: Record<string, Fixture> = {}

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  for (const { slug } of COLLECTIONS) {
    const draftMarker = `SECRET-DRAFT-${slug}`
    const published = await seed(t, slug, { ...contentData(slug, `public-${slug}`), isPublished: true })
    await seed(t, slug, { ...contentData(slug, `public2-${slug}`), isPublished: true })
    const draft = await seed(t, slug, { ...contentData(slug, draftMarker), isPublished: false })
    // a draft with no explicit flag: drafts are the default
    await seed(t, slug, contentData(slug, `${draftMarker}-default`))
    fixtures[slug] = { draft, draftMarker, published, publishedCount: 2 }
  }
})
afterAll(async () => {
  await t?.close()
})

const readers: [string, () => Auth][] = [
  ['anonymous', () => undefined],
  ['member', () => member],
]

describe.each(COLLECTIONS)('$slug: unpublished documents never reach anonymous or member readers', ({ gqlCount, gqlList, gqlOne, slug }) => {
  it.each(readers)('REST list (%s)', async (_role, who) => {
    const auth = who()
    const { draftMarker, published } = fixtures[slug]!
    for (const query of ['', '?limit=0', '?pagination=false', '?depth=2', '?sort=-createdAt']) {
      const response = await t.api('GET', `/${slug}${query}`, { auth })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(draftMarker)
      const body = JSON.parse(text) as Json
      expect(body.docs.length).toBe(2)
      expect(body.docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
      expect(body.docs.map((doc: Json) => doc.id)).toContain(published.id)
    }
  })

  it.each(readers)('REST filters that ask for drafts find nothing (%s)', async (_role, who) => {
    const auth = who()
    const { draft } = fixtures[slug]!
    for (const query of [
      'where[isPublished][equals]=false',
      'where[isPublished][not_equals]=true',
      `where[id][equals]=${draft.id}`,
      `where[or][0][isPublished][equals]=false&where[or][1][isPublished][equals]=true`,
    ]) {
      const body = await json(await t.api('GET', `/${slug}?${query}`, { auth }))
      expect(body.docs.map((doc: Json) => doc.id)).not.toContain(draft.id)
      expect(body.docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
    }
  })

  it.each(readers)('REST by id (%s)', async (_role, who) => {
    const auth = who()
    const { draft, draftMarker, published } = fixtures[slug]!
    const response = await t.api('GET', `/${slug}/${draft.id}`, { auth })
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain(draftMarker)
    expect((await t.api('GET', `/${slug}/${published.id}`, { auth })).status).toBe(200)
  })

  it.each(readers)('REST count (%s)', async (_role, who) => {
    const auth = who()
    const response = await t.api('GET', `/${slug}/count`, { auth })
    expect(response.status).toBe(200)
    expect((await json(response)).totalDocs).toBe(fixtures[slug]!.publishedCount)
    const filtered = await json(await t.api('GET', `/${slug}/count?where[isPublished][equals]=false`, { auth }))
    expect(filtered.totalDocs).toBe(0)
  })

  it.each(readers)('GraphQL list, by id and count (%s)', async (_role, who) => {
    const auth = who()
    const { draft, draftMarker, published, publishedCount } = fixtures[slug]!
    const list = await t.graphql(`{ ${gqlList}(limit: 100) { totalDocs docs { id isPublished } } }`, { auth })
    expect(JSON.stringify(list)).not.toContain(draftMarker)
    expect(list.data[gqlList].totalDocs).toBe(publishedCount)
    expect(list.data[gqlList].docs.map((doc: Json) => doc.id)).toContain(published.id)
    expect(list.data[gqlList].docs.every((doc: Json) => doc.isPublished === true)).toBe(true)

    const drafts = await t.graphql(`{ ${gqlList}(where: { isPublished: { equals: false } }) { docs { id } } }`, { auth })
    expect(drafts.data[gqlList].docs).toEqual([])

    const one = await t.graphql(`{ ${gqlOne}(id: "${draft.id}") { id isPublished } }`, { auth })
    expect(one.data?.[gqlOne] ?? null).toBeNull()
    expect(JSON.stringify(one)).not.toContain(draftMarker)

    const count = await t.graphql(`{ ${gqlCount} { totalDocs } }`, { auth })
    expect(count.data[gqlCount].totalDocs).toBe(publishedCount)
  })

  it('Local API with access control on, as a member', async () => {
    const { draft, publishedCount } = fixtures[slug]!
    const user = await t.payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })
    const collection = slug as CollectionSlug
    const found = await t.payload.find({ collection, overrideAccess: false, user })
    expect(found.totalDocs).toBe(publishedCount)
    expect((await t.payload.count({ collection, overrideAccess: false, user })).totalDocs).toBe(publishedCount)
    await expect(t.payload.findByID({ collection, id: draft.id, overrideAccess: false, user })).rejects.toThrow()
  })

  it('staff see drafts through the same paths', async () => {
    const { draft, draftMarker, publishedCount } = fixtures[slug]!
    const list = await json(await t.api('GET', `/${slug}?limit=100`, { auth: staff }))
    expect(list.docs.map((doc: Json) => doc.id)).toContain(draft.id)
    const one = await t.api('GET', `/${slug}/${draft.id}`, { auth: staff })
    expect(one.status).toBe(200)
    expect(await one.text()).toContain(draftMarker)
    expect((await json(await t.api('GET', `/${slug}/count`, { auth: staff }))).totalDocs).toBe(publishedCount + 2)
    const gql = await t.graphql(`{ ${gqlOne}(id: "${draft.id}") { id isPublished } }`, { auth: staff })
    expect(gql.data[gqlOne]).toEqual({ id: draft.id, isPublished: false })
    expect((await t.graphql(`{ ${gqlCount} { totalDocs } }`, { auth: staff })).data[gqlCount].totalDocs).toBe(publishedCount + 2)
  })
})
