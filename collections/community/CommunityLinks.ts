import type { CollectionConfig } from 'payload'

import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { postAttachmentAccess } from './attachmentAccess'
import { postField } from './postField'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const CommunityLinks: CollectionConfig = {
  slug: 'community-links',
  access: postAttachmentAccess,
  admin: {
    defaultColumns: ['url', 'post', 'caption'],
    group: ADMIN_GROUPS.community,
    useAsTitle: 'url',
  },
  dbName: 'community_links',
  defaultPopulate: { caption: true, url: true },
  fields: [
    postField(),
    {
      name: 'url',
      type: 'text',
      maxLength: 1000,
      required: true,
      validate: httpUrlValidator('url'),
    },
    { name: 'caption', type: 'text', maxLength: 1000 },
    legacyIdField('community_links_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'CommunityLinks', singularName: 'CommunityLink' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
  },
}
