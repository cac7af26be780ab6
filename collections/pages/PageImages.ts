import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { parentReadable } from '../../access/parentReadable'
import { missingFileIsNotFound, uploadDir } from '../../src/platform/uploads'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'
import {
  rerenderLinkingContentOnChange,
  rerenderLinkingContentOnDelete,
} from '../../hooks/pages/rerenderLinkingContent'

export const PageImages: CollectionConfig = {
  slug: 'page-images',
  access: {
    create: isStaff,
    delete: isStaff,
    // an attachment is readable when its page is
    read: parentReadable({ parentField: 'page' }),
    update: isStaff,
  },
  admin: {
    defaultColumns: ['filename', 'page', 'alt'],
    group: ADMIN_GROUPS.content,
    useAsTitle: 'filename',
  },
  dbName: 'page_images',
  // what a page (or an SEO image) needs to show the image; filename too, or Payload cannot build the URL
  defaultPopulate: {
    alt: true,
    caption: true,
    filename: true,
    filesize: true,
    height: true,
    mimeType: true,
    sizes: true,
    url: true,
    width: true,
  },
  fields: [
    {
      name: 'page',
      type: 'relationship',
      index: true,
      relationTo: 'pages',
      required: true,
    },
    { name: 'alt', type: 'text', maxLength: 500 },
    { name: 'caption', type: 'text', maxLength: 1000 },
    legacyIdField('page_images_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'PageImages', singularName: 'PageImage' },
  hooks: {
    // rich text showing the image shows its current file and alt text (and nothing once it is deleted)
    afterChange: [rerenderLinkingContentOnChange('page-images')],
    afterDelete: [rerenderLinkingContentOnDelete('page-images')],
    beforeOperation: [rejectMalformedInput],
  },
  upload: {
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', height: 300, position: 'centre', width: 300 },
      { name: 'medium', width: 800, withoutEnlargement: true },
      { name: 'large', width: 1600, withoutEnlargement: true },
    ],
    // raster images only: an SVG can carry script
    mimeTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'],
    // a row without its file answers 404, not 500
    handlers: [missingFileIsNotFound],
    staticDir: uploadDir('page-images'),
  },
}
