import type { Endpoint } from 'payload'

/** GET /api/health: 200 only when the database answers a query. */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      const db = req.payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } }
      await db.pool.query('select 1')
      return Response.json({ database: 'ok', status: 'ok' })
    } catch (err) {
      req.payload.logger.error({ err, msg: 'health check: database unreachable' })
      return Response.json({ database: 'unreachable', status: 'error' }, { status: 503 })
    }
  },
}
