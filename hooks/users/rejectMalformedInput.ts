import { APIError, type CollectionBeforeOperationHook, ValidationError } from 'payload'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Payload trusts the JSON shape of a write: a body that is a JSON string or
 * array crashes field traversal, and a number or array in a text field either
 * crashes a hook (username/email are lowercased with `toLowerCase`) or is
 * stored as its JSON text. Refuse both up front as client errors naming the
 * field, before any hook or access check runs on the bad value.
 */
export const rejectMalformedInput =
  ({ stringFields }: { stringFields: readonly string[] }): CollectionBeforeOperationHook =>
  ({ args, collection, operation }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args as { data?: unknown }).data
    if (data === undefined) return args
    if (!isPlainObject(data)) {
      throw new APIError('The request body must be a JSON object.', 400, undefined, true)
    }
    const errors = stringFields
      .filter((name) => data[name] !== undefined && data[name] !== null && typeof data[name] !== 'string')
      .map((name) => ({ message: `${name} must be a string.`, path: name }))
    if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
    return args
  }
