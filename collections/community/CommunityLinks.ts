import type { CollectionConfig } from 'payload'

import { httpUrlValidator } from '../../fields/url'
import { postAttachmentAccess } from './attachmentAccess'

export const CommunityLinks: CollectionConfig = {
  slug: 'community-links',
  access: postAttachmentAccess,
  admin: { defaultColumns: ['url', 'post', 'caption'], group: 'Community', useAsTitle: 'url' },
  dbName: 'community_links',
  fields: [
    { name: 'post', type: 'relationship', index: true, relationTo: 'community-posts', required: true },
    { name: 'url', type: 'text', maxLength: 1000, required: true, validate: httpUrlValidator('url') },
    { name: 'caption', type: 'text', maxLength: 1000 },
  ],
}
