/**
 * GET /api/minutes/by-date/YYYY-MM-DD returns the minutes of that meeting:
 * published only for anonymous users and members, drafts too for staff;
 * 400 for a malformed (or impossible) date, 404 when there are none.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let published: Json
let draft: Json
let noon: Json

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  published = await seed(t, 'minutes', { content: 'The board *met*.', date: '2024-01-15', isPublished: true })
  draft = await seed(t, 'minutes', { content: 'SECRET-DRAFT minutes', date: '2024-02-01', isPublished: false })
  // the admin's day picker stores a time of day; the lookup is by calendar day
  noon = await seed(t, 'minutes', { content: 'Noon meeting', date: '2024-03-10T12:00:00.000Z', isPublished: true })
  // neighbours on both sides, so the lookup cannot pick a nearby day
  await seed(t, 'minutes', { content: 'day before', date: '2024-01-14T23:59:59.000Z', isPublished: true })
  await seed(t, 'minutes', { content: 'day after', date: '2024-01-16T00:00:00.000Z', isPublished: true })
})
afterAll(async () => {
  await t?.close()
})

const byDate = (date: string, auth?: TestUser) => t.api('GET', `/minutes/by-date/${date}`, { auth })

describe('GET /api/minutes/by-date/:date', () => {
  it('returns the published minutes of that day, with rendered HTML, to anyone', async () => {
    for (const auth of [undefined, member, staff]) {
      const response = await byDate('2024-01-15', auth)
      expect(response.status).toBe(200)
      const body = await json(response)
      expect(body).toMatchObject({ id: published.id, isPublished: true, slug: 'psf-board-2024-01-15' })
      expect(body.contentHtml).toContain('<em>met</em>')
    }
  })

  it('finds minutes stored with a time of day', async () => {
    expect((await json(await byDate('2024-03-10'))).id).toBe(noon.id)
  })

  it('answers 404 for a draft to anonymous users and members; staff get it', async () => {
    for (const auth of [undefined, member]) {
      const response = await byDate('2024-02-01', auth)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('SECRET-DRAFT')
    }
    const response = await byDate('2024-02-01', staff)
    expect(response.status).toBe(200)
    expect((await json(response)).id).toBe(draft.id)
  })

  it('answers 404 for a day without minutes', async () => {
    expect((await byDate('2023-06-01')).status).toBe(404)
  })

  it.each(['2024-1-15', '15-01-2024', '2024-13-01', '2024-02-30', '2023-02-29', 'yesterday', '2024-01-15T00:00:00Z', '20240115'])(
    'answers 400 naming date for %j',
    async (date) => {
      const response = await byDate(encodeURIComponent(date))
      expect(response.status).toBe(400)
      expect(JSON.stringify(await json(response))).toMatch(/date/)
    },
  )

  it('accepts a real leap day', async () => {
    await seed(t, 'minutes', { content: 'leap', date: '2024-02-29', isPublished: true })
    expect((await byDate('2024-02-29')).status).toBe(200)
  })
})
