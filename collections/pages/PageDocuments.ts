import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { parentReadable } from '../../access/parentReadable'
import { missingFileIsNotFound, uploadDir } from '../../src/platform/uploads'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const PageDocuments: CollectionConfig = {
  slug: 'page-documents',
  access: {
    create: isStaff,
    delete: isStaff,
    // an attachment is readable when its page is
    read: parentReadable({ parentField: 'page' }),
    update: isStaff,
  },
  admin: {
    defaultColumns: ['filename', 'page', 'title'],
    group: ADMIN_GROUPS.content,
    useAsTitle: 'filename',
  },
  dbName: 'page_documents',
  defaultPopulate: { filename: true, filesize: true, mimeType: true, title: true, url: true },
  fields: [
    {
      name: 'page',
      type: 'relationship',
      index: true,
      relationTo: 'pages',
      required: true,
    },
    { name: 'title', type: 'text', maxLength: 500 },
    legacyIdField('page_documents_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'PageDocuments', singularName: 'PageDocument' },
  hooks: { beforeOperation: [rejectMalformedInput] },
  upload: {
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/zip',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
    ],
    // a row without its file answers 404, not 500
    handlers: [missingFileIsNotFound],
    staticDir: uploadDir('page-documents'),
  },
}
