import type { Access, FieldAccess } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Staff: everything. A logged-in user: the documents whose `ownerField`
 * (creator, submittedBy, user...) is themselves. Anonymous: nothing.
 */
export const ownerOrStaff =
  (ownerField = 'creator'): Access =>
  ({ req }) => {
    if (userIsStaff(req)) return true
    const id = userId(req)
    return id ? { [ownerField]: { equals: id } } : false
  }

/** Field-level variant: staff, or the user the document belongs to. */
export const ownerOrStaffField =
  (ownerField = 'creator'): FieldAccess =>
  ({ doc, req }) => {
    if (userIsStaff(req)) return true
    const id = userId(req)
    if (!id || !doc) return false
    const owner = (doc as Record<string, unknown>)[ownerField]
    const ownerId = owner && typeof owner === 'object' ? (owner as { id?: unknown }).id : owner
    return ownerId === id
  }
