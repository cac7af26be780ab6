import { sql } from '@payloadcms/db-postgres'
import type { FieldHook } from 'payload'

import { execute } from '../../src/db/sql'

/**
 * New rows take the next value of the collection's sequence. A row that
 * arrives with its python.org id (import, seed: the system, with
 * overrideAccess) keeps it, and the sequence moves past it so later rows
 * never collide.
 */
export const assignLegacyId =
  (sequence: string): FieldHook =>
  async ({ operation, originalDoc, req, value }) => {
    if (operation === 'update') return value ?? originalDoc?.legacyId
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
      await execute(req, sql`SELECT setval(${sequence}::regclass, GREATEST(${value}::bigint, (SELECT last_value FROM ${sql.identifier(sequence)})))`)
      return value
    }
    const [row] = await execute(req, sql`SELECT nextval(${sequence}::regclass) AS id`)
    return Number(row!.id)
  }
