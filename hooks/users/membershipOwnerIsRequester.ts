import type { CollectionBeforeChangeHook } from 'payload'

import { userId, userIsStaff } from '../../access/roles'

/** A member can only ever hold a membership for themselves; staff may record anyone's. */
export const membershipOwnerIsRequester: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user || userIsStaff(req)) return data
  return { ...data, user: userId(req) }
}
