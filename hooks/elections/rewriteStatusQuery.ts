import type { CollectionBeforeOperationHook, Where } from 'payload'

import { mentionsStatus, rewriteStatusWhere } from '../../src/elections/statusWhere'

/**
 * Queries on an election's computed status (`status` on elections,
 * `election.status` on nominees and nominations) become conditions on its
 * dates before Payload validates and runs them: every operation that takes a
 * `where` (find, count, the admin list, bulk update and delete) goes through here.
 */
export const rewriteStatusQuery =
  (paths: Record<string, string>): CollectionBeforeOperationHook =>
  ({ args }) => {
    const where = (args as { where?: Where }).where
    if (!where || !mentionsStatus(where, paths)) return args
    return { ...args, where: rewriteStatusWhere(where, paths) }
  }
