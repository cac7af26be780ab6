import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const JobTypes: CollectionConfig = {
  slug: 'job-types',
  // staff-managed vocabulary, public
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'slug'], group: ADMIN_GROUPS.jobs, useAsTitle: 'name' },
  dbName: 'job_types',
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    legacyIdField('job_types_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'JobTypes', singularName: 'JobType' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
