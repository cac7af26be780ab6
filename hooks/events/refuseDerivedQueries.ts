import { APIError, type CollectionBeforeOperationHook } from 'payload'

const DERIVED = ['nextOccurrence', 'previousOccurrence']

const derivedIn = (path: string): string | undefined =>
  DERIVED.find((name) => path === name || path.startsWith(`${name}.`))

/** The first derived field a where clause names, looking inside and/or. */
const inWhere = (where: unknown): string | undefined => {
  if (!where || typeof where !== 'object') return undefined
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      for (const part of value) {
        const found = inWhere(part)
        if (found) return found
      }
    } else {
      const found = derivedIn(key)
      if (found) return found
    }
  }
  return undefined
}

const inSort = (sort: unknown): string | undefined =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((part) => derivedIn(String(part).trim().replace(/^-/, '')))
    .find(Boolean)

/**
 * nextOccurrence and previousOccurrence are computed when read, not stored:
 * the database cannot filter or sort on them. Asking to is a client error
 * naming the field (the upcoming and past reads are the queries for it).
 */
export const refuseDerivedQueries: CollectionBeforeOperationHook = ({ args }) => {
  const { sort, where } = args as { sort?: unknown; where?: unknown }
  const field = inWhere(where) ?? inSort(sort)
  if (field) {
    throw new APIError(
      `${field}: derived when read, so it cannot filter or sort a list; use /api/events/upcoming or /api/events/past`,
      400,
      undefined,
      true,
    )
  }
  return args
}
