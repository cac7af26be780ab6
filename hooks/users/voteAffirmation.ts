import type { CollectionBeforeChangeHook, FieldHook } from 'payload'

import { now as clockNow } from '../../src/platform/clock'

const DAY_MS = 24 * 60 * 60 * 1000
export const VOTE_AFFIRMATION_MAX_AGE_DAYS = 366

/** Today as a date at UTC midnight, the way date-only fields are stored. */
export const todayIso = (now = clockNow()): string =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()

/**
 * Set by the affirm action (src/users/affirmVoteEndpoint.ts) in the write's
 * context: only server code can set a request context, so no client can.
 */
export const AFFIRM_VOTE = 'affirmVote'

/**
 * `lastVoteAffirmation` is server-filled (no user may write it): the affirm
 * action sets it to today, and becoming a voter without an affirmation on
 * record counts as affirming today.
 */
export const stampVoteAffirmation: CollectionBeforeChangeHook = ({ context, data, originalDoc }) => {
  if (context[AFFIRM_VOTE]) return { ...data, lastVoteAffirmation: todayIso(), votes: true }
  const votes = data.votes ?? originalDoc?.votes
  const affirmed = data.lastVoteAffirmation !== undefined ? data.lastVoteAffirmation : originalDoc?.lastVoteAffirmation
  if (votes === true && !affirmed) return { ...data, lastVoteAffirmation: todayIso() }
  return data
}

export const affirmationIsStale = (
  votes: boolean | null | undefined,
  lastVoteAffirmation: null | string | undefined,
  now = clockNow(),
): boolean => {
  if (!votes) return false
  if (!lastVoteAffirmation) return true
  return now.getTime() - new Date(lastVoteAffirmation).getTime() > VOTE_AFFIRMATION_MAX_AGE_DAYS * DAY_MS
}

/** Computed on read from the row itself: no query, never stale. */
export const needsVoteAffirmation: FieldHook = ({ siblingData }) =>
  affirmationIsStale(siblingData?.votes as boolean | undefined, siblingData?.lastVoteAffirmation as string | undefined)
