/**
 * The two sponsorship workflows (docs/rules/sponsors.md), each as one
 * table of transitions: which role may move a sponsorship or a contract from
 * which status to which. Everything not listed is refused. The hooks in
 * hooks/sponsors/ enforce them on every entry point; the admin actions and
 * the endpoints in src/sponsors/endpoints.ts go through those hooks.
 */
export const SPONSORSHIP_STATUSES = ['APPLIED', 'REJECTED', 'APPROVED', 'FINALIZED'] as const
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number]

export const CONTRACT_STATUSES = ['DRAFT', 'OUTDATED', 'AWAITING_SIGNATURE', 'EXECUTED', 'NULLIFIED'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

/** `system`: the server itself (executing a contract finalizes its sponsorship). */
export type Actor = 'staff' | 'system'

type Transition<S extends string> = { by: Actor[]; from: S[]; to: S }

export const SPONSORSHIP_TRANSITIONS: Transition<SponsorshipStatus>[] = [
  { by: ['staff'], from: ['APPLIED'], to: 'APPROVED' },
  { by: ['staff'], from: ['APPLIED'], to: 'REJECTED' },
  // only by executing the sponsorship's contract (hooks/sponsors/enforceContractWorkflow.ts)
  { by: ['system'], from: ['APPROVED'], to: 'FINALIZED' },
]

export const CONTRACT_TRANSITIONS: Transition<ContractStatus>[] = [
  // send: renders the document and emails it to the applicant
  { by: ['staff'], from: ['DRAFT'], to: 'AWAITING_SIGNATURE' },
  // execute: signed on paper (from DRAFT) or after sending; finalizes the sponsorship
  { by: ['staff'], from: ['DRAFT', 'AWAITING_SIGNATURE'], to: 'EXECUTED' },
  { by: ['staff'], from: ['AWAITING_SIGNATURE'], to: 'NULLIFIED' },
  // back to draft: a nullified contract is revised and sent again
  { by: ['staff'], from: ['NULLIFIED'], to: 'DRAFT' },
]

/** A sponsor may have one application in progress at a time (the partial unique index holds it too). */
export const OPEN_SPONSORSHIP_STATUSES: SponsorshipStatus[] = ['APPLIED', 'APPROVED']

/** Contracts whose terms are out with the sponsor or signed: the sponsorship's terms must not move under them. */
export const BINDING_CONTRACT_STATUSES: ContractStatus[] = ['AWAITING_SIGNATURE', 'EXECUTED']

export type TransitionCheck = { ok: true } | { message: string; ok: false; status: 403 | 409 }

/** One check for both tables: 409 when no such transition exists, 403 when it belongs to another role. */
export const checkTransition = <S extends string>(
  noun: string,
  table: Transition<S>[],
  from: S,
  to: S,
  actors: Actor[],
): TransitionCheck => {
  const candidates = table.filter((t) => t.to === to && t.from.includes(from))
  if (!candidates.length) {
    const reachable = table.filter((t) => t.to === to).flatMap((t) => t.from)
    const why = reachable.length
      ? `${to} can only be reached from ${[...new Set(reachable)].join(' or ')}`
      : `${to} is not a status a ${noun} can be moved to`
    return { message: `status: cannot change a ${noun} from ${from} to ${to}: ${why}`, ok: false, status: 409 }
  }
  if (candidates.some((t) => t.by.some((actor) => actors.includes(actor)))) return { ok: true }
  const who = [...new Set(candidates.flatMap((t) => t.by))]
    .map((actor) => (actor === 'system' ? 'system (by executing its contract)' : actor))
    .join(' or ')
  return { message: `status: only ${who} may change a ${noun} from ${from} to ${to}`, ok: false, status: 403 }
}
