import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { markupFields } from '../../fields/markup'
import { pagePathField } from '../../fields/pagePath'
import { pageByPathEndpoint } from '../../src/endpoints/pages/byPath'

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
    defaultColumns: ['title', 'path', 'isPublished', 'updatedAt'],
    listSearchableFields: ['title', 'path'],
    useAsTitle: 'title',
  },
  dbName: 'pages',
  endpoints: [pageByPathEndpoint],
  fields: [
    { name: 'title', type: 'text', maxLength: 500, required: true },
    pagePathField(),
    { name: 'keywords', type: 'text', admin: { description: 'SEO meta keywords.' }, maxLength: 1000 },
    { name: 'description', type: 'textarea', admin: { description: 'SEO meta description.' }, maxLength: 5000 },
    ...markupFields({ defaultContentType: 'RESTRUCTUREDTEXT' }),
    isPublishedField(),
    {
      name: 'templateName',
      type: 'text',
      admin: { description: 'Frontend template override (blank: the default page template).', position: 'sidebar' },
      maxLength: 100,
    },
    { name: 'images', type: 'join', collection: 'page-images', on: 'page' },
    { name: 'documents', type: 'join', collection: 'page-documents', on: 'page' },
    ...contentManageableFields(),
  ],
}
