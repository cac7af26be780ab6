import type { SEOPluginConfig } from '@payloadcms/plugin-seo/types'

type SeoDoc = {
  companyName?: null | string
  content?: null | string
  description?: null | string
  name?: null | string
  title?: null | string
}

const SITE = 'Python.org'
const DESCRIPTION_LENGTH = 160

/** Plain text from markup, for a meta description: tags, markup punctuation and whitespace runs removed. */
export const plainText = (markup: null | string | undefined): string =>
  (markup ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[`*_#>=~^|\\[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const truncate = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`

/**
 * SEO fields (meta title, description, image) on the public content types,
 * with defaults generated from the document itself.
 */
export const seoConfig: SEOPluginConfig = {
  collections: ['pages', 'success-stories', 'community-posts'],
  generateDescription: ({ doc }) => {
    const d = doc as SeoDoc
    return truncate(plainText(d.description) || plainText(d.content), DESCRIPTION_LENGTH)
  },
  generateTitle: ({ doc }) => {
    const d = doc as SeoDoc
    const title = d.title ?? (d.name && d.companyName ? `${d.name} | ${d.companyName}` : d.name)
    return title ? `${title} | ${SITE}` : SITE
  },
  tabbedUI: false,
  uploadsCollection: 'page-images',
}
