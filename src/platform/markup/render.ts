import { marked } from 'marked'
import type { PayloadRequest } from 'payload'

import { type ContentType, type SourceContentType } from './contentTypes'
import { renderRestructuredText } from './restructuredtext'
import { renderRichText } from './richText'
import { sanitize } from './sanitize'

export { CONTENT_TYPES, type ContentType } from './contentTypes'

const toHtml = (source: string, contentType: SourceContentType): string => {
  switch (contentType) {
    case 'MARKDOWN':
      return marked.parse(source, { async: false, gfm: true })
    case 'RESTRUCTUREDTEXT':
      return renderRestructuredText(source)
    case 'HTML':
      return source
  }
}

/** Stored source markup -> HTML a frontend can insert as it is. */
export const renderMarkup = (source: null | string | undefined, contentType: SourceContentType = 'MARKDOWN'): string =>
  source ? sanitize(toHtml(source, contentType)) : ''

export type MarkupContent = {
  contentType: ContentType
  /** the Lexical JSON (RICHTEXT) */
  rich?: unknown
  /** the source text (the other content types) */
  source?: null | string
}

/**
 * THE renderer: what the save path stores in `<name>Html` and the preview
 * endpoint shows, for every content type.
 */
export const renderContent = async (
  req: PayloadRequest,
  { contentType, rich, source }: MarkupContent,
): Promise<string> =>
  contentType === 'RICHTEXT'
    ? renderRichText(req, rich)
    : renderMarkup(typeof source === 'string' ? source : null, contentType)
