import { createDataloaderCacheKey, type CollectionSlug, type FieldHook } from 'payload'

/**
 * Payload answers a relationship with the related document's id even when
 * the reader may not read that document. Where the related document can be
 * hidden from readers who see this one (a published release pointing at an
 * unpublished page), this afterRead hook answers null instead, so the id
 * does not leak. The check goes through Payload's request data loader with
 * the reader's access: one batched query for a whole list.
 */
export const hideUnreadableRelation =
  (relationTo: CollectionSlug): FieldHook =>
  async ({ overrideAccess, req, value }) => {
    // the system reads everything; a populated document was already read with the reader's access
    if (overrideAccess || (typeof value !== 'string' && typeof value !== 'number')) return value
    const readable = await req.payloadDataLoader.load(
      createDataloaderCacheKey({
        collectionSlug: relationTo,
        currentDepth: 1,
        depth: 0,
        docID: value,
        draft: false,
        fallbackLocale: req.fallbackLocale ?? null,
        locale: req.locale ?? 'en',
        overrideAccess: false,
        select: { id: true },
        showHiddenFields: false,
        transactionID: req.transactionID as string,
      }),
    )
    return readable ? value : null
  }
