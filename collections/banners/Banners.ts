import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { httpUrlValidator } from '../../fields/url'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { BANNER_TARGETS, BANNER_TYPES } from '../../src/banners/options'
import { bannerReads } from '../../src/banners/reads'
import { readEndpoints } from '../../src/platform/reads'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

const options = (values: readonly string[]) => values.map((value) => ({ label: value.toLowerCase(), value }))

export const Banners: CollectionConfig = {
  slug: 'banners',
  access: {
    create: isStaff,
    delete: isStaff,
    // inactive banners are drafts
    read: publishedOrStaff({ publishedField: 'isActive' }),
    update: isStaff,
  },
  admin: {
    group: ADMIN_GROUPS.content,
    defaultColumns: ['name', 'title', 'bannerType', 'target', 'isActive', 'startDate', 'endDate'],
    useAsTitle: 'name',
  },
  dbName: 'banners',
  defaultPopulate: { isActive: true, name: true, title: true },
  endpoints: readEndpoints(bannerReads),
  fields: [
    {
      name: 'name',
      type: 'text',
      admin: { description: 'Internal identifier.' },
      maxLength: 200,
      required: true,
    },
    { name: 'title', type: 'text', maxLength: 200, required: true },
    { name: 'message', type: 'textarea', maxLength: 2000, required: true },
    {
      name: 'link',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('link'),
    },
    { name: 'linkText', type: 'text', maxLength: 200 },
    {
      name: 'bannerType',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'INFO',
      index: true,
      options: options(BANNER_TYPES),
      required: true,
    },
    {
      name: 'target',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'FRONTEND',
      index: true,
      options: options(BANNER_TARGETS),
      required: true,
    },
    {
      name: 'paths',
      type: 'textarea',
      admin: {
        description:
          'One path pattern per line, e.g. "/downloads/" or "/downloads/*" ("*" matches anything). Ignored when sitewide.',
      },
      maxLength: 5000,
    },
    { name: 'isActive', type: 'checkbox', defaultValue: false, index: true },
    { name: 'isDismissible', type: 'checkbox', defaultValue: true },
    { name: 'isSitewide', type: 'checkbox', defaultValue: false, index: true },
    {
      name: 'startDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' } },
      index: true,
    },
    {
      name: 'endDate',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayOnly' } },
      index: true,
      validate: (
        value: Date | null | string | undefined,
        { siblingData }: { siblingData?: Record<string, unknown> },
      ) => {
        const start = siblingData?.startDate
        if (value && start && new Date(value as string) < new Date(start as string)) {
          return 'endDate must not be before startDate'
        }
        return true
      },
    },
    legacyIdField('banners_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'Banners', singularName: 'Banner' },
  hooks: {
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeOperation: [rejectMalformedInput],
  },
}
