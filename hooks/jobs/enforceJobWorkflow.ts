import { sql } from '@payloadcms/db-postgres'
import { APIError, type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { userId, userIsStaff } from '../../access/roles'
import { now } from '../../src/platform/clock'
import { execute } from '../../src/platform/db/sql'
import { type Actor, checkTransition, JOB_STATUSES, type JobStatus, OWNER_EDITABLE } from '../../src/jobs/status'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'

/** Set by the expiry task: the system, not a user, moves jobs to EXPIRED. */
export const SYSTEM_TRANSITION = 'jobSystemTransition'

export const EXPIRY_DAYS = 90

/**
 * Fields the server keeps (stamps, rendered HTML, the workflow's own status):
 * everything else counts as the job's content, which an owner may change
 * only while the job is DRAFT, REVIEW or REJECTED.
 */
const NOT_CONTENT = new Set([
  'createdAt',
  'creator',
  'descriptionHtml',
  'id',
  'requirementsHtml',
  'reviewComments',
  'status',
  'updatedAt',
])

const DATE_FIELDS = new Set(['expires'])

/** JSON with object keys in one order: rich text read back from jsonb comes in the database's key order. */
const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
        )
      : value

const comparable = (field: string, value: unknown): string => {
  const id = (item: unknown) => (item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item)
  if (DATE_FIELDS.has(field) && value) {
    const time = new Date(value as string).getTime()
    if (!Number.isNaN(time)) return JSON.stringify(time)
  }
  const normalized = Array.isArray(value) ? value.map(id).map(String).sort() : id(value)
  return JSON.stringify(stable(normalized === '' || normalized === undefined ? null : normalized))
}

const refuse = (message: string, status: 403 | 409): never => {
  throw new APIError(message, status, undefined, true)
}

/** An unknown status is bad input (400 naming `status`), not a refused transition. */
const assertKnownStatus = (status: unknown, id?: number | string): JobStatus => {
  if (typeof status === 'string' && (JOB_STATUSES as readonly string[]).includes(status)) return status as JobStatus
  throw new ValidationError({
    collection: 'jobs',
    errors: [
      {
        message: `status: "${String(status)}" is not a job status; expected one of ${JOB_STATUSES.join(', ')}`,
        path: 'status',
      },
    ],
    id,
  })
}

/**
 * The review workflow, on every entry point (admin, REST, GraphQL, Local
 * API): only the transitions in src/jobs/status.ts, by the right role, from
 * the status the row has right now (a row lock makes two concurrent
 * transitions from one status impossible: the second sees the first's result).
 */
export const enforceJobWorkflow: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  // an import (PRESERVE_CONTENT_MANAGED) carries python.org's jobs in the status they had there, as they were
  if (context[PRESERVE_CONTENT_MANAGED])
    return { ...data, status: assertKnownStatus(data.status ?? originalDoc?.status ?? 'DRAFT') }
  if (operation === 'create') {
    const status = assertKnownStatus(data.status ?? 'DRAFT')
    if (status !== 'DRAFT' && status !== 'REVIEW') {
      refuse(
        `status: a new job starts as DRAFT (or REVIEW to submit it at once), not ${status}: only staff approve, and only a job in REVIEW`,
        409,
      )
    }
    return { ...data, status }
  }

  const requested = assertKnownStatus(data.status ?? originalDoc.status, originalDoc.id)
  const system = Boolean(context[SYSTEM_TRANSITION])
  const [row] = await execute(req, sql`SELECT status FROM jobs WHERE id = ${originalDoc.id} FOR UPDATE`)
  const current = (row?.status ?? originalDoc.status) as JobStatus
  if (current !== originalDoc.status) {
    refuse(
      `status: cannot change a job to ${requested}: it was ${originalDoc.status} when this request started and another change made it ${current} meanwhile; reload and retry`,
      409,
    )
  }
  const staff = userIsStaff(req)
  const owner =
    Boolean(userId(req)) && comparable('creator', originalDoc.creator) === comparable('creator', userId(req))

  // the owner's edit window (members reach this hook only for their own
  // jobs; without a user it is the system's own Local API call)
  if (userId(req) && !staff && !system && !OWNER_EDITABLE.includes(current)) {
    const changed = Object.keys(data).filter(
      (field) => !NOT_CONTENT.has(field) && comparable(field, data[field]) !== comparable(field, originalDoc[field]),
    )
    if (changed.length) {
      refuse(
        `A job can be edited by its owner only while DRAFT, REVIEW or REJECTED; this one is ${current} (changed: ${changed.join(', ')})`,
        403,
      )
    }
  }

  const next: Record<string, unknown> = { ...data, status: requested }
  if (requested !== current) {
    const actors: Actor[] = [
      ...(system ? ['system' as const] : []),
      ...(staff ? ['staff' as const] : []),
      ...(owner ? ['owner' as const] : []),
    ]
    const check = checkTransition(current, requested, actors)
    if (!check.ok) refuse(check.message, check.status)
    if (requested === 'APPROVED' && !next.expires) {
      next.expires = new Date(now().getTime() + EXPIRY_DAYS * 24 * 60 * 60 * 1000).toISOString()
    }
  }
  return next
}
