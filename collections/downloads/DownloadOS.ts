import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { refuseDeletingUsedOS } from '../../hooks/downloads/refuseDeletingUsedOS'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const DownloadOS: CollectionConfig = {
  slug: 'download-os',
  access: { create: isStaff, delete: isStaff, read: anyone, update: isStaff },
  admin: {
    defaultColumns: ['name', 'slug', 'legacyId'],
    group: ADMIN_GROUPS.downloads,
    useAsTitle: 'name',
  },
  dbName: 'download_os',
  defaultPopulate: { name: true, slug: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
    legacyIdField('download_os_legacy_id_seq'),
    ...contentManageableFields(),
  ],
  // the slug is python.org's; the type is what it holds
  graphQL: { pluralName: 'OperatingSystems', singularName: 'OperatingSystem' },
  hooks: { beforeDelete: [refuseDeletingUsedOS], beforeOperation: [rejectMalformedInput] },
  labels: { plural: 'Operating systems', singular: 'Operating system' },
}
