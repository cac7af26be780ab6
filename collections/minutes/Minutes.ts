import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { creatorField, lastModifiedByField } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { minutesFeedEndpoint } from '../../src/minutes/endpoints'
import { minutesReads } from '../../src/minutes/reads'
import { previewAt } from '../../src/platform/preview'
import { withHistory } from '../../src/platform/history/withHistory'
import { readEndpoints } from '../../src/platform/reads'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

// every save keeps a version: staff see who changed what, compare and restore (docs/rules/history.md)
export const Minutes: CollectionConfig = withHistory({
  slug: 'minutes',
  access: {
    create: isStaff,
    delete: isStaff,
    read: publishedOrStaff(),
    update: isStaff,
  },
  admin: {
    group: ADMIN_GROUPS.psf,
    preview: previewAt((doc) => (doc.slug ? `psf/records/board/minutes/${doc.slug}/` : null)),
    defaultColumns: ['slug', 'date', 'isPublished', 'updatedAt'],
    useAsTitle: 'slug',
  },
  dbName: 'minutes',
  defaultPopulate: { date: true, isPublished: true, slug: true },
  defaultSort: '-date',
  endpoints: [...readEndpoints(minutesReads), minutesFeedEndpoint],
  fields: [
    {
      name: 'date',
      type: 'date',
      admin: {
        date: { displayFormat: 'yyyy-MM-dd', pickerAppearance: 'dayOnly' },
      },
      index: true,
      required: true,
    },
    slugField({
      from: 'date',
      overrides: {
        admin: {
          description: 'Made from the meeting date (psf-board-2024-01-15) when left empty.',
        },
        hooks: {
          beforeValidate: [
            ({ data, value }) => {
              if (typeof value === 'string' && value.trim()) return value.trim()
              const date = typeof data?.date === 'string' ? data.date.slice(0, 10) : null
              return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `psf-board-${date}` : value
            },
          ],
        },
      },
    }),
    ...markupFields({ sourceContentType: 'RESTRUCTUREDTEXT' }),
    isPublishedField(),
    creatorField(),
    legacyIdField('minutes_legacy_id_seq'),
    lastModifiedByField(),
  ],
  // one meeting's minutes are "minutes" too; for such nouns Payload names the list "All..."
  graphQL: { pluralName: 'AllMinutes', singularName: 'Minutes' },
  hooks: {
    // a body or a text value of the wrong JSON shape is a 400, not a 500 or a coerced value
    beforeOperation: [rejectMalformedInput],
  },
})
