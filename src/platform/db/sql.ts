import type { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type SQL = ReturnType<typeof sql>

type Drizzle = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The drizzle handle of the request's transaction (or the pool outside
 * one), for the few statements Payload's query API cannot express:
 * row locks, ON CONFLICT increments, sequences.
 */
export const dbFor = async (req: PayloadRequest): Promise<Drizzle> => {
  const adapter = req.payload.db as unknown as { drizzle: Drizzle; sessions?: Record<string, { db: Drizzle }> }
  if (!req.transactionID) return adapter.drizzle
  return adapter.sessions?.[String(await req.transactionID)]?.db ?? adapter.drizzle
}

export const execute = async (req: PayloadRequest, query: SQL): Promise<Record<string, unknown>[]> =>
  (await (await dbFor(req)).execute(query)).rows
