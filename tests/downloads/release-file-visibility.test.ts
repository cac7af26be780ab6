/**
 * Files of an unpublished release are as invisible as the release to
 * anonymous callers and members: in lists, by id, in counts, over GraphQL
 * and when populated through the release (the `files` join) or at depth.
 * Once the release is published, they show everywhere; staff always see them.
 */
import type { DownloadO, Release, ReleaseFile } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedFile, seedOS, seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let os: DownloadO
let published: Release
let draft: Release
let publicFile: ReleaseFile
let draftFiles: ReleaseFile[]

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  os = await seedOS(t)
  published = await seedRelease(t, { name: 'Python 3.13.3', slug: unique('pub') })
  draft = await seedRelease(t, { isPublished: false, name: 'Python 3.13.4', slug: unique('draft') })
  publicFile = await seedFile(t, published, os, { name: 'public-file' })
  draftFiles = [await seedFile(t, draft, os, { name: 'draft-file-1' }), await seedFile(t, draft, os, { name: 'draft-file-2' })]
})
afterAll(async () => {
  await t?.close()
})

const readers = () => [
  ['anonymous', undefined],
  ['member', member],
] as const

const listIds = async (auth?: TestUser) => {
  const response = await t.api('GET', '/release-files?depth=0&limit=100', { auth })
  expect(response.status).toBe(200)
  return (await json(response)).docs.map((doc: { id: string }) => doc.id) as string[]
}

describe('files of an unpublished release', () => {
  it.each(readers())('are not in the list for %s', async (_, auth) => {
    const ids = await listIds(auth)
    expect(ids).toContain(publicFile.id)
    for (const file of draftFiles) expect(ids).not.toContain(file.id)
  })

  it.each(readers())('are a 404 by id for %s', async (_, auth) => {
    expect((await t.api('GET', `/release-files/${publicFile.id}`, { auth })).status).toBe(200)
    for (const file of draftFiles) expect((await t.api('GET', `/release-files/${file.id}`, { auth })).status).toBe(404)
  })

  it.each(readers())('are not counted for %s', async (_, auth) => {
    const response = await t.api('GET', `/release-files/count?where[release][equals]=${draft.id}`, { auth })
    expect(response.status).toBe(200)
    expect((await json(response)).totalDocs).toBe(0)
    const all = await json(await t.api('GET', '/release-files/count', { auth }))
    expect(all.totalDocs).toBe(1)
  })

  it.each(readers())('are not found by a where on the release for %s', async (_, auth) => {
    const response = await t.api('GET', `/release-files?where[release.slug][equals]=${draft.slug}`, { auth })
    expect((await json(response)).totalDocs).toBe(0)
  })

  it.each(readers())('are invisible over GraphQL for %s', async (_, auth) => {
    const list = await t.graphql(`{ ReleaseFiles(limit: 100) { totalDocs docs { id } } }`, { auth })
    expect(list.errors).toBeUndefined()
    expect(list.data.ReleaseFiles.docs.map((doc: { id: string }) => doc.id)).toEqual([publicFile.id])
    expect(list.data.ReleaseFiles.totalDocs).toBe(1)
    const single = await t.graphql(`query ($id: String!) { ReleaseFile(id: $id) { id url } }`, {
      auth,
      variables: { id: draftFiles[0]!.id },
    })
    expect(single.data?.ReleaseFile ?? null).toBeNull()
    expect(JSON.stringify(single)).not.toContain(draftFiles[0]!.url)
  })

  it.each(readers())('are not reachable through the release (join, depth, GraphQL) for %s', async (_, auth) => {
    // the unpublished release itself is hidden, so its files cannot ride along
    expect((await t.api('GET', `/releases/${draft.id}?depth=2`, { auth })).status).toBe(404)
    const list = await json(await t.api('GET', '/releases?depth=2&limit=100', { auth }))
    expect(JSON.stringify(list)).not.toContain(draftFiles[0]!.url)
    const gql = await t.graphql(`{ Releases(limit: 100) { docs { id files { docs { id url } } } } }`, { auth })
    expect(gql.errors).toBeUndefined()
    expect(JSON.stringify(gql.data)).not.toContain(draftFiles[0]!.id)

    // the published release's join lists its file, populated
    const release = await json(await t.api('GET', `/releases/${published.id}?depth=1`, { auth }))
    expect(release.files.docs.map((doc: { id: string; url: string }) => [doc.id, doc.url])).toEqual([[publicFile.id, publicFile.url]])
  })

  it('are visible to staff everywhere', async () => {
    const ids = await listIds(staff)
    for (const file of draftFiles) expect(ids).toContain(file.id)
    expect((await t.api('GET', `/release-files/${draftFiles[0]!.id}`, { auth: staff })).status).toBe(200)
    const release = await json(await t.api('GET', `/releases/${draft.id}?depth=1`, { auth: staff }))
    expect(release.files.docs.map((doc: { id: string }) => doc.id).sort()).toEqual(draftFiles.map((file) => file.id).sort())
  })

  it('the Local API with access control hides them from a member too', async () => {
    const user = await t.payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })
    const found = await t.payload.find({ collection: 'release-files', overrideAccess: false, user, where: { release: { equals: draft.id } } })
    expect(found.totalDocs).toBe(0)
    await expect(
      t.payload.findByID({ collection: 'release-files', id: draftFiles[0]!.id, overrideAccess: false, user }),
    ).rejects.toThrow()
  })
})

describe('once the release is published', () => {
  it('its files show to anonymous callers and members, by list, id, count, join and GraphQL', async () => {
    const late = await seedRelease(t, { isPublished: false, name: 'Python 3.13.6', slug: unique('late') })
    const file = await seedFile(t, late, os)
    expect((await t.api('GET', `/release-files/${file.id}`)).status).toBe(404)

    const response = await t.api('PATCH', `/releases/${late.id}`, { auth: staff, body: { isPublished: true } })
    expect(response.status).toBe(200)

    for (const [, auth] of readers()) {
      expect(await listIds(auth)).toContain(file.id)
      expect((await t.api('GET', `/release-files/${file.id}`, { auth })).status).toBe(200)
      const count = await json(await t.api('GET', `/release-files/count?where[release][equals]=${late.id}`, { auth }))
      expect(count.totalDocs).toBe(1)
      const release = await json(await t.api('GET', `/releases/${late.id}?depth=1`, { auth }))
      expect(release.files.docs.map((doc: { id: string }) => doc.id)).toEqual([file.id])
      const gql = await t.graphql(`query ($id: String!) { ReleaseFile(id: $id) { id release { id isPublished } } }`, {
        auth,
        variables: { id: file.id },
      })
      expect(gql.data.ReleaseFile).toEqual({ id: file.id, release: { id: late.id, isPublished: true } })
    }

    // and unpublishing hides them again
    await t.api('PATCH', `/releases/${late.id}`, { auth: staff, body: { isPublished: false } })
    expect((await t.api('GET', `/release-files/${file.id}`)).status).toBe(404)
  })
})
