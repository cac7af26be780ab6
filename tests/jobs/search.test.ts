/**
 * GET /api/jobs/search?q=: full-text search (PostgreSQL, English stemming)
 * over title, company and description, answering only with jobs the asker
 * may read.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { DAY_MS, jobIn, type Json, json, messages } from './fixtures'

let t: TestContext
let staff: TestUser
let owner: TestUser
let otherMember: TestUser

const jobs: Record<string, Json> = {}

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  otherMember = await t.makeUser('member')
  jobs.inDescription = await jobIn(t, owner, 'APPROVED', {
    description: 'You will maintain our Django and Celery services.',
    jobTitle: 'Backend engineer',
  })
  jobs.inTitle = await jobIn(t, owner, 'APPROVED', { description: 'Web things.', jobTitle: 'Senior Django developer' })
  jobs.inCompany = await jobIn(t, owner, 'APPROVED', { companyName: 'Djangoverse Widgets', description: 'Numbers.', jobTitle: 'Data analyst' })
  jobs.stemmed = await jobIn(t, owner, 'APPROVED', { description: 'Our developers write scientific software.', jobTitle: 'Numerical programmer' })
  jobs.draft = await jobIn(t, owner, 'DRAFT', { description: 'A secret Django project.', jobTitle: 'Draft role' })
  jobs.review = await jobIn(t, owner, 'REVIEW', { description: 'Django, under review.', jobTitle: 'Review role' })
  jobs.expired = await jobIn(t, owner, 'APPROVED', { description: 'Old Django job.', jobTitle: 'Expired role' }, new Date(Date.now() - 3 * DAY_MS))
  jobs.otherDraft = await jobIn(t, otherMember, 'DRAFT', { description: 'Django of the other member.', jobTitle: 'Other draft' })
})
afterAll(async () => {
  await t?.close()
})

const search = async (q: string, auth?: TestUser, extra = '') => {
  const response = await t.api('GET', `jobs/search?q=${encodeURIComponent(q)}${extra}`, { auth })
  expect(response.status).toBe(200)
  const body = await json(response)
  return {
    body,
    names: (body.docs as Json[]).map((doc) => Object.entries(jobs).find(([, job]) => job.id === doc.id)?.[0] ?? `unknown ${doc.id}`),
  }
}

const sorted = (names: string[]) => [...names].sort()

describe('matching', () => {
  it('"django" matches description text, titles and company names (case-insensitive)', async () => {
    expect(sorted((await search('django')).names)).toEqual(['inDescription', 'inTitle'])
    expect(sorted((await search('DJANGO')).names)).toEqual(['inDescription', 'inTitle'])
  })

  it('the company name is searched', async () => {
    expect((await search('djangoverse')).names).toEqual(['inCompany'])
  })

  it('English stemming: "developer" finds "developers"', async () => {
    expect(sorted((await search('developer')).names)).toEqual(['inTitle', 'stemmed'])
  })

  it('several words must all match; quotes and operators are plain input, never an error', async () => {
    expect((await search('django celery')).names).toEqual(['inDescription'])
    expect((await search('"scientific software"')).names).toEqual(['stemmed'])
    expect((await search('django -celery')).names).toEqual(['inTitle'])
    for (const odd of ["'); DROP TABLE jobs; --", '&&& ||| !!!', ':*', '(((']) {
      const response = await t.api('GET', `jobs/search?q=${encodeURIComponent(odd)}`)
      expect(response.status).toBe(200)
    }
  })

  it('nothing found: an empty page', async () => {
    const { body } = await search('cobol')
    expect(body).toMatchObject({ docs: [], totalDocs: 0 })
  })

  it('pages through the results, newest first', async () => {
    const first = await search('django', staff, '&limit=2&page=1')
    expect(first.body).toMatchObject({ limit: 2, page: 1, totalDocs: 6 })
    const all = [...first.names, ...(await search('django', staff, '&limit=2&page=2')).names, ...(await search('django', staff, '&limit=2&page=3')).names]
    expect(all).toEqual(['otherDraft', 'expired', 'review', 'draft', 'inTitle', 'inDescription'])
  })
})

describe('visibility', () => {
  it('anonymous and other members find public jobs only (no drafts, reviews, expired jobs)', async () => {
    expect(sorted((await search('django')).names)).toEqual(['inDescription', 'inTitle'])
    expect(sorted((await search('django', otherMember)).names)).toEqual(['inDescription', 'inTitle', 'otherDraft'])
  })

  it('the owner also finds their own jobs in any status', async () => {
    expect(sorted((await search('django', owner)).names)).toEqual(['draft', 'expired', 'inDescription', 'inTitle', 'review'])
  })

  it('staff find everything', async () => {
    expect(sorted((await search('django', staff)).names)).toEqual(['draft', 'expired', 'inDescription', 'inTitle', 'otherDraft', 'review'])
  })

  it('totals count only what the asker may see', async () => {
    expect((await search('django')).body.totalDocs).toBe(2)
  })
})

describe('bad input', () => {
  it('a missing or blank q is a 400 naming q; an overlong one too', async () => {
    for (const path of ['jobs/search', 'jobs/search?q=', 'jobs/search?q=%20%20', `jobs/search?q=${'a'.repeat(201)}`]) {
      const response = await t.api('GET', path)
      expect(response.status).toBe(400)
      expect(messages(await json(response))).toMatch(/^q: /)
    }
  })
})
