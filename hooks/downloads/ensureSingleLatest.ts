import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook } from 'payload'

import { execute } from '../../src/db/sql'

/**
 * One latest release per Python version. Making a release latest clears the
 * flag on the others of its version in the same transaction. A per-version
 * advisory lock makes concurrent "make latest" requests take turns (the last
 * one wins); the partial unique index releases_one_latest_per_version is the
 * backstop that makes two latest rows impossible whatever writes them.
 */
export const ensureSingleLatest: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const isLatest = data.isLatest ?? originalDoc?.isLatest
  const version = data.version ?? originalDoc?.version ?? 'PYTHON3'
  if (!isLatest) return data
  if (originalDoc?.isLatest && originalDoc.version === version) return data
  await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext(${`releases.latest.${version}`}))`)
  await execute(
    req,
    originalDoc?.id
      ? sql`UPDATE releases SET is_latest = false WHERE version = ${version} AND is_latest AND id <> ${originalDoc.id}`
      : sql`UPDATE releases SET is_latest = false WHERE version = ${version} AND is_latest`,
  )
  return data
}
