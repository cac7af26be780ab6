import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { slugField } from '../../fields/slug'
import { blogReads } from '../../src/blogs/reads'
import { readEndpoints } from '../../src/platform/reads'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const FeedAggregates: CollectionConfig = {
  slug: 'feed-aggregates',
  access: {
    create: isStaff,
    delete: isStaff,
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['name', 'slug'],
    group: ADMIN_GROUPS.blogs,
    useAsTitle: 'name',
  },
  dbName: 'feed_aggregates',
  defaultPopulate: { description: true, name: true, slug: true },
  // GET /api/feed-aggregates/:slug/entries (public)
  endpoints: readEndpoints(blogReads),
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'feeds', type: 'relationship', hasMany: true, relationTo: 'feeds' },
    legacyIdField('feed_aggregates_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'FeedAggregates', singularName: 'FeedAggregate' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
