import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { execute } from '../../src/platform/db/sql'
import { BINDING_CONTRACT_STATUSES } from '../../src/sponsors/status'

/** A sponsor's sponsorships (and their contracts) are records: delete those first, where allowed. */
export const refuseDeletingSponsorWithSponsorships: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [row] = await execute(req, sql`SELECT count(*)::int AS n FROM sponsorships WHERE sponsor_id = ${id}`)
  if (Number(row?.n ?? 0) > 0) {
    throw new APIError(
      `This sponsor has ${String(row!.n)} sponsorship(s); they must be deleted first.`,
      409,
      undefined,
      true,
    )
  }
}

/** A level in use by sponsorships stays: their contracts and history name it. */
export const refuseDeletingLevelInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [row] = await execute(req, sql`SELECT count(*)::int AS n FROM sponsorships WHERE level_id = ${id}`)
  if (Number(row?.n ?? 0) > 0) {
    throw new APIError(
      `This level is used by ${String(row!.n)} sponsorship(s); it cannot be deleted.`,
      409,
      undefined,
      true,
    )
  }
}

/** A sponsorship whose contract is out for signature or signed is a legal record: never deleted. */
export const refuseDeletingBoundSponsorship: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [row] = await execute(req, sql`SELECT status FROM sponsor_contracts WHERE sponsorship_id = ${id} FOR UPDATE`)
  if (row && BINDING_CONTRACT_STATUSES.includes(row.status as never)) {
    throw new APIError(
      `This sponsorship's contract is ${String(row.status)}; a sponsorship with a contract out for signature or executed cannot be deleted.`,
      409,
      undefined,
      true,
    )
  }
}
