import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook } from 'payload'

import { execute } from '../../src/platform/db/sql'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/**
 * The very first account (the admin panel's "create first user", or the
 * seed) becomes an active superuser; otherwise nobody could ever reach the
 * admin panel to grant roles. A transaction-scoped advisory lock makes
 * concurrent sign-ups on an empty site take turns, so only one of them can
 * see "no users yet".
 */
export const firstUserIsSuperuser: CollectionBeforeChangeHook = async ({ context, data, operation, req }) => {
  // an import (PRESERVE_CONTENT_MANAGED) keeps python.org's roles: its first account is not made a superuser
  if (operation !== 'create' || context[PRESERVE_CONTENT_MANAGED]) return data
  await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext('users.first-user'))`)
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, isActive: true, isStaff: true, isSuperuser: true }
  return data
}
