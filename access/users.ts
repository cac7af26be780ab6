import type { Access, FieldAccess, Where } from 'payload'

import { userId, userIsStaff, userIsSuperuser } from './roles'

/** Self and staff: every profile. Others: active users who made their profile public. */
export const userProfileRead: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const publicProfiles: Where = {
    and: [
      { isActive: { equals: true } },
      { publicProfile: { equals: true } },
      { searchVisibility: { equals: 'PUBLIC' } },
    ],
  }
  const id = userId(req)
  return id ? { or: [{ id: { equals: id } }, publicProfiles] } : publicProfiles
}

export const selfOrSuperuser: Access = ({ req }) => {
  if (userIsSuperuser(req)) return true
  const id = userId(req)
  return id ? { id: { equals: id } } : false
}

const isSelf = (req: Parameters<FieldAccess>[0]['req'], doc: unknown) => {
  const id = userId(req)
  return Boolean(id && doc && (doc as { id?: unknown }).id === id)
}

/** The user's own document only (their login sessions); nobody else, and no `where` (no document). */
export const selfField: FieldAccess = ({ doc, req }) => isSelf(req, doc)

/** A user's private fields (flags, OAuth ids, whether they hold an API key): the user and staff only. */
export const selfOrStaffField: FieldAccess = ({ doc, req }) => userIsStaff(req) || isSelf(req, doc)

/** emailPrivacy: PUBLIC to anyone, PRIVATE to logged-in users, NEVER to nobody but the user and staff. */
export const canReadEmail: FieldAccess = ({ doc, req }) => {
  if (userIsStaff(req) || isSelf(req, doc)) return true
  switch ((doc as { emailPrivacy?: string } | undefined)?.emailPrivacy) {
    case 'PUBLIC':
      return true
    case 'PRIVATE':
      return Boolean(req.user)
    default:
      return false
  }
}
