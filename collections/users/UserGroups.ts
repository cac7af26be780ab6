import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isStaff, isStaffField } from '../../access/isStaff'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { slugField } from '../../fields/slug'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const USER_GROUP_TYPES = ['MEETUP', 'DISTRIBUTION_LIST', 'OTHER'] as const

export const UserGroups: CollectionConfig = {
  slug: 'user-groups',
  access: {
    // members and staff may list a group; it is public once staff approve it
    create: authenticated,
    delete: isStaff,
    // anonymous and members: approved groups, plus the groups a member created
    read: publishedOrStaff({
      ownerField: 'creator',
      publishedField: 'approved',
    }),
    update: ownerOrStaff('creator'),
  },
  admin: {
    group: ADMIN_GROUPS.people,
    defaultColumns: ['name', 'location', 'userGroupType', 'approved', 'trusted'],
    useAsTitle: 'name',
  },
  dbName: 'user_groups',
  defaultPopulate: { approved: true, location: true, name: true, slug: true, url: true, userGroupType: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    { name: 'location', type: 'text', maxLength: 200 },
    { name: 'url', type: 'text', maxLength: 500, validate: httpUrlValidator('url') },
    {
      name: 'userGroupType',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'MEETUP',
      options: USER_GROUP_TYPES.map((value) => ({
        label: value.toLowerCase().replace('_', ' '),
        value,
      })),
      required: true,
    },
    {
      name: 'startDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' } },
    },
    {
      name: 'approved',
      type: 'checkbox',
      // approval and trust are staff decisions
      access: { create: isStaffField, update: isStaffField },
      defaultValue: false,
      index: true,
    },
    {
      name: 'trusted',
      type: 'checkbox',
      access: { create: isStaffField, update: isStaffField },
      defaultValue: false,
    },
    ...contentManageableFields(),
    legacyIdField('user_groups_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'UserGroups', singularName: 'UserGroup' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
  },
}
