import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { slugField } from '../../fields/slug'
import { refuseDeletingWhileUsed } from '../../hooks/shared/refuseDeletingWhileUsed'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const StoryCategories: CollectionConfig = {
  slug: 'story-categories',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'slug'], group: ADMIN_GROUPS.successStories, useAsTitle: 'name' },
  dbName: 'story_categories',
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    {
      name: 'stories',
      type: 'join',
      collection: 'success-stories',
      on: 'category',
    },
    legacyIdField('story_categories_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'StoryCategories', singularName: 'StoryCategory' },
  hooks: {
    // a category its stories belong to stays (the key is RESTRICT; this says why)
    beforeDelete: [
      refuseDeletingWhileUsed({
        by: 'success-stories',
        field: 'category',
        label: 'success story',
        plural: 'success stories',
        what: 'story category',
      }),
    ],
    beforeOperation: [rejectMalformedInput],
  },
}
