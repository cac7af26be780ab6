import type { CollectionSlug, RelationshipFieldValidation } from 'payload'
import { relationship } from 'payload/shared'

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const idOf = (item: unknown): unknown =>
  item && typeof item === 'object'
    ? ((item as { id?: unknown; value?: unknown }).id ?? (item as { value?: unknown }).value)
    : item

/**
 * A relationship (one or many) to documents of `collection` that must exist:
 * an unknown or malformed id is a validation error on the field instead of a
 * foreign-key (or uuid cast) 500.
 */
export const existingIn =
  (collection: CollectionSlug, label: string): RelationshipFieldValidation =>
  async (value, options) => {
    const base = await relationship(value as never, options as never)
    if (base !== true) return base
    if (value === null || value === undefined || options.event === 'onChange') return true
    const ids = (Array.isArray(value) ? value : [value]).map(idOf)
    if (!ids.length) return true
    if (ids.some((id) => typeof id !== 'string' || !UUID_PATTERN.test(id)))
      return `This must be the id of an existing ${label}.`
    const unique = [...new Set(ids as string[])]
    // overrideAccess: existence only; what the user may read is checked elsewhere
    const { totalDocs } = await options.req.payload.count({
      collection,
      overrideAccess: true,
      req: options.req,
      where: { id: { in: unique } },
    })
    return totalDocs === unique.length ? true : `No ${label} with this id exists.`
  }
