import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { creatorField } from '../../fields/contentManageable'
import { slugField } from '../../fields/slug'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const WorkGroups: CollectionConfig = {
  slug: 'work-groups',
  access: {
    create: isStaff,
    delete: isStaff,
    // public while active
    read: publishedOrStaff({ publishedField: 'active' }),
    update: isStaff,
  },
  admin: { group: ADMIN_GROUPS.psf, defaultColumns: ['name', 'active', 'url'], useAsTitle: 'name' },
  dbName: 'work_groups',
  defaultPopulate: { active: true, name: true, slug: true, url: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    { name: 'purpose', type: 'textarea', maxLength: 5000, required: true },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
    {
      name: 'url',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('url'),
    },
    creatorField(),
    legacyIdField('work_groups_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'WorkGroups', singularName: 'WorkGroup' },
  hooks: {
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeOperation: [rejectMalformedInput],
  },
}
