/**
 * Community posts: members write posts and edit their own, never somebody
 * else's; only staff publish, and staff moderate every post. A post is
 * public only when published: drafts reach nobody but their author and
 * staff, through REST, GraphQL, counts and the Local API.
 */
import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { createPost, expectRefused, json, unique, userDoc, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let author: TestUser
let other: TestUser

let published: Json
let draft: Json
const DRAFT_MARKER = `SECRET-DRAFT-${Math.random().toString(36).slice(2, 8)}`

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  author = await t.makeUser('member')
  other = await t.makeUser('member')
  published = await createPost(t, author, { content: 'A public post', title: unique('Published') }, staff)
  draft = await createPost(t, author, { content: `Draft body ${DRAFT_MARKER}`, title: `Draft ${DRAFT_MARKER}` })
})
afterAll(async () => {
  await t?.close()
})

const readPost = (id: string) =>
  // overrideAccess: the test checks what was stored
  t.payload.findByID({ collection: 'community-posts', depth: 0, id, overrideAccess: true })

const creatorId = (doc: Json) => (doc.creator && typeof doc.creator === 'object' ? doc.creator.id : doc.creator)

describe('community posts: writing', () => {
  it('anonymous visitors cannot create a post', async () => {
    const before = (await t.payload.count({ collection: 'community-posts', overrideAccess: true })).totalDocs
    expectRefused(await t.api('POST', '/community-posts', { body: { title: unique('Anon') } }))
    const gql = await t.graphql(`mutation { createCommunityPost(data: { title: "anon", slug: "anon", contentType: MARKDOWN }) { id } }`)
    expect(gql.errors?.length).toBeGreaterThan(0)
    expect((await t.payload.count({ collection: 'community-posts', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('a member creates a post; it is theirs and unpublished whatever they send', async () => {
    const response = await t.api('POST', '/community-posts', {
      auth: author,
      body: { creator: other.id, isPublished: true, title: unique('Mine') },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    const stored = await readPost(doc.id)
    expect(stored.isPublished).toBe(false)
    expect(creatorId(stored)).toBe(author.id)
    expect(stored.slug).toBe(doc.slug)
  })

  it('isPublished is ignored for members through GraphQL and the Local API too', async () => {
    // GraphQL marks required fields non-null in its input type, so slug and contentType are sent
    const slug = unique('gql')
    const gql = await t.graphql(
      `mutation { createCommunityPost(data: { title: "${slug}", slug: "${slug}", contentType: MARKDOWN, isPublished: true }) { id isPublished } }`,
      { auth: author },
    )
    expect(gql.errors).toBeUndefined()
    expect((await readPost(gql.data.createCommunityPost.id)).isPublished).toBe(false)

    const local = await t.payload.create({
      collection: 'community-posts',
      data: { isPublished: true, title: unique('Local') } as never,
      overrideAccess: false,
      user: await userDoc(t, author),
    })
    expect((await readPost(local.id)).isPublished).toBe(false)
    expect(creatorId(await readPost(local.id))).toBe(author.id)
  })

  it('the author edits their own post but cannot publish it', async () => {
    const post = await createPost(t, author)
    const response = await t.api('PATCH', `/community-posts/${post.id}`, {
      auth: author,
      body: { content: 'Edited *text*', isPublished: true, title: 'Edited title' },
    })
    expect(response.status).toBe(200)
    const stored = await readPost(post.id)
    expect(stored).toMatchObject({ content: 'Edited *text*', isPublished: false, title: 'Edited title' })
    expect(stored.contentHtml).toContain('<em>text</em>')
    expect(stored.lastModifiedBy).toBe(author.id)

    const gql = await t.graphql(`mutation { updateCommunityPost(id: "${post.id}", data: { isPublished: true }) { id } }`, { auth: author })
    expect(gql.errors).toBeUndefined()
    expect((await readPost(post.id)).isPublished).toBe(false)
  })

  it("another member cannot edit or delete somebody else's post (draft or published)", async () => {
    for (const post of [draft, published]) {
      const before = JSON.stringify(await readPost(post.id))
      expectRefused(await t.api('PATCH', `/community-posts/${post.id}`, { auth: other, body: { title: 'Hijacked' } }))
      expectRefused(await t.api('DELETE', `/community-posts/${post.id}`, { auth: other }))
      const gql = await t.graphql(`mutation { updateCommunityPost(id: "${post.id}", data: { title: "Hijacked" }) { id } }`, { auth: other })
      expect(gql.errors?.length).toBeGreaterThan(0)
      const user = await userDoc(t, other)
      await expect(
        t.payload.update({ collection: 'community-posts', data: { title: 'Hijacked' }, id: post.id, overrideAccess: false, user }),
      ).rejects.toThrow()
      await expect(t.payload.delete({ collection: 'community-posts', id: post.id, overrideAccess: false, user })).rejects.toThrow()
      expect(JSON.stringify(await readPost(post.id))).toBe(before)
    }
    // a bulk update by query touches none of them either
    const bulk = await json(
      await t.api('PATCH', `/community-posts?where[id][in]=${draft.id},${published.id}`, { auth: other, body: { title: 'Hijacked' } }),
    )
    expect(bulk.docs ?? []).toEqual([])
    expect((await readPost(draft.id)).title).not.toBe('Hijacked')
  })

  it('staff publish, edit and delete any post', async () => {
    const post = await createPost(t, other, { title: unique('Moderated') })
    const publish = await t.api('PATCH', `/community-posts/${post.id}`, { auth: staff, body: { isPublished: true, title: 'Moderated title' } })
    expect(publish.status).toBe(200)
    const stored = await readPost(post.id)
    expect(stored).toMatchObject({ isPublished: true, title: 'Moderated title' })
    // the creator stays the member who wrote it; the modifier is staff
    expect(creatorId(stored)).toBe(other.id)
    expect(stored.lastModifiedBy).toBe(staff.id)
    expect(await (await t.api('GET', `/community-posts/${post.id}`)).status).toBe(200)

    const unpublish = await t.graphql(`mutation { updateCommunityPost(id: "${post.id}", data: { isPublished: false }) { isPublished } }`, {
      auth: staff,
    })
    expect(unpublish.data.updateCommunityPost.isPublished).toBe(false)

    expect((await t.api('DELETE', `/community-posts/${post.id}`, { auth: staff })).status).toBe(200)
    expect((await t.payload.count({ collection: 'community-posts', overrideAccess: true, where: { id: { equals: post.id } } })).totalDocs).toBe(0)
  })

  it('nor can the author unpublish: their edit keeps a published post published', async () => {
    const post = await createPost(t, author, {}, staff)
    await t.api('PATCH', `/community-posts/${post.id}`, { auth: author, body: { isPublished: false, title: 'Still public' } })
    expect(await readPost(post.id)).toMatchObject({ isPublished: true, title: 'Still public' })
  })
})

describe('community posts: drafts are seen by their author and staff only', () => {
  const readers = (): [string, Auth][] => [
    ['anonymous', undefined],
    ['another member', other],
  ]

  it.each(['anonymous', 'another member'])('REST list, filters, by id and count (%s)', async (role) => {
    const auth = readers().find(([name]) => name === role)![1]
    for (const query of ['', '?limit=0', '?pagination=false', '?depth=2', `?where[id][equals]=${draft.id}`, '?where[isPublished][equals]=false']) {
      const response = await t.api('GET', `/community-posts${query}`, { auth })
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(DRAFT_MARKER)
      const body = JSON.parse(text) as Json
      expect(body.docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
    }
    expect((await json(await t.api('GET', '/community-posts', { auth }))).docs.map((doc: Json) => doc.id)).toContain(published.id)

    const byId = await t.api('GET', `/community-posts/${draft.id}`, { auth })
    expectRefused(byId)
    expect(await byId.text()).not.toContain(DRAFT_MARKER)
    expect((await t.api('GET', `/community-posts/${published.id}`, { auth })).status).toBe(200)

    const publishedCount = (await t.payload.count({ collection: 'community-posts', overrideAccess: true, where: { isPublished: { equals: true } } }))
      .totalDocs
    expect((await json(await t.api('GET', '/community-posts/count', { auth }))).totalDocs).toBe(publishedCount)
    expect((await json(await t.api('GET', '/community-posts/count?where[isPublished][equals]=false', { auth }))).totalDocs).toBe(0)
  })

  it.each(['anonymous', 'another member'])('GraphQL list, by id and count (%s)', async (role) => {
    const auth = readers().find(([name]) => name === role)![1]
    const list = await t.graphql(`{ CommunityPosts(limit: 100) { totalDocs docs { id title isPublished content contentHtml } } }`, { auth })
    expect(JSON.stringify(list)).not.toContain(DRAFT_MARKER)
    expect(list.data.CommunityPosts.docs.every((doc: Json) => doc.isPublished === true)).toBe(true)
    expect(list.data.CommunityPosts.docs.map((doc: Json) => doc.id)).toContain(published.id)

    const drafts = await t.graphql(`{ CommunityPosts(where: { isPublished: { equals: false } }) { docs { id } } }`, { auth })
    expect(drafts.data.CommunityPosts.docs).toEqual([])

    const one = await t.graphql(`{ CommunityPost(id: "${draft.id}") { id title } }`, { auth })
    expect(one.data?.CommunityPost ?? null).toBeNull()
    expect(JSON.stringify(one)).not.toContain(DRAFT_MARKER)

    const count = await t.graphql(`{ countCommunityPosts { totalDocs } }`, { auth })
    expect(count.data.countCommunityPosts.totalDocs).toBe(list.data.CommunityPosts.totalDocs)
  })

  it('the Local API with access control on, as another member', async () => {
    const user = await userDoc(t, other)
    const found = await t.payload.find({ collection: 'community-posts', limit: 0, overrideAccess: false, pagination: false, user })
    expect(found.docs.map((doc) => doc.id)).not.toContain(draft.id)
    expect(found.docs.every((doc) => doc.isPublished === true)).toBe(true)
    const counted = await t.payload.count({ collection: 'community-posts', overrideAccess: false, user })
    expect(counted.totalDocs).toBe(found.docs.length)
    await expect(t.payload.findByID({ collection: 'community-posts', id: draft.id, overrideAccess: false, user })).rejects.toThrow()
    // and anonymously
    await expect(t.payload.findByID({ collection: 'community-posts', id: draft.id, overrideAccess: false })).rejects.toThrow()
  })

  it('the author sees their own draft in lists, by id and in GraphQL', async () => {
    const list = await json(await t.api('GET', '/community-posts?limit=100', { auth: author }))
    expect(list.docs.map((doc: Json) => doc.id)).toEqual(expect.arrayContaining([draft.id, published.id]))
    const one = await t.api('GET', `/community-posts/${draft.id}`, { auth: author })
    expect(one.status).toBe(200)
    expect(await one.text()).toContain(DRAFT_MARKER)
    const gql = await t.graphql(`{ CommunityPost(id: "${draft.id}") { id isPublished } }`, { auth: author })
    expect(gql.data.CommunityPost).toEqual({ id: draft.id, isPublished: false })
    const local = await t.payload.findByID({ collection: 'community-posts', id: draft.id, overrideAccess: false, user: await userDoc(t, author) })
    expect(local.id).toBe(draft.id)
  })

  it('staff see every draft', async () => {
    const all = (await t.payload.count({ collection: 'community-posts', overrideAccess: true })).totalDocs
    expect((await json(await t.api('GET', '/community-posts/count', { auth: staff }))).totalDocs).toBe(all)
    expect((await t.api('GET', `/community-posts/${draft.id}`, { auth: staff })).status).toBe(200)
    const gql = await t.graphql(`{ countCommunityPosts { totalDocs } }`, { auth: staff })
    expect(gql.data.countCommunityPosts.totalDocs).toBe(all)
  })
})
