import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { creatorField, lastModifiedByField } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { previewAt } from '../../src/platform/preview'
import { legacyIdField } from '../../fields/legacyId'
import { withHistory } from '../../src/platform/history/withHistory'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

// every save keeps a version: staff see who changed what, compare and restore (docs/rules/history.md)
export const CodeSamples: CollectionConfig = withHistory({
  slug: 'code-samples',
  access: {
    create: isStaff,
    delete: isStaff,
    read: publishedOrStaff(),
    update: isStaff,
  },
  admin: {
    group: ADMIN_GROUPS.content,
    preview: previewAt((doc) => (doc.slug ? `code-samples/${doc.slug}/` : null)),
    defaultColumns: ['slug', 'title', 'isPublished', 'updatedAt'],
    useAsTitle: 'slug',
  },
  dbName: 'code_samples',
  defaultPopulate: { isPublished: true, slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      admin: { description: 'Internal name; the slug is made from it.' },
      maxLength: 200,
    },
    slugField({ from: 'title' }),
    {
      name: 'code',
      type: 'code',
      admin: { language: 'python' },
      required: true,
    },
    ...markupFields({ name: 'description', sourceContentType: 'MARKDOWN' }),
    isPublishedField(),
    creatorField(),
    legacyIdField('code_samples_legacy_id_seq'),
    lastModifiedByField(),
  ],
  graphQL: { pluralName: 'CodeSamples', singularName: 'CodeSample' },
  hooks: {
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeOperation: [rejectMalformedInput],
  },
})
