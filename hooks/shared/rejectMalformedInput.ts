import { APIError, type CollectionBeforeOperationHook, type Field, ValidationError } from 'payload'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const STRING_TYPES = new Set(['code', 'email', 'text', 'textarea'])

/** Top-level data fields whose value must be a string (looking inside rows, collapsibles and unnamed tabs). */
const stringFieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field): string[] => {
    if ('name' in field && field.name) {
      const single = !('hasMany' in field && field.hasMany)
      const isString = STRING_TYPES.has(field.type) || (field.type === 'select' && single)
      return isString && !('virtual' in field && field.virtual) ? [field.name] : []
    }
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : stringFieldNames(tab.fields)))
    if ('fields' in field) return stringFieldNames(field.fields)
    return []
  })

const cache = new WeakMap<object, string[]>()

/**
 * Payload trusts the JSON shape of a write: a body that is a JSON string or
 * array crashes field traversal, and a number or array in a text field either
 * crashes a hook or is stored as its JSON text. Every collection refuses both
 * up front as client errors naming the field, before any other hook runs.
 */
export const rejectMalformedInput: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (data === undefined) return args
  if (!isPlainObject(data)) {
    throw new APIError('The request body must be a JSON object.', 400, undefined, true)
  }
  let names = cache.get(collection)
  if (!names) {
    // auth collections take a password that is not one of their fields
    names = [...stringFieldNames(collection.fields), ...(collection.auth ? ['password'] : [])]
    cache.set(collection, names)
  }
  const errors = names
    .filter((name) => data[name] !== undefined && data[name] !== null && typeof data[name] !== 'string')
    .map((name) => ({ message: `${name} must be a string.`, path: name }))
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return args
}
