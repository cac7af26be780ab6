/**
 * Values derived from a release's name and slug: versionNumber,
 * versionSeries, versionSortKey and url. They follow the name on every save,
 * clients cannot write them (nor legacyId), and listings sort by what the
 * version number means, not by its string.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

const create = async (body: Record<string, unknown>) => {
  const response = await t.api('POST', '/releases', { auth: staff, body })
  const result = await json(response)
  expect(response.status).toBe(201)
  return result.doc
}

describe('derived values', () => {
  it.each([
    ['Python 3.14.0rc2', '3.14.0rc2', '3.14', 'python-3140rc2'],
    ['Python 3.13.1', '3.13.1', '3.13', 'python-3131'],
    ['Python 2.7', '2.7', '2.7', 'python-27'],
  ])('%s -> versionNumber %s, series %s, url from slug %s', async (name, number, series, slug) => {
    const doc = await create({ name })
    expect(doc).toMatchObject({ slug, url: `/downloads/release/${slug}/`, versionNumber: number, versionSeries: series })
    expect(typeof doc.versionSortKey).toBe('string')

    // the stored row has them too, so the database can filter and sort on them
    const stored = await t.payload.find({
      collection: 'releases',
      overrideAccess: true,
      where: { and: [{ versionNumber: { equals: number } }, { versionSeries: { equals: series } }] },
    })
    expect(stored.docs.map((release) => release.id)).toContain(doc.id)
  })

  it('follows the name when it changes, and the url follows the slug', async () => {
    const doc = await create({ name: 'Python 3.12.0b1', slug: unique('renamed') })
    const response = await t.api('PATCH', `/releases/${doc.id}`, {
      auth: staff,
      body: { name: 'Python 3.12.0', slug: 'python-3120-final' },
    })
    expect(response.status).toBe(200)
    const updated = (await json(response)).doc
    expect(updated).toMatchObject({ url: '/downloads/release/python-3120-final/', versionNumber: '3.12.0', versionSeries: '3.12' })
    expect(updated.versionSortKey > doc.versionSortKey).toBe(true)
  })

  it('survives an update that does not touch the name', async () => {
    const doc = await create({ name: 'Python 3.11.4' })
    const response = await t.api('PATCH', `/releases/${doc.id}`, { auth: staff, body: { showOnDownloadPage: false } })
    expect(response.status).toBe(200)
    expect((await json(response)).doc).toMatchObject({ versionNumber: '3.11.4', versionSeries: '3.11', versionSortKey: doc.versionSortKey })
  })

  it('ignores client-written versionNumber, versionSeries, versionSortKey, url and legacyId on create', async () => {
    const doc = await create({
      legacyId: 999_999,
      name: 'Python 3.8.20',
      url: '/elsewhere/',
      versionNumber: '9.9.9',
      versionSeries: '9.9',
      versionSortKey: 'zzzz',
    })
    expect(doc).toMatchObject({ versionNumber: '3.8.20', versionSeries: '3.8' })
    expect(doc.versionSortKey).not.toBe('zzzz')
    expect(doc.url).toBe(`/downloads/release/${doc.slug}/`)
    expect(doc.legacyId).not.toBe(999_999)
    const stored = await t.payload.findByID({ collection: 'releases', id: doc.id, overrideAccess: true })
    expect(stored.legacyId).not.toBe(999_999)
    expect(stored.versionNumber).toBe('3.8.20')
  })

  it('ignores them on update too (REST and GraphQL)', async () => {
    const doc = await create({ name: 'Python 3.7.17' })
    const response = await t.api('PATCH', `/releases/${doc.id}`, {
      auth: staff,
      body: { legacyId: 123_456, versionNumber: '1.0', versionSeries: '1.0', versionSortKey: '' },
    })
    expect(response.status).toBe(200)
    const stored = await t.payload.findByID({ collection: 'releases', id: doc.id, overrideAccess: true })
    expect(stored).toMatchObject({ legacyId: doc.legacyId, versionNumber: '3.7.17', versionSeries: '3.7', versionSortKey: doc.versionSortKey })

    // GraphQL accepts the input and ignores it the same way
    const result = await t.graphql(
      `mutation ($id: String!) { updateRelease(id: $id, data: { versionNumber: "1.0" }) { id versionNumber } }`,
      { auth: staff, variables: { id: doc.id } },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.updateRelease.versionNumber).toBe('3.7.17')
    const again = await t.payload.findByID({ collection: 'releases', id: doc.id, overrideAccess: true })
    expect(again.versionNumber).toBe('3.7.17')
  })
})

describe('version order', () => {
  const token = unique('order')
  const names = [
    'Python 3.9.18',
    'Python 3.10.0',
    'Python 3.14.0a1',
    'Python 3.14.0b1',
    'Python 3.14.0rc1',
    'Python 3.14.0rc2',
    'Python 3.14.0',
    'Python 3.9.2',
    'Python 3.10.11',
  ]
  const expectedNewestFirst = [
    '3.14.0',
    '3.14.0rc2',
    '3.14.0rc1',
    '3.14.0b1',
    '3.14.0a1',
    '3.10.11',
    '3.10.0',
    '3.9.18',
    '3.9.2',
  ]

  beforeAll(async () => {
    for (const name of names) {
      await seedRelease(t, { content: token, name, slug: unique('ord') })
    }
  })

  it('the default listing is newest version first (3.10 above 3.9, 3.14.0 above 3.14.0rc2)', async () => {
    const response = await t.api('GET', `/releases?depth=0&limit=100&where[content][equals]=${token}`)
    expect(response.status).toBe(200)
    const { docs } = await json(response)
    expect(docs.map((doc: { versionNumber: string }) => doc.versionNumber)).toEqual(expectedNewestFirst)
  })

  it('sorting by versionSortKey ascending is oldest version first', async () => {
    const response = await t.api('GET', `/releases?depth=0&limit=100&sort=versionSortKey&where[content][equals]=${token}`)
    const { docs } = await json(response)
    expect(docs.map((doc: { versionNumber: string }) => doc.versionNumber)).toEqual([...expectedNewestFirst].reverse())
  })
})
