import sanitizeHtml from 'sanitize-html'

/**
 * What an API consumer may receive as HTML: formatting, links and images,
 * never scripts, event-handler attributes, styles or `javascript:` URLs.
 */
const options: sanitizeHtml.IOptions = {
  allowedAttributes: {
    '*': ['id', 'class', 'title', 'lang', 'dir'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start', 'type', 'reversed'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'del',
    'ins',
    'sup',
    'sub',
    'details',
    'summary',
    'figure',
    'figcaption',
  ],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
}

export const sanitize = (html: string): string => sanitizeHtml(html, options)
