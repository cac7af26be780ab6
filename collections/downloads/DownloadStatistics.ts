import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { integerValidator } from '../../fields/integer'
import { statisticsReads } from '../../src/downloads/statisticsReads'
import { readEndpoints } from '../../src/platform/reads'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/**
 * One row per (release file, day), incremented atomically by the download
 * endpoint. Staff read it; nobody edits it by hand.
 */
export const DownloadStatistics: CollectionConfig = {
  slug: 'download-statistics',
  access: {
    create: () => false,
    delete: isStaff,
    read: isStaff,
    update: () => false,
  },
  admin: {
    defaultColumns: ['date', 'releaseFile', 'downloadCount'],
    group: ADMIN_GROUPS.downloads,
    useAsTitle: 'date',
  },
  dbName: 'download_statistics',
  defaultPopulate: { date: true, downloadCount: true, releaseFile: true },
  defaultSort: '-date',
  endpoints: readEndpoints(statisticsReads),
  fields: [
    {
      name: 'releaseFile',
      type: 'relationship',
      index: true,
      relationTo: 'release-files',
      required: true,
    },
    {
      name: 'date',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' } },
      index: true,
      required: true,
    },
    {
      name: 'downloadCount',
      type: 'number',
      defaultValue: 0,
      min: 0,
      validate: integerValidator('downloadCount', { min: 0 }),
    },
  ],
  graphQL: { pluralName: 'DownloadStatistics', singularName: 'DownloadStatistic' },
  indexes: [{ fields: ['releaseFile', 'date'], unique: true }],
}
