import type { Access, Where } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Attachments (page images, a post's photos...) are readable exactly when
 * their parent is: staff always, others when the parent is published, or
 * (with `parentOwnerField`) when they own the parent.
 */
export const parentReadable =
  ({
    parentField,
    parentOwnerField,
    publishedField = 'isPublished',
  }: {
    parentField: string
    parentOwnerField?: string
    publishedField?: string
  }): Access =>
  ({ req }) => {
    if (userIsStaff(req)) return true
    const published: Where = { [`${parentField}.${publishedField}`]: { equals: true } }
    const id = userId(req)
    if (parentOwnerField && id) {
      return { or: [published, { [`${parentField}.${parentOwnerField}`]: { equals: id } }] }
    }
    return published
  }
