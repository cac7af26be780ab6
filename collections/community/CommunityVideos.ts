import type { CollectionConfig } from 'payload'

import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { postAttachmentAccess } from './attachmentAccess'
import { postField } from './postField'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const CommunityVideos: CollectionConfig = {
  slug: 'community-videos',
  access: postAttachmentAccess,
  admin: {
    defaultColumns: ['videoUrl', 'post', 'caption'],
    group: ADMIN_GROUPS.community,
    useAsTitle: 'videoUrl',
  },
  dbName: 'community_videos',
  defaultPopulate: { caption: true, clickThroughUrl: true, videoUrl: true },
  fields: [
    postField(),
    {
      name: 'videoUrl',
      type: 'text',
      admin: {
        description: 'Link to the video (YouTube, Vimeo...): frontends embed it; no embed HTML is stored.',
      },
      maxLength: 1000,
      required: true,
      validate: httpUrlValidator('videoUrl'),
    },
    { name: 'caption', type: 'text', maxLength: 1000 },
    {
      name: 'clickThroughUrl',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('clickThroughUrl'),
    },
    legacyIdField('community_videos_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'CommunityVideos', singularName: 'CommunityVideo' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
  },
}
