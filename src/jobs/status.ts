/**
 * The job review workflow (docs/rules/jobs.md): which role may move a
 * job from which status to which. Everything not listed is refused.
 */
export const JOB_STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED', 'EXPIRED'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export type Actor = 'owner' | 'staff' | 'system'

type Transition = { by: Actor[]; from: JobStatus[]; to: JobStatus }

export const TRANSITIONS: Transition[] = [
  { by: ['owner'], from: ['DRAFT', 'REJECTED'], to: 'REVIEW' },
  { by: ['staff'], from: ['REVIEW'], to: 'APPROVED' },
  { by: ['staff'], from: ['REVIEW'], to: 'REJECTED' },
  // staff archive approved jobs; an owner may withdraw their job from any status
  { by: ['staff'], from: ['APPROVED'], to: 'ARCHIVED' },
  { by: ['owner'], from: ['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED', 'EXPIRED'], to: 'ARCHIVED' },
  { by: ['system'], from: ['APPROVED'], to: 'EXPIRED' },
]

/** The statuses an owner may still edit their job in. */
export const OWNER_EDITABLE: JobStatus[] = ['DRAFT', 'REVIEW', 'REJECTED']

export type TransitionCheck = { ok: true } | { message: string; ok: false; status: 403 | 409 }

export const checkTransition = (from: JobStatus, to: JobStatus, actors: Actor[]): TransitionCheck => {
  const candidates = TRANSITIONS.filter((t) => t.to === to && t.from.includes(from))
  if (!candidates.length) {
    const reachable = TRANSITIONS.filter((t) => t.to === to).flatMap((t) => t.from)
    const why = reachable.length
      ? `${to} can only be reached from ${[...new Set(reachable)].join(' or ')}`
      : `${to} is not a status a job can be moved to`
    return { message: `status: cannot change a job from ${from} to ${to}: ${why}`, ok: false, status: 409 }
  }
  if (candidates.some((t) => t.by.some((actor) => actors.includes(actor)))) return { ok: true }
  const who = [...new Set(candidates.flatMap((t) => t.by))].join(' or ')
  return { message: `status: only the ${who} may change a job from ${from} to ${to}`, ok: false, status: 403 }
}
