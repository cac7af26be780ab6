/**
 * What the elections hooks read as the system: the election and users a write
 * names (existence only; access is the operation's own business), display
 * names, and the lock that serialises nominations of one user in one election.
 */
import { sql } from '@payloadcms/db-postgres'
import { type PayloadRequest, ValidationError } from 'payload'

import type { Election, Nominee, User } from '../../payload-types'
import { execute } from '../platform/db/sql'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The id in a relationship value (an id, or a populated document). */
export const idOf = (value: unknown): null | string => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

export const invalid = (collection: string, path: string, message: string): never => {
  throw new ValidationError({ collection, errors: [{ message, path }] })
}

const load = async <T>(
  req: PayloadRequest,
  target: 'elections' | 'nominees' | 'users',
  value: unknown,
): Promise<null | T> => {
  const id = idOf(value)
  if (!id || !UUID.test(id)) return null
  // overrideAccess: existence and dates only; what the caller may read is checked by the operation itself
  const doc = await req.payload.findByID({
    collection: target,
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    req,
  })
  return (doc as null | T) ?? null
}

export const loadElection = async (req: PayloadRequest, value: unknown, from: { collection: string; path: string }) =>
  (await load<Election>(req, 'elections', value)) ??
  invalid(from.collection, from.path, 'This must be the id of an existing election.')

export const loadUser = async (req: PayloadRequest, value: unknown, from: { collection: string; path: string }) =>
  (await load<User>(req, 'users', value)) ??
  invalid(from.collection, from.path, 'This must be the id of an existing user.')

export const findNominee = (req: PayloadRequest, value: unknown) => load<Nominee>(req, 'nominees', value)

/** How a user is named on a ballot: first and last name, or the username when they gave none. */
export const displayName = (user: Pick<User, 'firstName' | 'lastName' | 'username'> | null | undefined): string => {
  const full = [user?.firstName, user?.lastName]
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter(Boolean)
    .join(' ')
  return full || (typeof user?.username === 'string' ? user.username : '')
}

/**
 * Serialises every write about one user's candidacy in one election (their
 * nominee row, nominations of them) until the transaction ends: two
 * concurrent nominations of one person find or create one nominee, never two
 * (the unique index on (election, user) is the last line of defence).
 */
export const lockCandidacy = async (req: PayloadRequest, election: string, user: string) => {
  await execute(req, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`candidacy:${election}:${user}`}, 0))`)
}
