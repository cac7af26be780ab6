import { sql } from '@payloadcms/db-postgres'
import type { FieldHook, PayloadRequest } from 'payload'

import { execute } from '../../src/platform/db/sql'

const isLegacyId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0

/** Moves the sequence past `value`, never back: later rows never collide with it. */
const skipPast = (req: PayloadRequest, sequence: string, value: number) =>
  execute(
    req,
    sql`SELECT setval(${sequence}::regclass, GREATEST(${value}::bigint, (SELECT last_value FROM ${sql.identifier(sequence)})))`,
  )

/**
 * New rows take the next value of the collection's sequence. A row that
 * arrives with its python.org id (import, seed: the system, with
 * overrideAccess) keeps it, and the sequence moves past it so later rows
 * never collide. Clients never get here with a value: field access strips it.
 */
export const assignLegacyId =
  (sequence: string): FieldHook =>
  async ({ operation, originalDoc, req, value }) => {
    if (operation === 'update') {
      if (isLegacyId(value) && value !== originalDoc?.legacyId) {
        await skipPast(req, sequence, value)
        return value
      }
      return originalDoc?.legacyId ?? value
    }
    if (isLegacyId(value)) {
      await skipPast(req, sequence, value)
      return value
    }
    const [row] = await execute(req, sql`SELECT nextval(${sequence}::regclass) AS id`)
    return Number(row!.id)
  }
