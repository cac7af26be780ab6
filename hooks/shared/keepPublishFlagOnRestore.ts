import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Restoring a version brings back its content, not its publish state: the
 * document stays exactly as published as it was before the restore (a live
 * page does not vanish because an older version was a draft, and a draft
 * does not go live because an older version was published). Publishing
 * stays a deliberate act on the `isPublished` flag.
 *
 * Payload marks a restore in the request context (`isRestoringVersion`)
 * before the hooks run on the version's data.
 */
export const keepPublishFlagOnRestore: CollectionBeforeChangeHook = ({ context, data, originalDoc }) => {
  if (!context.isRestoringVersion || !originalDoc || !('isPublished' in originalDoc)) return data
  return { ...data, isPublished: originalDoc.isPublished }
}
