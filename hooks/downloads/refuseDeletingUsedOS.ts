import { refuseDeletingWhileUsed } from '../../hooks/shared/refuseDeletingWhileUsed'

/**
 * An operating system that release files point at stays: deleting it would
 * orphan (or, with python.org's CASCADE, silently delete) every file for it.
 */
export const refuseDeletingUsedOS = refuseDeletingWhileUsed({
  by: 'release-files',
  field: 'os',
  label: 'release file',
  plural: 'release files',
  what: 'operating system',
})
