import type { CollectionConfig } from 'payload'

import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { missingFileIsNotFound, uploadDir } from '../../src/platform/uploads'
import { postAttachmentAccess } from './attachmentAccess'
import { postField } from './postField'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const CommunityPhotos: CollectionConfig = {
  slug: 'community-photos',
  access: postAttachmentAccess,
  admin: {
    defaultColumns: ['filename', 'post', 'caption'],
    group: ADMIN_GROUPS.community,
    useAsTitle: 'filename',
  },
  dbName: 'community_photos',
  // what a post needs to show the photo; filename too, or Payload cannot build the URL
  defaultPopulate: {
    caption: true,
    clickThroughUrl: true,
    filename: true,
    filesize: true,
    height: true,
    mimeType: true,
    sizes: true,
    url: true,
    width: true,
  },
  fields: [
    postField(),
    { name: 'caption', type: 'text', maxLength: 1000 },
    {
      name: 'clickThroughUrl',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('clickThroughUrl'),
    },
    legacyIdField('community_photos_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'CommunityPhotos', singularName: 'CommunityPhoto' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
  },
  upload: {
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', height: 300, position: 'centre', width: 300 },
      { name: 'large', width: 1600, withoutEnlargement: true },
    ],
    mimeTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
    // a row without its file answers 404, not 500
    handlers: [missingFileIsNotFound],
    staticDir: uploadDir('community-photos'),
  },
}
