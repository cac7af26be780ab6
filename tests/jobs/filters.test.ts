/**
 * The list filters a job-board frontend needs, as REST (and GraphQL) where
 * queries: by type, category, country / region / city, telecommuting and
 * featured; newest first by default; never wider than what the asker may see.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { createJob, type Json, json, setStatus } from './fixtures'

let t: TestContext
let staff: TestUser
let owner: TestUser

const types: Record<string, Json> = {}
const categories: Record<string, Json> = {}
const jobs: Record<string, Json> = {}

const staffCreate = async (collection: string, name: string) => {
  const response = await t.api('POST', collection, { auth: staff, body: { name } })
  if (response.status !== 201) throw new Error(`${collection}: ${response.status}`)
  return (await json(response)).doc as Json
}

/** An approved job: posted by the owner, approved by the system fixture; featured by staff when asked. */
const approvedJob = async (name: string, data: Json, featured = false) => {
  const job = await createJob(t, owner, { jobTitle: `Filter ${name}`, ...data })
  await setStatus(t, String(job.id), 'APPROVED')
  if (featured) {
    const response = await t.api('PATCH', `jobs/${job.id}`, { auth: staff, body: { isFeatured: true } })
    if (response.status !== 200) throw new Error(`featuring failed: ${response.status}`)
  }
  jobs[name] = job
}

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  types.fullTime = await staffCreate('job-types', 'Full time')
  types.contract = await staffCreate('job-types', 'Contract')
  categories.web = await staffCreate('job-categories', 'Web development')
  categories.science = await staffCreate('job-categories', 'Scientific computing')

  // created one after another: this is also their age order, oldest first
  await approvedJob('berlinWeb', { category: categories.web!.id, city: 'Berlin', country: 'Germany', jobTypes: [types.fullTime!.id], region: 'Berlin' })
  await approvedJob('munichScience', {
    category: categories.science!.id,
    city: 'Munich',
    country: 'Germany',
    jobTypes: [types.contract!.id, types.fullTime!.id],
    region: 'Bavaria',
  })
  await approvedJob('remoteWeb', { category: categories.web!.id, country: 'Netherlands', jobTypes: [types.contract!.id], telecommuting: true }, true)
  await approvedJob('bostonScience', { category: categories.science!.id, city: 'Boston', country: 'USA', region: 'MA' }, true)
  // matches every filter above, but is not public
  const hidden = await createJob(t, owner, {
    category: categories.web!.id,
    city: 'Berlin',
    country: 'Germany',
    jobTitle: 'Filter hidden draft',
    jobTypes: [types.fullTime!.id, types.contract!.id],
    region: 'Berlin',
    telecommuting: true,
  })
  jobs.hiddenDraft = hidden
})
afterAll(async () => {
  await t?.close()
})

const namesOf = (docs: Json[]) =>
  docs.map((doc) => Object.entries(jobs).find(([, job]) => job.id === doc.id)?.[0]).filter((name): name is string => Boolean(name))

const list = async (query: string, auth?: TestUser) => {
  const response = await t.api('GET', `jobs?depth=0&limit=100${query ? `&${query}` : ''}`, { auth })
  expect(response.status).toBe(200)
  return namesOf((await json(response)).docs)
}

const sorted = (names: string[]) => [...names].sort()

describe('filters (anonymous)', () => {
  it('by job type', async () => {
    expect(sorted(await list(`where[jobTypes][in]=${types.contract!.id}`))).toEqual(['munichScience', 'remoteWeb'])
    expect(sorted(await list(`where[jobTypes][in]=${types.fullTime!.id}`))).toEqual(['berlinWeb', 'munichScience'])
    expect(sorted(await list(`where[jobTypes][equals]=${types.fullTime!.id}`))).toEqual(['berlinWeb', 'munichScience'])
  })

  it('by category, by id or by its slug', async () => {
    expect(sorted(await list(`where[category][equals]=${categories.web!.id}`))).toEqual(['berlinWeb', 'remoteWeb'])
    expect(sorted(await list(`where[category.slug][equals]=${categories.science!.slug}`))).toEqual(['bostonScience', 'munichScience'])
  })

  it('by country, region and city', async () => {
    expect(sorted(await list('where[country][equals]=Germany'))).toEqual(['berlinWeb', 'munichScience'])
    expect(await list('where[region][equals]=Bavaria')).toEqual(['munichScience'])
    expect(await list('where[city][equals]=Boston')).toEqual(['bostonScience'])
    expect(await list('where[and][0][country][equals]=Germany&where[and][1][city][equals]=Berlin')).toEqual(['berlinWeb'])
  })

  it('telecommuting', async () => {
    expect(await list('where[telecommuting][equals]=true')).toEqual(['remoteWeb'])
    expect(sorted(await list('where[telecommuting][equals]=false'))).toEqual(['berlinWeb', 'bostonScience', 'munichScience'])
  })

  it('featured', async () => {
    expect(sorted(await list('where[isFeatured][equals]=true'))).toEqual(['bostonScience', 'remoteWeb'])
  })

  it('combined: a type in a category', async () => {
    expect(await list(`where[and][0][jobTypes][in]=${types.contract!.id}&where[and][1][category][equals]=${categories.web!.id}`)).toEqual(['remoteWeb'])
  })

  it('newest first by default', async () => {
    expect(await list('')).toEqual(['bostonScience', 'remoteWeb', 'munichScience', 'berlinWeb'])
    expect(await list('sort=createdAt')).toEqual(['berlinWeb', 'munichScience', 'remoteWeb', 'bostonScience'])
  })

  it('GraphQL takes the same filters', async () => {
    const result = await t.graphql(
      `query($type: [JSON]) { Jobs(where: { jobTypes: { in: $type }, telecommuting: { equals: true } }) { docs { id } } }`,
      { variables: { type: [types.contract!.id] } },
    )
    expect(result.errors).toBeUndefined()
    expect(namesOf(result.data.Jobs.docs)).toEqual(['remoteWeb'])
  })
})

describe('filters never widen the view', () => {
  it('the draft that matches every filter is left out for anonymous visitors, in for its owner and staff', async () => {
    const query = `where[and][0][country][equals]=Germany&where[and][1][city][equals]=Berlin`
    expect(await list(query)).toEqual(['berlinWeb'])
    expect(sorted(await list(query, owner))).toEqual(['berlinWeb', 'hiddenDraft'])
    expect(sorted(await list(query, staff))).toEqual(['berlinWeb', 'hiddenDraft'])
    expect(await list('where[telecommuting][equals]=true')).not.toContain('hiddenDraft')
  })
})
