/**
 * python.org's PSF board minutes (apps/minutes/models.py) for the Django
 * dump importer (src/platform/djangoImport.ts): minutes.minutes -> minutes,
 * addressed by meeting date as on python.org (psf-board-YYYY-MM-DD).
 */
import type { ModelMapper } from '../platform/djangoImport'
import { unimportable } from '../platform/djangoImport'
import { bool, CONTENT_MANAGEABLE, day, markup, markupField, stamps } from '../platform/djangoValues'

export const minutesMapper: ModelMapper = {
  collection: 'minutes',
  dependsOn: ['users.user'],
  fields: [...CONTENT_MANAGEABLE, 'date', ...markupField('content'), 'is_published'],
  model: 'minutes.minutes',
  toData: async (row, context) => {
    const date = day(row.fields.date) ?? unimportable(row, 'it has no meeting date')
    const { contentType, source } = markup(row, 'content', context, 'RESTRUCTUREDTEXT')
    const { createdAt, creator } = await stamps(row.fields, context, { lastModified: false })
    return {
      content: source,
      contentType,
      ...(createdAt ? { createdAt } : {}),
      creator,
      date,
      isPublished: bool(row.fields.is_published),
      slug: `psf-board-${date.slice(0, 10)}`,
    }
  },
}

export const minutesMappers: ModelMapper[] = [minutesMapper]
