import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { serverFilled } from '../../fields/serverFilled'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const RelatedBlogs: CollectionConfig = {
  slug: 'related-blogs',
  access: {
    create: isStaff,
    delete: isStaff,
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['blogName', 'lastEntryTitle', 'lastEntryPublished'],
    group: ADMIN_GROUPS.blogs,
    useAsTitle: 'blogName',
  },
  dbName: 'related_blogs',
  defaultPopulate: { blogName: true, blogWebsite: true },
  fields: [
    {
      name: 'feed',
      type: 'relationship',
      index: true,
      relationTo: 'feeds',
      required: true,
      unique: true,
    },
    {
      name: 'blogName',
      type: 'text',
      admin: { description: 'Taken from the feed when left empty.' },
      maxLength: 200,
    },
    {
      name: 'blogWebsite',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('blogWebsite'),
    },
    serverFilled(
      { name: 'lastEntryPublished', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      "The feed's newest entry date, refreshed by the feed fetcher.",
    ),
    serverFilled(
      { name: 'lastEntryTitle', type: 'text', maxLength: 500 },
      "The feed's newest entry title, refreshed by the feed fetcher.",
    ),
    legacyIdField('related_blogs_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'RelatedBlogs', singularName: 'RelatedBlog' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
