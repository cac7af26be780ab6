import type { CollectionConfig } from 'payload'

import { ownerOrStaff } from '../../access/ownerOrStaff'
import { parentOwnerOrStaffCreate } from '../../access/parentOwnerOrStaff'
import { parentReadable } from '../../access/parentReadable'

/**
 * A post's photos, videos and links: readable when the post is (or by its
 * author), written by the post's author or staff.
 */
export const postAttachmentAccess: CollectionConfig['access'] = {
  create: parentOwnerOrStaffCreate({ parentCollection: 'community-posts', parentField: 'post' }),
  delete: ownerOrStaff('post.creator'),
  read: parentReadable({ parentField: 'post', parentOwnerField: 'creator' }),
  update: ownerOrStaff('post.creator'),
}
