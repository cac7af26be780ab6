import type { RelationshipField } from 'payload'

import { existingIn } from '../../fields/existingIn'

/**
 * The post a photo, video or link belongs to: required, indexed, and an
 * existing post (an unknown id is a validation error, not a foreign-key 500).
 */
export const postField = (): RelationshipField => ({
  name: 'post',
  type: 'relationship',
  index: true,
  relationTo: 'community-posts',
  required: true,
  validate: existingIn('community-posts', 'community post'),
})
