import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { userId, userIsStaff } from '../../access/roles'
import { parseDay } from '../../fields/dateOnly'
import { now } from '../../src/platform/clock'
import { execute } from '../../src/platform/db/sql'
import { contractSnapshot, contractTerms } from '../../src/sponsors/contractSnapshot'
import {
  type Actor,
  BINDING_CONTRACT_STATUSES,
  checkTransition,
  OPEN_SPONSORSHIP_STATUSES,
  SPONSORSHIP_STATUSES,
  SPONSORSHIP_TRANSITIONS,
  type SponsorshipStatus,
} from '../../src/sponsors/status'
import {
  assertKnownStatus,
  changedFields,
  idOf,
  invalid,
  refuse,
  SPONSORS_SYSTEM,
  today,
  UUID,
} from '../../src/sponsors/workflow'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/** The terms a lock protects: period, level and fee. */
const TERMS = ['startDate', 'endDate', 'level', 'sponsorshipFee'] as const
/** What the applicant may change in an open application (the fee follows the level). */
const APPLICANT_EDITABLE = ['level']
/** Everything a client may write; the rest is the workflow's own. */
const WRITABLE = [...TERMS, 'sponsor', 'year', 'forModifiedPackage', 'renewal', 'locked']

const status = (value: unknown, id?: number | string) =>
  assertKnownStatus<SponsorshipStatus>('sponsorships', 'sponsorship', SPONSORSHIP_STATUSES, value, id)

const levelAmount = async (
  req: PayloadRequest,
  level: unknown,
): Promise<{ amount: null | number; year: null | number }> => {
  const id = idOf(level)
  if (!id || !UUID.test(id)) return { amount: null, year: null }
  const [row] = await execute(req, sql`SELECT sponsorship_amount, year FROM sponsorship_levels WHERE id = ${id}`)
  return {
    amount:
      row?.sponsorship_amount === undefined || row.sponsorship_amount === null ? null : Number(row.sponsorship_amount),
    year: row?.year === undefined || row.year === null ? null : Number(row.year),
  }
}

/**
 * A member applies: for a sponsor of their own, at a level (the fee is the
 * level's amount), as APPLIED, and only when the sponsor has no other
 * application in progress. The sponsor's row lock makes concurrent
 * applications of one sponsor take turns, so the second one sees the first
 * and gets a 409 (the partial unique index sponsorships_one_open_per_sponsor
 * is the backstop).
 */
const apply: CollectionBeforeChangeHook = async ({ data, req }) => {
  const requested = status(data.status ?? 'APPLIED')
  if (requested !== 'APPLIED') {
    refuse(`status: a sponsorship starts as APPLIED, not ${requested}: staff approve or reject applications`, 409)
  }
  const staff = userIsStaff(req)
  const sponsorId = idOf(data.sponsor)
  // an unknown or malformed sponsor is refused by the field's validation, after this hook
  if (!sponsorId || !UUID.test(sponsorId)) return data
  const [sponsor] = await execute(
    req,
    sql`SELECT id, name, creator_id FROM sponsors WHERE id = ${sponsorId} FOR UPDATE`,
  )
  if (!sponsor) return data
  if (!staff && userId(req) && String(sponsor.creator_id) !== String(userId(req))) {
    refuse('sponsor: you may apply only for a sponsor you registered', 403)
  }
  const [open] = await execute(
    req,
    sql`SELECT status FROM sponsorships WHERE sponsor_id = ${sponsorId}
        AND status IN (${sql.join(
          OPEN_SPONSORSHIP_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )}) LIMIT 1`,
  )
  if (open) {
    refuse(
      `sponsor: ${String(sponsor.name)} already has an application in progress (${String(open.status)}); a sponsor may have one APPLIED or APPROVED sponsorship at a time`,
      409,
    )
  }
  const level = await levelAmount(req, data.level)
  const next: Record<string, unknown> = {
    ...data,
    appliedOn: today(),
    approvedOn: null,
    finalizedOn: null,
    locked: false,
    overlappedBy: null,
    rejectedOn: null,
    status: 'APPLIED',
    submittedBy: userId(req),
    year: (staff ? data.year : null) ?? level.year ?? now().getUTCFullYear(),
  }
  if (!staff || next.sponsorshipFee === undefined || next.sponsorshipFee === null) next.sponsorshipFee = level.amount
  if (!staff) Object.assign(next, { endDate: null, forModifiedPackage: false, renewal: false, startDate: null })
  return next
}

/** Approval needs a period: both dates, the start before the end. */
const checkPeriod = (next: Record<string, unknown>, id: number | string) => {
  const start = parseDay(next.startDate)
  const end = parseDay(next.endDate)
  if (!start) invalid('sponsorships', 'startDate', 'startDate: a date is required to approve a sponsorship', id)
  if (!end) invalid('sponsorships', 'endDate', 'endDate: a date is required to approve a sponsorship', id)
  if (start! >= end!) invalid('sponsorships', 'endDate', 'endDate: must be after startDate', id)
}

/**
 * Every change of an existing sponsorship, on every entry point (admin,
 * REST, GraphQL, Local API, the action endpoints): only the transitions of
 * src/sponsors/status.ts by the right role, from the status the row has
 * right now (held by a row lock); the lock on period, level and fee; what
 * the applicant may change. Approval creates the DRAFT contract in the same
 * transaction; finalizing marks the sponsor's overlapped sponsorships.
 */
export const enforceSponsorshipWorkflow: CollectionBeforeChangeHook = async (args) => {
  const { context, data, operation, originalDoc, req } = args
  // an import (PRESERVE_CONTENT_MANAGED) carries python.org's sponsorships in the status and with the dates they had
  // there (the database still holds one open application per sponsor, and a FINALIZED one's EXECUTED contract)
  if (context[PRESERVE_CONTENT_MANAGED])
    return { ...data, status: status(data.status ?? originalDoc?.status ?? 'APPLIED') }
  if (operation === 'create') return apply(args)

  const id = originalDoc.id as string
  const requested = status(data.status ?? originalDoc.status, id)
  const [row] = await execute(req, sql`SELECT status, locked FROM sponsorships WHERE id = ${id} FOR UPDATE`)
  const current = (row?.status ?? originalDoc.status) as SponsorshipStatus
  if (current !== originalDoc.status) {
    refuse(
      `status: cannot change a sponsorship to ${requested}: it was ${originalDoc.status} when this request started and another change made it ${current} meanwhile; reload and retry`,
      409,
    )
  }
  const locked = Boolean(row?.locked ?? originalDoc.locked)
  const staff = userIsStaff(req)
  const system = Boolean(context[SPONSORS_SYSTEM])
  const actors: Actor[] = [...(system ? ['system' as const] : []), ...(staff ? ['staff' as const] : [])]

  if (requested !== current) {
    const check = checkTransition('sponsorship', SPONSORSHIP_TRANSITIONS, current, requested, actors)
    if (!check.ok) refuse(check.message, check.status)
  }

  const changed = changedFields(WRITABLE, data, originalDoc)
  // without a user it is a Local API call of the system's own (overrideAccess): no applicant limits
  if (!staff && !system && userId(req)) {
    // the applicant (update access admits nobody else): the level of an open, unlocked application
    const notTheirs = changed.filter((field) => !APPLICANT_EDITABLE.includes(field))
    if (notTheirs.length) refuse(`Only staff may change ${notTheirs.join(', ')} of a sponsorship`, 403)
    if (changed.length && (current !== 'APPLIED' || locked)) {
      refuse(
        `level: the application is ${current}${locked ? ' and locked' : ''}; only an open application's level can be changed`,
        403,
      )
    }
  }
  if (changed.includes('sponsor')) {
    refuse('sponsor: a sponsorship stays with the sponsor it was made for; reject it and apply again', 409)
  }

  const unlocking = changed.includes('locked') && data.locked === false
  const next: Record<string, unknown> = { ...data, status: requested }
  const terms = changed.filter((field) => (TERMS as readonly string[]).includes(field))
  if (terms.length && locked) {
    refuse(
      `locked: this sponsorship is ${current} and locked; its ${terms.join(', ')} ${terms.length > 1 ? 'are' : 'is'} read-only until staff unlock it`,
      409,
    )
  }
  // a new level brings its amount unless a fee is agreed in the same change
  if (changed.includes('level') && !changed.includes('sponsorshipFee')) {
    next.sponsorshipFee = (await levelAmount(req, data.level)).amount
  }

  const [contract] = await execute(
    req,
    sql`SELECT id, status FROM sponsor_contracts WHERE sponsorship_id = ${id} FOR UPDATE`,
  )
  if (terms.length && contract && BINDING_CONTRACT_STATUSES.includes(contract.status as never)) {
    refuse(
      `${terms.join(', ')}: the contract is ${String(contract.status)}; nullify it before changing the sponsorship's terms`,
      409,
    )
  }

  if (requested !== current) {
    if (requested === 'APPROVED') {
      checkPeriod(next, id)
      next.approvedOn = today()
    }
    if (requested === 'REJECTED') next.rejectedOn = today()
    if (requested === 'FINALIZED') {
      next.finalizedOn = today()
      await markOverlapped(req, id, originalDoc.sponsor, next)
    }
  }
  // python.org's rule: whatever is not APPLIED is locked again on every save but the unlock itself
  if (requested !== 'APPLIED' && !unlocking) next.locked = true

  if (requested === 'APPROVED' && current === 'APPLIED') {
    // system: the approval creates the contract; nobody creates contracts directly
    await req.payload.create({
      collection: 'sponsor-contracts',
      context: { [SPONSORS_SYSTEM]: true },
      data: { ...(await contractSnapshot(req, idOf(originalDoc.sponsor)!, next)), sponsorship: id, status: 'DRAFT' },
      overrideAccess: true,
      req,
    })
  } else if (terms.length && contract?.status === 'DRAFT') {
    // system: the draft contract follows the sponsorship's terms until it is sent
    await req.payload.update({
      collection: 'sponsor-contracts',
      context: { [SPONSORS_SYSTEM]: true },
      data: await contractTerms(req, next),
      id: String(contract.id),
      overrideAccess: true,
      req,
    })
  }
  return next
}

/**
 * Finalizing a sponsorship takes over from the sponsor's earlier live ones
 * whose period the new one starts in (python.org's overlapped_by): they stop
 * being live.
 */
const markOverlapped = async (req: PayloadRequest, id: string, sponsor: unknown, next: Record<string, unknown>) => {
  const sponsorId = idOf(sponsor)
  const start = parseDay(next.startDate)
  if (!sponsorId || !start) return
  await execute(
    req,
    sql`UPDATE sponsorships SET overlapped_by_id = ${id}, updated_at = ${now().toISOString()}
        WHERE sponsor_id = ${sponsorId} AND id <> ${id} AND status = 'FINALIZED' AND overlapped_by_id IS NULL
          AND start_date <= ${today()} AND end_date >= ${today()}
          AND start_date <= ${start} AND end_date >= ${start}`,
  )
}
