import type {
  EmailFieldValidation,
  PayloadRequest,
  RelationshipFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'
import { relationship, text } from 'payload/shared'

import { validateEmailLength } from '../../fields/email'

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether another user holds this value (stored lowercased, so compared lowercased). */
const isTaken = async (
  field: 'email' | 'username',
  value: unknown,
  {
    event,
    id,
    req,
  }: {
    event?: 'onChange' | 'submit'
    id?: number | string
    req: PayloadRequest
  },
): Promise<boolean> => {
  // no query per keystroke in the admin form; the submit runs it
  if (typeof value !== 'string' || !value.trim() || event === 'onChange') return false
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req,
    where: {
      and: [{ [field]: { equals: value.toLowerCase().trim() } }, ...(id ? [{ id: { not_equals: id } }] : [])],
    },
  })
  return totalDocs > 0
}

/**
 * A user's email: Payload's checks and the length limit, plus uniqueness.
 * Payload lowercases email and username before validation and the unique
 * indexes back this up, but on create Payload reports any clash of an auth
 * collection with loginWithUsername as a `username` error; these validators
 * name the field that actually clashes (both, when both do).
 */
export const validateUserEmail: EmailFieldValidation = async (value, options) => {
  const base = await validateEmailLength!(value, options)
  if (base !== true) return base
  return (await isTaken('email', value, options)) ? 'A user with this email address is already registered.' : true
}

/** A username: Payload's text checks (maxLength), plus uniqueness, named on `username`. */
export const validateUsername: TextFieldSingleValidation = async (value, options) => {
  const base = await text(value, options)
  if (base !== true) return base
  return (await isTaken('username', value, options)) ? 'A user with this username is already registered.' : true
}

/**
 * A relationship to one user that must exist: an unknown or malformed id is a
 * validation error on the field instead of a foreign-key (or uuid cast) 500.
 */
export const validateExistingUser: RelationshipFieldSingleValidation = async (value, options) => {
  const base = await relationship(value, options)
  if (base !== true) return base
  if (value === null || value === undefined || options.event === 'onChange') return true
  const id =
    typeof value === 'object'
      ? ((value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value)
      : value
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return 'This must be the id of an existing user.'
  const { totalDocs } = await options.req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req: options.req,
    where: { id: { equals: id } },
  })
  return totalDocs > 0 ? true : 'No user with this id exists.'
}
