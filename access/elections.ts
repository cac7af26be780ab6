import { sql } from '@payloadcms/db-postgres'
import type { Access, PayloadRequest, Where } from 'payload'

import { nominationsHaveClosed } from '../src/elections/status'
import { execute } from '../src/platform/db/sql'
import { userId, userIsStaff } from './roles'

/**
 * Who sees nominees and nominations (docs/rules/elections.md). Before an
 * election's nominations close, a nominee and their nominations are private
 * to staff, the nominated user, and each nomination's own nominator (who
 * sees their nomination and the nominee it names, not other people's
 * nominations of that nominee). Once nominations have closed, accepted
 * nominees and their nominations are public; the others stay private.
 *
 * Every rule is a query, so lists, reads by id, counts, filters, joins and
 * relationships populated at any depth all show the same rows.
 */

/** Public: accepted, in an election whose nominations have closed (by the clock's now). */
export const publicNominee = (): Where => ({
  and: [{ accepted: { equals: true } }, nominationsHaveClosed('election.')],
})

export const publicNomination = (): Where => ({
  and: [{ 'nominee.accepted': { equals: true } }, nominationsHaveClosed('election.')],
})

/**
 * The nominees `user` has nominated (their own nominations' nominees), as a
 * list of ids: the rule stays a plain condition on the nominee's own columns,
 * which works wherever Payload applies it (prefixed into relationship paths
 * from nominations, inside the joins of elections and users).
 */
const nomineesNominatedBy = async (req: PayloadRequest, user: number | string): Promise<string[]> => {
  const rows = await execute(
    req,
    sql`SELECT DISTINCT nominee_id FROM nominations WHERE nominator_id = ${user} AND nominee_id IS NOT NULL`,
  )
  return rows.map((row) => String(row.nominee_id))
}

/** Nominees: staff all; the nominated user their own; a nominator the nominees they named; everyone the public ones. */
export const nomineesReadable: Access = async ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  if (!id) return publicNominee()
  const named = await nomineesNominatedBy(req, id)
  return {
    or: [publicNominee(), { user: { equals: id } }, ...(named.length ? [{ id: { in: named } }] : [])],
  }
}

/** Nominations: staff all; the nominator their own; the nominated user those about them; everyone the public ones. */
export const nominationsReadable: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  if (!id) return publicNomination()
  return { or: [publicNomination(), { nominator: { equals: id } }, { nomineeUser: { equals: id } }] }
}
