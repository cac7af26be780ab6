import type { Access, Where } from 'payload'

import { userId, userIsStaff } from './roles'

/**
 * Rows Payload keeps for the admin panel on behalf of one user (an edit
 * lock, a stored preference): the staff member they belong to, nobody else.
 * Members never use the admin panel, so they have none.
 */
export const ownAdminRecord: Access = ({ req }) => {
  const id = userId(req)
  if (!id || !userIsStaff(req)) return false
  // `users` is the only auth collection: the one a row's polymorphic `user` can point at
  const own: Where[] = [{ 'user.value': { equals: id } }, { 'user.relationTo': { equals: 'users' } }]
  return { and: own }
}
