import type { Access, Where } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Staff see every document; everyone else only published ones. Pass
 * `ownerField` to also show a logged-in user their own unpublished documents.
 */
export const publishedOrStaff =
  ({ ownerField, publishedField = 'isPublished' }: { ownerField?: string; publishedField?: string } = {}): Access =>
  ({ req }) => {
    if (userIsStaff(req)) return true
    const published: Where = { [publishedField]: { equals: true } }
    const id = userId(req)
    if (ownerField && id) return { or: [published, { [ownerField]: { equals: id } }] }
    return published
  }
