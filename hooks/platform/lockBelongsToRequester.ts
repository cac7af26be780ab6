import type { CollectionBeforeValidateHook } from 'payload'

/**
 * An edit lock written through the API is always the requester's: nobody
 * locks a document in someone else's name, and taking a lock over (the
 * admin panel's "take over") makes it yours. A lock stays on the document
 * or global it was taken on. (The admin panel takes and refreshes its own
 * locks straight in the database; this guards the REST and GraphQL writes.)
 */
export const lockBelongsToRequester: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (!req.user || !data) return data
  const user = { relationTo: req.user.collection, value: req.user.id }
  if (operation !== 'update' || !originalDoc) return { ...data, user }
  return { ...data, document: originalDoc.document, globalSlug: originalDoc.globalSlug, user }
}
