import type { Endpoint } from 'payload'

/** How long /api/health waits for the database (HEALTH_TIMEOUT_MS, default 3 s). */
export const healthDeadlineMs = (): number => {
  const value = Number(process.env.HEALTH_TIMEOUT_MS || 3000)
  return Number.isFinite(value) && value > 0 ? value : 3000
}

class DeadlinePassed extends Error {}

/**
 * GET /api/health: 200 only when the database answers a query, 503 when it
 * fails or does not answer within the health deadline. A load balancer's
 * probe gets its answer in time even from a database that accepts
 * connections and never replies (the query itself ends later, on the
 * database timeouts of src/platform/db/settings.ts).
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const deadline = healthDeadlineMs()
    let timer: NodeJS.Timeout | undefined
    try {
      const db = req.payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } }
      await Promise.race([
        db.pool.query('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new DeadlinePassed()), deadline)
        }),
      ])
      return Response.json({ database: 'ok', status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
    } catch (err) {
      const timedOut = err instanceof DeadlinePassed
      req.payload.logger.error(
        timedOut ? {} : { err },
        timedOut
          ? `health check: the database did not answer within ${deadline} ms`
          : 'health check: database unreachable',
      )
      return Response.json(
        { database: timedOut ? 'timeout' : 'unreachable', status: 'error' },
        { headers: { 'Cache-Control': 'no-store' }, status: 503 },
      )
    } finally {
      clearTimeout(timer)
    }
  },
}
