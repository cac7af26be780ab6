import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook } from 'payload'

import { execute } from '../../src/platform/db/sql'

/**
 * One latest release per Python version. Making a release latest clears the
 * flag on the others of its version in the same transaction. A per-version
 * advisory lock makes concurrent "make latest" requests take turns (the last
 * one wins); the partial unique index releases_one_latest_per_version is the
 * backstop that makes two latest rows impossible whatever writes them.
 *
 * `originalDoc` (and the flag Payload merges from it into `data`) was read
 * before the lock was taken. When it says this release already was the
 * latest, the flag is re-read under the lock: if another request has taken
 * it since, this save counts as having come first (it asked for what was
 * already so) and does not write the stale flag back.
 */
export const ensureSingleLatest: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!data.isLatest) return data
  const version = data.version ?? originalDoc?.version ?? 'PYTHON3'
  await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext(${`releases.latest.${version}`}))`)
  if (originalDoc?.id && originalDoc.isLatest && originalDoc.version === version) {
    const [row] = await execute(req, sql`SELECT is_latest FROM releases WHERE id = ${originalDoc.id}`)
    return row?.is_latest ? data : { ...data, isLatest: false }
  }
  await execute(
    req,
    originalDoc?.id
      ? sql`UPDATE releases SET is_latest = false WHERE version = ${version} AND is_latest AND id <> ${originalDoc.id}`
      : sql`UPDATE releases SET is_latest = false WHERE version = ${version} AND is_latest`,
  )
  return data
}
