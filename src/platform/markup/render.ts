import { marked } from 'marked'

import { renderRestructuredText } from './restructuredtext'
import { sanitize } from './sanitize'

export const CONTENT_TYPES = ['MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

const toHtml = (source: string, contentType: ContentType): string => {
  switch (contentType) {
    case 'MARKDOWN':
      return marked.parse(source, { async: false, gfm: true })
    case 'RESTRUCTUREDTEXT':
      return renderRestructuredText(source)
    case 'HTML':
      return source
  }
}

/** Stored markup -> HTML a frontend can insert as it is. */
export const renderMarkup = (source: null | string | undefined, contentType: ContentType = 'MARKDOWN'): string =>
  source ? sanitize(toHtml(source, contentType)) : ''
