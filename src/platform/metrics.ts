import crypto from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'
import type pg from 'pg'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

import { userIsStaff } from '../../access/roles'

/**
 * Prometheus metrics of THIS app instance (prom-client; text format at
 * GET /api/metrics). Several instances each answer for themselves: scrape
 * every instance and sum the request series; the queue series are read from
 * the shared database and are the same on every instance (use max, not sum).
 */
type Metrics = {
  dbPool: Gauge<'state'>
  dbPoolMax: Gauge
  jobsFailed: Gauge<'task'>
  jobsQueued: Gauge<'queue' | 'state'>
  registry: Registry
  requestDuration: Histogram<'method' | 'route' | 'status'>
  requests: Counter<'method' | 'route' | 'status'>
  scrapeErrors: Counter
}

const METRICS = Symbol.for('pythondotorg.metrics')
const shared = globalThis as typeof globalThis & { [key: symbol]: unknown }

const create = (): Metrics => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  return {
    dbPool: new Gauge({
      help: 'Database connections of this instance by state (total, idle, waiting = requests queued for one)',
      labelNames: ['state'],
      name: 'db_pool_connections',
      registers,
    }),
    dbPoolMax: new Gauge({ help: 'DATABASE_POOL_MAX of this instance', name: 'db_pool_max_connections', registers }),
    jobsFailed: new Gauge({
      help: 'Jobs that gave up after their last attempt (whole database)',
      labelNames: ['task'],
      name: 'jobs_failed',
      registers,
    }),
    jobsQueued: new Gauge({
      help: 'Jobs not done yet by queue and state (waiting, running; whole database)',
      labelNames: ['queue', 'state'],
      name: 'jobs_queue_depth',
      registers,
    }),
    registry,
    requestDuration: new Histogram({
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      help: 'Time to the response headers of API requests, in seconds',
      labelNames: ['method', 'route', 'status'],
      name: 'http_request_duration_seconds',
      registers,
    }),
    requests: new Counter({
      help: 'API requests answered by this instance',
      labelNames: ['method', 'route', 'status'],
      name: 'http_requests_total',
      registers,
    }),
    scrapeErrors: new Counter({
      help: 'Scrapes that could not read the queue from the database',
      name: 'metrics_scrape_errors_total',
      registers,
    }),
  }
}

export const metrics = (): Metrics => (shared[METRICS] ??= create()) as Metrics

const METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'])

export const recordRequest = (method: string, route: string, status: number, seconds: number): void => {
  const labels = { method: METHODS.has(method) ? method : 'OTHER', route, status: String(status) }
  const m = metrics()
  m.requests.inc(labels)
  m.requestDuration.observe(labels, seconds)
}

/** The bearer token scrapers send (METRICS_TOKEN), compared in constant time. */
const bearerMatches = (req: PayloadRequest): boolean => {
  const expected = process.env.METRICS_TOKEN
  const header = req.headers.get('authorization') ?? ''
  if (!expected || !header.startsWith('Bearer ')) return false
  const given = crypto.createHash('sha256').update(header.slice('Bearer '.length)).digest()
  return crypto.timingSafeEqual(given, crypto.createHash('sha256').update(expected).digest())
}

const readDatabaseGauges = async (m: Metrics, pool: pg.Pool) => {
  m.dbPool.set({ state: 'total' }, pool.totalCount)
  m.dbPool.set({ state: 'idle' }, pool.idleCount)
  m.dbPool.set({ state: 'waiting' }, pool.waitingCount)
  m.dbPoolMax.set(pool.options.max ?? 0)
  try {
    const queued = await pool.query<{ queue: string; running: string; waiting: string }>(`
      select coalesce(queue, 'default') as queue,
             count(*) filter (where processing) as running,
             count(*) filter (where not processing) as waiting
      from payload_jobs
      where completed_at is null and not coalesce(has_error, false)
      group by 1`)
    const failed = await pool.query<{ count: string; task: string }>(`
      select coalesce(task_slug::text, 'workflow') as task, count(*) as count
      from payload_jobs where has_error group by 1`)
    // series of queues and tasks that emptied since the last scrape go back to 0, not stale
    m.jobsQueued.reset()
    m.jobsFailed.reset()
    for (const row of queued.rows) {
      m.jobsQueued.set({ queue: row.queue, state: 'waiting' }, Number(row.waiting))
      m.jobsQueued.set({ queue: row.queue, state: 'running' }, Number(row.running))
    }
    for (const row of failed.rows) m.jobsFailed.set({ task: row.task }, Number(row.count))
  } catch {
    m.scrapeErrors.inc()
  }
}

/**
 * GET /api/metrics: staff (logged in), or a scraper sending
 * `Authorization: Bearer $METRICS_TOKEN`. Everyone else gets 403.
 */
export const metricsEndpoint: Endpoint = {
  path: '/metrics',
  method: 'get',
  handler: async (req) => {
    if (!userIsStaff(req) && !bearerMatches(req)) {
      return Response.json({ errors: [{ message: 'You are not allowed to read the metrics.' }] }, { status: 403 })
    }
    const m = metrics()
    await readDatabaseGauges(m, (req.payload.db as unknown as { pool: pg.Pool }).pool)
    return new Response(await m.registry.metrics(), {
      headers: { 'Cache-Control': 'no-store', 'Content-Type': m.registry.contentType },
    })
  },
}
