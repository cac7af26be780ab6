import type { Field, FieldHook, RichTextField, SelectField, TextareaField, UIField } from 'payload'
import { richText, textarea, toWords } from 'payload/shared'

import {
  CONTENT_TYPE_FIELD,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPES,
  type ContentType,
  type SourceContentType,
} from '../src/platform/markup/contentTypes'
import { richTextEditor } from '../src/platform/markup/editor'
import { renderContent } from '../src/platform/markup/render'
import { isRichTextEmpty } from '../src/platform/markup/richTextShape'
import { sanitize } from '../src/platform/markup/sanitize'
import { serverDefaulted } from './serverDefaulted'
import { serverFilled } from './serverFilled'

export type MarkupSource = {
  /** the source field's name; the Lexical JSON is `<name>Rich`, the rendered HTML `<name>Html` */
  name: string
  /** the admin's help text under the field */
  description?: string
  maxLength?: number
  required?: boolean
}

type MarkupOptions = {
  /** a single markup field (default `content`) */
  name?: string
  maxLength?: number
  required?: boolean
  /** several markup fields sharing one content type (a job's description and requirements) */
  sources?: MarkupSource[]
  /**
   * The content type of source text written without one (the model's
   * python.org default): API clients that send only the text keep working.
   */
  sourceContentType: SourceContentType
}

/** What the admin components read from a markup field (`custom.markup`). */
export type MarkupFieldCustom = { contentTypeField: string; role: 'html' | 'rich' | 'source'; source: string }

const contentTypeOf = (siblingData: Record<string, unknown> | undefined): ContentType =>
  (siblingData?.[CONTENT_TYPE_FIELD] ?? 'RICHTEXT') as ContentType

const isRich = (data: Partial<Record<string, unknown>> | undefined) => contentTypeOf(data) === 'RICHTEXT'

const richName = (name: string) => `${name}Rich`
const htmlName = (name: string) => `${name}Html`

/**
 * The markup of a document, written one of four ways (`contentType`): in the
 * rich text editor (Lexical JSON in `<name>Rich`) or as Markdown,
 * reStructuredText or HTML source (`<name>`, edited in a code editor with a
 * live preview). Whatever the editor used, the server renders it once on
 * save to sanitized HTML in `<name>Html`, the one field frontends read.
 *
 * New documents start as rich text. A document written with source text and
 * no content type (API clients of the old models) gets `sourceContentType`,
 * as does one written with no markup at all where markup is required (so
 * the error names the field those clients know); stored documents keep
 * theirs. Markup whose content type is HTML is itself
 * HTML an API consumer receives, so it is stored sanitized.
 *
 * (On update Payload fills the fields a client left out from the stored
 * document before these hooks run, so `siblingData` is the whole document:
 * switching only `contentType` re-renders, and sanitizes, the stored markup.)
 */
export const markupFields = ({
  maxLength,
  name = 'content',
  required = false,
  sourceContentType,
  sources,
}: MarkupOptions): Field[] => {
  const all: MarkupSource[] = sources ?? [{ maxLength, name, required }]

  const anyRequired = all.some(({ required }) => required)

  // a create that does not say which content type it is written in
  const inferContentType: FieldHook = ({ operation, siblingData, value }) => {
    if (operation !== 'create' || siblingData[CONTENT_TYPE_FIELD] !== undefined) return value
    const wroteSource = all.some(({ name }) => typeof siblingData[name] === 'string' && siblingData[name] !== '')
    const wroteRich = all.some(
      ({ name }) => siblingData[richName(name)] !== undefined && siblingData[richName(name)] !== null,
    )
    if (wroteRich) return value
    // source text (an API client of the old model), or nothing where text is required: the error names the source field
    return wroteSource || anyRequired ? sourceContentType : value
  }

  const contentType: SelectField = {
    name: CONTENT_TYPE_FIELD,
    type: 'select',
    access: serverDefaulted,
    admin: {
      description:
        'Rich text is written in the editor below. Markdown, reStructuredText and HTML are written as source, with a preview of the page beside it.',
    },
    defaultValue: 'RICHTEXT',
    hooks: { beforeValidate: [inferContentType] },
    options: CONTENT_TYPES.map((value) => ({ label: CONTENT_TYPE_LABELS[value], value })),
    required: true,
  }

  const convert: UIField = {
    name: 'convertToRichText',
    type: 'ui',
    admin: {
      components: {
        Field: {
          clientProps: { sources: all.map(({ name }) => name) },
          path: '/src/platform/markup/admin/ConvertToRichText#ConvertToRichText',
        },
      },
      condition: (data) => !isRich(data),
    },
  }

  const fieldsOf = ({ description, maxLength, name, required = false }: MarkupSource): Field[] => {
    const label = toWords(name)
    const custom = (role: MarkupFieldCustom['role']): { markup: MarkupFieldCustom } => ({
      markup: { contentTypeField: CONTENT_TYPE_FIELD, role, source: name },
    })

    const sanitizeStoredHtml: FieldHook = ({ siblingData, value }) =>
      contentTypeOf(siblingData) === 'HTML' && typeof value === 'string' ? sanitize(value) : value

    // a value of the wrong shape is refused by validation; rendering must not crash on it first
    const render: FieldHook = ({ req, siblingData }) => {
      const source = siblingData[name]
      return renderContent(req, {
        contentType: contentTypeOf(siblingData),
        rich: siblingData[richName(name)],
        source: typeof source === 'string' ? source : null,
      })
    }

    // Payload's textarea validation does not check the type: an array would be stored as its JSON text
    const validateSource: TextareaField['validate'] = (value, options) => {
      if (value !== null && value !== undefined && typeof value !== 'string') return `${name} must be a string`
      if (required && !value && !isRich(options.siblingData as Record<string, unknown>)) return `${name} is required`
      return textarea(value, options)
    }

    const validateRich: RichTextField['validate'] = (value, options) => {
      if (required && isRichTextEmpty(value)) return `${name} is required`
      return richText(value, options)
    }

    return [
      {
        name,
        type: 'textarea',
        admin: {
          components: { Field: '/src/platform/markup/admin/MarkupSourceField#MarkupSourceField' },
          condition: (_data, siblingData) => !isRich(siblingData),
          description,
        },
        custom: custom('source'),
        hooks: { beforeChange: [sanitizeStoredHtml] },
        label,
        maxLength,
        validate: validateSource,
      },
      {
        name: richName(name),
        type: 'richText',
        admin: { condition: (_data, siblingData) => isRich(siblingData), description },
        custom: custom('rich'),
        editor: richTextEditor,
        label,
        validate: validateRich,
      },
      serverFilled<TextareaField>(
        {
          name: htmlName(name),
          type: 'textarea',
          // the preview beside the source shows it as the site will
          admin: { hidden: true },
          custom: custom('html'),
          hooks: { beforeChange: [render] },
        },
        'Rendered and sanitized from the markup on save.',
      ),
    ]
  }

  return [contentType, convert, ...all.flatMap(fieldsOf)]
}
