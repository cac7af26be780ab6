import type { TextareaField } from 'payload'

import { type ContentType, renderMarkup } from '../src/platform/markup/render'
import { serverFilled } from './serverFilled'

/**
 * `<source>Html`: the sanitized HTML of another field, rendered on save in a
 * fixed content type (for models without a contentType of their own).
 */
export const renderedHtmlField = (source: string, contentType: ContentType = 'MARKDOWN'): TextareaField =>
  serverFilled<TextareaField>(
    {
      name: `${source}Html`,
      type: 'textarea',
      admin: { hidden: true },
      hooks: {
        beforeChange: [({ siblingData }) => renderMarkup(siblingData[source] as string | undefined, contentType)],
      },
    },
    `Rendered and sanitized from ${source} on save.`,
  )
