import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'

const refreshedFromFeed = { create: () => false, update: () => false }

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
    group: 'Blogs',
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
    {
      name: 'lastEntryPublished',
      type: 'date',
      access: refreshedFromFeed,
      admin: { date: { pickerAppearance: 'dayAndTime' }, readOnly: true },
    },
    {
      name: 'lastEntryTitle',
      type: 'text',
      access: refreshedFromFeed,
      admin: { readOnly: true },
      maxLength: 500,
    },
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
}
