import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { integerValidator } from '../../fields/integer'
import { pagePathField } from '../../fields/pagePath'
import { lockPageTree, movePagesBelow, placeInPageTree, rederiveAfterDelete } from '../../hooks/pages/pageTree'
import { fillSeoDefaults } from '../../hooks/shared/fillSeoDefaults'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { readEndpoints } from '../../src/platform/reads'
import { pageReads } from '../../src/site-pages/reads'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import {
  rerenderLinkingContentOnChange,
  rerenderLinkingContentOnDelete,
} from '../../hooks/pages/rerenderLinkingContent'
import { previewAt } from '../../src/platform/preview'
import { serverFilled } from '../../fields/serverFilled'
import { withHistory } from '../../src/platform/history/withHistory'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

// every save keeps a version: staff see who changed what, compare and restore (docs/rules/history.md)
export const Pages: CollectionConfig = withHistory({
  slug: 'pages',
  access: {
    create: isStaff,
    delete: isStaff,
    // drafts are for staff only
    read: publishedOrStaff(),
    update: isStaff,
  },
  admin: {
    group: ADMIN_GROUPS.content,
    preview: previewAt((doc) => (typeof doc.path === 'string' ? `${doc.path}/` : null)),
    defaultColumns: ['title', 'path', 'isPublished', 'updatedAt'],
    listSearchableFields: ['title', 'path'],
    useAsTitle: 'title',
  },
  dbName: 'pages',
  // a related page (a release page, a parent): enough to name and link it
  defaultPopulate: { isPublished: true, path: true, title: true },
  endpoints: readEndpoints(pageReads),
  fields: [
    { name: 'title', type: 'text', maxLength: 500, required: true },
    pagePathField(),
    // derived from the path (hooks/pages/pageTree.ts), never written by clients
    serverFilled(
      { name: 'parent', type: 'relationship', admin: { position: 'sidebar' }, index: true, relationTo: 'pages' },
      'The nearest page above this one by path, kept in step with the path on save.',
    ),
    {
      name: 'order',
      type: 'number',
      admin: { description: 'Position among the pages beside it (lower first, then by title).', position: 'sidebar' },
      defaultValue: 0,
      index: true,
      validate: integerValidator('order'),
    },
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
    // moving a page moves the pages below it (hooks/pages/pageTree.ts); rich text linking to a page
    // follows it when it moves (and keeps only the text when it is deleted)
    afterChange: [movePagesBelow, rerenderLinkingContentOnChange('pages')],
    afterDelete: [rederiveAfterDelete, rerenderLinkingContentOnDelete('pages')],
    // the parent from the path; meta title and description default to the page's (src/platform/seo.ts)
    beforeChange: [placeInPageTree, fillSeoDefaults],
    beforeDelete: [
      lockPageTree,
      deleteDependents([
        { collection: 'page-images', field: 'page' },
        { collection: 'page-documents', field: 'page' },
      ]),
    ],
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeOperation: [rejectMalformedInput],
  },
})
