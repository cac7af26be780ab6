/** Shared helpers for the events tests (not a test file itself). */
import { setNow } from '../../src/platform/clock'
import type { Auth, TestContext } from '../helpers/harness'
import { json, unique, type Json } from '../helpers/assertions'

export { setNow, type Json }

const created = async (response: Response, what: string): Promise<Json> => {
  const body = await json(response)
  if (response.status !== 201) throw new Error(`creating ${what} failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** A calendar created through REST by `auth` (staff). */
export const createCalendar = async (t: TestContext, auth: Auth, data: Json = {}): Promise<Json> =>
  created(await t.api('POST', '/calendars', { auth, body: { name: unique('Calendar'), ...data } }), 'a calendar')

export const createCategory = async (t: TestContext, auth: Auth, calendar: string, data: Json = {}): Promise<Json> =>
  created(
    await t.api('POST', '/event-categories', { auth, body: { calendar, name: unique('Category'), ...data } }),
    'a category',
  )

export const createVenue = async (t: TestContext, auth: Auth, data: Json = {}): Promise<Json> =>
  created(await t.api('POST', '/event-locations', { auth, body: { name: unique('Venue'), ...data } }), 'a venue')

/** An event through REST (`isPublished: true` needs staff). */
export const createEvent = async (t: TestContext, auth: Auth, calendar: string, data: Json = {}): Promise<Json> =>
  created(await t.api('POST', '/events', { auth, body: { calendar, title: unique('Event'), ...data } }), 'an event')

export const addOccurrence = async (t: TestContext, auth: Auth, event: string, data: Json): Promise<Json> =>
  created(await t.api('POST', '/event-occurrences', { auth, body: { event, ...data } }), 'an occurrence')

export const addRule = async (t: TestContext, auth: Auth, event: string, data: Json): Promise<Json> =>
  created(await t.api('POST', '/event-recurring-rules', { auth, body: { event, ...data } }), 'a recurring rule')

/** GET /api/events/occurrences with the given query; the JSON answer (throws unless 200). */
export const occurrences = async (t: TestContext, auth: Auth, query: Record<string, string>): Promise<Json> => {
  const response = await t.api('GET', `/events/occurrences?${new URLSearchParams(query)}`, { auth })
  const body = await json(response)
  if (response.status !== 200) throw new Error(`occurrences failed: ${response.status} ${JSON.stringify(body)}`)
  return body
}

/** The wall-clock time of `iso` in `zone`, as "YYYY-MM-DD HH:mm". */
export const wallClock = (iso: string, zone: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      month: '2-digit',
      timeZone: zone,
      year: 'numeric',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}
