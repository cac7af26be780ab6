import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeOperationHook,
  type Where,
} from 'payload'

import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { now } from '../../src/platform/clock'
import { execute } from '../../src/platform/db/sql'
import { checkDjangoPassword } from '../../src/users/djangoPasswords'

/**
 * Accounts imported from python.org keep the password hash its Django
 * stored (`djangoPasswordHash`) and get no password of ours. Their first
 * login is checked against that hash; when it matches, the password is
 * saved with Payload's own hash in the same request and the Django hash is
 * dropped, so Payload's login then goes on as for anyone. An account whose
 * Django hash cannot be checked (Django's unusable "!" hash, one of a
 * hasher python.org never ran) must set a new password through "forgot
 * password". Every other account never reaches these hooks' work.
 */
export const MUST_RESET_MESSAGE =
  'This account moved from python.org without a password that can be checked here: set a new one with “Forgot password”.'

type StoredUser = {
  djangoPasswordHash?: null | string
  hash?: null | string
  id: number | string
  isActive?: boolean | null
  lockUntil?: null | string
}

/**
 * Login (REST /api/users/login, the admin's login form, GraphQL loginUser):
 * before Payload checks its own hash, an account that has only a Django
 * one gets that checked, and migrated when it matches. A wrong password
 * changes nothing here and fails in Payload's login as any wrong password
 * does (counted towards the lockout).
 */
export const migrateDjangoPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const password = data.password
  const names = [data.username, data.email]
    .filter((value): value is string => typeof value === 'string' && Boolean(value.trim()))
    .map((value) => value.toLowerCase().trim())
  if (typeof password !== 'string' || !password || !names.length) return args
  const user = (await req.payload.db.findOne({
    collection: 'users',
    req,
    where: { or: names.flatMap((name): Where[] => [{ username: { equals: name } }, { email: { equals: name } }]) },
  })) as null | StoredUser
  // a password of ours decides; a stale Django hash beside it is dropped at login (below)
  if (!user || user.hash || !user.djangoPasswordHash || user.isActive === false) return args
  if (user.lockUntil && new Date(user.lockUntil).getTime() > now().getTime()) return args
  const check = await checkDjangoPassword(password, user.djangoPasswordHash)
  if (check === 'unusable') throw new APIError(MUST_RESET_MESSAGE, 401, undefined, true)
  if (check === 'mismatch') return args
  // overrideAccess: the system replaces the hash the user just proved to know; nobody else may write either
  await req.payload.update({
    collection: 'users',
    data: { djangoPasswordHash: null, password },
    depth: 0,
    id: user.id,
    overrideAccess: true,
    req,
  })
  return args
}

/** An account with a password of ours (set at login or by a reset) keeps no Django hash. */
export const dropDjangoPassword: CollectionBeforeLoginHook = async ({ req, user }) => {
  if ((user as StoredUser).djangoPasswordHash) {
    await execute(req, sql`UPDATE users SET django_password_hash = NULL WHERE id = ${String(user.id)}`)
  }
  return user
}

/**
 * The importer (PRESERVE_CONTENT_MANAGED) creates accounts with a Django
 * hash only: Payload requires a password to create an account, so one is
 * made up here that nobody ever learns...
 */
export const passwordlessImport: CollectionBeforeOperationHook = ({ args, context, operation }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (operation !== 'create' || !context[PRESERVE_CONTENT_MANAGED] || !data?.djangoPasswordHash || data.password) {
    return args
  }
  return { ...args, data: { ...data, password: crypto.randomBytes(32).toString('hex') } }
}

/** ...and removed as soon as the account exists: python.org's hash decides the first login. */
export const removeImportPassword: CollectionAfterChangeHook = async ({ context, data, doc, operation, req }) => {
  // (`data`, not `doc`: the hash is a hidden field, never in a document read back)
  if (operation === 'create' && context[PRESERVE_CONTENT_MANAGED] && data.djangoPasswordHash) {
    await execute(req, sql`UPDATE users SET hash = NULL, salt = NULL WHERE id = ${String(doc.id)}`)
  }
  return doc
}
