/**
 * python.org's pages app (apps/pages/models.py) for the Django dump
 * importer (src/platform/djangoImport.ts):
 * - pages.page         -> pages
 * - pages.image        -> page-images (the file from python.org's media folder)
 * - pages.documentfile -> page-documents (likewise)
 */
import type { ModelMapper } from '../platform/djangoImport'
import { bool, CONTENT_MANAGEABLE, fit, markup, markupField, stamps, str, text } from '../platform/djangoValues'

export const pageMapper: ModelMapper = {
  collection: 'pages',
  dependsOn: ['users.user'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'title',
    'keywords',
    'description',
    'path',
    ...markupField('content'),
    'is_published',
    'content_type',
    'template_name',
  ],
  model: 'pages.page',
  toData: async (row, context) => {
    const { fields } = row
    const { contentType, source } = markup(row, 'content', context, 'RESTRUCTUREDTEXT')
    if (text(fields.content_type) && fields.content_type !== 'text/html') {
      context.skip(row, 'content_type', `pages are served as HTML here, not ${String(fields.content_type)}`)
    }
    return {
      ...(await stamps(fields, context)),
      content: source,
      contentType,
      description: fit(row, 'description', text(fields.description), 5000, context),
      isPublished: bool(fields.is_published, true),
      keywords: text(fields.keywords),
      path: str(fields.path),
      templateName: text(fields.template_name),
      title: str(fields.title),
    }
  },
}

export const pageImageMapper: ModelMapper = {
  collection: 'page-images',
  dependsOn: ['pages.page'],
  fields: ['page', 'image'],
  file: (row) => text(row.fields.image),
  model: 'pages.image',
  toData: async ({ fields }, context) => ({ page: await context.resolve('pages.page', fields.page) }),
}

export const pageDocumentMapper: ModelMapper = {
  collection: 'page-documents',
  dependsOn: ['pages.page'],
  fields: ['page', 'document'],
  file: (row) => text(row.fields.document),
  model: 'pages.documentfile',
  toData: async ({ fields }, context) => ({ page: await context.resolve('pages.page', fields.page) }),
}

export const pageMappers: ModelMapper[] = [pageMapper, pageImageMapper, pageDocumentMapper]
