import type { CollectionConfig, EditConfig, Field } from 'payload'

import { isStaff } from '../../../access/isStaff'
import { keepPublishFlagOnRestore } from '../../../hooks/shared/keepPublishFlagOnRestore'
import { restoreByStaffOnly } from '../../../hooks/shared/restoreByStaffOnly'

/** How many saved versions a document keeps; the oldest beyond this are deleted on save. */
export const HISTORY_MAX_VERSIONS = 50

/** The field every versioned collection stamps with the user who saved (fields/contentManageable.ts). */
export const SAVED_BY_FIELD = 'lastModifiedBy'

const hasField = (fields: Field[], name: string): boolean =>
  fields.some((field) => ('name' in field && field.name === name) || ('fields' in field && hasField(field.fields, name)))

/**
 * A collection that keeps a version history (docs/rules/history.md): every
 * save (create, update, restore) stores a version; staff, and only staff,
 * list, compare and restore them in the admin panel (the Versions tab) and
 * through `/api/<slug>/versions` and GraphQL `versions<Plural>`. No drafts:
 * the publish flag (`isPublished`) stays the only publishing rule, and a
 * restore keeps the document's current flag. The versions list shows who
 * saved each version (its `lastModifiedBy` stamp), so a history collection
 * must carry that stamp.
 */
export const withHistory = (collection: CollectionConfig): CollectionConfig => {
  if (!hasField(collection.fields, SAVED_BY_FIELD)) {
    throw new Error(`withHistory(${collection.slug}): the collection needs the ${SAVED_BY_FIELD} stamp`)
  }
  const { admin = {}, hooks = {} } = collection
  return {
    ...collection,
    access: {
      ...collection.access,
      // versions hold unpublished text too: staff only, whatever the document's own read access
      readVersions: isStaff,
    },
    admin: {
      ...admin,
      components: {
        ...admin.components,
        views: {
          ...admin.components?.views,
          edit: {
            ...admin.components?.views?.edit,
            // Payload's list shows dates and ids only; this one shows who saved each version
            versions: { Component: '/src/platform/history/VersionsView#VersionsView' },
          } as EditConfig,
        },
      },
    },
    hooks: {
      ...hooks,
      beforeChange: [keepPublishFlagOnRestore, ...(hooks.beforeChange ?? [])],
      beforeOperation: [...(hooks.beforeOperation ?? []), restoreByStaffOnly],
    },
    versions: { drafts: false, maxPerDoc: HISTORY_MAX_VERSIONS },
  }
}
