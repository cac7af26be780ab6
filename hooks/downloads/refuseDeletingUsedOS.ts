import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * An operating system that release files point at stays: deleting it would
 * orphan (or, with python.org's CASCADE, silently delete) every file for it.
 * The foreign key (ON DELETE RESTRICT) is the backstop; this is the clear
 * answer.
 */
export const refuseDeletingUsedOS: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'release-files',
    overrideAccess: true,
    req,
    where: { os: { equals: id } },
  })
  if (totalDocs) {
    throw new APIError(
      `This operating system is used by ${totalDocs} release file${totalDocs === 1 ? '' : 's'}; move or delete them first.`,
      409,
      undefined,
      true,
    )
  }
}
