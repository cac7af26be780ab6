/**
 * A release page in one request (REST and GraphQL): the release with every
 * one of its files, each with its OS's name and slug; and the download-page
 * list with Payload's paging and a summary `select` by default.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { expectEndpointError, json, seedFile, seedOS, seedRelease, unique, type Json } from './fixtures'

let t: TestContext
let actors: Actors
let latest: Json
let prerelease: Json
const osBySlug: Record<string, Json> = {}

/** 13 releases the download page lists, newest version first */
const LISTED = [
  '3.13.1',
  '3.13.0',
  '3.12.8',
  '3.12.7',
  '3.11.11',
  '3.11.10',
  '3.10.16',
  '3.10.15',
  '3.9.21',
  '3.9.20',
  '3.8.20',
  '2.7.18',
  '2.7.17',
]

const FILE_COUNT = 25

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  for (const name of ['Windows', 'macOS', 'Source release']) {
    const os = await seedOS(t, `${name} ${unique('os')}`)
    osBySlug[os.slug] = os
  }
  const systems = Object.values(osBySlug)
  for (const number of LISTED) {
    const release = await seedRelease(t, {
      content: `Release notes of **${number}**`,
      isLatest: number === '3.13.1',
      name: `Python ${number}`,
      slug: unique(number.replaceAll('.', '')),
    })
    if (number === '3.13.1') latest = release
  }
  // not listed: a pre-release, a hidden one, a draft
  prerelease = await seedRelease(t, {
    name: 'Python 3.14.0rc1',
    preRelease: true,
    slug: unique('3140rc1'),
    status: 'PRERELEASE',
  })
  await seedRelease(t, { name: 'Python 3.12.9', showOnDownloadPage: false, slug: unique('3129') })
  await seedRelease(t, { isPublished: false, name: 'Python 3.13.2', slug: unique('3132') })

  for (let index = 0; index < FILE_COUNT; index += 1) {
    await seedFile(t, latest as never, systems[index % systems.length] as never, {
      name: `File ${String(index).padStart(2, '0')}`,
    })
  }
  await seedFile(t, prerelease as never, systems[0] as never, { name: 'Pre-release installer' })
})
afterAll(async () => {
  await t?.close()
})

const get = async (path: string, auth?: Actors['member']) => {
  const response = await t.api('GET', path, { auth })
  return { body: await json(response), status: response.status }
}

/** Every file, each with its OS populated as { id, name, slug } (a summary, nothing more). */
const expectFilesWithOS = (files: Json) => {
  expect(files.hasNextPage).toBe(false)
  expect(files.docs).toHaveLength(FILE_COUNT)
  expect(files.docs.map((file: Json) => file.name)).toEqual(
    Array.from({ length: FILE_COUNT }, (_, index) => `File ${String(index).padStart(2, '0')}`),
  )
  for (const file of files.docs) {
    expect(Object.keys(file.os).sort()).toEqual(['id', 'name', 'slug'])
    expect(file.os).toEqual({
      id: osBySlug[file.os.slug]!.id,
      name: osBySlug[file.os.slug]!.name,
      slug: osBySlug[file.os.slug]!.slug,
    })
  }
}

describe('a release with all its files and their OS, in one request', () => {
  it('REST by id with depth=2: all 25 files (not 10), each with its OS name and slug', async () => {
    for (const auth of [undefined, actors.member, actors.staff]) {
      const { body, status } = await get(`/releases/${latest.id}?depth=2`, auth)
      expect(status).toBe(200)
      expectFilesWithOS(body.files)
    }
  })

  it('REST by id at the default depth: all files, their OS as ids', async () => {
    const { body } = await get(`/releases/${latest.id}`)
    expect(body.files.docs).toHaveLength(FILE_COUNT)
    for (const file of body.files.docs)
      expect(Object.keys(osBySlug).map((slug) => osBySlug[slug]!.id)).toContain(file.os)
  })

  it('REST by slug (a list query) with depth=2', async () => {
    const { body } = await get(`/releases?where[slug][equals]=${latest.slug}&depth=2`)
    expect(body.docs).toHaveLength(1)
    expectFilesWithOS(body.docs[0].files)
  })

  it('GET /api/releases/latest answers files with their OS without asking for depth', async () => {
    const { body, status } = await get('/releases/latest')
    expect(status).toBe(200)
    expect(body.id).toBe(latest.id)
    expectFilesWithOS(body.files)
    // ?depth= still chooses
    const shallow = await get('/releases/latest?depth=1')
    expect(shallow.body.files.docs).toHaveLength(FILE_COUNT)
    expect(typeof shallow.body.files.docs[0].os).toBe('string')
    const pre = await get('/releases/latest-prerelease')
    expect(pre.body.id).toBe(prerelease.id)
    expect(pre.body.files.docs.map((file: Json) => [file.name, file.os.name])).toEqual([
      ['Pre-release installer', Object.values(osBySlug)[0]!.name],
    ])
  })

  it('GraphQL: Release, Releases and latestRelease give every file with its OS', async () => {
    const fields = '{ id files { hasNextPage docs { name os { id name slug } } } }'
    const result = await t.graphql(
      `query ($id: String!, $slug: String) {
        Release(id: $id) ${fields}
        Releases(where: { slug: { equals: $slug } }) { docs ${fields} }
        latestRelease ${fields}
      }`,
      { variables: { id: latest.id, slug: latest.slug } },
    )
    expect(result.errors).toBeUndefined()
    for (const release of [result.data.Release, result.data.Releases.docs[0], result.data.latestRelease]) {
      expect(release.id).toBe(latest.id)
      expectFilesWithOS(release.files)
    }
  })

  it('a client may still page the files itself', async () => {
    const { body } = await get(`/releases/${latest.id}?joins[files][limit]=5`)
    expect(body.files.docs).toHaveLength(5)
    expect(body.files.hasNextPage).toBe(true)
    const viaGraphQL = await t.graphql(
      `{ Release(id: "${latest.id}") { files(limit: 5) { hasNextPage docs { name } } } }`,
    )
    expect(viaGraphQL.data.Release.files.docs).toHaveLength(5)
    expect(viaGraphQL.data.Release.files.hasNextPage).toBe(true)
  })
})

describe('GET /api/releases/download-page: paging and select', () => {
  const versions = (body: Json) => body.docs.map((doc: Json) => doc.versionNumber)

  it('pages like any Payload list: ?limit=5&page=2 is the 6th to 10th of 13', async () => {
    const { body, status } = await get('/releases/download-page?limit=5&page=2')
    expect(status).toBe(200)
    expect(versions(body)).toEqual(LISTED.slice(5, 10))
    expect(body).toMatchObject({
      hasNextPage: true,
      hasPrevPage: true,
      limit: 5,
      nextPage: 3,
      page: 2,
      pagingCounter: 6,
      prevPage: 1,
      totalDocs: LISTED.length,
      totalPages: 3,
    })
    const last = await get('/releases/download-page?limit=5&page=3')
    expect(versions(last.body)).toEqual(LISTED.slice(10))
    expect(last.body).toMatchObject({ hasNextPage: false, nextPage: null, page: 3, totalDocs: LISTED.length })
    const all = await get('/releases/download-page')
    expect(versions(all.body)).toEqual(LISTED)
    expect(all.body).toMatchObject({ limit: 500, page: 1, totalDocs: LISTED.length, totalPages: 1 })
  })

  it('answers a summary by default: no markup, no HTML, no files', async () => {
    const { body } = await get('/releases/download-page?limit=1')
    expect(Object.keys(body.docs[0]).sort()).toEqual(
      [
        'eolDate',
        'id',
        'isLatest',
        'name',
        'releaseDate',
        'releaseNotesUrl',
        'releasePage',
        'slug',
        'status',
        'url',
        'version',
        'versionNumber',
        'versionSeries',
      ].sort(),
    )
    expect(body.docs[0]).toMatchObject({ name: 'Python 3.13.1', url: `/downloads/release/${latest.slug}/` })
  })

  it('select[...] chooses the fields instead', async () => {
    const { body } = await get('/releases/download-page?limit=2&select[name]=true&select[content]=true')
    expect(body.docs.map((doc: Json) => Object.keys(doc).sort())).toEqual([
      ['content', 'id', 'name'],
      ['content', 'id', 'name'],
    ])
    expect(body.docs[0].content).toBe('Release notes of **3.13.1**')
    const without = await get('/releases/download-page?limit=1&select[content]=false&select[contentHtml]=false')
    expect(without.body.docs[0]).not.toHaveProperty('content')
    expect(without.body.docs[0]).toHaveProperty('files')
  })

  it('bad paging or select is a 400 naming the parameter', async () => {
    for (const [query, words] of [
      ['page=0', /page: must be at least 1/],
      ['page=two', /page: expected a whole number/],
      ['limit=abc', /limit/],
      ['select[name]=yes', /select\[name\]/],
      ['select=name', /select/],
    ] as const) {
      await expectEndpointError(await t.api('GET', `/releases/download-page?${query}`), 400, words)
    }
  })

  it('GraphQL: the same pages, with the same paging fields', async () => {
    const result = await t.graphql(
      `{ downloadPageReleases(limit: 5, page: 2) {
          docs { versionNumber } totalDocs totalPages page limit hasNextPage hasPrevPage nextPage prevPage
        } }`,
    )
    expect(result.errors).toBeUndefined()
    const { body } = await get('/releases/download-page?limit=5&page=2')
    const { docs, ...paging } = result.data.downloadPageReleases
    expect(docs.map((doc: Json) => doc.versionNumber)).toEqual(versions(body))
    expect(paging).toEqual({
      hasNextPage: body.hasNextPage,
      hasPrevPage: body.hasPrevPage,
      limit: body.limit,
      nextPage: body.nextPage,
      page: body.page,
      prevPage: body.prevPage,
      totalDocs: body.totalDocs,
      totalPages: body.totalPages,
    })
    expect(JSON.stringify((await t.graphql('{ downloadPageReleases(page: 0) { totalDocs } }')).errors)).toMatch(
      /page: must be at least 1/,
    )
  })
})
