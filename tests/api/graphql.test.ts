/**
 * GraphQL as a frontend meets it: the committed schema.graphql is the
 * schema served; introspection works in production; collections have proper
 * names; relation filters (`category__slug`) work as REST's dotted paths,
 * with the same access rules; and a page's path matches however it is
 * written, in GraphQL as in REST.
 */
import fs from 'node:fs'
import path from 'node:path'

import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'

import { projectRoot } from '../../src/platform/paths'
import { type Actors, makeActors } from '../helpers/actors'
import { json, unique } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { jobIn } from '../jobs/fixtures'
import { seedPage } from '../pages/fixtures'

let t: TestContext
let actors: Actors
const ids: Record<string, string> = {}
const slugs: Record<string, string> = {}

const create = async (collection: string, data: Record<string, unknown>) =>
  // fixtures written as the system
  String(
    (
      (await t.payload.create({ collection: collection as never, data: data as never, overrideAccess: true })) as {
        id: string
      }
    ).id,
  )

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  slugs.web = unique('web')
  slugs.science = unique('science')
  slugs.contract = unique('contract')
  const web = await create('job-categories', { name: 'Web', slug: slugs.web })
  const science = await create('job-categories', { name: 'Science', slug: slugs.science })
  const contract = await create('job-types', { name: 'Contract', slug: slugs.contract })
  ids.webJob = String((await jobIn(t, actors.owner, 'APPROVED', { category: web, jobTypes: [contract] })).id)
  ids.scienceJob = String((await jobIn(t, actors.owner, 'APPROVED', { category: science })).id)
  ids.webDraft = String((await jobIn(t, actors.owner, 'DRAFT', { category: web })).id)
  ids.page = String((await seedPage(t, { isPublished: true, path: 'about/psf', title: 'About the PSF' })).id)
})
afterAll(async () => {
  await t?.close()
})

const docIds = (docs: { id: string }[]) => docs.map((doc) => doc.id).sort()

describe('the schema', () => {
  it('schema.graphql is the schema served (regenerate: npm run generate:graphql)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8')
    expect(printSchema(configToSchema(t.config).schema)).toBe(committed)
  })

  it('introspection answers in production, for generating types', async () => {
    const env = process.env as Record<string, string | undefined>
    const previous = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const result = await t.graphql('{ __schema { queryType { name } } __type(name: "Job") { name } }')
      expect(result.errors).toBeUndefined()
      expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __type: { name: 'Job' } })
    } finally {
      env.NODE_ENV = previous
    }
  })

  it('collections have proper singular and plural names; REST slugs are unchanged', async () => {
    const names = Object.keys(configToSchema(t.config).schema.getQueryType()!.getFields())
    expect(names).toEqual(expect.arrayContaining(['OperatingSystem', 'OperatingSystems', 'Minutes', 'AllMinutes']))
    expect(names).not.toEqual(expect.arrayContaining(['DownloadO']))
    expect(names.filter((name) => /^(DownloadO|Minute)s?$/.test(name))).toEqual(['Minutes'])
    const os = await t.graphql('{ OperatingSystems { totalDocs } AllMinutes { totalDocs } }')
    expect(os.errors).toBeUndefined()
    expect((await t.api('GET', 'download-os')).status).toBe(200)
    expect((await t.api('GET', 'minutes')).status).toBe(200)
  })
})

describe('relation filters: <field>__slug', () => {
  it('jobs by category slug, as REST where[category.slug]', async () => {
    const viaGraphQL = await t.graphql(
      `{ Jobs(where: { category__slug: { equals: "${slugs.web}" } }) { docs { id } } }`,
    )
    expect(viaGraphQL.errors).toBeUndefined()
    expect(docIds(viaGraphQL.data.Jobs.docs)).toEqual([ids.webJob])
    const viaRest = await json(await t.api('GET', `jobs?where[category.slug][equals]=${slugs.web}`))
    expect(docIds(viaRest.docs)).toEqual([ids.webJob])
  })

  it('hasMany relationships, lists and nesting in OR', async () => {
    const byType = await t.graphql(
      `{ Jobs(where: { jobTypes__slug: { equals: "${slugs.contract}" } }) { docs { id } } }`,
    )
    expect(docIds(byType.data.Jobs.docs)).toEqual([ids.webJob])
    const inList = await t.graphql(
      `{ Jobs(where: { category__slug: { in: ["${slugs.web}", "${slugs.science}"] } }) { docs { id } } }`,
    )
    expect(docIds(inList.data.Jobs.docs)).toEqual([ids.scienceJob, ids.webJob].sort())
    const nested = await t.graphql(
      `{ countJobs(where: { OR: [{ category__slug: { equals: "${slugs.science}" } }, { jobTypes__slug: { equals: "${slugs.contract}" } }] }) { totalDocs } }`,
    )
    expect(nested.errors).toBeUndefined()
    expect(nested.data.countJobs.totalDocs).toBe(2)
  })

  it('keeps the access rules: the owner finds their draft, anonymous does not', async () => {
    const query = `{ Jobs(where: { category__slug: { equals: "${slugs.web}" } }) { docs { id } } }`
    expect(docIds((await t.graphql(query)).data.Jobs.docs)).toEqual([ids.webJob])
    expect(docIds((await t.graphql(query, { auth: actors.owner })).data.Jobs.docs)).toEqual(
      [ids.webDraft, ids.webJob].sort(),
    )
  })

  it('every collection with a relationship to a slugged collection has them', () => {
    const schema = configToSchema(t.config).schema
    const fields = (type: string) => Object.keys((schema.getType(type) as { getFields: () => object }).getFields())
    expect(fields('Job_where')).toEqual(expect.arrayContaining(['category__slug', 'jobTypes__slug']))
    expect(fields('Job_where_and')).toEqual(expect.arrayContaining(['category__slug']))
    expect(fields('SuccessStory_where')).toEqual(expect.arrayContaining(['category__slug']))
    expect(fields('ReleaseFile_where')).toEqual(expect.arrayContaining(['release__slug', 'os__slug']))
  })
})

describe("a page's path, however it is written", () => {
  it.each(['/about/psf/', 'about/psf', '/About/PSF'])('%s finds about/psf in GraphQL and REST', async (written) => {
    const viaGraphQL = await t.graphql(
      'query ($p: String) { Pages(where: { path: { equals: $p } }) { docs { id } } }',
      {
        variables: { p: written },
      },
    )
    expect(viaGraphQL.data.Pages.docs).toEqual([{ id: ids.page }])
    const viaRest = await json(await t.api('GET', `pages?where[path][equals]=${encodeURIComponent(written)}`))
    expect(docIds(viaRest.docs)).toEqual([ids.page])
    const inList = await json(await t.api('GET', `pages?where[path][in]=${encodeURIComponent(`${written},/nope/`)}`))
    expect(docIds(inList.docs)).toEqual([ids.page])
  })
})
