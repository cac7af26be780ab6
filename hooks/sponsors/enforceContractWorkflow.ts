import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeChangeHook } from 'payload'

import { userIsStaff } from '../../access/roles'
import { slugify } from '../../fields/slugify'
import { now } from '../../src/platform/clock'
import { execute } from '../../src/platform/db/sql'
import { renderContractPdf } from '../../src/sponsors/contractPdf'
import { contractTerms } from '../../src/sponsors/contractSnapshot'
import {
  type Actor,
  checkTransition,
  CONTRACT_STATUSES,
  CONTRACT_TRANSITIONS,
  type ContractStatus,
} from '../../src/sponsors/status'
import { assertKnownStatus, changedFields, idOf, refuse, SPONSORS_SYSTEM, today } from '../../src/sponsors/workflow'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/** A contract's content: what staff revise while it is a DRAFT, and nobody changes afterwards. */
export const CONTRACT_CONTENT = [
  'sponsorName',
  'sponsorInfo',
  'sponsorAddress',
  'sponsorContact',
  'benefitsList',
  'legalClauses',
] as const
/** The sponsorship's terms as copied in by the system. */
const CONTRACT_TERMS = ['levelName', 'sponsorshipFee', 'startDate', 'endDate', 'year'] as const

const status = (value: unknown, id?: number | string) =>
  assertKnownStatus<ContractStatus>('sponsor-contracts', 'contract', CONTRACT_STATUSES, value, id)

/**
 * The contract workflow, on every entry point: only the transitions of
 * src/sponsors/status.ts, by staff, from the status the row has right now.
 * The sponsorship's row is locked before the contract's (the order the
 * sponsorship hook uses too), so a concurrent change of the terms and an
 * execution never deadlock. Saving a DRAFT is a new revision; after DRAFT the
 * content is read-only. Sending renders and stores the PDF; executing
 * finalizes the sponsorship in the same transaction.
 */
export const enforceContractWorkflow: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries python.org's contracts as they were: status, revision, content
  if (context[PRESERVE_CONTENT_MANAGED])
    return { ...data, status: status(data.status ?? originalDoc?.status ?? 'DRAFT') }
  const system = Boolean(context[SPONSORS_SYSTEM])
  if (operation === 'create') {
    if (!system) refuse('A contract is created by approving its sponsorship, not directly', 403)
    return { ...data, document: null, revision: 0, sentOn: null, status: 'DRAFT' }
  }

  const id = originalDoc.id as string
  const requested = status(data.status ?? originalDoc.status, id)
  const sponsorshipId = idOf(originalDoc.sponsorship)
  if (sponsorshipId) await execute(req, sql`SELECT id FROM sponsorships WHERE id = ${sponsorshipId} FOR UPDATE`)
  const [row] = await execute(req, sql`SELECT status, revision FROM sponsor_contracts WHERE id = ${id} FOR UPDATE`)
  const current = (row?.status ?? originalDoc.status) as ContractStatus
  if (current !== originalDoc.status) {
    refuse(
      `status: cannot change a contract to ${requested}: it was ${originalDoc.status} when this request started and another change made it ${current} meanwhile; reload and retry`,
      409,
    )
  }
  const revision = Number(row?.revision ?? originalDoc.revision ?? 0)
  const staff = userIsStaff(req)
  const actors: Actor[] = [...(system ? ['system' as const] : []), ...(staff ? ['staff' as const] : [])]

  if (requested !== current) {
    const check = checkTransition('contract', CONTRACT_TRANSITIONS, current, requested, actors)
    if (!check.ok) refuse(check.message, check.status)
  }
  const content = changedFields([...CONTRACT_CONTENT, ...(system ? CONTRACT_TERMS : [])], data, originalDoc)
  if (content.length && current !== 'DRAFT') {
    refuse(
      `A contract's content is read-only once it has left DRAFT; this one is ${current} (changed: ${content.join(', ')})`,
      409,
    )
  }

  const next: Record<string, unknown> = { ...data, status: requested }
  // every save of a draft is a revision, and so is the draft a nullified contract goes back to
  if (current === 'DRAFT' && (requested === 'DRAFT' || content.length)) next.revision = revision + 1
  if (current === 'NULLIFIED' && requested === 'DRAFT') {
    const sponsorship = await req.payload.findByID({
      collection: 'sponsorships',
      depth: 0,
      id: sponsorshipId!,
      overrideAccess: true,
      req,
    })
    Object.assign(next, await contractTerms(req, sponsorship), { document: null, revision: revision + 1, sentOn: null })
  }

  if (requested === 'AWAITING_SIGNATURE' && current !== requested) {
    const sentOn = today()
    const pdf = await renderContractPdf({ ...originalDoc, ...next, sentOn } as never, now())
    const sponsorName = String(next.sponsorName ?? originalDoc.sponsorName ?? 'sponsor')
    // a random part keeps the stored name unguessable (python.org's lesson)
    const name = `contract-${slugify(sponsorName).slice(0, 60) || 'sponsor'}-r${String(next.revision ?? revision)}-${crypto.randomBytes(8).toString('hex')}.pdf`
    // system: contract documents are written by the workflow only
    const document = await req.payload.create({
      collection: 'sponsor-contract-documents',
      data: { contract: id, revision: Number(next.revision ?? revision), sponsor: idOf(originalDoc.sponsor)! },
      file: { data: pdf, mimetype: 'application/pdf', name, size: pdf.length },
      overrideAccess: true,
      req,
    })
    Object.assign(next, { document: document.id, sentOn })
  }

  if (requested === 'EXECUTED' && current !== requested) {
    // system: executing the contract is what finalizes the sponsorship
    await req.payload.update({
      collection: 'sponsorships',
      context: { [SPONSORS_SYSTEM]: true },
      data: { status: 'FINALIZED' },
      id: sponsorshipId!,
      overrideAccess: true,
      req,
    })
  }
  return next
}
