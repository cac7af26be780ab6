import { sql } from '@payloadcms/db-postgres'
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { startOfTodayUtc } from '../src/platform/clock'
import { execute } from '../src/platform/db/sql'
import { userId, userIsStaff } from './roles'

/**
 * Who sees what of the sponsors domain (docs/rules/sponsors.md):
 * - everyone: live sponsorships (FINALIZED, today within the period, not
 *   overlapped), their sponsors' public fields and web logos, and the levels;
 * - the applicant (the member who created the sponsor): their own sponsors,
 *   applications in any status, contracts and contract documents;
 * - staff: everything.
 * Fees, contact data, contracts and rejected applications never reach anyone else.
 */

/** Public: FINALIZED, today (by the clock) within the period, not overlapped by a newer sponsorship. */
export const liveSponsorships = (): Where => {
  const today = startOfTodayUtc().toISOString()
  return {
    and: [
      { status: { equals: 'FINALIZED' } },
      { startDate: { less_than_equal: today } },
      { endDate: { greater_than_equal: today } },
      { overlappedBy: { exists: false } },
    ],
  }
}

/** The ids of sponsors (and their web logos) with a live sponsorship, for access rules on those collections. */
const liveSponsorRows = async (req: PayloadRequest) =>
  execute(
    req,
    sql`SELECT DISTINCT s.id, s.web_logo_id FROM sponsors s JOIN sponsorships sp ON sp.sponsor_id = s.id
        WHERE sp.status = 'FINALIZED' AND sp.overlapped_by_id IS NULL
          AND sp.start_date <= ${startOfTodayUtc().toISOString()} AND sp.end_date >= ${startOfTodayUtc().toISOString()}`,
  )

/** `{ id in [...] }` that matches nothing when the list is empty. */
const idIn = (ids: unknown[]): Where => ({
  id: { in: ids.length ? ids.map(String) : ['00000000-0000-0000-0000-000000000000'] },
})

/** Sponsors: staff all; the member who created one; everyone the sponsors that are live. */
export const sponsorsReadable: Access = async ({ req }) => {
  if (userIsStaff(req)) return true
  const live = idIn((await liveSponsorRows(req)).map((row) => row.id))
  const id = userId(req)
  return id ? { or: [live, { creator: { equals: id } }] } : live
}

/** Logos: staff all; their uploader; everyone the web logos of live sponsors. */
export const sponsorLogosReadable: Access = async ({ req }) => {
  if (userIsStaff(req)) return true
  const live = idIn((await liveSponsorRows(req)).map((row) => row.web_logo_id).filter(Boolean))
  const id = userId(req)
  return id ? { or: [live, { creator: { equals: id } }] } : live
}

/** Sponsorships: staff all; applicants every one of their own sponsors'; everyone the live ones. */
export const sponsorshipsReadable: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  return id ? { or: [liveSponsorships(), { 'sponsor.creator': { equals: id } }] } : liveSponsorships()
}

/** Sponsorships the requester applied for (their own sponsors'): what a member may update at all. */
export const ownSponsorshipsOrStaff: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  return id ? { 'sponsor.creator': { equals: id } } : false
}

/** Contracts and contract documents (both carry `sponsor`): staff, and the applicant. */
export const applicantOrStaff: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  return id ? { 'sponsor.creator': { equals: id } } : false
}

const SPONSOR_CREATORS = 'sponsorCreators'

const idOf = (value: unknown): null | string => {
  if (value && typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

/** The creator of a sponsor, looked up once per request (field access runs for every field of every document). */
const sponsorCreator = async (req: PayloadRequest, sponsor: unknown): Promise<null | string> => {
  const populated = sponsor && typeof sponsor === 'object' ? (sponsor as { creator?: unknown }).creator : undefined
  if (populated !== undefined && populated !== null) return idOf(populated)
  const sponsorId = idOf(sponsor)
  if (!sponsorId) return null
  const cache = (req.context[SPONSOR_CREATORS] ??= new Map<string, null | string>()) as Map<string, null | string>
  if (!cache.has(sponsorId)) {
    const [row] = await execute(req, sql`SELECT creator_id FROM sponsors WHERE id = ${sponsorId}`)
    cache.set(sponsorId, row?.creator_id ? String(row.creator_id) : null)
  }
  return cache.get(sponsorId) ?? null
}

/**
 * A sponsorship's private fields (fee, who applied, the internal flags):
 * staff, and the applicant, that is the creator of the document's sponsor.
 * Without a document (a `where` or sort on the field) only staff.
 */
export const applicantOrStaffField: FieldAccess = async ({ doc, req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  if (!id || !doc) return false
  return (await sponsorCreator(req, (doc as { sponsor?: unknown }).sponsor)) === String(id)
}
