import { APIError, type Endpoint } from 'payload'

import { userIsStaff } from '../../access/roles'
import { importCalendar } from './icsImport'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * POST /api/calendars/:id/import: staff import one calendar's ICS feed now
 * and get the report back (created, updated, unpublished, and each event
 * that could not be taken, with why). A broken feed is a 200 with
 * `ok: false`: the request did what it was asked; the error is also recorded
 * on the calendar.
 */
export const importCalendarEndpoint: Endpoint = {
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to import calendars.', 401, undefined, true)
    if (!userIsStaff(req)) throw new APIError('Only staff import calendars.', 403, undefined, true)
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not a calendar id', 400, undefined, true)
    // overrideAccess: access was checked above
    const { docs } = await req.payload.find({
      collection: 'calendars',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      select: { icsUrl: true },
      where: { id: { equals: id } },
    })
    const calendar = docs[0]
    if (!calendar) throw new APIError(`No calendar with id ${id}.`, 404, undefined, true)
    if (!calendar.icsUrl) throw new APIError('icsUrl: the calendar has no ICS URL to import.', 409, undefined, true)
    return Response.json(await importCalendar(req.payload, id))
  },
  method: 'post',
  path: '/:id/import',
}
