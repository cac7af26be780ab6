import { APIError, type CollectionBeforeDeleteHook, type CollectionSlug } from 'payload'

/**
 * A document other documents point at stays while they do (an operating
 * system its release files name, a category its stories belong to): the
 * delete is a 409 that says what uses it. The foreign key (ON DELETE
 * RESTRICT) is the backstop; this is the clear answer.
 */
export const refuseDeletingWhileUsed =
  ({
    by,
    field,
    label,
    plural,
    what,
  }: {
    by: CollectionSlug
    field: string
    label: string
    plural: string
    what: string
  }): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    // overrideAccess: the count is the system's check, whoever may or may not read those documents
    const { totalDocs } = await req.payload.count({
      collection: by,
      overrideAccess: true,
      req,
      where: { [field]: { equals: id } },
    })
    if (totalDocs) {
      throw new APIError(
        `This ${what} is used by ${totalDocs} ${totalDocs === 1 ? label : plural}; move or delete them first.`,
        409,
        undefined,
        true,
      )
    }
  }
