import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Deleting a feed deletes its entries and related-blog rows first (as the
 * old site's ON DELETE CASCADE did): both require their feed, so the
 * database would otherwise refuse the delete. Runs in the delete's
 * transaction (`req`), so all of it happens or none.
 */
export const deleteFeedDependents: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['blog-entries', 'related-blogs'] as const) {
    // overrideAccess: whoever may delete the feed deletes what belongs to it
    const result = await req.payload.delete({ collection, overrideAccess: true, req, where: { feed: { equals: id } } })
    if (result.errors.length) {
      throw new Error(`could not delete the feed's ${collection}: ${result.errors.map((error) => error.message).join('; ')}`)
    }
  }
}
