/**
 * Reading the values of python.org's Django dump rows (src/platform/djangoImport.ts)
 * the way its models stored them: markup fields, content-managed stamps,
 * datetimes, integer choices. Shared by the domains' mappers
 * (src/<domain>/djangoImport.ts).
 */
import { tzOffset } from '@date-fns/tz'
import { Parser } from 'htmlparser2'

import type { DjangoRow, ImportContext } from './djangoImport'
import type { ContentType } from './markup/render'

type Fields = Record<string, unknown>

/** A non-blank string, else null (Django's `blank=True` fields dump as ""). */
export const text = (value: unknown): null | string => (typeof value === 'string' && value.trim() ? value : null)

/** A string ("" for none), for fields that are never null here. */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '')

export const int = (value: unknown): null | number =>
  typeof value === 'number' && Number.isInteger(value) ? value : null

export const bool = (value: unknown, fallback = false): boolean => (typeof value === 'boolean' ? value : fallback)

/**
 * A Django datetime as an ISO instant: aware ("...Z", "+02:00") as it is,
 * naive in the site's zone (python.org runs USE_TZ with TIME_ZONE "UTC",
 * so its dumps are aware).
 */
export const dateTime = (value: unknown, context: ImportContext): null | string => {
  if (typeof value !== 'string' || !value) return null
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? null : date.toISOString()
  }
  const [day, time = '00:00:00'] = value.split(/[T ]/)
  const [y, m, d] = day!.split('-').map(Number)
  const [h, mi, s] = time.split(':').map(Number)
  const floating = Date.UTC(y!, m! - 1, d!, h ?? 0, mi ?? 0, Math.floor(s ?? 0))
  if (Number.isNaN(floating)) return null
  const offset = tzOffset(context.siteTimeZone, new Date(floating))
  return new Date(floating - offset * 60_000).toISOString()
}

/** A Django DateField ("2024-01-15") as the UTC midnight our date-only fields hold. */
export const day = (value: unknown): null | string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null
  const date = new Date(`${value.slice(0, 10)}T00:00:00.000Z`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** django-markupfield's markup types (and python.org's "Markdown (unsafe)") as our content types. */
const MARKUP: Record<string, ContentType> = {
  html: 'HTML',
  markdown: 'MARKDOWN',
  markdown_unsafe: 'MARKDOWN',
  restructuredtext: 'RESTRUCTUREDTEXT',
}

/**
 * A MarkupField (`<name>`, `<name>_markup_type`; its `_<name>_rendered`
 * copy is rendered again here): the text and our content type. "plain"
 * text is kept as Markdown, whose paragraphs it reads as; an unknown type
 * keeps `fallback`; both are named in the summary.
 */
export const markup = (
  row: DjangoRow,
  name: string,
  context: ImportContext,
  fallback: ContentType,
): { contentType: ContentType; source: null | string } => {
  const type = row.fields[`${name}_markup_type`]
  const source = typeof row.fields[name] === 'string' ? (row.fields[name] as string) : null
  if (typeof type !== 'string' || !type) return { contentType: fallback, source }
  if (type === 'markdown_unsafe' && source) {
    context.skip(row, `${name}_markup_type`, 'Markdown (unsafe): raw HTML in it is sanitized here like any markup')
  }
  const contentType = MARKUP[type]
  if (contentType) return { contentType, source }
  if (source) {
    context.skip(
      row,
      `${name}_markup_type`,
      type === 'plain'
        ? 'plain text is kept as Markdown'
        : `"${type}" is not a markup rendered here; kept as ${fallback.toLowerCase()}`,
    )
  }
  return { contentType: type === 'plain' ? 'MARKDOWN' : fallback, source }
}

/**
 * A value cut to the length our field allows (python.org's text fields are
 * often unbounded): the cut is named in the summary rather than failing
 * the file.
 */
export const fit = (row: DjangoRow, field: string, value: null | string, max: number, context: ImportContext) => {
  if (value === null || value.length <= max) return value
  context.skip(row, field, `longer than the ${max} characters kept here: cut`)
  return value.slice(0, max)
}

/** python.org's ContentManageable stamps (creator, last_modified_by, created, updated) as ours. */
export const stamps = async (fields: Fields, context: ImportContext, { creator = true, lastModified = true } = {}) => ({
  ...(fields.created ? { createdAt: dateTime(fields.created, context) } : {}),
  ...(lastModified
    ? {
        created: dateTime(fields.created, context),
        lastModifiedBy: fields.last_modified_by ? await context.resolve('users.user', fields.last_modified_by) : null,
        updated: dateTime(fields.updated, context),
      }
    : {}),
  ...(creator ? { creator: fields.creator ? await context.resolve('users.user', fields.creator) : null } : {}),
})

/** python.org's ContentManageable fields, for `ModelMapper.fields`. */
export const CONTENT_MANAGEABLE = ['created', 'updated', 'creator', 'last_modified_by']

/** A MarkupField's three dump fields, for `ModelMapper.fields`. */
export const markupField = (name: string) => [name, `${name}_markup_type`, `_${name}_rendered`]

/** Every resolved id of a many-to-many field, leaving out those not imported. */
export const resolveMany = async (context: ImportContext, model: string, keys: unknown): Promise<string[]> => {
  const ids: string[] = []
  for (const key of Array.isArray(keys) ? keys : []) {
    const id = await context.resolve(model, key)
    if (id) ids.push(id)
  }
  return ids
}

/** One of a Django field's `choices` as ours; an unknown value keeps `fallback` and is named in the summary. */
export const choice = <T>(
  row: DjangoRow,
  field: string,
  table: Record<number | string, T>,
  fallback: T,
  context: ImportContext,
): T => {
  const value = row.fields[field]
  if (value === undefined || value === null) return fallback
  const mapped = table[value as number | string]
  if (mapped === undefined) {
    context.skip(row, field, `${JSON.stringify(value)} is not one of python.org's choices; ${String(fallback)} used`)
  }
  return mapped ?? fallback
}

/** The text of an HTML fragment, entities decoded (python.org kept some code samples as highlighted HTML). */
export const htmlText = (html: string): string => {
  let result = ''
  const parser = new Parser({ ontext: (chunk) => (result += chunk) }, { decodeEntities: true })
  parser.write(html)
  parser.end()
  return result
}

/** The first `src` of a tag in an HTML fragment (the player URL of a video embed). */
export const htmlSource = (html: string, tag: string): null | string => {
  let found: null | string = null
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        if (!found && name === tag && attributes.src) found = attributes.src
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  return found
}
