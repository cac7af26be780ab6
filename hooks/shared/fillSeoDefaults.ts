import type { CollectionBeforeChangeHook } from 'payload'

import { type ContentType, renderContent } from '../../src/platform/markup/render'
import { defaultMetaDescription, defaultMetaTitle } from '../../src/platform/seo'

type Meta = {
  description?: null | string
  generatedDescription?: null | string
  generatedTitle?: null | string
  title?: null | string
}

/**
 * A meta value is the generated default while it is empty or still equals
 * the default this hook wrote last; then it follows the document. Any other
 * value is an editor's own and stays. Clearing it returns to the default.
 */
const followsDefault = (value: null | string | undefined, lastGenerated: null | string | undefined) =>
  !value || (typeof lastGenerated === 'string' && value === lastGenerated)

/**
 * SEO defaults on save (pages, success stories, community posts): the meta
 * title from the title, the meta description from the description or the
 * first paragraph of the content, kept in sync until an editor overrides
 * them. Collection hooks run before the fields' own, so the content is
 * rendered here as `contentHtml` will be.
 */
export const fillSeoDefaults: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const doc = { ...(originalDoc ?? {}), ...data }
  const contentType = (doc.contentType ?? 'RICHTEXT') as ContentType
  const description = defaultMetaDescription({
    ...doc,
    // only rendered when the description field does not already give the default
    contentHtml: doc.description
      ? null
      : await renderContent(req, {
          contentType,
          rich: doc.contentRich,
          source: typeof doc.content === 'string' ? doc.content : null,
        }),
  })
  const title = defaultMetaTitle(doc)
  const previous = (originalDoc?.meta ?? {}) as Meta
  const meta = { ...previous, ...((data.meta ?? {}) as Meta) }
  return {
    ...data,
    meta: {
      ...meta,
      description: followsDefault(meta.description, previous.generatedDescription) ? description : meta.description,
      generatedDescription: description,
      generatedTitle: title,
      title: followsDefault(meta.title, previous.generatedTitle) ? title : meta.title,
    },
  }
}
