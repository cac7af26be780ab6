import type { PayloadRequest } from 'payload'

/** The shape of `req.user` this project relies on (users is the only auth collection). */
export type RequestUser = {
  id: number | string
  isActive?: boolean | null
  isStaff?: boolean | null
  isSuperuser?: boolean | null
}

type WithUser = { user?: PayloadRequest['user'] | RequestUser | null }

const userOf = (req: WithUser): RequestUser | null => (req.user as RequestUser | null | undefined) ?? null

/** Staff moderate every domain; a superuser is staff too. Inactive users are nobody. */
export const userIsStaff = (req: WithUser): boolean => {
  const user = userOf(req)
  return Boolean(user && user.isActive !== false && (user.isStaff || user.isSuperuser))
}

export const userIsSuperuser = (req: WithUser): boolean => {
  const user = userOf(req)
  return Boolean(user && user.isActive !== false && user.isSuperuser)
}

export const userId = (req: WithUser): number | string | null => userOf(req)?.id ?? null
