/**
 * `select[...]` and `populate[...]` for custom reads (src/platform/reads.ts),
 * read from the query string as Payload's own REST handlers read them, so a
 * list read answers a summary by default and the whole document, or any other
 * shape, on request: `?select[content]=true`, `?populate[pages][title]=true`.
 *
 * Only REST: a GraphQL query already names every field it wants.
 */
import {
  APIError,
  type PayloadRequest,
  type PopulateType,
  sanitizePopulateParam,
  sanitizeSelectParam,
  type SelectType,
} from 'payload'

import type { ReadContext } from './reads'

const bad = (name: string, rule: string): never => {
  throw new APIError(`${name}: ${rule}`, 400, undefined, true)
}

/** Every leaf true or false (after Payload turned "true"/"false" into booleans), the object nested. */
const checkShape = (name: string, value: unknown, path = name): void => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    bad(path, `expected ${name}[field]=true or false`)
  }
  for (const [key, leaf] of Object.entries(value as Record<string, unknown>)) {
    if (typeof leaf === 'boolean') continue
    checkShape(name, leaf, `${path}[${key}]`)
  }
}

const parsed = <T>(name: string, raw: unknown, sanitize: (value: any) => T): T => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) bad(name, `expected ${name}[field]=true or false`)
  // a copy: req.query is shared with whatever else reads the request
  const value = sanitize(structuredClone(raw))
  checkShape(name, value)
  return value
}

export type ReadQuery = { populate?: PopulateType; select?: SelectType }

/**
 * The select and populate of a REST read: the caller's, else `defaults`.
 * Malformed ones are a 400 naming the parameter.
 */
export const readQuery = (req: PayloadRequest, { via }: ReadContext, defaults: ReadQuery = {}): ReadQuery => {
  if (via !== 'rest') return {}
  const query = (req.query ?? {}) as Record<string, unknown>
  return {
    populate:
      query.populate === undefined ? defaults.populate : parsed('populate', query.populate, sanitizePopulateParam),
    select: query.select === undefined ? defaults.select : parsed('select', query.select, sanitizeSelectParam),
  }
}
