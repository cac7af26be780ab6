import type { Field, FieldHook } from 'payload'

import { CONTENT_TYPES, type ContentType, renderMarkup } from '../src/markup/render'

type MarkupOptions = {
  /** the markup field's name; the rendered HTML is `<name>Html` */
  name?: string
  required?: boolean
  defaultContentType?: ContentType
}

/**
 * Markup stored as the author wrote it, its content type, and the rendered,
 * sanitized HTML beside it. Rendering happens once on save, not on every read.
 */
export const markupFields = ({
  name = 'content',
  defaultContentType = 'RESTRUCTUREDTEXT',
  required = false,
}: MarkupOptions = {}): Field[] => {
  const render: FieldHook = ({ siblingData }) =>
    renderMarkup(siblingData[name] as string | undefined, (siblingData.contentType ?? defaultContentType) as ContentType)
  return [
    { name, type: 'textarea', required },
    {
      name: 'contentType',
      type: 'select',
      defaultValue: defaultContentType,
      options: CONTENT_TYPES.map((value) => ({ label: value.toLowerCase(), value })),
      required: true,
    },
    {
      name: `${name}Html`,
      type: 'textarea',
      access: { create: () => false, update: () => false },
      admin: { description: 'Rendered and sanitized from the markup on save.', readOnly: true },
      hooks: { beforeChange: [render] },
    },
  ]
}
