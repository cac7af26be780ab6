import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { userId, userIsStaff } from '../../access/roles'
import { execute } from '../../src/db/sql'
import { type Actor, checkTransition, type JobStatus, OWNER_EDITABLE } from '../../src/jobs/status'

/** Set by the expiry task: the system, not a user, moves jobs to EXPIRED. */
export const SYSTEM_TRANSITION = 'jobSystemTransition'

const EXPIRY_DAYS = 90

/** The fields an owner edits; compared to tell a withdrawal from an edit. */
const OWNER_FIELDS = [
  'agencies',
  'category',
  'city',
  'companyName',
  'contact',
  'country',
  'description',
  'email',
  'expires',
  'jobTitle',
  'jobTypes',
  'region',
  'requirements',
  'telecommuting',
  'url',
] as const

const comparable = (value: unknown): string => {
  const id = (item: unknown) => (item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item)
  const normalized = Array.isArray(value) ? value.map(id).map(String).sort() : id(value)
  return JSON.stringify(normalized ?? null)
}

const refuse = (message: string, status: 403 | 409): never => {
  throw new APIError(message, status, undefined, true)
}

/**
 * The review workflow, on every entry point (admin, REST, GraphQL, Local
 * API): only the transitions in src/jobs/status.ts, by the right role, from
 * the status the row has right now (a row lock makes two concurrent
 * transitions from one status impossible: the second sees the first's result).
 */
export const enforceJobWorkflow: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    const status = (data.status ?? 'DRAFT') as JobStatus
    if (status !== 'DRAFT' && status !== 'REVIEW') {
      refuse(`status: a new job starts as DRAFT (or REVIEW to submit it at once), not ${status}`, 409)
    }
    return { ...data, status }
  }

  const system = Boolean(context[SYSTEM_TRANSITION])
  const [row] = await execute(req, sql`SELECT status FROM jobs WHERE id = ${originalDoc.id} FOR UPDATE`)
  const current = (row?.status ?? originalDoc.status) as JobStatus
  if (current !== originalDoc.status) {
    refuse(`status: the job changed from ${originalDoc.status} to ${current} while this request ran; reload and retry`, 409)
  }
  const requested = (data.status ?? current) as JobStatus
  const staff = userIsStaff(req)
  const owner = Boolean(userId(req)) && comparable(originalDoc.creator) === comparable(userId(req))

  if (!staff && !system) {
    const changed = OWNER_FIELDS.filter((field) => field in data && comparable(data[field]) !== comparable(originalDoc[field]))
    if (!OWNER_EDITABLE.includes(current) && changed.length) {
      refuse(`A job can be edited by its owner only while DRAFT, REVIEW or REJECTED; this one is ${current}`, 403)
    }
  }

  const next: Record<string, unknown> = { ...data, status: requested }
  if (requested !== current) {
    const actors: Actor[] = [...(system ? ['system' as const] : []), ...(staff ? ['staff' as const] : []), ...(owner ? ['owner' as const] : [])]
    const check = checkTransition(current, requested, actors)
    if (!check.ok) refuse(check.message, check.status)
    if (requested === 'APPROVED' && !next.expires) {
      next.expires = new Date(Date.now() + EXPIRY_DAYS * 24 * 60 * 60 * 1000).toISOString()
    }
  }
  return next
}
