import type { Access, CollectionSlug } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Create access for an attachment (a post's photo...): staff, or the owner
 * of the parent document named in the incoming data. Create access cannot
 * return a query, so it looks the parent up.
 */
export const parentOwnerOrStaffCreate =
  ({ ownerField = 'creator', parentCollection, parentField }: { ownerField?: string; parentCollection: CollectionSlug; parentField: string }): Access =>
  async ({ data, req }) => {
    if (userIsStaff(req)) return true
    const id = userId(req)
    const parent = data?.[parentField]
    const parentId = parent && typeof parent === 'object' ? (parent as { id?: unknown }).id : parent
    if (!id || (typeof parentId !== 'string' && typeof parentId !== 'number')) return false
    const found = await req.payload.count({
      collection: parentCollection,
      overrideAccess: true,
      req,
      where: { and: [{ id: { equals: parentId } }, { [ownerField]: { equals: id } }] },
    })
    return found.totalDocs > 0
  }
