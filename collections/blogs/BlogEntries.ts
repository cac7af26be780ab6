import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff, isStaffField } from '../../access/isStaff'
import { sanitizeHtmlField } from '../../hooks/shared/sanitizeHtmlField'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const BlogEntries: CollectionConfig = {
  slug: 'blog-entries',
  access: {
    create: isStaff,
    delete: isStaff,
    // entries come from public feeds
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['title', 'feed', 'pubDate', 'isFeatured'],
    group: ADMIN_GROUPS.blogs,
    useAsTitle: 'title',
  },
  dbName: 'blog_entries',
  defaultPopulate: { isFeatured: true, pubDate: true, summary: true, title: true, url: true },
  defaultSort: '-pubDate',
  fields: [
    {
      name: 'feed',
      type: 'relationship',
      index: true,
      relationTo: 'feeds',
      required: true,
    },
    { name: 'title', type: 'text', maxLength: 500, required: true },
    // feed HTML is untrusted: stored sanitized
    {
      name: 'summary',
      type: 'textarea',
      hooks: { beforeChange: [sanitizeHtmlField] },
    },
    {
      name: 'content',
      type: 'textarea',
      hooks: { beforeChange: [sanitizeHtmlField] },
    },
    { name: 'url', type: 'text', index: true, maxLength: 2000, required: true },
    {
      name: 'pubDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      index: true,
      required: true,
    },
    {
      name: 'guid',
      type: 'text',
      admin: {
        description: 'The feed’s id for the entry (its URL when the feed gives none).',
      },
      maxLength: 2000,
      required: true,
      unique: true,
    },
    {
      name: 'isFeatured',
      type: 'checkbox',
      access: { create: isStaffField, update: isStaffField },
      defaultValue: false,
      index: true,
    },
    legacyIdField('blog_entries_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'BlogEntries', singularName: 'BlogEntry' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
