import type { CollectionBeforeChangeHook } from 'payload'

import {
  isPrereleaseName,
  pythonVersionOf,
  releaseStatusOf,
  versionNumber,
  versionSeries,
  versionSortKey,
} from '../../src/downloads/version'

/** Without a version in its name, a release is Python 3 (python.org's default). */
const FALLBACK_VERSION = 'PYTHON3'

const isEmpty = (value: unknown) => value === undefined || value === null || value === ''

/**
 * A value derived from the name unless set explicitly: empty means derive;
 * on update, a value that still is what the old name gave (and that the
 * save leaves as it was, as the admin's whole-form save does) follows the new
 * name; anything else was chosen and is kept.
 */
const derivedUnlessSet = <T>(incoming: unknown, fromNewName: T, fromOldName: T | undefined, stored: unknown): T =>
  isEmpty(incoming) || (stored !== undefined && incoming === stored && stored === fromOldName)
    ? fromNewName
    : (incoming as T)

/**
 * From the release's name, on every save: the version number, series and
 * sort key (stored, so frontends filter and sort on them in the database);
 * and, unless set explicitly, the Python version ("Python 2.7.18" is
 * PYTHON2, "Python install manager 25.0" PYMANAGER), the pre-release flag and
 * the status (an alpha, beta or candidate is a PRERELEASE). Runs before
 * ensureSingleLatest, so a latest flag clears the flag of its own version.
 */
export const deriveVersion: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  const name = data.name ?? originalDoc?.name
  if (typeof name !== 'string') return data
  const oldName = operation === 'update' && typeof originalDoc?.name === 'string' ? originalDoc.name : undefined
  const versionOf = (text: string) => pythonVersionOf(text) ?? FALLBACK_VERSION
  return {
    ...data,
    preRelease: derivedUnlessSet(
      data.preRelease,
      isPrereleaseName(name),
      oldName === undefined ? undefined : isPrereleaseName(oldName),
      originalDoc?.preRelease,
    ),
    status: derivedUnlessSet(
      data.status,
      releaseStatusOf(name),
      oldName === undefined ? undefined : releaseStatusOf(oldName),
      originalDoc?.status,
    ),
    version: derivedUnlessSet(
      data.version,
      versionOf(name),
      oldName === undefined ? undefined : versionOf(oldName),
      originalDoc?.version,
    ),
    versionNumber: versionNumber(name),
    versionSeries: versionSeries(name),
    versionSortKey: versionSortKey(name),
  }
}
