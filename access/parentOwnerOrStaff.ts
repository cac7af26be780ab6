import type { Access, CollectionSlug, Where } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Create access for an attachment (a post's photo...): staff, or the owner
 * of the parent document named in the incoming data. Create access cannot
 * return a query, so it looks the parent up.
 */
export const parentOwnerOrStaffCreate =
  ({
    ownerField = 'creator',
    parentCollection,
    parentField,
    untilPublished,
  }: {
    ownerField?: string
    parentCollection: CollectionSlug
    parentField: string
    /** the parent's publish flag: owners may attach only while the parent is unpublished */
    untilPublished?: string
  }): Access =>
  async ({ data, req }) => {
    if (userIsStaff(req)) return true
    const id = userId(req)
    const parent = data?.[parentField]
    const parentId = parent && typeof parent === 'object' ? (parent as { id?: unknown }).id : parent
    if (!id || (typeof parentId !== 'string' && typeof parentId !== 'number')) return false
    // a number is no id of a uuid-keyed table: querying with it would fail in the database
    if (typeof parentId === 'number' && req.payload.db.defaultIDType !== 'number') return false
    const found = await req.payload.count({
      collection: parentCollection,
      overrideAccess: true,
      req,
      where: {
        and: [
          { id: { equals: parentId } },
          { [ownerField]: { equals: id } },
          ...(untilPublished ? [{ [untilPublished]: { not_equals: true } }] : []),
        ],
      },
    })
    return found.totalDocs > 0
  }

/**
 * Update access for an attachment: staff, or the owner of its current parent
 * (a query); when the update moves it to another parent (`parentField` in
 * the incoming data), the user must own that parent too.
 */
export const parentOwnerOrStaffUpdate = ({
  ownerField = 'creator',
  parentCollection,
  parentField,
  untilPublished,
}: {
  ownerField?: string
  parentCollection: CollectionSlug
  parentField: string
  /** the parent's publish flag: owners may change attachments only while the parent is unpublished */
  untilPublished?: string
}): Access => {
  const ownsTarget = parentOwnerOrStaffCreate({ ownerField, parentCollection, parentField, untilPublished })
  return async (args) => {
    const { data, req } = args
    if (userIsStaff(req)) return true
    const id = userId(req)
    if (!id) return false
    const owned: Where = { [`${parentField}.${ownerField}`]: { equals: id } }
    const ownsCurrent: Where = untilPublished
      ? { and: [owned, { [`${parentField}.${untilPublished}`]: { not_equals: true } }] }
      : owned
    if (!data || data[parentField] === undefined) return ownsCurrent
    return (await ownsTarget(args)) ? ownsCurrent : false
  }
}
