import type { CollectionAdminOptions } from 'payload'

import { siteUrl } from './rss'

/**
 * The admin panel's "Preview" button: where the document lives on the
 * public site. Frontends show drafts to a logged-in editor (the same
 * cookie), so editors can check an unpublished page before publishing.
 */
export const previewAt =
  (
    pathOf: (doc: Record<string, unknown>) => null | string | undefined,
  ): NonNullable<CollectionAdminOptions['preview']> =>
  (doc) => {
    const path = pathOf(doc as Record<string, unknown>)
    return path ? `${siteUrl()}/${path.replace(/^\/+/, '')}` : null
  }
