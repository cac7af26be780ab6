import type { Field, FieldHook, TextareaField } from 'payload'
import { textarea } from 'payload/shared'

import { CONTENT_TYPES, type ContentType, renderMarkup } from '../src/platform/markup/render'
import { sanitize } from '../src/platform/markup/sanitize'
import { serverDefaulted } from './serverDefaulted'
import { serverFilled } from './serverFilled'

type MarkupOptions = {
  /** the markup field's name; the rendered HTML is `<name>Html` */
  name?: string
  required?: boolean
  defaultContentType?: ContentType
}

/**
 * Markup stored as the author wrote it, its content type, and the rendered,
 * sanitized HTML beside it. Rendering happens once on save, not on every read.
 * Markup whose content type is HTML is itself HTML an API consumer receives,
 * so it is stored sanitized.
 *
 * (On update Payload fills the fields a client left out from the stored
 * document before these hooks run, so `siblingData` is the whole document:
 * switching only `contentType` re-renders, and sanitizes, the stored markup.)
 */
export const markupFields = ({
  name = 'content',
  defaultContentType = 'RESTRUCTUREDTEXT',
  required = false,
}: MarkupOptions = {}): Field[] => {
  const contentTypeOf = (siblingData: Record<string, unknown>) =>
    (siblingData.contentType ?? defaultContentType) as ContentType

  const sanitizeStoredHtml: FieldHook = ({ siblingData, value }) =>
    contentTypeOf(siblingData) === 'HTML' && typeof value === 'string' ? sanitize(value) : value

  // a value of the wrong shape is refused by validation; rendering must not crash on it first
  const render: FieldHook = ({ siblingData }) => {
    const source = siblingData[name]
    return renderMarkup(typeof source === 'string' ? source : null, contentTypeOf(siblingData))
  }

  // Payload's textarea validation does not check the type: an array would be stored as its JSON text
  const validate: TextareaField['validate'] = (value, options) =>
    value === null || value === undefined || typeof value === 'string'
      ? textarea(value, options)
      : `${name} must be a string`

  return [
    { name, type: 'textarea', hooks: { beforeChange: [sanitizeStoredHtml] }, required, validate },
    {
      name: 'contentType',
      type: 'select',
      access: serverDefaulted,
      defaultValue: defaultContentType,
      options: CONTENT_TYPES.map((value) => ({ label: value.toLowerCase(), value })),
      required: true,
    },
    serverFilled<TextareaField>(
      { name: `${name}Html`, type: 'textarea', hooks: { beforeChange: [render] } },
      'Rendered and sanitized from the markup on save.',
    ),
  ]
}
