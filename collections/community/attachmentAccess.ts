import type { CollectionConfig } from 'payload'

import { ownerOrStaff } from '../../access/ownerOrStaff'
import { parentOwnerOrStaffCreate, parentOwnerOrStaffUpdate } from '../../access/parentOwnerOrStaff'
import { parentReadable } from '../../access/parentReadable'

const parent = {
  parentCollection: 'community-posts',
  parentField: 'post',
} as const

/**
 * A post's photos, videos and links: readable when the post is (or by its
 * author), written by the post's author or staff.
 */
export const postAttachmentAccess: CollectionConfig['access'] = {
  // the post's author or staff attach to a post
  create: parentOwnerOrStaffCreate(parent),
  // the post's author or staff remove it
  delete: ownerOrStaff('post.creator'),
  // readable exactly when the post is: published, or by its author, or staff
  read: parentReadable({ parentField: 'post', parentOwnerField: 'creator' }),
  // the post's author or staff; moving it needs the target post to be theirs too
  update: parentOwnerOrStaffUpdate(parent),
}
