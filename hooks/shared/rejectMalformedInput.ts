import { APIError, type CollectionBeforeOperationHook, type Field, ValidationError } from 'payload'

import { richTextShapeError } from '../../src/platform/markup/richTextShape'

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

/** Top-level rich text fields (looking inside rows, collapsibles and unnamed tabs). */
const richTextFieldNames = (fields: Field[]): string[] =>
  fields.flatMap((field): string[] => {
    if ('name' in field && field.name) return field.type === 'richText' ? [field.name] : []
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : richTextFieldNames(tab.fields)))
    if ('fields' in field) return richTextFieldNames(field.fields)
    return []
  })

const cache = new WeakMap<object, { richText: string[]; strings: string[] }>()

/**
 * Payload trusts the JSON shape of a write: a body that is a JSON string or
 * array crashes field traversal, a number or array in a text field either
 * crashes a hook or is stored as its JSON text, and a rich text value that is
 * not a Lexical tree crashes the editor's hooks. Every collection refuses these
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
    names = {
      richText: richTextFieldNames(collection.fields),
      // auth collections take a password that is not one of their fields
      strings: [...stringFieldNames(collection.fields), ...(collection.auth ? ['password'] : [])],
    }
    cache.set(collection, names)
  }
  const errors = [
    ...names.strings
      .filter((name) => data[name] !== undefined && data[name] !== null && typeof data[name] !== 'string')
      .map((name) => ({ message: `${name} must be a string.`, path: name })),
    // Lexical's hooks walk the JSON as it comes: a malformed tree would crash them
    ...names.richText.flatMap((name) => {
      const problem = richTextShapeError(data[name])
      return problem ? [{ message: `${name} ${problem}.`, path: name }] : []
    }),
  ]
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return args
}
