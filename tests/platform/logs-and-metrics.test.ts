import crypto from 'node:crypto'

import { jest } from '@jest/globals'

import { type Actors, makeActors } from '../helpers/actors'
import { query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'

/**
 * Production logging and metrics, through the app's route modules (the
 * harness calls src/app/(payload)/api/.../route.ts): JSON lines, one per
 * request, request ids in and out, client errors at info level, and
 * /api/metrics in Prometheus' text format for staff or a scraper's token.
 */
let t: TestContext
let actors: Actors
let lines: string[] = []
let writeSpy: { mockRestore: () => void } | undefined

type LogLine = Record<string, any>

beforeAll(async () => {
  t = await startTestPayload({ LOG_FORMAT: 'json', LOG_LEVEL: 'info', METRICS_TOKEN: 'scraper-token-123' })
  actors = await makeActors(t)
  writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean))
    return true
  }) as never)
})
afterAll(async () => {
  writeSpy?.mockRestore()
  await t?.close()
})
beforeEach(() => {
  lines = []
})

/** every line written must be one JSON object */
const logged = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine)
const forRequest = (reqId: string) => logged().filter((line) => line.reqId === reqId)

describe('request logging', () => {
  it('writes one JSON line per request with method, path, status and duration, and echoes a sane X-Request-Id', async () => {
    const response = await t.api('GET', '/health', { headers: { 'X-Request-Id': 'lb-7f3a:42' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a:42')
    const [line, ...others] = forRequest('lb-7f3a:42')
    expect(others).toEqual([])
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/api/health', reqId: 'lb-7f3a:42', status: 200 })
    expect(line!.durationMs).toEqual(expect.any(Number))
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(line).toHaveProperty('pid', process.pid)
  })

  it('generates a request id when there is none or it is not a sane token', async () => {
    const none = await t.api('GET', '/health')
    const insane = await t.api('GET', '/health', { headers: { 'X-Request-Id': `x${'y'.repeat(200)}` } })
    const spaces = await t.api('GET', '/health', { headers: { 'X-Request-Id': 'a b' } })
    const ids = [none, insane, spaces].map((response) => response.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(3)
    for (const id of ids) expect(forRequest(id!)).toHaveLength(1)
  })

  it.each([
    [
      'a failed login',
      () => t.api('POST', '/users/login', { body: { password: 'wrong-password', username: actors.member.username } }),
      401,
    ],
    ['a document that does not exist', () => t.api('GET', `/pages/${crypto.randomUUID()}`, { auth: actors.staff }), 404],
    ['a validation error', () => t.api('POST', '/pages', { auth: actors.staff, body: { title: 'No path' } }), 400],
    ['a refused write', () => t.api('POST', '/pages', { auth: actors.member, body: { path: 'x', title: 'x' } }), 403],
  ])('logs %s at info level, without a stack, under its request id', async (_, send, status) => {
    const response = await send()
    expect(response.status).toBe(status)
    const reqId = response.headers.get('x-request-id')!
    const mine = forRequest(reqId)
    // Payload's own line about the error carries the request's id too
    expect(mine.length).toBeGreaterThanOrEqual(2)
    expect(mine.find((line) => line.path)).toMatchObject({ level: 'info', status })
    for (const line of mine) {
      expect(line.level).toBe('info')
      expect(JSON.stringify(line)).not.toMatch(/"stack"|\n\s+at /)
    }
    expect(logged().filter((line) => line.level === 'error')).toEqual([])
  })

  it('logs a GraphQL error with a 4xx status at info level too', async () => {
    const result = await t.graphql('mutation { createPage(data: { title: "x", path: "x" }) { id } }', {
      auth: actors.member,
    })
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(403)
    const lines = logged()
    expect(lines.find((line) => line.path === '/api/graphql')).toMatchObject({ level: 'info', status: 200 })
    expect(lines.find((line) => line.error === 'GraphQLError' || line.status === 403)).toBeDefined()
    for (const line of lines) expect(line.level).toBe('info')
  })

  it('logs a request that failed inside the app at error level with status 500', async () => {
    const { observed } = await import('../../src/platform/requests')
    const failing = observed(t.config, async () => {
      throw new Error('boom')
    })
    await expect(failing(new Request('http://localhost:3000/api/pages', { headers: { 'X-Request-Id': 'broken-1' } }))).rejects.toThrow(
      'boom',
    )
    expect(forRequest('broken-1')).toEqual([
      expect.objectContaining({ level: 'error', method: 'GET', path: '/api/pages', status: 500 }),
    ])
  })
})

const scrape = async (auth?: Parameters<TestContext['api']>[2]) => t.api('GET', '/metrics', auth)

/** the value of one sample line, e.g. `http_requests_total{method="GET",route="/api/health",status="200"}` */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('GET /api/metrics', () => {
  it('is refused to anonymous, members and a wrong token; staff and the scraper token read it', async () => {
    expect((await scrape()).status).toBe(403)
    expect((await scrape({ auth: actors.member })).status).toBe(403)
    expect((await scrape({ headers: { Authorization: 'Bearer wrong-token' } })).status).toBe(403)
    const staff = await scrape({ auth: actors.staff })
    expect(staff.status).toBe(200)
    expect(staff.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const scraper = await scrape({ headers: { Authorization: 'Bearer scraper-token-123' } })
    expect(scraper.status).toBe(200)
  })

  it('counts requests by method, route and status, with latencies', async () => {
    const series = 'http_requests_total{method="GET",route="/api/health",status="200"}'
    const before = sample(await (await scrape({ auth: actors.staff })).text(), series) ?? 0
    await t.api('GET', '/health')
    await t.api('GET', '/health')
    await t.api('GET', '/no-such-route-a1b2')
    const text = await (await scrape({ auth: actors.staff })).text()
    expect(sample(text, series)).toBe(before + 2)
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/health",status="200"}')).toBe(
      before + 2,
    )
    // an unknown path is counted under one label, whatever it is
    expect(text).toContain('route="/api/other",status="404"')
    expect(text).not.toContain('no-such-route-a1b2')
  })

  it('reports the queue depth, failed jobs and the database pool', async () => {
    await query(t, `delete from payload_jobs`)
    await query(
      t,
      `insert into payload_jobs (task_slug, queue, input, processing, has_error) values
         ('sendEmail', 'default', '{}', false, false),
         ('sendEmail', 'default', '{}', false, false),
         ('sendEmail', 'default', '{}', true, false),
         ('sendEmail', 'default', '{}', false, true)`,
    )
    const text = await (await scrape({ headers: { Authorization: 'Bearer scraper-token-123' } })).text()
    expect(sample(text, 'jobs_queue_depth{queue="default",state="waiting"}')).toBe(2)
    expect(sample(text, 'jobs_queue_depth{queue="default",state="running"}')).toBe(1)
    expect(sample(text, 'jobs_failed{task="sendEmail"}')).toBe(1)
    expect(sample(text, 'db_pool_max_connections')).toBe(20)
    expect(sample(text, 'db_pool_connections{state="total"}')).toBeGreaterThan(0)
    expect(sample(text, 'metrics_scrape_errors_total')).toBe(0)

    await query(t, `delete from payload_jobs`)
    const emptied = await (await scrape({ auth: actors.staff })).text()
    expect(sample(emptied, 'jobs_queue_depth{queue="default",state="waiting"}')).toBeUndefined()
    expect(sample(emptied, 'jobs_failed{task="sendEmail"}')).toBeUndefined()
  })
})
