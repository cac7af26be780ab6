/** What the two workflow hooks share: refusals, status parsing, value comparison. */
import { APIError, type CollectionSlug, ValidationError } from 'payload'

import { toDateOnly } from '../../fields/dateOnly'
import { startOfTodayUtc } from '../platform/clock'

/**
 * Context flag: the system itself is acting (executing a contract finalizes
 * its sponsorship; changed terms are copied into the draft contract), not
 * the requesting user.
 */
export const SPONSORS_SYSTEM = 'sponsorsSystem'

export const refuse = (message: string, status: 403 | 409): never => {
  throw new APIError(message, status, undefined, true)
}

export const invalid = (collection: CollectionSlug, path: string, message: string, id?: number | string): never => {
  throw new ValidationError({ collection, errors: [{ message, path }], id })
}

/** An unknown status is bad input (400 naming `status`), not a refused transition. */
export const assertKnownStatus = <S extends string>(
  collection: CollectionSlug,
  noun: string,
  statuses: readonly S[],
  status: unknown,
  id?: number | string,
): S => {
  if (typeof status === 'string' && (statuses as readonly string[]).includes(status)) return status as S
  return invalid(
    collection,
    'status',
    `status: "${String(status)}" is not a ${noun} status; expected one of ${statuses.join(', ')}`,
    id,
  )
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The id in a relationship value (an id, or a populated document). */
export const idOf = (value: unknown): null | string => {
  if (value && typeof value === 'object')
    return idOf((value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

const DATE_FIELDS = new Set(['endDate', 'startDate', 'sentOn'])

/** A field's value reduced to what counts as a change (ids for relationships, days for dates, '' as null). */
export const comparable = (field: string, value: unknown): string => {
  if (DATE_FIELDS.has(field) && value) {
    const time = new Date(value as string).getTime()
    if (!Number.isNaN(time)) return JSON.stringify(toDateOnly(new Date(time)))
  }
  if (Array.isArray(value)) {
    // array rows (legal clauses): their content, without row ids
    return JSON.stringify(
      value.map((item) =>
        item && typeof item === 'object' && !('relationTo' in item)
          ? Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'id'))
          : idOf(item),
      ),
    )
  }
  const normalized = value && typeof value === 'object' ? idOf(value) : value
  return JSON.stringify(normalized === '' || normalized === undefined ? null : normalized)
}

/** The fields among `fields` whose value in `data` differs from `original`. */
export const changedFields = (
  fields: readonly string[],
  data: Record<string, unknown>,
  original: Record<string, unknown>,
) => fields.filter((field) => field in data && comparable(field, data[field]) !== comparable(field, original[field]))

/** Today's date (by the clock) as stored in date-only fields. */
export const today = (): string => startOfTodayUtc().toISOString()
