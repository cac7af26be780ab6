import fs from 'node:fs/promises'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import {
  type CollectionSlug,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { execute } from '../src/platform/db/sql'
import { type SQLQuery, tableOf } from './context'
import type { Progress } from './progress'

export type ResetSummary = Record<string, { deleted: number; kept: number }>

/**
 * The order rows are deleted in: what points at a row goes before it
 * (a file before its release, a contract before its sponsorship, every
 * document before the users who wrote it). Collections the seed records
 * that are not listed here go just before the users.
 */
export const DELETE_ORDER = [
  'download-statistics',
  'release-files',
  'releases',
  'download-os',
  'email-logs',
  'email-templates',
  'nominations',
  'nominees',
  'elections',
  'sponsor-contract-documents',
  'sponsor-contracts',
  'sponsorships',
  'sponsors',
  'sponsor-logos',
  'sponsorship-levels',
  'sponsor-legal-clauses',
  'event-occurrences',
  'event-recurring-rules',
  'events',
  'event-locations',
  'event-categories',
  'calendars',
  'job-review-comments',
  'jobs',
  'job-types',
  'job-categories',
  'related-blogs',
  'feed-aggregates',
  'blog-entries',
  'feeds',
  'community-photos',
  'community-videos',
  'community-links',
  'community-posts',
  'success-stories',
  'story-categories',
  'code-samples',
  'minutes',
  'banners',
  'work-groups',
  'page-images',
  'page-documents',
  'pages',
  'user-groups',
  'memberships',
  'users',
]

/** Rows deleted per statement. */
const DELETE_BATCH = 20_000

type Reference = { column: string; owner: string; ownerColumn: 'id' | 'parent_id'; ownerTable: string; table: string }

/**
 * Every foreign key pointing at `table`, with the collection that owns the
 * pointing row: the row itself for a collection's table, its parent
 * document for a `_rels` or array table. Payload's own bookkeeping
 * (locked documents, preferences) does not count: it goes with the row.
 */
const referencesTo = async (
  run: (statement: SQLQuery) => Promise<Record<string, unknown>[]>,
  table: string,
  collectionOfTable: Map<string, string>,
): Promise<Reference[]> => {
  const rows = await run(sql`
    SELECT src.relname AS "table", a.attname AS "column",
      (SELECT p.relname FROM pg_constraint pc
         JOIN pg_attribute pa ON pa.attrelid = pc.conrelid AND pa.attnum = pc.conkey[1]
         JOIN pg_class p ON p.oid = pc.confrelid
       WHERE pc.conrelid = c.conrelid AND pc.contype = 'f' AND pa.attname = 'parent_id' LIMIT 1) AS "parentTable"
    FROM pg_constraint c
    JOIN pg_class src ON src.oid = c.conrelid
    JOIN pg_class target ON target.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = target.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND target.relname = ${table} AND a.attname <> 'parent_id'`)
  const references: Reference[] = []
  for (const row of rows) {
    const source = String(row.table)
    if (source.startsWith('payload_')) continue
    const own = collectionOfTable.get(source)
    if (own) {
      references.push({ column: String(row.column), owner: own, ownerColumn: 'id', ownerTable: source, table: source })
      continue
    }
    const parent = row.parentTable ? collectionOfTable.get(String(row.parentTable)) : undefined
    if (parent) {
      references.push({
        column: String(row.column),
        owner: parent,
        ownerColumn: 'parent_id',
        ownerTable: String(row.parentTable),
        table: source,
      })
    }
  }
  return references
}

const filesOf = (row: Record<string, unknown>): string[] =>
  Object.entries(row)
    .filter(
      ([key, value]) => (key === 'filename' || /^sizes_.+_filename$/.test(key)) && typeof value === 'string' && value,
    )
    .map(([, value]) => String(value))

/**
 * `--reset`: deletes the rows the seed recorded (seed_records), and only
 * those, in one transaction. A seeded row that data the seed did not create
 * points at (a member's job in a seeded category, a page an editor wrote
 * as a seeded user, a download counted for a seeded file) is kept, and so
 * is what a kept row points at: the reset never changes or removes
 * anything but the seed's own rows. The files of
 * deleted uploads are removed once the deletion has committed.
 */
export const resetSeededRows = async (payload: Payload, progress: Progress): Promise<ResetSummary> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  const run = (statement: SQLQuery) => execute(req, statement)
  const summary: ResetSummary = {}
  const files: string[] = []
  const recorded = (await run(sql`SELECT DISTINCT collection FROM seed_records`)).map((row) => String(row.collection))
  const known = recorded.filter((collection) => payload.collections[collection as CollectionSlug])
  const order = [
    ...DELETE_ORDER.filter((collection) => collection !== 'users' && known.includes(collection)),
    ...known.filter((collection) => !DELETE_ORDER.includes(collection)),
    ...(known.includes('users') ? ['users'] : []),
  ]
  const collectionOfTable = new Map(
    Object.keys(payload.collections).flatMap((slug) => {
      try {
        return [[tableOf(payload, slug), slug] as const]
      } catch {
        return []
      }
    }),
  )
  const step = progress.step('reset', order.length)
  try {
    await run(sql`CREATE TEMPORARY TABLE seed_reset_rows (n bigserial PRIMARY KEY, id uuid NOT NULL) ON COMMIT DROP`)
    for (const collection of order) {
      const table = tableOf(payload, collection)
      const references = await referencesTo(run, table, collectionOfTable)
      // a seeded row stays while another row points at it, unless that row is the seed's and goes with it
      // (same collection, or one deleted later); rows of collections already done that still exist are
      // kept ones, so what they point at is kept too
      const position = order.indexOf(collection)
      const foreign = references.map((ref) => {
        const goesLater = order.indexOf(ref.owner) >= position
        return sql`EXISTS (
          SELECT 1 FROM ${sql.identifier(ref.table)} ref
          WHERE ref.${sql.identifier(ref.column)} = s.doc_id
            ${goesLater ? sql`AND NOT EXISTS (SELECT 1 FROM seed_records o WHERE o.collection = ${ref.owner} AND o.doc_id = ref.${sql.identifier(ref.ownerColumn)})` : sql``})`
      })
      const kept = foreign.length ? sql.join(foreign, sql` OR `) : sql`false`
      const [counts] = await run(sql`
        SELECT count(*) FILTER (WHERE ${kept})::integer AS kept, count(*) FILTER (WHERE NOT (${kept}))::integer AS deletable
        FROM seed_records s JOIN ${sql.identifier(table)} t ON t.id = s.doc_id WHERE s.collection = ${collection}`)
      const upload = payload.collections[collection as CollectionSlug]?.config.upload
      if (upload) {
        const staticDir = typeof upload === 'object' && upload.staticDir ? upload.staticDir : collection
        const rows = await run(sql`
          SELECT to_jsonb(t) AS row FROM seed_records s JOIN ${sql.identifier(table)} t ON t.id = s.doc_id
          WHERE s.collection = ${collection} AND NOT (${kept})`)
        for (const row of rows) {
          for (const file of filesOf(row.row as Record<string, unknown>)) files.push(path.resolve(staticDir, file))
        }
      }
      // the rows to delete, numbered once, then deleted a batch at a time: each statement stays well within
      // the statement timeout (a --scale 100 seed has a million statistics rows); what is gone is no
      // longer the seed's, while kept rows stay recorded (a later reset may delete them)
      await run(sql`TRUNCATE seed_reset_rows RESTART IDENTITY`)
      const [numbered] = await run(sql`
        WITH listed AS (
          INSERT INTO seed_reset_rows (id)
          SELECT s.doc_id FROM seed_records s JOIN ${sql.identifier(table)} t ON t.id = s.doc_id
          WHERE s.collection = ${collection} AND NOT (${kept})
          RETURNING 1
        )
        SELECT count(*)::integer AS n FROM listed`)
      for (let from = 0; from < Number(numbered?.n ?? 0); from += DELETE_BATCH) {
        await run(sql`
          WITH batch AS (
            SELECT r.id FROM seed_reset_rows r
            WHERE r.n > ${from} AND r.n <= ${from + DELETE_BATCH}
          ), gone AS (
            DELETE FROM ${sql.identifier(table)} WHERE id IN (SELECT id FROM batch) RETURNING id
          )
          DELETE FROM seed_records WHERE collection = ${collection} AND doc_id IN (SELECT id FROM gone)`)
      }
      // records of rows deleted by other means (an editor deleted a seeded page)
      await run(sql`
        DELETE FROM seed_records s WHERE s.collection = ${collection}
          AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(table)} t WHERE t.id = s.doc_id)`)
      summary[collection] = { deleted: Number(counts?.deletable ?? 0), kept: Number(counts?.kept ?? 0) }
      step.tick()
    }
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    step.done('failed, rolled back')
    throw error
  }
  for (const file of files) await fs.rm(file, { force: true })
  const deleted = Object.values(summary).reduce((sum, counts) => sum + counts.deleted, 0)
  const kept = Object.values(summary).reduce((sum, counts) => sum + counts.kept, 0)
  step.done(`${deleted} deleted, ${kept} kept (other data points at them)`)
  return summary
}
