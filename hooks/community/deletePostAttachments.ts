import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

const ATTACHMENTS: CollectionSlug[] = ['community-photos', 'community-videos', 'community-links']

/**
 * A post's photos (with their files), videos and links go with it. Without
 * this the foreign key would try to empty their required `post` and the
 * delete would fail. Runs in the delete's transaction (`req`).
 */
export const deletePostAttachments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ATTACHMENTS) {
    // overrideAccess: whoever may delete the post may delete what hangs off it
    await req.payload.delete({ collection, overrideAccess: true, req, where: { post: { equals: id } } })
  }
}
