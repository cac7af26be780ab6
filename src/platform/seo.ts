import type { Field } from 'payload'
import type { SEOPluginConfig } from '@payloadcms/plugin-seo/types'
import { DomUtils, parseDocument } from 'htmlparser2'

type SeoDoc = {
  companyName?: null | string
  content?: null | string
  contentHtml?: null | string
  description?: null | string
  name?: null | string
  title?: null | string
}

const SITE = 'Python.org'
export const DESCRIPTION_LENGTH = 160

/** The collections with SEO fields (`meta`), each filling them on save (hooks/shared/fillSeoDefaults.ts). */
export const SEO_COLLECTIONS = ['pages', 'success-stories', 'community-posts'] as const

/** Plain text from markup, for a meta description: tags, markup punctuation and whitespace runs removed. */
export const plainText = (markup: null | string | undefined): string =>
  (markup ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[`*_#>=~^|\\[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The text of the first paragraph of rendered (sanitized) HTML, entities
 * decoded; the whole text when there is no paragraph. Parsed with
 * htmlparser2, not by pattern.
 */
export const firstParagraphText = (html: null | string | undefined): string => {
  if (!html) return ''
  const document = parseDocument(html)
  const paragraphs = DomUtils.getElementsByTagName('p', document)
  const first = paragraphs.map((paragraph) => collapse(DomUtils.textContent(paragraph))).find(Boolean)
  return first ?? collapse(DomUtils.textContent(document))
}

/** At most `length` characters, cut at a word boundary when there is one nearby, with an ellipsis. */
export const truncate = (text: string, length = DESCRIPTION_LENGTH): string => {
  if (text.length <= length) return text
  const room = text.slice(0, length - 1)
  const space = room.lastIndexOf(' ')
  const cut = space >= length * 0.6 ? room.slice(0, space) : room
  return `${cut.replace(/[\s.,;:!?-]+$/, '')}…`
}

/** "About the PSF | Python.org"; a success story names its company too. */
export const defaultMetaTitle = (doc: SeoDoc): string => {
  const title = doc.title ?? (doc.name && doc.companyName ? `${doc.name} | ${doc.companyName}` : doc.name)
  return title ? `${title} | ${SITE}` : SITE
}

/**
 * The description field when there is one; else the first paragraph of the
 * rendered content as plain text (else of the markup, in the admin before a
 * save); cut to 160 characters.
 */
export const defaultMetaDescription = (doc: SeoDoc): string =>
  truncate(
    collapse(doc.description ?? '') ||
      firstParagraphText(doc.contentHtml) ||
      (doc.contentHtml ? '' : plainText(doc.content)),
  )

/**
 * The last defaults written, kept beside the meta fields (hidden from the
 * API) so a save can tell a default (which follows the document) from an
 * editor's own value (which stays).
 */
const generatedFields = (): Field[] =>
  (['generatedTitle', 'generatedDescription'] as const).map((name) => ({
    name,
    type: 'text' as const,
    access: { create: () => false, update: () => false },
    admin: { hidden: true },
    hidden: true,
  }))

/**
 * SEO fields (meta title, description, image) on the public content types.
 * The generators are the plugin's "auto-generate" buttons; the same defaults
 * are written on every save until an editor overrides them.
 */
export const seoConfig: SEOPluginConfig = {
  collections: [...SEO_COLLECTIONS],
  fields: ({ defaultFields }) => [...defaultFields, ...generatedFields()],
  generateDescription: ({ doc }) => defaultMetaDescription(doc as SeoDoc),
  generateTitle: ({ doc }) => defaultMetaTitle(doc as SeoDoc),
  tabbedUI: false,
  uploadsCollection: 'page-images',
}
