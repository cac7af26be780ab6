import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const JobTypes: CollectionConfig = {
  slug: 'job-types',
  // staff-managed vocabulary, public
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: { defaultColumns: ['name', 'slug'], group: ADMIN_GROUPS.jobs, useAsTitle: 'name' },
  dbName: 'job_types',
  fields: [{ name: 'name', type: 'text', maxLength: 200, required: true }, slugField({ from: 'name' })],
  graphQL: { pluralName: 'JobTypes', singularName: 'JobType' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
