import type { Access } from 'payload'

import { userId, userIsStaff } from './roles'

/** Staff always; the author only while the document is unpublished. */
export const authorUntilPublishedOrStaff =
  (ownerField = 'creator', publishedField = 'isPublished'): Access =>
  ({ req }) => {
    if (userIsStaff(req)) return true
    const id = userId(req)
    if (!id) return false
    return { and: [{ [ownerField]: { equals: id } }, { [publishedField]: { not_equals: true } }] }
  }
