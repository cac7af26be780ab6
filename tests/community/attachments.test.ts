/**
 * A post's photos, videos and links. Only the post's author or staff attach
 * them (and move them, edit them, delete them); they are readable exactly
 * when the post is: published, or the reader is its author, or staff.
 * Photos are real uploads resized with sharp into the data folder; video
 * and link URLs must be http(s).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug } from 'payload'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { uploadThroughRest } from '../helpers/upload'
import {
  createPost,
  expectClientError,
  expectRefused,
  expectUnchanged,
  json,
  png,
  unique,
  uploadPhoto,
  userDoc,
  type Json,
} from './fixtures'

let t: TestContext
let dataDir: string
let staff: TestUser
let author: TestUser
let other: TestUser

let publishedPost: Json
let draftPost: Json
let otherPost: Json
const DRAFT_MARKER = `SECRET-ATTACHMENT-${Math.random().toString(36).slice(2, 8)}`

type Attachments = { link: Json; photo: Json; video: Json }
let onDraft: Attachments
let onPublished: Attachments

const ATTACHMENTS = [
  { gqlCount: 'countCommunityPhotos', gqlList: 'CommunityPhotos', gqlOne: 'CommunityPhoto', key: 'photo', slug: 'community-photos' },
  { gqlCount: 'countCommunityVideos', gqlList: 'CommunityVideos', gqlOne: 'CommunityVideo', key: 'video', slug: 'community-videos' },
  { gqlCount: 'countCommunityLinks', gqlList: 'CommunityLinks', gqlOne: 'CommunityLink', key: 'link', slug: 'community-links' },
] as const

const addVideo = async (auth: TestUser, post: string, data: Json = {}) => {
  const response = await t.api('POST', '/community-videos', {
    auth,
    body: { caption: 'A talk', post, videoUrl: 'https://www.youtube.com/watch?v=abc', ...data },
  })
  if (response.status !== 201) throw new Error(`adding a video failed: ${response.status} ${await response.text()}`)
  return (await json(response)).doc as Json
}

const addLink = async (auth: TestUser, post: string, data: Json = {}) => {
  const response = await t.api('POST', '/community-links', { auth, body: { caption: 'Docs', post, url: 'https://docs.python.org/', ...data } })
  if (response.status !== 201) throw new Error(`adding a link failed: ${response.status} ${await response.text()}`)
  return (await json(response)).doc as Json
}

const attachAll = async (user: TestUser, post: string, caption: string): Promise<Attachments> => ({
  link: await addLink(user, post, { caption }),
  photo: (await uploadPhoto(t, user, post, { caption })) as unknown as Json,
  video: await addVideo(user, post, { caption }),
})

const countRows = async (collection: CollectionSlug, post?: string) =>
  (await t.payload.count({ collection, overrideAccess: true, where: post ? { post: { equals: post } } : undefined })).totalDocs

const postOf = (doc: Json) => (doc.post && typeof doc.post === 'object' ? doc.post.id : doc.post)

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-community-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  author = await t.makeUser('member')
  other = await t.makeUser('member')
  publishedPost = await createPost(t, author, { title: unique('Published') }, staff)
  draftPost = await createPost(t, author, { content: `Draft ${DRAFT_MARKER}`, title: `Draft ${DRAFT_MARKER}` })
  otherPost = await createPost(t, other, { title: unique('Other') })
  onDraft = await attachAll(author, draftPost.id, `caption ${DRAFT_MARKER}`)
  onPublished = await attachAll(author, publishedPost.id, 'public caption')
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

describe('community photos are uploads', () => {
  it("the author's photo is stored in the data folder and resized with sharp", async () => {
    const photo = onPublished.photo
    expect(photo.mimeType).toBe('image/png')
    expect(photo.width).toBe(400)
    expect(photo.height).toBe(300)
    expect(photo.sizes.thumbnail).toMatchObject({ height: 300, mimeType: 'image/png', width: 300 })
    const dir = path.join(dataDir, 'uploads', 'community-photos')
    expect(fs.existsSync(path.join(dir, photo.filename))).toBe(true)
    expect(fs.existsSync(path.join(dir, photo.sizes.thumbnail.filename))).toBe(true)
    expect(postOf(photo)).toBe(publishedPost.id)
  })

  it('a member uploads through REST multipart to their own post, not to somebody else’s', async () => {
    const file = { data: await png(), mimetype: 'image/png', name: 'rest.png' }
    const ok = await uploadThroughRest(t, 'community-photos', { auth: author, data: { post: publishedPost.id }, file })
    expect(ok.status).toBe(201)
    await expectUnchanged(t, ['community-photos'], async () => {
      expectRefused(await uploadThroughRest(t, 'community-photos', { auth: other, data: { post: publishedPost.id }, file }))
      expectRefused(await uploadThroughRest(t, 'community-photos', { data: { post: publishedPost.id }, file }))
    })
  })
})

describe('attaching: the post’s author or staff only', () => {
  it('another member cannot attach a photo, video or link to somebody else’s post', async () => {
    await expectUnchanged(t, ['community-photos', 'community-videos', 'community-links'], async () => {
      for (const post of [publishedPost.id, draftPost.id]) {
        await expect(uploadPhoto(t, other, post)).rejects.toThrow()
        expectRefused(await t.api('POST', '/community-videos', { auth: other, body: { post, videoUrl: 'https://example.org/v' } }))
        expectRefused(await t.api('POST', '/community-links', { auth: other, body: { post, url: 'https://example.org/' } }))
        const gql = await t.graphql(`mutation { createCommunityLink(data: { post: "${post}", url: "https://example.org/" }) { id } }`, {
          auth: other,
        })
        expect(gql.errors?.length).toBeGreaterThan(0)
      }
      // anonymous: nothing
      expectRefused(await t.api('POST', '/community-links', { body: { post: publishedPost.id, url: 'https://example.org/' } }))
      // an unknown post is nobody's post
      expectRefused(
        await t.api('POST', '/community-links', { auth: other, body: { post: '00000000-0000-4000-8000-000000000000', url: 'https://example.org/' } }),
      )
    })
  })

  it('an unknown or malformed post is a client error naming post, for staff too', async () => {
    await expectUnchanged(t, ['community-videos', 'community-links'], async () => {
      for (const auth of [staff, author]) {
        for (const post of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', 42]) {
          const response = await t.api('POST', '/community-links', { auth, body: { post, url: 'https://example.org/' } })
          if (auth === staff) await expectClientError(response, 'post')
          else expect([400, 403, 404]).toContain(response.status)
        }
      }
      await expectClientError(await t.api('POST', '/community-videos', { auth: staff, body: { videoUrl: 'https://example.org/v' } }), 'post')
      await expectClientError(await t.api('PATCH', `/community-links/${onPublished.link.id}`, { auth: staff, body: { post: null } }), 'post')
    })
  })

  it('staff attach to any post', async () => {
    const video = await addVideo(staff, otherPost.id)
    const link = await addLink(staff, otherPost.id)
    const photo = await uploadPhoto(t, staff, otherPost.id)
    for (const doc of [video, link, photo as unknown as Json]) expect(postOf(doc)).toBe(otherPost.id)
  })

  it('an attachment cannot be moved onto somebody else’s post', async () => {
    const link = await addLink(author, publishedPost.id)
    const video = await addVideo(author, publishedPost.id)
    const photo = await uploadPhoto(t, author, publishedPost.id)
    await expectUnchanged(t, ['community-photos', 'community-videos', 'community-links'], async () => {
      expectRefused(await t.api('PATCH', `/community-links/${link.id}`, { auth: author, body: { post: otherPost.id } }))
      expectRefused(await t.api('PATCH', `/community-videos/${video.id}`, { auth: author, body: { post: otherPost.id } }))
      await expect(
        t.payload.update({
          collection: 'community-photos',
          data: { post: otherPost.id },
          id: photo.id,
          overrideAccess: false,
          user: await userDoc(t, author),
        }),
      ).rejects.toThrow()
      const gql = await t.graphql(`mutation { updateCommunityLink(id: "${link.id}", data: { post: "${otherPost.id}" }) { id } }`, {
        auth: author,
      })
      expect(gql.errors?.length).toBeGreaterThan(0)
    })
    // between the author's own posts, and by staff, it may move
    const own = await t.api('PATCH', `/community-links/${link.id}`, { auth: author, body: { post: draftPost.id } })
    expect(own.status).toBe(200)
    const moved = await t.api('PATCH', `/community-links/${link.id}`, { auth: staff, body: { post: otherPost.id } })
    expect(moved.status).toBe(200)
    expect(postOf((await json(moved)).doc)).toBe(otherPost.id)
  })

  it('another member cannot edit or delete the author’s attachments; the author and staff can', async () => {
    const link = await addLink(author, publishedPost.id)
    await expectUnchanged(t, ['community-photos', 'community-videos', 'community-links'], async () => {
      for (const { key, slug } of ATTACHMENTS) {
        const doc = onPublished[key]
        expectRefused(await t.api('PATCH', `/${slug}/${doc.id}`, { auth: other, body: { caption: 'defaced' } }))
        expectRefused(await t.api('DELETE', `/${slug}/${doc.id}`, { auth: other }))
        expectRefused(await t.api('DELETE', `/${slug}/${doc.id}`))
      }
    })
    expect((await t.api('PATCH', `/community-links/${link.id}`, { auth: author, body: { caption: 'better' } })).status).toBe(200)
    expect((await t.api('PATCH', `/community-links/${link.id}`, { auth: staff, body: { caption: 'moderated' } })).status).toBe(200)
    expect((await t.api('DELETE', `/community-links/${link.id}`, { auth: author })).status).toBe(200)
    expect(await countRows('community-links', publishedPost.id)).toBeGreaterThan(0)
    expect((await t.payload.count({ collection: 'community-links', overrideAccess: true, where: { id: { equals: link.id } } })).totalDocs).toBe(0)
  })
})

describe('video and link URLs are http(s) only', () => {
  it('javascript: and other schemes are a 400 naming the field; nothing is written', async () => {
    await expectUnchanged(t, ['community-videos', 'community-links', 'community-photos'], async () => {
      for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url', 'ftp://example.org/x']) {
        await expectClientError(
          await t.api('POST', '/community-videos', { auth: author, body: { post: publishedPost.id, videoUrl: bad } }),
          'videoUrl',
        )
        await expectClientError(
          await t.api('POST', '/community-videos', {
            auth: author,
            body: { clickThroughUrl: bad, post: publishedPost.id, videoUrl: 'https://example.org/v' },
          }),
          'clickThroughUrl',
        )
        await expectClientError(await t.api('POST', '/community-links', { auth: author, body: { post: publishedPost.id, url: bad } }), 'url')
        await expectClientError(
          await t.api('PATCH', `/community-videos/${onPublished.video.id}`, { auth: author, body: { videoUrl: bad } }),
          'videoUrl',
        )
        await expectClientError(await t.api('PATCH', `/community-links/${onPublished.link.id}`, { auth: staff, body: { url: bad } }), 'url')
        await expectClientError(
          await t.api('PATCH', `/community-photos/${onPublished.photo.id}`, { auth: author, body: { clickThroughUrl: bad } }),
          'clickThroughUrl',
        )
      }
      await expect(uploadPhoto(t, author, publishedPost.id, { clickThroughUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
        data: { errors: [expect.objectContaining({ path: 'clickThroughUrl' })] },
      })
    })
  })

  it('an http(s) URL is accepted', async () => {
    const video = await addVideo(author, publishedPost.id, { clickThroughUrl: 'http://example.org/more', videoUrl: 'http://vimeo.com/1' })
    expect(video).toMatchObject({ clickThroughUrl: 'http://example.org/more', videoUrl: 'http://vimeo.com/1' })
  })
})

describe('attachments are readable exactly when their post is', () => {
  const readers = (): [string, Auth][] => [
    ['anonymous', undefined],
    ['another member', other],
  ]

  describe.each(ATTACHMENTS)('$slug', ({ gqlCount, gqlList, gqlOne, key, slug }) => {
    it.each(['anonymous', 'another member'])('a draft post’s attachments are hidden from %s readers', async (role) => {
      const auth = readers().find(([name]) => name === role)![1]
      const hidden = onDraft[key]
      for (const query of ['', '?depth=0', '?depth=2', `?where[post][equals]=${draftPost.id}`, '?pagination=false']) {
        const response = await t.api('GET', `/${slug}${query}`, { auth })
        expect(response.status).toBe(200)
        const text = await response.text()
        expect(text).not.toContain(DRAFT_MARKER)
        const ids = (JSON.parse(text) as Json).docs.map((doc: Json) => doc.id)
        expect(ids).not.toContain(hidden.id)
        if (!query.includes('where')) expect(ids).toContain(onPublished[key].id)
      }
      const one = await t.api('GET', `/${slug}/${hidden.id}?depth=1`, { auth })
      expectRefused(one)
      expect(await one.text()).not.toContain(DRAFT_MARKER)
      expect((await t.api('GET', `/${slug}/${onPublished[key].id}`, { auth })).status).toBe(200)

      const readable = (await json(await t.api('GET', `/${slug}?limit=0&pagination=false`, { auth }))).docs.length
      expect((await json(await t.api('GET', `/${slug}/count`, { auth }))).totalDocs).toBe(readable)
      expect(readable).toBeLessThan(await countRows(slug))

      const gql = await t.graphql(`{ ${gqlList}(limit: 100) { docs { id post { id title } } } ${gqlCount} { totalDocs } }`, { auth })
      expect(JSON.stringify(gql)).not.toContain(DRAFT_MARKER)
      expect(gql.data[gqlList].docs.map((doc: Json) => doc.id)).not.toContain(hidden.id)
      expect(gql.data[gqlCount].totalDocs).toBe(readable)
      const gqlOneResult = await t.graphql(`{ ${gqlOne}(id: "${hidden.id}") { id caption } }`, { auth })
      expect(gqlOneResult.data?.[gqlOne] ?? null).toBeNull()

      const user = auth ? await userDoc(t, other) : undefined
      await expect(t.payload.findByID({ collection: slug, id: hidden.id, overrideAccess: false, user })).rejects.toThrow()
      const local = await t.payload.find({ collection: slug, limit: 0, overrideAccess: false, pagination: false, user })
      expect(local.docs.map((doc) => doc.id)).not.toContain(hidden.id)
    })

    it('the post’s author and staff see the draft’s attachments, with the post populated', async () => {
      for (const auth of [author, staff]) {
        const one = await json(await t.api('GET', `/${slug}/${onDraft[key].id}?depth=1`, { auth }))
        expect(one.id).toBe(onDraft[key].id)
        expect(one.post).toMatchObject({ id: draftPost.id, isPublished: false })
      }
      const local = await t.payload.findByID({ collection: slug, depth: 1, id: onDraft[key].id, overrideAccess: false, user: await userDoc(t, author) })
      expect((local as Json).post.id).toBe(draftPost.id)
    })
  })

  it('a published post shows its attachments at depth to anyone; a draft shows them to nobody else', async () => {
    for (const auth of [undefined, other]) {
      const post = await json(await t.api('GET', `/community-posts/${publishedPost.id}?depth=1`, { auth }))
      expect(post.photos.docs.map((doc: Json) => doc.id)).toContain(onPublished.photo.id)
      expect(post.videos.docs.map((doc: Json) => doc.id)).toContain(onPublished.video.id)
      expect(post.links.docs.map((doc: Json) => doc.id)).toContain(onPublished.link.id)
      const link = post.links.docs.find((doc: Json) => doc.id === onPublished.link.id)
      expect(link.url).toBe('https://docs.python.org/')

    }
    // every photo an anonymous reader gets is on a published post, populated as such
    const photos = await json(await t.api('GET', '/community-photos?depth=2&limit=100'))
    expect(photos.docs.length).toBeGreaterThan(0)
    for (const photo of photos.docs) expect(photo.post.isPublished).toBe(true)
    // another member also gets their own draft's photos (staff added one to it), and no other draft's
    const theirs = await json(await t.api('GET', '/community-photos?depth=1&limit=100', { auth: other }))
    for (const photo of theirs.docs) expect(photo.post.isPublished === true || photo.post.id === otherPost.id).toBe(true)
    expect(JSON.stringify(theirs)).not.toContain(DRAFT_MARKER)
    const mine = await json(await t.api('GET', `/community-posts/${draftPost.id}?depth=1`, { auth: author }))
    expect(mine.links.docs.map((doc: Json) => doc.id)).toContain(onDraft.link.id)
  })

  it('unpublishing a post hides its attachments again; publishing shows them', async () => {
    const post = await createPost(t, author, {}, staff)
    const link = await addLink(author, post.id, { caption: 'flip' })
    expect((await t.api('GET', `/community-links/${link.id}`)).status).toBe(200)
    await t.api('PATCH', `/community-posts/${post.id}`, { auth: staff, body: { isPublished: false } })
    expectRefused(await t.api('GET', `/community-links/${link.id}`))
    expectRefused(await t.api('GET', `/community-links/${link.id}`, { auth: other }))
    expect((await t.api('GET', `/community-links/${link.id}`, { auth: author })).status).toBe(200)
    await t.api('PATCH', `/community-posts/${post.id}`, { auth: staff, body: { isPublished: true } })
    expect((await t.api('GET', `/community-links/${link.id}`, { auth: other })).status).toBe(200)
  })
})

describe('deleting a post', () => {
  it('takes its photos (with their files), videos and links with it', async () => {
    const post = await createPost(t, author)
    const photo = await uploadPhoto(t, author, post.id)
    await addVideo(author, post.id)
    await addLink(author, post.id)
    const dir = path.join(dataDir, 'uploads', 'community-photos')
    expect(fs.existsSync(path.join(dir, photo.filename!))).toBe(true)

    expect((await t.api('DELETE', `/community-posts/${post.id}`, { auth: staff })).status).toBe(200)
    for (const { slug } of ATTACHMENTS) expect(await countRows(slug, post.id)).toBe(0)
    // no orphans with an emptied post either
    for (const { slug } of ATTACHMENTS) {
      expect((await t.payload.count({ collection: slug, overrideAccess: true, where: { post: { exists: false } } })).totalDocs).toBe(0)
    }
    expect(fs.existsSync(path.join(dir, photo.filename!))).toBe(false)
  })
})
