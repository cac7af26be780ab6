/**
 * Bad input to the jobs domain is a client error naming the field, never a
 * 500, and leaves the database as it was: unknown status values, overlong
 * strings, malformed JSON, missing required fields, bad emails and URLs,
 * references to vocabulary entries that do not exist.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { errorPaths, jobBody, jobIn, type Json, json, messages, query, snapshot } from './fixtures'

let t: TestContext
let superuser: TestUser
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload({ JOBS_TEAM_EMAIL: 'jobs-team@example.org' })
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

const allJobs = async () => JSON.stringify((await query(t, 'SELECT * FROM jobs ORDER BY id')).rows)

/** A 4xx whose body names `field` (as an error path, or at the start of the message). */
const expectFieldError = async (response: Response, field: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const named = errorPaths(body).includes(field) || new RegExp(`(^|\\| )${field}: `).test(messages(body))
  expect({ body, named }).toEqual({ body, named: true })
  return body
}

/** Runs `attempt` and checks no job row changed or appeared. */
const unchanged = async (attempt: () => Promise<void>) => {
  const before = await allJobs()
  await attempt()
  expect(await allJobs()).toBe(before)
}

describe('status', () => {
  it('an unknown status on create: 400 naming status', async () => {
    await unchanged(async () => {
      for (const status of ['PUBLISHED', 'approved', '', 42]) {
        const response = await t.api('POST', 'jobs', { auth: member, body: jobBody({ status }) })
        const body = await expectFieldError(response, 'status')
        expect(response.status).toBe(400)
        expect(messages(body)).toBeTruthy()
      }
    })
  })

  it('an unknown status on update: 400 naming status, for owners and staff alike', async () => {
    const job = await jobIn(t, member, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    for (const who of [member, staff, superuser]) {
      const response = await t.api('PATCH', `jobs/${job.id}`, { auth: who, body: { status: 'PUBLISHED' } })
      expect(response.status).toBe(400)
      await expectFieldError(response, 'status')
    }
    expect(await snapshot(t, String(job.id))).toBe(before)
  })

  it('GraphQL refuses an unknown status value before running anything', async () => {
    const job = await jobIn(t, member, 'REVIEW')
    const before = await snapshot(t, String(job.id))
    const result = await t.graphql(`mutation { updateJob(id: "${job.id}", data: { status: PUBLISHED }) { id } }`, { auth: staff })
    expect(JSON.stringify(result.errors)).toMatch(/status/)
    expect(JSON.stringify(result.errors)).toMatch(/PUBLISHED/)
    expect(await snapshot(t, String(job.id))).toBe(before)
  })
})

describe('lengths and required fields', () => {
  it.each([
    ['jobTitle', 200],
    ['companyName', 200],
    ['city', 100],
    ['region', 100],
    ['country', 100],
    ['contact', 200],
  ])('an overlong %s (> %i characters) is a 400 naming it, on create and on update', async (field, max) => {
    const job = await jobIn(t, member, 'DRAFT')
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ [field]: 'x'.repeat(max + 1) }) }), field)
      await expectFieldError(await t.api('PATCH', `jobs/${job.id}`, { auth: member, body: { [field]: 'x'.repeat(max + 1) } }), field)
    })
    // exactly at the limit is fine
    expect((await t.api('PATCH', `jobs/${job.id}`, { auth: member, body: { [field]: 'y'.repeat(max) } })).status).toBe(200)
  })

  it('an overlong description is refused', async () => {
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ description: 'x'.repeat(20001) }) }), 'description')
    })
  })

  it.each(['jobTitle', 'companyName', 'country', 'description', 'email'])('a missing %s is a 400 naming it', async (field) => {
    await unchanged(async () => {
      const body = jobBody()
      delete body[field]
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body }), field)
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: { ...body, [field]: '' } }), field)
    })
  })

  it('an overlong job title through GraphQL is refused naming jobTitle', async () => {
    await unchanged(async () => {
      const result = await t.graphql(`mutation($data: mutationJobInput!) { createJob(data: $data) { id } }`, {
        auth: member,
        variables: { data: jobBody({ jobTitle: 'x'.repeat(201) }) },
      })
      expect(result.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(JSON.stringify(result.errors)).toMatch(/jobTitle|Job Title/)
    })
  })
})

describe('formats and references', () => {
  it('a malformed contact email is a 400 naming email', async () => {
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ email: 'not-an-email' }) }), 'email')
    })
  })

  it('a url that is not http(s) is a 400 naming url', async () => {
    await unchanged(async () => {
      for (const url of ['javascript:alert(1)', 'ftp://example.org/job', 'not a url']) {
        await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ url }) }), 'url')
      }
    })
    expect((await t.api('POST', 'jobs', { auth: member, body: jobBody({ url: 'https://example.org/jobs/1' }) })).status).toBe(201)
  })

  it('a category or job type that does not exist is a 400 naming it, not a 500', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ category: missing }) }), 'category')
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ category: 'not-a-uuid' }) }), 'category')
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ jobTypes: [missing] }) }), 'jobTypes')
    })
    const type = (await json(await t.api('POST', 'job-types', { auth: staff, body: { name: 'Contract' } }))).doc as Json
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ jobTypes: [type.id, missing] }) }), 'jobTypes')
    })
    expect((await t.api('POST', 'jobs', { auth: member, body: jobBody({ jobTypes: [type.id] }) })).status).toBe(201)
  })

  it('an expiry that is not a date is a 400 naming expires', async () => {
    await unchanged(async () => {
      await expectFieldError(await t.api('POST', 'jobs', { auth: member, body: jobBody({ expires: 'next tuesday' }) }), 'expires')
    })
  })
})

describe('malformed requests', () => {
  it('malformed JSON is a 400, nothing written (create, update)', async () => {
    const job = await jobIn(t, member, 'DRAFT')
    await unchanged(async () => {
      const create = await t.api('POST', 'jobs', { auth: member, rawBody: '{"jobTitle": "Broken", ' })
      expect(create.status).toBe(400)
      expect(messages(await json(create))).toMatch(/JSON/i)
      const update = await t.api('PATCH', `jobs/${job.id}`, { auth: member, rawBody: '{"status": REVIEW}' })
      expect(update.status).toBe(400)
    })
  })

  it('an unknown job id is a 404 (update, read), a malformed one a 4xx, never a 500', async () => {
    for (const [method, path] of [
      ['PATCH', 'jobs/00000000-0000-4000-8000-000000000000'],
      ['GET', 'jobs/00000000-0000-4000-8000-000000000000'],
    ] as const) {
      expect((await t.api(method, path, { auth: staff, body: method === 'PATCH' ? { jobTitle: 'x' } : undefined })).status).toBe(404)
    }
    for (const method of ['PATCH', 'GET'] as const) {
      const response = await t.api(method, 'jobs/not-a-uuid', { auth: staff, body: method === 'PATCH' ? { jobTitle: 'x' } : undefined })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
  })
})
