import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint, NotFound, type PayloadRequest } from 'payload'

import { inTransaction } from '../platform/db/transaction'

import { userIsStaff } from '../../access/roles'
import { execute } from '../platform/db/sql'
import { UUID } from './workflow'

type Body = Record<string, unknown>

type Action = {
  /** the URL's last segment: POST /api/<collection>/:id/<action> */
  action: string
  /** the change to save, from the request body; throws a 400 naming a bad field */
  data: (body: Body) => Record<string, unknown>
  /** why the action cannot apply to the row as it is now (a 409), if so */
  conflict: (row: Record<string, unknown>) => null | string
  done: string
}

const badField = (field: string, rule: string): never => {
  throw new APIError(`${field}: ${rule}`, 400, undefined, true)
}

const optionalDate = (body: Body, field: string) => {
  const value = body[field]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'string' || Number.isNaN(new Date(value).getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return badField(field, 'expected a date (YYYY-MM-DD)')
  }
  return { [field]: value }
}

const TABLES = { 'sponsor-contracts': 'sponsor_contracts', sponsorships: 'sponsorships' } as const
const noun = { 'sponsor-contracts': 'contract', sponsorships: 'sponsorship' } as const

/**
 * One workflow action as an endpoint for tools and the admin panel's
 * buttons. It saves through the collection's own update (overrideAccess:
 * false, the caller's user), so the workflow hook decides exactly as for a
 * PATCH; the row lock taken first turns "already done" into a 409 instead
 * of a silent no-op.
 */
const actionEndpoint = (collection: keyof typeof TABLES, { action, conflict, data, done }: Action): Endpoint => ({
  handler: async (req: PayloadRequest) => {
    if (!req.user) throw new APIError('Log in as staff to do this.', 401, undefined, true)
    // the workflow hook refuses others too; answering first says nothing about the row
    if (!userIsStaff(req)) throw new APIError(`Only staff may ${action} a ${noun[collection]}.`, 403, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) badField('id', `not a ${collection} id`)
    const body = ((await req.json?.().catch(() => null)) ?? {}) as Body
    if (typeof body !== 'object' || Array.isArray(body)) badField('body', 'expected a JSON object')
    const changes = data(body)
    return inTransaction(req, async () => {
      if (collection === 'sponsor-contracts') {
        // the sponsorship's row before the contract's, the order every sponsors write takes (no deadlock)
        await execute(
          req,
          sql`SELECT s.id FROM sponsorships s JOIN sponsor_contracts c ON c.sponsorship_id = s.id WHERE c.id = ${id} FOR UPDATE OF s`,
        )
      }
      const [row] = await execute(
        req,
        sql`SELECT * FROM ${sql.identifier(TABLES[collection])} WHERE id = ${id} FOR UPDATE`,
      )
      if (!row) throw new NotFound(req.t)
      const why = conflict(row)
      if (why) throw new APIError(why, 409, undefined, true)
      const doc = await req.payload.update({
        collection,
        data: changes,
        depth: 0,
        id,
        overrideAccess: false,
        req,
        user: req.user,
      })
      return Response.json({ doc, message: done })
    })
  },
  method: 'post',
  path: `/:id/${action}`,
})

const alreadyIn =
  (target: string, noun: string) =>
  (row: Record<string, unknown>): null | string =>
    row.status === target ? `status: this ${noun} is already ${target}` : null

/** POST /api/sponsorships/:id/approve|reject|unlock */
export const sponsorshipEndpoints: Endpoint[] = [
  actionEndpoint('sponsorships', {
    action: 'approve',
    conflict: alreadyIn('APPROVED', 'sponsorship'),
    data: (body) => {
      const changes: Record<string, unknown> = {
        ...optionalDate(body, 'startDate'),
        ...optionalDate(body, 'endDate'),
        status: 'APPROVED',
      }
      if (body.level !== undefined) {
        if (typeof body.level !== 'string' || !UUID.test(body.level))
          badField('level', 'expected a sponsorship level id')
        changes.level = body.level
      }
      if (body.sponsorshipFee !== undefined) {
        if (!Number.isInteger(body.sponsorshipFee) || (body.sponsorshipFee as number) < 0) {
          badField('sponsorshipFee', 'expected a whole number of USD, at least 0')
        }
        changes.sponsorshipFee = body.sponsorshipFee
      }
      if (body.renewal !== undefined) {
        if (typeof body.renewal !== 'boolean') badField('renewal', 'expected true or false')
        changes.renewal = body.renewal
      }
      return changes
    },
    done: 'Sponsorship approved; its contract is a draft.',
  }),
  actionEndpoint('sponsorships', {
    action: 'reject',
    conflict: alreadyIn('REJECTED', 'sponsorship'),
    data: () => ({ status: 'REJECTED' }),
    done: 'Sponsorship rejected.',
  }),
  actionEndpoint('sponsorships', {
    action: 'unlock',
    conflict: (row) => (row.locked ? null : `locked: this sponsorship (${String(row.status)}) is not locked`),
    data: () => ({ locked: false }),
    done: 'Sponsorship unlocked: its period, level and fee may be changed once.',
  }),
]

/** POST /api/sponsor-contracts/:id/send|execute|nullify|redraft */
export const contractEndpoints: Endpoint[] = [
  ['send', 'AWAITING_SIGNATURE', 'Contract sent for signature.'],
  ['execute', 'EXECUTED', 'Contract executed; the sponsorship is finalized.'],
  ['nullify', 'NULLIFIED', 'Contract nullified.'],
  ['redraft', 'DRAFT', 'Contract back to draft.'],
].map(([action, target, done]) =>
  actionEndpoint('sponsor-contracts', {
    action: action!,
    conflict: alreadyIn(target!, 'contract'),
    data: () => ({ status: target }),
    done: done!,
  }),
)
