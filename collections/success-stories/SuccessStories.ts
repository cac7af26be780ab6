import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isStaff, isStaffField } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { authorUntilPublishedOrStaff } from '../../access/authorUntilPublished'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { httpUrlValidator } from '../../fields/url'
import { notifyStaffOfSubmission } from '../../hooks/success-stories/notifyStaffOfSubmission'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { existingIn } from '../../fields/existingIn'
import { previewAt } from '../../src/platform/preview'
import { fillSeoDefaults } from '../../hooks/shared/fillSeoDefaults'
import { legacyIdField } from '../../fields/legacyId'
import { withHistory } from '../../src/platform/history/withHistory'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

// every save keeps a version: staff see who changed what, compare and restore (docs/rules/history.md)
export const SuccessStories: CollectionConfig = withHistory({
  slug: 'success-stories',
  access: {
    // any member may submit a story; it stays unpublished until staff publish it
    create: authenticated,
    delete: isStaff,
    // public when published; authors see their own submissions
    read: publishedOrStaff({ ownerField: 'creator' }),
    // the author may edit until it is published
    update: authorUntilPublishedOrStaff('creator'),
  },
  admin: {
    preview: previewAt((doc) => (doc.slug ? `success-stories/${doc.slug}/` : null)),
    defaultColumns: ['name', 'companyName', 'category', 'isPublished', 'featured'],
    group: ADMIN_GROUPS.successStories,
    useAsTitle: 'name',
  },
  dbName: 'success_stories',
  defaultPopulate: { companyName: true, companyUrl: true, image: true, isPublished: true, name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    { name: 'companyName', type: 'text', maxLength: 200, required: true },
    {
      name: 'companyUrl',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('companyUrl'),
    },
    {
      name: 'category',
      type: 'relationship',
      index: true,
      relationTo: 'story-categories',
      required: true,
      validate: existingIn('story-categories', 'story category'),
    },
    ...markupFields({ sourceContentType: 'RESTRUCTUREDTEXT' }),
    isPublishedField(),
    {
      name: 'featured',
      type: 'checkbox',
      access: { create: isStaffField, update: isStaffField },
      admin: { position: 'sidebar' },
      defaultValue: false,
      index: true,
    },
    {
      name: 'image',
      type: 'text',
      admin: { description: 'Image URL.' },
      maxLength: 1000,
      validate: httpUrlValidator('image'),
    },
    ...contentManageableFields(),
    legacyIdField('success_stories_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'SuccessStories', singularName: 'SuccessStory' },
  hooks: {
    afterChange: [notifyStaffOfSubmission],
    // meta title and description default to the story's (src/platform/seo.ts)
    beforeChange: [fillSeoDefaults],
    beforeOperation: [rejectMalformedInput],
  },
})
