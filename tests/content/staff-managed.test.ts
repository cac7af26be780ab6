/**
 * Pages, minutes and code samples are staff-managed: staff create, publish,
 * unpublish, edit and delete them; members and anonymous users cannot create,
 * update or delete any (403, nothing written) through REST, GraphQL or the
 * Local API with access control on. New documents start unpublished.
 */
import { Forbidden } from 'payload'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { contentData, expectUnchanged, json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let superuser: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const COLLECTIONS = [
  { create: 'createPage', slug: 'pages', update: 'updatePage' },
  { create: 'createMinutes', slug: 'minutes', update: 'updateMinutes' },
  { create: 'createCodeSample', slug: 'code-samples', update: 'updateCodeSample' },
] as const

const outsiders: [string, () => Auth][] = [
  ['anonymous', () => undefined],
  ['member', () => member],
]

describe.each(COLLECTIONS)('$slug: staff-managed', ({ create, slug, update }) => {
  it.each(outsiders)('%s cannot create, update or delete (REST)', async (_role, who) => {
    const existing = await seed(t, slug, { ...contentData(slug, 'existing'), isPublished: true })
    await expectUnchanged(t, slug, async () => {
      expect((await t.api('POST', `/${slug}`, { auth: who(), body: contentData(slug, 'intruder') })).status).toBe(403)
      expect((await t.api('POST', `/${slug}`, { auth: who(), body: { ...contentData(slug, 'intruder'), isPublished: true } })).status).toBe(403)
      expect((await t.api('PATCH', `/${slug}/${existing.id}`, { auth: who(), body: { isPublished: false } })).status).toBe(403)
      expect((await t.api('PATCH', `/${slug}/${existing.id}`, { auth: who(), body: { content: 'defaced', description: 'defaced' } })).status).toBe(403)
      // a bulk update by query changes nothing either
      const bulk = await t.api('PATCH', `/${slug}?where[id][equals]=${existing.id}`, { auth: who(), body: { isPublished: false } })
      expect(bulk.status).toBe(403)
      expect((await t.api('DELETE', `/${slug}/${existing.id}`, { auth: who() })).status).toBe(403)
    })
  })

  it.each(outsiders)('%s cannot create or update through GraphQL', async (_role, who) => {
    const existing = await seed(t, slug, { ...contentData(slug, 'existing'), isPublished: true })
    await expectUnchanged(t, slug, async () => {
      const created = await t.graphql(`mutation { ${create}(data: { isPublished: true }) { id } }`, { auth: who() })
      expect(created.data?.[create] ?? null).toBeNull()
      expect(created.errors?.length).toBeGreaterThan(0)
      const updated = await t.graphql(`mutation { ${update}(id: "${existing.id}", data: { isPublished: false }) { id } }`, { auth: who() })
      expect(updated.data?.[update] ?? null).toBeNull()
      expect(JSON.stringify(updated.errors)).toMatch(/not allowed|forbidden/i)
    })
  })

  it('a member cannot create or update through the Local API with access control on', async () => {
    const existing = await seed(t, slug, { ...contentData(slug, 'existing'), isPublished: true })
    const user = await t.payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })
    await expectUnchanged(t, slug, async () => {
      await expect(
        t.payload.create({ collection: slug, data: contentData(slug, 'local') as never, overrideAccess: false, user }),
      ).rejects.toThrow(Forbidden)
      await expect(
        t.payload.update({ collection: slug, data: { isPublished: false }, id: existing.id, overrideAccess: false, user }),
      ).rejects.toThrow(Forbidden)
    })
  })

  it.each([
    ['staff', () => staff],
    ['superuser', () => superuser],
  ])('%s create (unpublished by default), publish, unpublish, edit and delete', async (_role, who) => {
    const user = who()
    const created = await t.api('POST', `/${slug}`, { auth: user, body: contentData(slug, 'by-staff') })
    expect(created.status).toBe(201)
    const { doc } = await json(created)
    expect(doc.isPublished).toBe(false)
    expect(doc.creator).toMatchObject({ id: user.id })
    expect((await t.api('GET', `/${slug}/${doc.id}`)).status).toBe(404)

    const published = await t.api('PATCH', `/${slug}/${doc.id}`, { auth: user, body: { isPublished: true } })
    expect(published.status).toBe(200)
    expect((await t.api('GET', `/${slug}/${doc.id}`)).status).toBe(200)

    const unpublished = await t.api('PATCH', `/${slug}/${doc.id}`, { auth: user, body: { isPublished: false } })
    expect(unpublished.status).toBe(200)
    expect((await t.api('GET', `/${slug}/${doc.id}`)).status).toBe(404)

    expect((await t.api('DELETE', `/${slug}/${doc.id}`, { auth: user })).status).toBe(200)
    expect((await t.payload.count({ collection: slug, overrideAccess: true, where: { id: { equals: doc.id } } })).totalDocs).toBe(0)
  })

  it('staff may create a document already published', async () => {
    const response = await t.api('POST', `/${slug}`, { auth: staff, body: { ...contentData(slug, 'direct'), isPublished: true } })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect((await t.api('GET', `/${slug}/${doc.id}`)).status).toBe(200)
  })

  it('staff publish through GraphQL too', async () => {
    const draft = await seed(t, slug, contentData(slug, 'gql'))
    const result = await t.graphql(`mutation { ${update}(id: "${draft.id}", data: { isPublished: true }) { id isPublished } }`, { auth: staff })
    expect(result.data[update]).toEqual({ id: draft.id, isPublished: true })
  })
})

describe('a deactivated staff account', () => {
  it('an inactive staff account is nobody: it cannot write', async () => {
    const inactive = await t.makeUser('staff')
    const doc: Json = await seed(t, 'pages', { ...contentData('pages', 'x'), isPublished: false })
    await t.payload.update({ collection: 'users', data: { isActive: false } as never, id: inactive.id, overrideAccess: true })
    const response = await t.api('PATCH', `/pages/${doc.id}`, { auth: inactive, body: { isPublished: true } })
    expect([401, 403]).toContain(response.status)
    expect((await t.payload.findByID({ collection: 'pages', id: doc.id, overrideAccess: true })).isPublished).toBe(false)
  })
})
