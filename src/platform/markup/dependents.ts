import { sql } from '@payloadcms/db-postgres'
import type { Field, Payload, PayloadRequest } from 'payload'

import { execute } from '../db/sql'
import type { MarkupFieldCustom } from '../../../fields/markup'
import { renderRichText } from './richText'

type Column = { name: string }
type DrizzleAdapter = { tableNameMap: Map<string, string>; tables: Record<string, Record<string, Column>> }

type RichField = { collection: string; contentType: string; html: string; rich: string; table: string }

const markupOf = (field: Field): MarkupFieldCustom | undefined =>
  (field as { custom?: { markup?: MarkupFieldCustom } }).custom?.markup

const topLevel = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if ('name' in field && field.name) return [field]
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : topLevel(tab.fields)))
    if ('fields' in field) return topLevel(field.fields)
    return []
  })

const cache = new WeakMap<Payload, RichField[]>()

/** Every rich text field (fields/markup.ts) of every collection, with its table and columns. */
const richFields = (payload: Payload): RichField[] => {
  const known = cache.get(payload)
  if (known) return known
  const adapter = payload.db as unknown as DrizzleAdapter
  const found: RichField[] = []
  for (const collection of payload.config.collections) {
    const tableName = adapter.tableNameMap.get(collection.slug.replace(/-/g, '_'))
    const table = tableName ? adapter.tables[tableName] : undefined
    if (!tableName || !table) continue
    for (const field of topLevel(collection.fields)) {
      const markup = markupOf(field)
      if (markup?.role !== 'rich' || !('name' in field)) continue
      const html = table[`${markup.source}Html`]
      const rich = table[field.name]
      const contentType = table[markup.contentTypeField]
      if (!html || !rich || !contentType) continue
      found.push({
        collection: collection.slug,
        contentType: contentType.name,
        html: html.name,
        rich: rich.name,
        table: tableName,
      })
    }
  }
  cache.set(payload, found)
  return found
}

/**
 * Where a Lexical tree refers to a document: an internal link (a node's
 * `fields.doc`) or an upload (`relationTo`/`value`), stored as the id or, as
 * a read populated it, as the document.
 */
const REFERS_TO = `$.** ? (
  ((@.type == "link" || @.type == "autolink") && @.fields.doc.relationTo == $rel && (@.fields.doc.value == $id || @.fields.doc.value.id == $id))
  || (@.type == "upload" && @.relationTo == $rel && (@.value == $id || @.value.id == $id))
)`

/**
 * The stored HTML of rich text shows a linked page's path and an image's
 * URL and alt text as they were when it was saved. When one of those
 * changes (a page moves, an image is replaced, either is deleted), the
 * documents whose rich text refers to it are re-rendered, in the same
 * transaction as the change: a moved page's links follow it at once.
 * Only the derived HTML column is written (no hooks, no new version, no
 * changed `updatedAt`): nothing an editor wrote changes.
 *
 * Returns how many documents were re-rendered.
 */
export const rerenderDependents = async (
  req: PayloadRequest,
  target: { collection: string; id: number | string },
): Promise<number> => {
  const vars = JSON.stringify({ id: String(target.id), rel: target.collection })
  let count = 0
  for (const field of richFields(req.payload)) {
    const table = sql.identifier(field.table)
    const rich = sql.identifier(field.rich)
    const rows = await execute(
      req,
      sql`SELECT id, ${rich} AS rich FROM ${table}
          WHERE ${sql.identifier(field.contentType)} = 'RICHTEXT'
            AND jsonb_path_exists(${rich}, ${REFERS_TO}::jsonpath, ${vars}::jsonb)`,
    )
    for (const row of rows) {
      const html = await renderRichText(req, row.rich)
      await execute(req, sql`UPDATE ${table} SET ${sql.identifier(field.html)} = ${html} WHERE id = ${row.id}`)
      count += 1
    }
  }
  return count
}
