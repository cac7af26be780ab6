/**
 * A nominee's answer to their nomination (docs/rules/elections.md), as one
 * table of transitions: who may move it from which answer to which, and in
 * which election statuses. Everything not listed is refused.
 */
import type { ElectionStatus } from './status'

export const ACCEPTANCES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const
export type Acceptance = (typeof ACCEPTANCES)[number]

/** `nominee`: the nominated user themself. */
export type Actor = 'nominee' | 'staff'

type Transition = { by: Actor; during: ElectionStatus[]; from: Acceptance[]; to: Acceptance }

export const TRANSITIONS: Transition[] = [
  // the nominee answers while nominations are open, and may change their mind until they close
  { by: 'nominee', during: ['NOMINATIONS_OPEN'], from: ['PENDING', 'DECLINED'], to: 'ACCEPTED' },
  { by: 'nominee', during: ['NOMINATIONS_OPEN'], from: ['PENDING', 'ACCEPTED'], to: 'DECLINED' },
  // staff record an answer given another way (a withdrawal by email) until the ballot is set at voting
  { by: 'staff', during: ['NOMINATIONS_OPEN', 'NOMINATIONS_CLOSED'], from: ['PENDING', 'DECLINED'], to: 'ACCEPTED' },
  { by: 'staff', during: ['NOMINATIONS_OPEN', 'NOMINATIONS_CLOSED'], from: ['PENDING', 'ACCEPTED'], to: 'DECLINED' },
]

export type TransitionCheck = { ok: true } | { message: string; ok: false; status: 403 | 409 }

const list = (values: string[]) => [...new Set(values)].join(' or ')

export const checkAcceptance = (
  from: Acceptance,
  to: Acceptance,
  actors: Actor[],
  election: ElectionStatus | null,
): TransitionCheck => {
  const candidates = TRANSITIONS.filter((t) => t.to === to && t.from.includes(from))
  if (!candidates.length) {
    const reachable = TRANSITIONS.filter((t) => t.to === to).flatMap((t) => t.from)
    const why = reachable.length
      ? `${to} can only be reached from ${list(reachable)}`
      : `a nomination cannot go back to ${to}`
    return { message: `acceptance: cannot change a nominee from ${from} to ${to}: ${why}`, ok: false, status: 409 }
  }
  const mine = candidates.filter((t) => actors.includes(t.by))
  if (!mine.length) {
    return {
      message: `acceptance: only ${list(candidates.map((t) => (t.by === 'nominee' ? 'the nominated user' : t.by)))} may change a nominee to ${to}`,
      ok: false,
      status: 403,
    }
  }
  if (!mine.some((t) => election && t.during.includes(election))) {
    return {
      message: `acceptance: a nominee can be changed to ${to} only while the election is ${list(mine.flatMap((t) => t.during))}; it is ${election ?? 'without valid dates'}`,
      ok: false,
      status: 409,
    }
  }
  return { ok: true }
}
