import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The very first account (the admin panel's "create first user", or the
 * seed) becomes an active superuser; otherwise nobody could ever reach the
 * admin panel to grant roles.
 */
export const firstUserIsSuperuser: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, isActive: true, isStaff: true, isSuperuser: true }
  return data
}
