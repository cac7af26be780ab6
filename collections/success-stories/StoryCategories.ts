import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const StoryCategories: CollectionConfig = {
  slug: 'story-categories',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'slug'], group: ADMIN_GROUPS.successStories, useAsTitle: 'name' },
  dbName: 'story_categories',
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    {
      name: 'stories',
      type: 'join',
      collection: 'success-stories',
      on: 'category',
    },
  ],
  graphQL: { pluralName: 'StoryCategories', singularName: 'StoryCategory' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
