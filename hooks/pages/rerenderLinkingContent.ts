import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { rerenderDependents } from '../../src/platform/markup/dependents'

type Watched = 'page-images' | 'pages'

/** What of a document the HTML of rich text referring to it shows. */
const SHOWN: Record<Watched, string[]> = {
  'page-images': ['url', 'filename', 'alt', 'width', 'height'],
  pages: ['path'],
}

/**
 * Rich text links to pages and shows page images; its stored HTML carries
 * the page's path and the image's URL and alt text. When those change or
 * the document is deleted, the rich text referring to it is re-rendered in
 * the same transaction (src/platform/markup/dependents.ts).
 */
export const rerenderLinkingContentOnChange =
  (collection: Watched): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update') return doc
    if (SHOWN[collection].some((key) => previousDoc?.[key] !== doc[key])) {
      await rerenderDependents(req, { collection, id: doc.id })
    }
    return doc
  }

export const rerenderLinkingContentOnDelete =
  (collection: Watched): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await rerenderDependents(req, { collection, id })
  }
