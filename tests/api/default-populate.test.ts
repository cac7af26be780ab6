/**
 * Related documents come as a summary (`defaultPopulate` on every
 * collection): a file's release is its name, slug and url, not its content;
 * a job's poster is a public display summary, never account fields. Exact key
 * sets, for anonymous readers at depth, through REST; GraphQL answers what a
 * query names, and a user's account fields stay null for others.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { json, unique, type Json } from '../helpers/assertions'
import type { TestContext, TestUser } from '../helpers/harness'
import { startTestPayload } from '../helpers/harness'
import { seedFile, seedOS } from '../downloads/fixtures'
import { createJob, setStatus } from '../jobs/fixtures'
import { createPost, uploadPhoto } from '../community/fixtures'
import { createCategory, submitStory } from '../success-stories/fixtures'
import { png } from '../community/fixtures'

let t: TestContext
let actors: Actors
const ids: Record<string, string> = {}

const USER = ['collection', 'firstName', 'id', 'lastName', 'username']
const OS = ['id', 'name', 'slug']
const RELEASE = [
  'id',
  'isLatest',
  'isPublished',
  'name',
  'preRelease',
  'releaseDate',
  'slug',
  'status',
  'url',
  'version',
  'versionNumber',
]
const FILE = [
  'description',
  'downloadButton',
  'filesize',
  'gpgSignatureFile',
  'id',
  'isSource',
  'md5Sum',
  'name',
  'os',
  'sbomSpdx2File',
  'sha256Sum',
  'sigstoreBundleFile',
  'sigstoreCertFile',
  'sigstoreSignatureFile',
  'slug',
  'url',
]
const PAGE = ['id', 'isPublished', 'path', 'title']
const IMAGE = ['alt', 'caption', 'filename', 'filesize', 'height', 'id', 'mimeType', 'sizes', 'url', 'width']
const PHOTO = [
  'caption',
  'clickThroughUrl',
  'filename',
  'filesize',
  'height',
  'id',
  'mimeType',
  'sizes',
  'url',
  'width',
]
const JOB = ['companyName', 'id', 'jobTitle', 'slug']
const COMMENT = ['comment', 'createdAt', 'creator', 'id']
const POST = ['id', 'isPublished', 'slug', 'title']
const STORY = ['companyName', 'companyUrl', 'id', 'image', 'isPublished', 'name', 'slug']
const CATEGORY = ['id', 'name', 'slug']

/** What a user's record must never show to others, anywhere in an answer. */
const ACCOUNT_FIELDS = [
  'email',
  'sessions',
  'enableAPIKey',
  'apiKey',
  'isStaff',
  'isSuperuser',
  'isActive',
  'hash',
  'salt',
]

const keys = (doc: unknown) => Object.keys(doc as Json).sort()

const get = async (path: string, auth?: TestUser) => {
  const response = await t.api('GET', path, { auth })
  const body = await json(response)
  expect(response.status).toBe(200)
  return body
}

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  const { owner, staff } = actors

  // a job posted by `owner`, approved, with a review comment by staff
  const job = await createJob(t, owner)
  await setStatus(t, String(job.id), 'APPROVED')
  ids.job = String(job.id)
  const comment = await t.api('POST', '/job-review-comments', {
    auth: staff,
    body: { comment: 'Looks good', job: job.id },
  })
  expect(comment.status).toBe(201)

  // a release (written by staff, so it has a creator) with a release page and files
  const page = await json(
    await t.api('POST', '/pages', {
      auth: staff,
      body: { isPublished: true, path: unique('release-page'), title: 'Notes' },
    }),
  )
  ids.page = page.doc.id
  const release = await json(
    await t.api('POST', '/releases', {
      auth: staff,
      body: {
        content: 'Long notes',
        isPublished: true,
        name: 'Python 3.13.1',
        releasePage: page.doc.id,
        slug: unique('r'),
      },
    }),
  )
  ids.release = release.doc.id
  const os = await seedOS(t)
  for (const name of ['Windows installer', 'Gzipped source tarball']) await seedFile(t, release.doc, os, { name })

  // a published community post by `owner` with a photo, a video and a link
  const post = await createPost(t, owner, {}, staff)
  ids.post = String(post.id)
  await uploadPhoto(t, owner, ids.post, { caption: 'Sprint' })
  await t.api('POST', '/community-videos', {
    auth: owner,
    body: { post: ids.post, videoUrl: 'https://video.example.org/1' },
  })
  await t.api('POST', '/community-links', { auth: owner, body: { post: ids.post, url: 'https://example.org/' } })

  // a published success story in a category
  const category = await createCategory(t, staff)
  ids.category = String(category.id)
  const story = await submitStory(t, owner, ids.category)
  await t.api('PATCH', `/success-stories/${story.id}`, { auth: staff, body: { isPublished: true } })

  // a page with an image attached, also its SEO image
  const image = await png(1200, 630)
  const upload = await t.payload.create({
    collection: 'page-images',
    data: { alt: 'Card', page: ids.page } as never,
    file: { data: image, mimetype: 'image/png', name: `${unique('card')}.png`, size: image.length },
    overrideAccess: true,
  })
  await t.api('PATCH', `/pages/${ids.page}`, { auth: staff, body: { meta: { image: upload.id } } })
})
afterAll(async () => {
  await t?.close()
})

describe('every collection populates as a summary', () => {
  it('each collection of the project sets defaultPopulate; a user is a display name only', () => {
    const ours = t.config.collections.filter((collection) => !collection.slug.startsWith('payload-'))
    expect(ours.length).toBeGreaterThan(25)
    for (const collection of ours) {
      expect([collection.slug, Object.keys(collection.defaultPopulate ?? {}).length > 0]).toEqual([
        collection.slug,
        true,
      ])
    }
    const users = t.config.collections.find((collection) => collection.slug === 'users')!
    expect(Object.keys(users.defaultPopulate!).sort()).toEqual(['firstName', 'lastName', 'username'])
  })
})

describe('REST, anonymous and members, at depth', () => {
  it("a job's poster is a display summary, never account fields (depth 1 and 2)", async () => {
    for (const auth of [undefined, actors.member]) {
      for (const depth of [1, 2]) {
        const body = await get(`/jobs?depth=${depth}&where[id][equals]=${ids.job}`, auth)
        expect(body.docs).toHaveLength(1)
        expect(keys(body.docs[0].creator)).toEqual(USER)
        expect(body.docs[0].creator.username).toBe(actors.owner.username)
        const text = JSON.stringify(body.docs[0].creator)
        for (const field of ACCOUNT_FIELDS) expect(text).not.toContain(`"${field}"`)
      }
    }
  })

  it('populate[...] may ask for more, but never past field access', async () => {
    const asked = `/jobs?depth=1&where[id][equals]=${ids.job}&populate[users][username]=true&populate[users][email]=true`
    expect(keys((await get(asked)).docs[0].creator)).toEqual(['collection', 'id', 'username'])
    expect((await get(asked, actors.staff)).docs[0].creator.email).toBe(actors.owner.email)
  })

  it("a file's release and OS are summaries (not the release's content or files)", async () => {
    const body = await get('/release-files?limit=100&depth=1')
    expect(body.docs).toHaveLength(2)
    for (const file of body.docs) {
      expect(keys(file.release)).toEqual(RELEASE)
      expect(keys(file.os)).toEqual(OS)
    }
    expect(JSON.stringify(body)).not.toContain('Long notes')
  })

  it("a release's files, release page and creator are summaries", async () => {
    const shallow = await get(`/releases/${ids.release}?depth=1`)
    expect(shallow.files.docs.map(keys)).toEqual([FILE, FILE])
    expect(keys(shallow.releasePage)).toEqual(PAGE)
    expect(keys(shallow.creator)).toEqual(USER)
    const deep = await get(`/releases/${ids.release}?depth=2`)
    for (const file of deep.files.docs) expect(keys(file.os)).toEqual(OS)
    expect(keys(deep.releasePage)).toEqual(PAGE)
  })

  it("a job's review comments (owner) and a comment's job are summaries", async () => {
    const job = await get(`/jobs/${ids.job}?depth=1`, actors.owner)
    expect(job.reviewComments.docs.map(keys)).toEqual([COMMENT])
    const comments = await get('/job-review-comments?depth=1', actors.owner)
    expect(keys(comments.docs[0].job)).toEqual(JOB)
    expect(keys(comments.docs[0].creator)).toEqual(USER)
  })

  it("a post's photos, videos and links, and an attachment's post, are summaries", async () => {
    const post = await get(`/community-posts/${ids.post}?depth=1`)
    expect(post.photos.docs.map(keys)).toEqual([PHOTO])
    expect(post.videos.docs.map(keys)).toEqual([['caption', 'clickThroughUrl', 'id', 'videoUrl']])
    expect(post.links.docs.map(keys)).toEqual([['caption', 'id', 'url']])
    expect(keys(post.creator)).toEqual(USER)
    const photos = await get(`/community-photos?depth=1&where[post][equals]=${ids.post}`)
    expect(keys(photos.docs[0].post)).toEqual(POST)
  })

  it("a category's stories and a story's category are summaries", async () => {
    const category = await get(`/story-categories/${ids.category}?depth=1`)
    expect(category.stories.docs.map(keys)).toEqual([STORY])
    const stories = await get(`/success-stories?depth=1&where[category][equals]=${ids.category}`)
    expect(keys(stories.docs[0].category)).toEqual(CATEGORY)
  })

  it("a page's images and SEO image are summaries", async () => {
    const page = await get(`/pages/${ids.page}?depth=1`)
    expect(page.images.docs.map(keys)).toEqual([IMAGE])
    expect(keys(page.meta.image)).toEqual(IMAGE)
    expect(page.meta.image.url).toMatch(/card/)
  })
})

describe('GraphQL', () => {
  const creatorQuery = `{ Jobs { docs { id creator {
    id username email enableAPIKey apiKey isStaff isSuperuser isActive emailVerified oauthProvider oauthId sessions { id }
  } } } }`

  it("a poster's account fields are null for anonymous readers and members", async () => {
    for (const [auth, email] of [
      [undefined, null],
      // the email follows the poster's emailPrivacy (PRIVATE by default: logged-in users see it)
      [actors.member, actors.owner.email],
    ] as const) {
      const result = await t.graphql(creatorQuery, { auth })
      expect(result.errors).toBeUndefined()
      const job = result.data.Jobs.docs.find((doc: Json) => doc.id === ids.job)
      expect(job.creator).toEqual({
        apiKey: null,
        email,
        emailVerified: null,
        enableAPIKey: null,
        id: actors.owner.id,
        isActive: null,
        isStaff: null,
        isSuperuser: null,
        oauthId: null,
        oauthProvider: null,
        // the owner has a session (they logged in): none of it shows
        sessions: [],
        username: actors.owner.username,
      })
    }
  })

  it('the user and staff do see them (the nulls above are access, not missing data)', async () => {
    for (const auth of [actors.owner, actors.staff]) {
      const job = (await t.graphql(creatorQuery, { auth })).data.Jobs.docs.find((doc: Json) => doc.id === ids.job)
      expect(job.creator).toMatchObject({
        email: actors.owner.email,
        enableAPIKey: null,
        isActive: true,
        isStaff: false,
      })
    }
  })

  it('related documents answer exactly the fields a query names', async () => {
    const result = await t.graphql('{ ReleaseFiles { docs { release { name slug url } os { name slug } } } }')
    expect(result.errors).toBeUndefined()
    for (const file of result.data.ReleaseFiles.docs) {
      expect(keys(file.release)).toEqual(['name', 'slug', 'url'])
      expect(file.release.url).toMatch(/^\/downloads\/release\//)
      expect(keys(file.os)).toEqual(['name', 'slug'])
    }
  })
})

describe("a user's own record", () => {
  it('enableAPIKey is shown to the user and staff only', async () => {
    const anonymous = await get(`/users/${actors.owner.id}`)
    expect(anonymous).not.toHaveProperty('enableAPIKey')
    // Payload answers an array field it may not show as empty: the owner's session stays hidden
    expect(anonymous.sessions ?? []).toEqual([])
    for (const auth of [actors.owner, actors.staff]) {
      const own = await get(`/users/${actors.owner.id}`, auth)
      expect(own).toHaveProperty('enableAPIKey')
    }
  })
})
