import type { Where } from 'payload'

import { badRequest } from './errors'
import { type ApiVersion, type ReleaseVersion, type ResourceName, VERSION_CODES, versionFromCode } from './resources'
import { SERIALIZERS } from './serializers'

/**
 * The query-string filters of python.org's API, turned into Payload `where`
 * clauses (which the collections' read access then narrows further). A value
 * that cannot mean anything is a 400, never a database error.
 * URLSearchParams already reads `+` as a space (`?name=Python+3.14.0`).
 */
export const NO_MATCH = Symbol('no match')

type Filter = (value: string, param: string) => typeof NO_MATCH | Where

const invalid = (param: string, value: string, expected: string) =>
  badRequest(`Invalid value for filter "${param}": "${value}" (expected ${expected}).`)

const TRUE = new Set(['1', 'true', 'True'])
const FALSE = new Set(['0', 'false', 'False'])

const exact =
  (field: string): Filter =>
  (value) => ({ [field]: { equals: value } })

const boolean =
  (field: string): Filter =>
  (value, param) => {
    if (TRUE.has(value)) return { [field]: { equals: true } }
    if (FALSE.has(value)) return { [field]: { equals: false } }
    throw invalid(param, value, 'true or false')
  }

const positiveInteger = (value: string, param: string): number => {
  const number = /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!Number.isSafeInteger(number) || number < 1) throw invalid(param, value, 'a positive integer id')
  return number
}

/** A related object by its integer id: `?release=812`. */
const related =
  (field: string): Filter =>
  (value, param) => ({ [`${field}.legacyId`]: { equals: positiveInteger(value, param) } })

const versionsWhere = (versions: ReleaseVersion[]): typeof NO_MATCH | Where =>
  versions.length ? { version: { in: versions } } : NO_MATCH

/** `?version=3`: the old integer (1, 2, 3, 100 for the install manager). */
const version: Filter = (value, param) => {
  if (!/^\d{1,6}$/.test(value.trim())) throw invalid(param, value, 'an integer: 1, 2, 3 or 100')
  const found = versionFromCode(Number(value.trim()))
  return versionsWhere(found ? [found] : [])
}

/** `?version__startswith=1`: the integer's digits start with the value (1 and 100). */
const versionStartsWith: Filter = (value) =>
  versionsWhere(
    (Object.keys(VERSION_CODES) as ReleaseVersion[]).filter((key) =>
      String(VERSION_CODES[key]).startsWith(value.trim()),
    ),
  )

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A date or an ISO datetime (UTC unless it says otherwise, as python.org's
 * TIME_ZONE is UTC); `dateOnly` when no time was given. Undefined for any
 * other shape, or a day the calendar does not have.
 */
export const parseIsoDate = (value: string): { date: Date; dateOnly: boolean } | undefined => {
  const match = DATE.exec(value.trim())
  if (!match) return undefined
  const [, day, time, zone] = match
  const midnight = new Date(`${day}T00:00:00Z`)
  const date = time ? new Date(`${day}T${time}${zone ?? 'Z'}`) : midnight
  // JavaScript rolls 2025-02-30 over into March: a date must survive the round trip
  const real =
    !Number.isNaN(date.getTime()) && !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day
  return real ? { date, dateOnly: !time } : undefined
}

const parseDate = (value: string, param: string): { date: Date; dateOnly: boolean } => {
  if (!DATE.test(value.trim())) throw invalid(param, value, 'a date, YYYY-MM-DD, or an ISO 8601 datetime')
  const parsed = parseIsoDate(value)
  if (!parsed) throw invalid(param, value, 'a real calendar date')
  return parsed
}

const DAY = 24 * 60 * 60 * 1000

/** `release_date=2025-10-07` is that whole (UTC) day; with a time it is that instant. */
const dateExact =
  (field: string): Filter =>
  (value, param) => {
    const { date, dateOnly } = parseDate(value, param)
    if (!dateOnly) return { [field]: { equals: date.toISOString() } }
    return {
      and: [
        { [field]: { greater_than_equal: date.toISOString() } },
        { [field]: { less_than: new Date(date.getTime() + DAY).toISOString() } },
      ],
    }
  }

const dateCompare =
  (field: string, operator: 'greater_than' | 'greater_than_equal' | 'less_than' | 'less_than_equal'): Filter =>
  (value, param) => ({ [field]: { [operator]: parseDate(value, param).date.toISOString() } })

const contains =
  (field: string): Filter =>
  (value) => ({ [field]: { contains: value } })

/** A `where` about a related document: every field path under `field.`. */
const underRelation = (field: string, where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, clause]) =>
      key === 'and' || key === 'or'
        ? [key, (clause as Where[]).map((inner) => underRelation(field, inner))]
        : [`${field}.${key}`, clause],
    ),
  )

/** Tastypie's ALL_WITH_RELATIONS: `release__slug=python-3141` filters by the related resource's own filters. */
const throughRelation = (field: string, filters: Record<string, Filter>): Record<string, Filter> =>
  Object.fromEntries(
    Object.entries(filters).map(([name, filter]) => [
      `${field}__${name}`,
      (value: string, param: string) => {
        const where = filter(value, param)
        return where === NO_MATCH ? NO_MATCH : underRelation(field, where)
      },
    ]),
  )

const OS_FILTERS: Record<string, Filter> = { name: exact('name'), slug: exact('slug') }

const PAGE_FILTERS: Record<string, Filter> = {
  is_published: boolean('isPublished'),
  keywords: exact('keywords'),
  keywords__icontains: contains('keywords'),
  path: exact('path'),
  title: exact('title'),
}

const RELEASE_FILTERS: Record<string, Filter> = {
  is_published: boolean('isPublished'),
  name: exact('name'),
  pre_release: boolean('preRelease'),
  release_date: dateExact('releaseDate'),
  release_date__gt: dateCompare('releaseDate', 'greater_than'),
  release_date__gte: dateCompare('releaseDate', 'greater_than_equal'),
  release_date__lt: dateCompare('releaseDate', 'less_than'),
  release_date__lte: dateCompare('releaseDate', 'less_than_equal'),
  slug: exact('slug'),
  version: version,
  version__startswith: versionStartsWith,
}

const RELEASE_FILE_FILTERS: Record<string, Filter> = {
  description__contains: contains('description'),
  name: exact('name'),
  os: related('os'),
  release: related('release'),
  slug: exact('slug'),
}

const V1_FILTERS: Record<ResourceName, Record<string, Filter>> = {
  os: OS_FILTERS,
  page: PAGE_FILTERS,
  release: RELEASE_FILTERS,
  release_file: {
    ...RELEASE_FILE_FILTERS,
    ...throughRelation('os', OS_FILTERS),
    ...throughRelation('release', RELEASE_FILTERS),
  },
}

/** v2 (django-filter): exact lookups only, but for release files' `description__contains` and pages' keywords. */
const V2_FILTERS: Record<ResourceName, Record<string, Filter>> = {
  os: OS_FILTERS,
  page: PAGE_FILTERS,
  release: {
    is_published: RELEASE_FILTERS.is_published!,
    name: RELEASE_FILTERS.name!,
    pre_release: RELEASE_FILTERS.pre_release!,
    release_date: RELEASE_FILTERS.release_date!,
    slug: RELEASE_FILTERS.slug!,
    version: RELEASE_FILTERS.version!,
  },
  release_file: RELEASE_FILE_FILTERS,
}

/** Query parameters that are not filters. */
const CONTROL_PARAMS = new Set(['format', 'limit', 'offset'])

/** The API's own field names of a resource (what tastypie would refuse to filter on). */
const fieldNames = (resource: ResourceName): Set<string> =>
  new Set(Object.keys(SERIALIZERS[resource]({ apiVersion: 'v1', origin: '' }, {})))

/**
 * The `where` for a list request's query string, or NO_MATCH when a filter
 * can match nothing (an integer version that does not exist). A repeated
 * parameter counts once, by its last value, as Django reads it.
 */
export const buildWhere = (
  apiVersion: ApiVersion,
  resource: ResourceName,
  params: URLSearchParams,
): typeof NO_MATCH | Where => {
  const filters: Record<string, Filter> = apiVersion === 'v1' ? V1_FILTERS[resource] : V2_FILTERS[resource]
  const known = fieldNames(resource)
  const clauses: Where[] = []
  for (const rawParam of new Set(params.keys())) {
    const param = rawParam.endsWith('__exact') ? rawParam.slice(0, -'__exact'.length) : rawParam
    const value = params.getAll(rawParam).at(-1) ?? ''
    const filter = filters[param]
    if (!filter) {
      if (CONTROL_PARAMS.has(param)) continue
      // v2 release files and pages (python.org's BaseFilterSet) refuse what they do not know;
      // v1 refuses filters on its own fields only
      const strict = apiVersion === 'v2' && (resource === 'release_file' || resource === 'page')
      if (strict || known.has(param.split('__')[0]!)) {
        throw badRequest(
          `Filtering on "${rawParam}" is not allowed. Allowed filters: ${Object.keys(filters).join(', ')}.`,
        )
      }
      continue
    }
    const clause = filter(value, rawParam)
    if (clause === NO_MATCH) return NO_MATCH
    clauses.push(clause)
  }
  return clauses.length ? { and: clauses } : {}
}
