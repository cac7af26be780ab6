/**
 * Query parameters a client sends to any collection (`where`, `sort`,
 * `limit`, `page`, `depth`) are checked against the collection's fields
 * before Payload runs the query, and a bad one is a 400 naming it.
 *
 * Payload checks that a `where` path exists and may be read, but not the
 * value: `where[telecommuting][equals]=maybe` reached SQL (500),
 * `where[category][equals]=not-a-uuid` or `where[expires][greater_than]=notadate`
 * were dropped silently (200, nothing found), and `sort=nope`, `limit=abc`
 * were ignored. Here every value is checked by the type of the field its
 * path ends at (through relationships too: `category.slug` is the category's
 * slug, a text), every operator against the operators that type supports,
 * every sort path against the fields, and the numbers as whole numbers.
 *
 * Where: a `beforeOperation` hook (read, count, readDistinct, and update and
 * delete by `where`) on EVERY collection, Payload's own included, added by
 * `withQueryValidation` to the sanitized config. That is the one place every
 * entry point passes through with the values the query will run with:
 * REST lists, counts and by-id reads (after Payload's own parameter parsing,
 * which leaves a non-numeric `limit` as the raw text), GraphQL lists and
 * counts (whose `where` carries relationship ids and ids as untyped JSON and
 * text), custom reads, and Local API calls from code. A wrapper around the
 * REST route handlers would have missed GraphQL; a hook per collection file
 * would have missed the collections Payload adds itself.
 *
 * A field may also say how a query value is normalised before it is compared
 * (`custom: { normalizeQueryValue }`, e.g. a page's `path`), so that every API
 * finds `/about/psf/` as the stored `about/psf`.
 */
import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type FlattenedField,
  getLocalizedPaths,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  type Where,
} from 'payload'

type QueryArgs = {
  depth?: unknown
  limit?: unknown
  page?: unknown
  sort?: unknown
  where?: unknown
}

/** `custom.normalizeQueryValue` on a field: applied to exact-match values (equals, not_equals, in, not_in). */
export type NormalizeQueryValue = (value: string) => string

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// a date (2024-01-15) or an ISO 8601 date-time; Date.parse alone accepts too much ("1", "May 5")
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/
const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/

const EQUALITY = ['equals', 'not_equals']
const LISTS = ['in', 'not_in', 'all']
const COMPARISON = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const PARTIAL = ['like', 'not_like', 'contains']
const EXACT = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/** The operators each field type answers correctly (Payload passes others on to SQL, which fails or matches nothing). */
const OPERATORS: Record<string, string[]> = {
  checkbox: [...EQUALITY],
  code: [...EQUALITY, ...LISTS, ...PARTIAL],
  date: [...EQUALITY, ...LISTS, ...COMPARISON],
  email: [...EQUALITY, ...LISTS, ...PARTIAL],
  // the admin's list search runs `like` on the id of a collection without a title field
  id: [...EQUALITY, ...LISTS, 'like'],
  // a JSON document compares as a whole; its inner paths (context.jobId) also match text
  json: [...EQUALITY, 'in', 'not_in'],
  jsonPath: [...EQUALITY, 'like', 'not_like'],
  number: [...EQUALITY, ...LISTS, ...COMPARISON],
  radio: [...EQUALITY, ...LISTS],
  // contains: a nested query on the related documents ({ contains: { slug: { equals: ... } } })
  relationship: [...EQUALITY, ...LISTS, 'contains'],
  relationTo: [...EQUALITY, ...LISTS],
  // rich text is a JSON document too (Lexical's); its text is searchable in the rendered `*Html` field
  richText: [...EQUALITY, 'in', 'not_in'],
  select: [...EQUALITY, ...LISTS],
  text: [...EQUALITY, ...LISTS, ...PARTIAL],
  textarea: [...EQUALITY, ...LISTS, ...PARTIAL],
  upload: [...EQUALITY, ...LISTS, 'contains'],
}

/** Field types a list can be sorted by (a relationship sorts by the related id). */
const SORTABLE = new Set(['checkbox', 'code', 'date', 'email', 'id', 'number', 'radio', 'select', 'text', 'textarea'])

const bad = (parameter: string, rule: string): never => {
  throw new APIError(`${parameter}: ${rule}`, 400, undefined, true)
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value.slice(0, 100)}"` : JSON.stringify(value))

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const isNullish = (value: unknown) => value === null || value === 'null'

/** What a leaf of a `where` path is: the type checks and operators below key on `kind`. */
type Target =
  | { kind: 'id'; collections: string[] }
  | { kind: 'json'; nested: boolean }
  | { kind: 'relationTo'; options: string[] }
  | { field: FlattenedField; kind: 'field' }
  | { kind: 'relationship'; collections: string[]; field: FlattenedField }
  | { kind: 'skip' }

// `all` (every value present) means something for a hasMany field only; SQL fails on it otherwise
const hasMany = (target: Target) =>
  (target.kind === 'field' || target.kind === 'relationship') &&
  'hasMany' in target.field &&
  Boolean(target.field.hasMany)

const idCheck = (req: PayloadRequest, collections: string[]) => {
  const types = collections.map((slug) => {
    const collection = req.payload.collections[slug as CollectionSlug]
    return collection?.customIDType ?? (req.payload.db as { idType?: string }).idType ?? 'text'
  })
  return (value: unknown): null | string => {
    if (value instanceof Object) return 'expected an id'
    const text = String(value)
    const ok = types.some((type) =>
      type === 'uuid' ? UUID.test(text) : type === 'number' || type === 'serial' ? /^\d+$/.test(text) : text !== '',
    )
    if (ok) return null
    const names = collections.join(' or ')
    return types.every((type) => type === 'uuid') ? `expected a ${names} id (a UUID)` : `expected a ${names} id`
  }
}

const resolveTarget = (req: PayloadRequest, collection: SanitizedCollectionConfig, rawPath: string): Target => {
  // GraphQL spells nested paths with "__" (category__slug); Payload reads both
  const path = rawPath.replace(/__/g, '.')
  const paths = getLocalizedPaths({
    collectionSlug: collection.slug,
    fields: collection.flattenedFields,
    incomingPath: path,
    locale: req.locale ?? undefined,
    overrideAccess: true,
    payload: req.payload,
  })
  // an unknown or forbidden path is Payload's to refuse, with its own message
  if (paths.some(({ invalid }) => invalid)) return { kind: 'skip' }
  const leaf = paths.at(-1)
  const field = leaf?.field as FlattenedField | undefined
  if (!leaf || !field) return { kind: 'skip' }
  const owner = leaf.collectionSlug ?? collection.slug
  const declaresId = req.payload.collections[owner as CollectionSlug]?.config.flattenedFields.some(
    (each) => each.name === 'id',
  )
  if (field.name === 'id' && !declaresId && leaf.path.split('.').at(-1) === 'id')
    return { collections: [owner], kind: 'id' }
  if (field.type === 'join') {
    // a join answers by the joined documents' ids (Payload reads `files` as `files.id`)
    const joined = Array.isArray(field.collection) ? field.collection : [field.collection]
    return { collections: joined, field, kind: 'relationship' }
  }
  if (field.type === 'relationship' || field.type === 'upload') {
    const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
    const last = leaf.path.split('.').at(-1)
    if (Array.isArray(field.relationTo) && last === 'relationTo') return { kind: 'relationTo', options: targets }
    return { collections: targets, field, kind: 'relationship' }
  }
  if (field.name === 'relationTo' && leaf.path === 'relationTo' && 'options' in field) {
    return { kind: 'relationTo', options: (field.options as string[]).map(String) }
  }
  // a path into the JSON (`context.jobId`), not the JSON field itself inside an array or group (`log.input`)
  if (field.type === 'json') return { kind: 'json', nested: leaf.path.split('.').at(-1) !== field.name }
  return { field, kind: 'field' }
}

const optionValues = (field: FlattenedField): string[] =>
  'options' in field && Array.isArray(field.options)
    ? field.options.map((option) => (typeof option === 'object' ? String(option.value) : String(option)))
    : []

/** Checks one scalar value; `null` when it is fine, else the rule it breaks. */
const scalarCheck = (req: PayloadRequest, target: Target, operator: string): ((value: unknown) => null | string) => {
  const allowNull = operator === 'equals' || operator === 'not_equals'
  const nullable =
    (check: (value: unknown) => null | string) =>
    (value: unknown): null | string =>
      allowNull && isNullish(value) ? null : check(value)
  switch (target.kind) {
    case 'id':
      return nullable(idCheck(req, target.collections))
    case 'relationship': {
      const check = idCheck(req, target.collections)
      return nullable((value) => {
        // a polymorphic relationship also takes { relationTo, value }
        if (isPlainObject(value) && target.collections.length > 1) {
          const to = String(value.relationTo)
          if (!target.collections.includes(to)) return `relationTo: expected one of ${target.collections.join(', ')}`
          return idCheck(req, [to])(value.value)
        }
        return check(value)
      })
    }
    case 'json':
      return (value) =>
        ['boolean', 'number', 'string'].includes(typeof value) || value === null ? null : 'expected a plain value'
    case 'relationTo':
      return nullable((value) =>
        target.options.includes(String(value)) ? null : `expected one of ${target.options.join(', ')}`,
      )
    case 'field': {
      const { field } = target
      switch (field.type) {
        case 'checkbox':
          return nullable((value) => (isBooleanValue(value) ? null : 'expected true or false'))
        case 'number':
          return nullable((value) =>
            (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER.test(value))
              ? null
              : 'expected a number',
          )
        case 'date':
          return nullable((value) =>
            (value instanceof Date && !Number.isNaN(value.getTime())) ||
            (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(new Date(value).getTime()))
              ? null
              : 'expected an ISO 8601 date or date-time, e.g. 2024-01-15 or 2024-01-15T10:00:00Z',
          )
        case 'radio':
        case 'select': {
          const values = optionValues(field)
          return nullable((value) => (values.includes(String(value)) ? null : `expected one of ${values.join(', ')}`))
        }
        default:
          return (value) =>
            typeof value === 'string' || typeof value === 'number' || value === null ? null : 'expected a text'
      }
    }
    default:
      return () => null
  }
}

const typeName = (target: Target): string =>
  target.kind === 'field'
    ? target.field.type
    : target.kind === 'relationship'
      ? target.field.type === 'upload'
        ? 'upload'
        : 'relationship'
      : target.kind === 'json'
        ? target.nested
          ? 'jsonPath'
          : 'json'
        : target.kind

// Payload reads "true"/"false" in any case
const isBooleanValue = (value: unknown) =>
  typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase()))

/**
 * Validates one `path: { operator: value }` constraint. Returns the
 * constraint to run: the same object unless a field normalises its values.
 */
const checkConstraint = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  path: string,
  constraint: unknown,
  parameter: string,
): unknown => {
  if (!isPlainObject(constraint)) return constraint // Payload refuses these itself
  const target = resolveTarget(req, collection, path)
  if (target.kind === 'skip') return constraint
  const kind = typeName(target)
  const operators = OPERATORS[kind]
  // groups, arrays, joins: Payload's own query handling
  if (!operators) return constraint
  const normalize =
    target.kind === 'field'
      ? ((target.field as { custom?: { normalizeQueryValue?: NormalizeQueryValue } }).custom?.normalizeQueryValue ??
        null)
      : null
  let normalized: Record<string, unknown> | null = null
  for (const [operator, value] of Object.entries(constraint)) {
    const name = `${parameter}[${operator}]`
    if (operator === 'exists') {
      if (!isBooleanValue(value)) bad(name, 'expected true or false')
      continue
    }
    // an unknown operator is Payload's to refuse
    if (
      !['all', 'in', 'not_in', ...EQUALITY, ...COMPARISON, ...PARTIAL, 'near', 'within', 'intersects'].includes(
        operator,
      )
    )
      continue
    if (!operators.includes(operator) || (operator === 'all' && !hasMany(target))) {
      const usable = [...operators.filter((each) => each !== 'all' || hasMany(target)), 'exists']
      bad(name, `not supported for a ${kind} field (use ${usable.join(', ')})`)
    }
    if (PARTIAL.includes(operator)) {
      if (target.kind === 'relationship') {
        if (!isPlainObject(value))
          bad(name, 'expected a query on the related documents, e.g. [contains][slug][equals]=...')
      } else if (typeof value !== 'string' && typeof value !== 'number') {
        bad(name, 'expected a text')
      }
      continue
    }
    const check = scalarCheck(req, target, operator)
    const isList = LISTS.includes(operator)
    const values = isList
      ? Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(',')
          : [value]
      : [value]
    if (!isList && Array.isArray(value)) bad(name, `expected one value (use in or not_in for a list)`)
    for (const item of values) {
      const problem = check(item)
      if (problem) bad(name, `${problem}, got ${show(item)}`)
    }
    if (normalize && EXACT.has(operator)) {
      normalized ??= { ...constraint }
      normalized[operator] = isList
        ? values.map((item) => (typeof item === 'string' ? normalize(item) : item))
        : typeof value === 'string'
          ? normalize(value)
          : value
    }
  }
  return normalized ?? constraint
}

/** Walks a where (and/or nesting included); returns it unchanged unless a value was normalised. */
export const checkWhere = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  where: unknown,
  parameter = 'where',
): unknown => {
  if (!isPlainObject(where)) return where
  let changed = false
  const next: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(where)) {
    let result: unknown = value
    if ((key.toLowerCase() === 'and' || key.toLowerCase() === 'or') && Array.isArray(value)) {
      const items = value.map((item, index) => checkWhere(req, collection, item, `${parameter}[${key}][${index}]`))
      if (items.some((item, index) => item !== value[index])) result = items
    } else {
      result = checkConstraint(req, collection, key, value, `${parameter}[${key}]`)
    }
    if (result !== value) changed = true
    next[key] = result
  }
  return changed ? next : where
}

export const checkSort = (req: PayloadRequest, collection: SanitizedCollectionConfig, sort: unknown) => {
  if (sort === undefined || sort === null) return
  const entries = Array.isArray(sort) ? sort : [sort]
  for (const entry of entries) {
    if (typeof entry !== 'string') bad('sort', `expected field names, got ${show(entry)}`)
    const path = (entry as string).trim().replace(/^-/, '')
    if (!path) continue
    const target = resolveTarget(req, collection, path)
    const sortable =
      target.kind === 'id' ||
      (target.kind === 'relationship' &&
        !('hasMany' in target.field && target.field.hasMany) &&
        target.collections.length === 1) ||
      (target.kind === 'field' &&
        SORTABLE.has(target.field.type) &&
        !('hasMany' in target.field && target.field.hasMany))
    if (!sortable) {
      const known = target.kind !== 'skip'
      bad(
        'sort',
        known ? `cannot sort by "${path}"` : `unknown field "${path}" (prefix a field name with - to sort descending)`,
      )
    }
  }
}

const checkWholeNumber = (name: string, value: unknown, min: number, max?: number) => {
  if (value === undefined || value === null) return
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN
  const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`
  if (!Number.isSafeInteger(number) || number < min || (max !== undefined && number > max)) {
    bad(name, `expected a whole number ${range}, got ${show(value)}`)
  }
}

const OPERATIONS = new Set(['count', 'delete', 'read', 'readDistinct', 'update'])

export const validateQueryArgs: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (!OPERATIONS.has(operation)) return args
  const query = args as QueryArgs
  checkWholeNumber('limit', query.limit, 0)
  checkWholeNumber('page', query.page, 1)
  checkWholeNumber('depth', query.depth, 0, req.payload.config.maxDepth)
  checkSort(req, collection, query.sort)
  const where = checkWhere(req, collection, query.where)
  return where === query.where ? args : ({ ...args, where: where as Where } as typeof args)
}

/**
 * Adds the checks to every collection of the sanitized config, including
 * the ones Payload adds itself (locked documents, preferences, jobs,
 * migrations), which exist only after sanitizing. Runs first among a
 * collection's beforeOperation hooks.
 */
export const withQueryValidation = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [validateQueryArgs, ...(collection.hooks.beforeOperation ?? [])]
  }
  return config
}
