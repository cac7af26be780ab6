import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff, isStaffField } from '../../access/isStaff'
import { serverFilled } from '../../fields/serverFilled'
import { httpUrlValidator } from '../../fields/url'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { fetchFeedEndpoint } from '../../src/blogs/fetchFeedEndpoint'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const Feeds: CollectionConfig = {
  slug: 'feeds',
  access: {
    create: isStaff,
    delete: isStaff,
    // the list of aggregated blogs is public
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['name', 'feedUrl', 'isActive', 'priority', 'lastFetched', 'lastError'],
    group: ADMIN_GROUPS.blogs,
    useAsTitle: 'name',
  },
  dbName: 'feeds',
  defaultPopulate: { feedUrl: true, name: true, websiteUrl: true },
  defaultSort: '-priority',
  // POST /api/feeds/:id/fetch (staff)
  endpoints: [fetchFeedEndpoint],
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    {
      name: 'websiteUrl',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('websiteUrl'),
    },
    {
      name: 'feedUrl',
      type: 'text',
      index: true,
      maxLength: 1000,
      required: true,
      unique: true,
      validate: httpUrlValidator('feedUrl'),
    },
    { name: 'isActive', type: 'checkbox', defaultValue: true, index: true },
    {
      name: 'priority',
      type: 'number',
      admin: { description: 'Higher is fetched and listed first.' },
      defaultValue: 0,
      index: true,
      integer: true,
    } as CollectionConfig['fields'][number],
    serverFilled(
      { name: 'lastFetched', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      'When the feed fetcher last read the feed successfully.',
    ),
    serverFilled(
      { name: 'lastError', type: 'textarea', access: { read: isStaffField } },
      'Why the last fetch failed (empty when it worked), recorded by the feed fetcher.',
    ),
    serverFilled(
      {
        name: 'lastErrorAt',
        type: 'date',
        access: { read: isStaffField },
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
      'When the last fetch failed, recorded by the feed fetcher.',
    ),
    { name: 'entries', type: 'join', collection: 'blog-entries', on: 'feed' },
    legacyIdField('feeds_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'Feeds', singularName: 'Feed' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
    beforeDelete: [
      deleteDependents([
        { collection: 'blog-entries', field: 'feed' },
        { collection: 'related-blogs', field: 'feed' },
      ]),
    ],
  },
}
