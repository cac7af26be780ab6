/**
 * Custom reads (src/platform/reads.ts) answer the same through REST and
 * GraphQL: the same documents, the same access rules (a draft page stays
 * hidden from anonymous callers in both), and the same refusal of a bad
 * argument, naming it.
 */
import { type Actors, makeActors } from '../helpers/actors'
import { json, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { seedRelease } from '../downloads/fixtures'
import { seedPage } from '../pages/fixtures'

let t: TestContext
let actors: Actors
let latest: string
let draftPath: string
let publicPath: string

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  await seedRelease(t, { name: 'Python 3.12.8', slug: unique('r') })
  latest = (await seedRelease(t, { isLatest: true, name: 'Python 3.13.1', slug: unique('r') })).id
  await seedRelease(t, { name: 'Python 3.14.0b2', preRelease: true, slug: unique('r'), status: 'PRERELEASE' })
  publicPath = String((await seedPage(t, { isPublished: true, title: 'Public page' })).path)
  draftPath = String((await seedPage(t, { isPublished: false, title: 'Draft page' })).path)
})
afterAll(async () => {
  await t?.close()
})

const rest = async (path: string, auth?: Actors['staff']) => {
  const response = await t.api('GET', path, { auth })
  return { body: await json(response), status: response.status }
}

describe('one read, two APIs', () => {
  it('latestRelease: the same release by REST and GraphQL', async () => {
    const viaRest = await rest('releases/latest?version=PYTHON3')
    const viaGraphQL = await t.graphql('{ latestRelease(version: "python3") { id name versionNumber isLatest } }')
    expect(viaRest.status).toBe(200)
    expect(viaRest.body.id).toBe(latest)
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaGraphQL.data.latestRelease).toEqual({
      id: latest,
      isLatest: true,
      name: 'Python 3.13.1',
      versionNumber: '3.13.1',
    })
  })

  it('latestPrerelease and downloadPageReleases agree with REST', async () => {
    const pre = await rest('releases/latest-prerelease')
    const page = await rest('releases/download-page?limit=10')
    const viaGraphQL = await t.graphql(
      '{ latestPrerelease { id } downloadPageReleases(limit: 10) { totalDocs docs { id name } } }',
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(viaGraphQL.data.latestPrerelease.id).toBe(pre.body.id)
    expect(viaGraphQL.data.downloadPageReleases.totalDocs).toBe(page.body.totalDocs)
    expect(viaGraphQL.data.downloadPageReleases.docs.map((doc: { id: string }) => doc.id)).toEqual(
      page.body.docs.map((doc: { id: string }) => doc.id),
    )
  })

  it('pageByPath: a published page for anyone, a draft for staff only, in both APIs', async () => {
    const query = 'query ($path: String!) { pageByPath(path: $path) { id title } }'
    expect((await rest(`pages/by-path?path=/${publicPath}/`)).body.title).toBe('Public page')
    expect((await t.graphql(query, { variables: { path: `/${publicPath}/` } })).data.pageByPath.title).toBe(
      'Public page',
    )

    expect((await rest(`pages/by-path?path=${draftPath}`)).status).toBe(404)
    expect((await t.graphql(query, { variables: { path: draftPath } })).data.pageByPath).toBeNull()
    for (const auth of [actors.member, actors.owner]) {
      expect((await rest(`pages/by-path?path=${draftPath}`, auth)).status).toBe(404)
      expect((await t.graphql(query, { auth, variables: { path: draftPath } })).data.pageByPath).toBeNull()
    }
    expect((await rest(`pages/by-path?path=${draftPath}`, actors.staff)).body.title).toBe('Draft page')
    expect((await t.graphql(query, { auth: actors.staff, variables: { path: draftPath } })).data.pageByPath.title).toBe(
      'Draft page',
    )
  })

  it('refuses a bad argument in both, naming it', async () => {
    const viaRest = await rest('releases/latest?version=PYTHON9')
    expect(viaRest.status).toBe(400)
    expect(JSON.stringify(viaRest.body.errors)).toMatch(/version: expected one of PYTHON1, PYTHON2, PYTHON3, PYMANAGER/)
    const viaGraphQL = await t.graphql('{ latestRelease(version: "PYTHON9") { id } }')
    expect(viaGraphQL.data?.latestRelease ?? null).toBeNull()
    expect(JSON.stringify(viaGraphQL.errors)).toMatch(/version: expected one of/)

    expect((await rest('releases/latest?series=three')).status).toBe(400)
    expect(JSON.stringify((await t.graphql('{ latestRelease(series: "three") { id } }')).errors)).toMatch(
      /series: expected MAJOR.MINOR/,
    )
    expect((await rest('releases/download-page?limit=0')).status).toBe(400)
    expect(JSON.stringify((await t.graphql('{ downloadPageReleases(limit: 5000) { totalDocs } }')).errors)).toMatch(
      /limit: must be at most 1000/,
    )
    expect((await rest('releases/latest?depth=nine')).status).toBe(400)
  })

  it('GraphQL populates relationships itself (REST depth does not leak into it)', async () => {
    const viaGraphQL = await t.graphql('{ downloadPageReleases { docs { id releasePage { id } } } }')
    expect(viaGraphQL.errors).toBeUndefined()
  })
})
