/**
 * GET /api/jobs/rss: an RSS 2.0 feed of the newest publicly visible jobs.
 * Expired jobs (by status or by date) and unapproved ones never appear,
 * whoever asks (old bug: the feed ignored expiry).
 */
import { XMLParser } from 'fast-xml-parser'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { DAY_MS, jobIn, type Json, type Status } from './fixtures'

let t: TestContext
let staff: TestUser
let owner: TestUser

const jobs: Record<string, Json> = {}

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  owner = await t.makeUser('member')
  // oldest first
  jobs.older = await jobIn(t, owner, 'APPROVED', { companyName: 'Old & Co', jobTitle: 'RSS older <job>' })
  jobs.newer = await jobIn(t, owner, 'APPROVED', { description: 'Uses **Django**.', jobTitle: 'RSS newer job' }, new Date(Date.now() + 20 * DAY_MS))
  for (const status of ['DRAFT', 'REVIEW', 'REJECTED', 'ARCHIVED', 'EXPIRED'] as Status[]) {
    jobs[status] = await jobIn(t, owner, status, { jobTitle: `RSS ${status} job` })
  }
  jobs.pastDate = await jobIn(t, owner, 'APPROVED', { jobTitle: 'RSS approved but past its date' }, new Date(Date.now() - DAY_MS))
})
afterAll(async () => {
  await t?.close()
})

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' })

const feed = async (auth?: TestUser) => {
  const response = await t.api('GET', 'jobs/rss', { auth })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  const parsed = parser.parse(await response.text())
  return parsed.rss.channel as Json
}

describe('the jobs feed', () => {
  it('is an RSS 2.0 channel of the public jobs, newest first', async () => {
    const channel = await feed()
    expect(channel.title).toBe('Python Job Board')
    expect(channel.link).toBe('https://www.python.org/jobs/')
    const items = channel.item as Json[]
    expect(items.map((item) => item.title)).toEqual([`RSS newer job, ${jobs.newer!.companyName}`, 'RSS older <job>, Old & Co'])
  })

  it('each item links to the job page by slug, with its date and rendered description', async () => {
    const [newer] = (await feed()).item as Json[]
    expect(newer.link).toBe(`https://www.python.org/jobs/${jobs.newer!.slug}/`)
    expect(newer.guid['#text']).toBe(`https://www.python.org/jobs/${jobs.newer!.slug}/`)
    expect(new Date(newer.pubDate).getTime()).toBe(Math.floor(new Date(jobs.newer!.createdAt).getTime() / 1000) * 1000)
    expect(newer.description).toContain('<strong>Django</strong>')
  })

  it('never lists unapproved, expired or past-date jobs', async () => {
    const titles = ((await feed()).item as Json[]).map((item) => String(item.title))
    for (const name of ['DRAFT', 'REVIEW', 'REJECTED', 'ARCHIVED', 'EXPIRED', 'pastDate']) {
      expect(titles.some((title) => title.startsWith(jobs[name]!.jobTitle))).toBe(false)
    }
  })

  it('is the public view whoever asks: staff and owners do not get their drafts in it', async () => {
    for (const who of [staff, owner]) {
      expect(((await feed(who)).item as Json[]).map((item) => item.title)).toHaveLength(2)
    }
  })

  it('a job withdrawn by its owner drops out of the feed', async () => {
    const withdrawn = await jobIn(t, owner, 'APPROVED', { jobTitle: 'RSS withdrawn soon' })
    expect(((await feed()).item as Json[]).map((item) => item.title)).toContain(`RSS withdrawn soon, ${withdrawn.companyName}`)
    expect((await t.api('PATCH', `jobs/${withdrawn.id}`, { auth: owner, body: { status: 'ARCHIVED' } })).status).toBe(200)
    expect(((await feed()).item as Json[]).map((item) => item.title)).not.toContain(`RSS withdrawn soon, ${withdrawn.companyName}`)
  })

  it('holds the 30 newest public jobs', async () => {
    const created: Json[] = []
    for (let index = 0; index < 31; index += 1) created.push(await jobIn(t, owner, 'APPROVED', { jobTitle: `RSS bulk ${index}` }))
    const titles = ((await feed()).item as Json[]).map((item) => String(item.title))
    expect(titles).toHaveLength(30)
    expect(titles).toEqual(created.reverse().slice(0, 30).map((job) => `${job.jobTitle}, ${job.companyName}`))
  })
})
