import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { pagePathField } from '../../fields/pagePath'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { readEndpoints } from '../../src/platform/reads'
import { pageReads } from '../../src/site-pages/reads'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import {
  rerenderLinkingContentOnChange,
  rerenderLinkingContentOnDelete,
} from '../../hooks/pages/rerenderLinkingContent'
import { previewAt } from '../../src/platform/preview'

export const Pages: CollectionConfig = {
  slug: 'pages',
  access: {
    create: isStaff,
    delete: isStaff,
    // drafts are for staff only
    read: publishedOrStaff(),
    update: isStaff,
  },
  admin: {
    preview: previewAt((doc) => (typeof doc.path === 'string' ? `${doc.path}/` : null)),
    defaultColumns: ['title', 'path', 'isPublished', 'updatedAt'],
    listSearchableFields: ['title', 'path'],
    useAsTitle: 'title',
  },
  dbName: 'pages',
  endpoints: readEndpoints(pageReads),
  fields: [
    { name: 'title', type: 'text', maxLength: 500, required: true },
    pagePathField(),
    {
      name: 'keywords',
      type: 'text',
      admin: { description: 'SEO meta keywords.' },
      maxLength: 1000,
    },
    {
      name: 'description',
      type: 'textarea',
      admin: { description: 'SEO meta description.' },
      maxLength: 5000,
    },
    ...markupFields({ sourceContentType: 'RESTRUCTUREDTEXT' }),
    isPublishedField(),
    {
      name: 'templateName',
      type: 'text',
      admin: {
        description: 'Frontend template override (blank: the default page template).',
        position: 'sidebar',
      },
      maxLength: 100,
    },
    { name: 'images', type: 'join', collection: 'page-images', on: 'page' },
    {
      name: 'documents',
      type: 'join',
      collection: 'page-documents',
      on: 'page',
    },
    // python.org's integer id: its API addresses pages as /api/v1/pages/page/<id>/
    legacyIdField('pages_legacy_id_seq'),
    ...contentManageableFields(),
  ],
  graphQL: { pluralName: 'Pages', singularName: 'Page' },
  hooks: {
    // rich text linking to a page follows it when it moves (and keeps only the text when it is deleted)
    afterChange: [rerenderLinkingContentOnChange('pages')],
    afterDelete: [rerenderLinkingContentOnDelete('pages')],
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeDelete: [
      deleteDependents([
        { collection: 'page-images', field: 'page' },
        { collection: 'page-documents', field: 'page' },
      ]),
    ],
    beforeOperation: [rejectMalformedInput],
  },
}
