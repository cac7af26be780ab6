import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { previewAt } from '../../src/platform/preview'
import { fillSeoDefaults } from '../../hooks/shared/fillSeoDefaults'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const CommunityPosts: CollectionConfig = {
  slug: 'community-posts',
  access: {
    // members write posts; staff moderate (publish) them
    create: authenticated,
    delete: ownerOrStaff('creator'),
    // public when published; authors see their own drafts
    read: publishedOrStaff({ ownerField: 'creator' }),
    update: ownerOrStaff('creator'),
  },
  admin: {
    preview: previewAt((doc) => (doc.slug ? `community/posts/${doc.slug}/` : null)),
    defaultColumns: ['title', 'creator', 'isPublished', 'updatedAt'],
    group: ADMIN_GROUPS.community,
    useAsTitle: 'title',
  },
  dbName: 'community_posts',
  defaultPopulate: { isPublished: true, slug: true, title: true },
  fields: [
    { name: 'title', type: 'text', maxLength: 500, required: true },
    slugField({ from: 'title' }),
    ...markupFields({ sourceContentType: 'MARKDOWN' }),
    isPublishedField(),
    {
      name: 'photos',
      type: 'join',
      collection: 'community-photos',
      on: 'post',
    },
    {
      name: 'videos',
      type: 'join',
      collection: 'community-videos',
      on: 'post',
    },
    { name: 'links', type: 'join', collection: 'community-links', on: 'post' },
    ...contentManageableFields(),
    legacyIdField('community_posts_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'CommunityPosts', singularName: 'CommunityPost' },
  hooks: {
    // meta title and description default to the post's (src/platform/seo.ts)
    beforeChange: [fillSeoDefaults],
    beforeDelete: [
      deleteDependents([
        { collection: 'community-photos', field: 'post' },
        { collection: 'community-videos', field: 'post' },
        { collection: 'community-links', field: 'post' },
      ]),
    ],
    beforeOperation: [rejectMalformedInput],
  },
}
