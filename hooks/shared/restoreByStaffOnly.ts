import { type CollectionBeforeOperationHook, Forbidden } from 'payload'

import { userIsStaff } from '../../access/roles'

/**
 * Restoring a version is for staff, who alone may read versions: Payload
 * checks only the collection's update access, which lets an author edit
 * their own unpublished story or event.
 */
export const restoreByStaffOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'restoreVersion') return args
  if ((args as { overrideAccess?: boolean }).overrideAccess) return args
  if (!userIsStaff(req)) throw new Forbidden(req.t)
  return args
}
