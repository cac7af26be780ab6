import type { Field } from 'payload'

import { type ContentType, renderMarkup } from '../src/platform/markup/render'

/**
 * `<source>Html`: the sanitized HTML of another field, rendered on save in a
 * fixed content type (for models without a contentType of their own).
 */
export const renderedHtmlField = (source: string, contentType: ContentType = 'MARKDOWN'): Field => ({
  name: `${source}Html`,
  type: 'textarea',
  access: { create: () => false, update: () => false },
  admin: { hidden: true },
  hooks: { beforeChange: [({ siblingData }) => renderMarkup(siblingData[source] as string | undefined, contentType)] },
})
