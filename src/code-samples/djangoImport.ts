/**
 * python.org's code samples (apps/codesamples/models.py) for the Django dump
 * importer (src/platform/djangoImport.ts): codesamples.codesample ->
 * code-samples. python.org kept the code itself as markup (mostly
 * highlighted HTML); here it is the plain code, so HTML is reduced to its
 * text. `copy` (the text beside the code) is the description, and its first
 * words the title (python.org named a sample that way).
 */
import type { ModelMapper } from '../platform/djangoImport'
import { unimportable } from '../platform/djangoImport'
import { bool, CONTENT_MANAGEABLE, htmlText, markup, markupField, stamps, str } from '../platform/djangoValues'

export const codeSampleMapper: ModelMapper = {
  collection: 'code-samples',
  dependsOn: ['users.user'],
  fields: [...CONTENT_MANAGEABLE, ...markupField('code'), ...markupField('copy'), 'is_published'],
  model: 'codesamples.codesample',
  toData: async (row, context) => {
    const { fields } = row
    const code = fields.code_markup_type === 'html' ? htmlText(str(fields.code)) : str(fields.code)
    if (!code.trim()) unimportable(row, 'it has no code')
    const { contentType, source } = markup(row, 'copy', context, 'HTML')
    const { createdAt, creator } = await stamps(fields, context, { lastModified: false })
    const title = (contentType === 'HTML' ? htmlText(source ?? '') : (source ?? '')).trim().slice(0, 60)
    return {
      code: code.replace(/^\n+|\s+$/g, ''),
      contentType,
      ...(createdAt ? { createdAt } : {}),
      creator,
      description: source,
      isPublished: bool(fields.is_published),
      slug: `sample-${String(row.pk)}`,
      title: title || `Sample ${String(row.pk)}`,
    }
  },
}

export const codeSampleMappers: ModelMapper[] = [codeSampleMapper]
