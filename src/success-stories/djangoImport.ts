/**
 * python.org's success stories (apps/successstories/models.py) for the
 * Django dump importer (src/platform/djangoImport.ts):
 * - successstories.storycategory -> story-categories
 * - successstories.story         -> success-stories. python.org's image was an uploaded
 *   file, ours is an image URL: not carried. Its author, pull quote and company link
 *   have no field here and are named in the summary.
 */
import type { ModelMapper } from '../platform/djangoImport'
import { bool, CONTENT_MANAGEABLE, fit, markup, markupField, stamps, str, text } from '../platform/djangoValues'

export const storyCategoryMapper: ModelMapper = {
  collection: 'story-categories',
  fields: ['name', 'slug'],
  model: 'successstories.storycategory',
  toData: ({ fields }) => ({ name: str(fields.name), slug: str(fields.slug) }),
}

export const storyMapper: ModelMapper = {
  collection: 'success-stories',
  dependsOn: ['users.user', 'successstories.storycategory'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'name',
    'slug',
    'company_name',
    'company_url',
    'company',
    'category',
    'author',
    'author_email',
    'pull_quote',
    ...markupField('content'),
    'is_published',
    'featured',
    'image',
    'submitted_by',
  ],
  model: 'successstories.story',
  toData: async (row, context) => {
    const { fields } = row
    const { contentType, source } = markup(row, 'content', context, 'RESTRUCTUREDTEXT')
    for (const field of ['author', 'author_email', 'pull_quote', 'company', 'image'] as const) {
      if (fields[field] !== null && fields[field] !== undefined && fields[field] !== '') {
        context.skip(row, field, 'success stories here have no such field')
      }
    }
    const stamped = await stamps(fields, context)
    return {
      ...stamped,
      category: await context.resolve('successstories.storycategory', fields.category),
      companyName: fit(row, 'company_name', str(fields.company_name), 200, context),
      companyUrl: text(fields.company_url),
      content: source,
      contentType,
      creator:
        stamped.creator ?? (fields.submitted_by ? await context.resolve('users.user', fields.submitted_by) : null),
      featured: bool(fields.featured),
      isPublished: bool(fields.is_published),
      name: fit(row, 'name', str(fields.name), 200, context),
      slug: str(fields.slug),
    }
  },
}

export const successStoryMappers: ModelMapper[] = [storyCategoryMapper, storyMapper]
