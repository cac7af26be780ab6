/**
 * The ways an editor can write content. `RICHTEXT` is edited in the Lexical
 * editor and stored as Lexical JSON (`<name>Rich`); the others are source
 * text stored as written (`<name>`). All of them render to one sanitized
 * HTML field (`<name>Html`). No server code here: admin components import it.
 */
export const CONTENT_TYPES = ['RICHTEXT', 'MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

/** Content types written as source text. */
export const SOURCE_CONTENT_TYPES = ['MARKDOWN', 'RESTRUCTUREDTEXT', 'HTML'] as const
export type SourceContentType = (typeof SOURCE_CONTENT_TYPES)[number]

export const isSourceContentType = (value: unknown): value is SourceContentType =>
  (SOURCE_CONTENT_TYPES as readonly unknown[]).includes(value)

/** The field holding a document's content type (one per document, shared by its markup fields). */
export const CONTENT_TYPE_FIELD = 'contentType'

export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  HTML: 'HTML',
  MARKDOWN: 'Markdown',
  RESTRUCTUREDTEXT: 'reStructuredText',
  RICHTEXT: 'Rich text',
}

/** The largest source the preview and convert endpoints accept (characters). */
export const MAX_PREVIEW_SOURCE = 500_000

/** Languages a code block offers, Python first (the block's default). */
export const CODE_LANGUAGES: Record<string, string> = {
  python: 'Python',
  pycon: 'Python console',
  text: 'Plain text',
  shell: 'Shell',
  c: 'C',
  cpp: 'C++',
  javascript: 'JavaScript',
  html: 'HTML',
  css: 'CSS',
  json: 'JSON',
  yaml: 'YAML',
  toml: 'TOML',
  ini: 'INI',
  sql: 'SQL',
  rst: 'reStructuredText',
  markdown: 'Markdown',
}
