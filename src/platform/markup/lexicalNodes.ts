/**
 * Lexical editor states built in code, shaped as the admin's rich text editor
 * saves them (the node JSON of @payloadcms/richtext-lexical 3.x): the seed's
 * rich text page and the tests' documents.
 */
import type { Page } from '../../../payload-types'

/** A rich text field's value, as Payload types every one of them. */
export type RichTextState = NonNullable<Page['contentRich']>

type Node = Record<string, unknown>

const element = (type: string, children: Node[], extra: Node = {}): Node => ({
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
})

/** Lexical's text format bits. */
export const FORMAT = { bold: 1, code: 16, italic: 2, strikethrough: 4, subscript: 32, superscript: 64 } as const

export const text = (value: string, format = 0): Node => ({
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: value,
  type: 'text',
  version: 1,
})

const inline = (children: (Node | string)[]) =>
  children.map((child) => (typeof child === 'string' ? text(child) : child))

export const paragraph = (...children: (Node | string)[]): Node =>
  element('paragraph', inline(children), { textFormat: 0, textStyle: '' })

export const heading = (tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6', ...children: (Node | string)[]): Node =>
  element('heading', inline(children), { tag })

export const list = (tag: 'ol' | 'ul', ...items: (Node | string)[][]): Node =>
  element(
    'list',
    items.map((item, index) => element('listitem', inline(item), { value: index + 1 })),
    { listType: tag === 'ol' ? 'number' : 'bullet', start: 1, tag },
  )

export const quote = (...children: (Node | string)[]): Node => element('quote', inline(children))

/** A link to a URL. */
export const link = (url: string, label: string): Node =>
  element('link', [text(label)], { fields: { linkType: 'custom', newTab: false, url }, id: randomId() })

/** A link to a page, by relationship. */
export const pageLink = (pageId: string, label: string): Node =>
  element('link', [text(label)], {
    fields: { doc: { relationTo: 'pages', value: pageId }, linkType: 'internal', newTab: false },
    id: randomId(),
  })

/** An image from page images, with the node's own alt text (optional). */
export const image = (imageId: string, alt?: string): Node => ({
  fields: alt === undefined ? {} : { alt },
  format: '',
  id: randomId(),
  relationTo: 'page-images',
  type: 'upload',
  value: imageId,
  version: 3,
})

export const codeBlock = (language: string, code: string): Node => ({
  fields: { blockName: '', blockType: 'Code', code, id: randomId(), language },
  format: '',
  type: 'block',
  version: 2,
})

export const table = (header: string[], ...rows: string[][]): Node =>
  element('table', [
    element(
      'tablerow',
      header.map((cell) => element('tablecell', [paragraph(cell)], { colSpan: 1, headerState: 1, rowSpan: 1 })),
    ),
    ...rows.map((row) =>
      element(
        'tablerow',
        row.map((cell) => element('tablecell', [paragraph(cell)], { colSpan: 1, headerState: 0, rowSpan: 1 })),
      ),
    ),
  ])

/** A whole editor state. */
export const doc = (...children: Node[]): RichTextState => ({ root: element('root', children) }) as RichTextState

function randomId(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')
}
