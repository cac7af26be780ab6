import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { userIsStaff } from '../../access/roles'

const keysOf = (where: unknown, found: string[] = []): string[] => {
  if (!where || typeof where !== 'object') return found
  if (Array.isArray(where)) {
    for (const item of where) keysOf(item, found)
    return found
  }
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (['and', 'or'].includes(key.toLowerCase())) keysOf(value, found)
    else found.push(key.replace(/__/g, '.'))
  }
  return found
}

/**
 * Nominees and nominations show the users behind them by id and display name
 * only. A filter that reaches through one of those relations into a user's
 * account (`where[nominee.user.email]`, `where[user.username]`...) is a
 * question about the user, not about the nomination: only staff may ask it.
 * Everyone else filters by the user's id (`where[user][equals]=<id>`).
 *
 * This also keeps such queries away from a Payload 3.90 flaw: when a where
 * path three relations deep fails validation (a field the caller may not
 * read), Payload leaves one of its validation promises un-awaited and its
 * rejection unhandled, besides answering 400.
 */
export const refuseUserFieldFilters =
  (relations: string[]): CollectionBeforeOperationHook =>
  ({ args, req }) => {
    const where = (args as { where?: unknown }).where
    if (!where || userIsStaff(req)) return args
    for (const path of keysOf(where)) {
      const relation = relations.find((candidate) => path.startsWith(`${candidate}.`))
      if (relation && path !== `${relation}.id`) {
        throw new APIError(
          `where: ${path}: only staff filter by a user's account fields; filter by the user's id (where[${relation}][equals]=<id>) instead`,
          403,
          undefined,
          true,
        )
      }
    }
    return args
  }
