import type { CollectionBeforeChangeHook } from 'payload'

import { versionNumber, versionSeries, versionSortKey } from '../../src/downloads/version'

/** Stored, so frontends can filter and sort on them in the database. */
export const deriveVersion: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const name = data.name ?? originalDoc?.name
  if (typeof name !== 'string') return data
  return {
    ...data,
    versionNumber: versionNumber(name),
    versionSeries: versionSeries(name),
    versionSortKey: versionSortKey(name),
  }
}
