/**
 * The page hierarchy is the path's: a page's `parent` is the nearest page
 * above it by path ("about/psf/board" -> "about/psf", or "about" when there
 * is no "about/psf"), derived on every change of the tree and never written
 * by clients. Moving a page (changing its path) moves every page below it
 * along, in the same transaction; a new page adopts the pages below it; a
 * deleted page's children go to the nearest page above them.
 *
 * Changes of the tree take turns on one advisory lock, so concurrent moves
 * and creations never derive a parent from a state that is changing.
 */
import { sql } from '@payloadcms/db-postgres'
import {
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { now } from '../../src/platform/clock'
import { execute } from '../../src/platform/db/sql'

const MAX_PATH_LENGTH = 500

const lockTree = (req: PayloadRequest) => execute(req, sql`SELECT pg_advisory_xact_lock(hashtext('pages.tree'))`)

/** "about/psf/board" -> ["about", "about/psf"] */
export const ancestorPaths = (path: string): string[] => {
  const segments = path.split('/')
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'))
}

/** Sets `parent_id` of every page below `path` to its nearest page above (writing only the rows that change). */
const rederiveBelow = (req: PayloadRequest, path: string) =>
  execute(
    req,
    sql`WITH derived AS (
          SELECT child.id, (
            SELECT above.id FROM pages AS above
            WHERE starts_with(child.path, above.path || '/')
            ORDER BY length(above.path) DESC LIMIT 1) AS parent_id
          FROM pages AS child
          WHERE starts_with(child.path, ${path} || '/'))
        UPDATE pages SET parent_id = derived.parent_id FROM derived
        WHERE pages.id = derived.id AND pages.parent_id IS DISTINCT FROM derived.parent_id`,
  )

/**
 * Before a page is created or moved: the tree lock, the page's parent as
 * the tree will be after the move, and a refusal (400 naming `path`) when a
 * page below it would land on a path another page has.
 */
export const placeInPageTree: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const path = data.path
  if (typeof path !== 'string') return data
  const oldPath = operation === 'update' && typeof originalDoc?.path === 'string' ? originalDoc.path : null
  if (operation === 'update' && oldPath === path) return data
  await lockTree(req)
  const id = originalDoc?.id as string | undefined

  if (oldPath !== null && id) {
    const moved = sql`${path} || substr(below.path, length(${oldPath}) + 1)`
    const clashes = await execute(
      req,
      sql`SELECT below.path AS "from", ${moved} AS "to" FROM pages AS below
          WHERE starts_with(below.path, ${oldPath} || '/')
            AND (length(${moved}) > ${MAX_PATH_LENGTH} OR EXISTS (
              SELECT 1 FROM pages AS other
              WHERE other.path = ${moved} AND other.id <> ${id} AND NOT starts_with(other.path, ${oldPath} || '/')))
          ORDER BY below.path LIMIT 3`,
    )
    if (clashes.length) {
      const list = clashes.map((row) => `"${String(row.from)}" would move to "${String(row.to)}"`).join('; ')
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [
            {
              message: `path: moving the page moves the pages below it, and ${list}, which another page has or which is longer than ${MAX_PATH_LENGTH} characters`,
              path: 'path',
            },
          ],
          id,
        },
        req.t,
      )
    }
  }

  // candidates: pages at the paths above, but not this page nor the pages moving with it
  const above = ancestorPaths(path)
  const [parent] = above.length
    ? await execute(
        req,
        sql`SELECT id FROM pages
            WHERE path IN (${sql.join(
              above.map((candidate) => sql`${candidate}`),
              sql`, `,
            )})
              ${id ? sql`AND id <> ${id}` : sql``}
              ${oldPath !== null ? sql`AND NOT starts_with(path, ${oldPath} || '/')` : sql``}
            ORDER BY length(path) DESC LIMIT 1`,
      )
    : []
  return { ...data, parent: parent ? String(parent.id) : null }
}

/** After a page is created or moved: the pages below move along, and every page below re-derives its parent. */
export const movePagesBelow: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  // a write with `select` hands this hook a trimmed document: the saved path is in the row
  const path =
    typeof doc.path === 'string'
      ? doc.path
      : String((await execute(req, sql`SELECT path FROM pages WHERE id = ${doc.id}`))[0]?.path ?? '')
  if (!path) return doc
  const oldPath = operation === 'update' ? previousDoc?.path : null
  if (operation === 'update' && oldPath === path) return doc
  if (typeof oldPath === 'string') {
    await execute(
      req,
      sql`UPDATE pages SET path = ${path} || substr(path, length(${oldPath}) + 1), updated_at = ${now().toISOString()}
          WHERE starts_with(path, ${oldPath} || '/') AND id <> ${doc.id}`,
    )
  }
  await rederiveBelow(req, path)
  return doc
}

export const lockPageTree: CollectionBeforeDeleteHook = async ({ req }) => {
  await lockTree(req)
}

/** After a delete: the pages below it go to the nearest page above them. */
export const rederiveAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (typeof doc?.path === 'string') await rederiveBelow(req, doc.path)
  return doc
}
