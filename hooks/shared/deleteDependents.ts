import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

type Dependent = { collection: CollectionSlug; field: string }

/**
 * Documents that require their parent (a page's images, a post's photos, a
 * feed's entries, a job's review comments) are deleted with it, the way
 * python.org's ON DELETE CASCADE did. Without this the foreign key would try
 * to empty their required field and the delete would fail. Going through the
 * Local API also removes uploaded files; `req` keeps it all in the delete's
 * transaction. overrideAccess: the system cleans up after an allowed delete.
 */
export const deleteDependents =
  (dependents: Dependent[]): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    for (const { collection, field } of dependents) {
      const result = await req.payload.delete({
        collection,
        overrideAccess: true,
        req,
        where: { [field]: { equals: id } },
      })
      if (result.errors.length) {
        throw new Error(
          `could not delete the dependent ${collection}: ${result.errors.map((error) => error.message).join('; ')}`,
        )
      }
    }
  }
