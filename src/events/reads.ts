/**
 * Event queries frontends need: upcoming events (by next occurrence),
 * every occurrence in a range (a month view), past events. Served as REST
 * under /api/events/... and as GraphQL queries; both run the Local API with
 * the caller's access, so an unpublished event (or its occurrences) reaches
 * only its submitter and staff.
 */
import type * as GraphQLModule from 'graphql'
import { APIError, type GraphQLInfo, type PayloadRequest, type Where } from 'payload'

import type { Event, EventLocation } from '../../payload-types'
import { now } from '../platform/clock'
import { defineRead, type ReadContext } from '../platform/reads'
import { DAY, instancesBetween } from './recurrence'
import { candidatesAround, candidatesBetween, loadSchedules } from './schedules'
import { canonicalTimeZone, fromFloating } from './timeZones'

type GraphQL = typeof GraphQLModule

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const ref = (description: string) => ({ description, maxLength: 200, type: 'string' }) as const

/** `?calendar=` (and category, location) take an id or a slug; an unknown one matches nothing. */
const byIdOrSlug = (field: string, value: string | undefined): Where[] =>
  value === undefined
    ? []
    : [UUID.test(value) ? { [field]: { equals: value } } : { [`${field}.slug`]: { equals: value } }]

const limitArg = { description: 'at most this many events (default 10)', max: 100, min: 1, type: 'int' } as const

type Filters = { calendar?: string; category?: string; featured?: boolean; location?: string }

const filterWhere = ({ calendar, category, featured, location }: Filters): Where[] => [
  ...byIdOrSlug('calendar', calendar),
  ...byIdOrSlug('categories', category),
  ...byIdOrSlug('venue', location),
  ...(featured === undefined ? [] : [{ featured: { equals: featured } }]),
]

type Derived = Pick<Event, 'id' | 'nextOccurrence' | 'previousOccurrence'>

/**
 * The visible events among `candidates` (the caller's read access applies),
 * with their derived next/previous occurrence: one query for the events and
 * one for all their schedules.
 */
const visibleWithOccurrences = async (
  req: PayloadRequest,
  candidates: string[],
  where: Where[],
): Promise<Derived[]> => {
  if (!candidates.length) return []
  const { docs } = await req.payload.find({
    collection: 'events',
    depth: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { nextOccurrence: true, previousOccurrence: true },
    where: { and: [{ id: { in: candidates } }, ...where] },
  })
  return docs as Derived[]
}

/** The full documents of `ids`, at the caller's depth, in that order. */
const inOrder = async (req: PayloadRequest, ids: string[], { depth }: ReadContext) => {
  if (!ids.length) return []
  const { docs } = await req.payload.find({
    collection: 'events',
    depth,
    overrideAccess: false,
    pagination: false,
    req,
    where: { id: { in: ids } },
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.map((id) => byId.get(id)).filter(Boolean)
}

const time = (value: null | string | undefined) => (value ? new Date(value).getTime() : Number.NaN)

const eventList = (name: string, graphQL: GraphQL, info: GraphQLInfo) =>
  new graphQL.GraphQLObjectType({
    fields: {
      docs: { type: new graphQL.GraphQLList(info.collections.events!.graphQL!.type) },
      totalDocs: { type: graphQL.GraphQLInt },
    },
    name,
  })

/** GET /api/events/upcoming?limit=&calendar=&category=&location=&featured= */
export const upcomingEvents = defineRead({
  args: {
    calendar: ref('a calendar id or slug'),
    category: ref('an event category id or slug'),
    featured: { description: 'true: featured events only; false: the others', type: 'boolean' },
    limit: limitArg,
    location: ref('a venue id or slug'),
  },
  description: 'Events with an occurrence beginning after now, soonest first (recurring ones by their next repeat).',
  name: 'upcomingEvents',
  path: '/upcoming',
  resolve: async (req, { limit, ...filters }, context) => {
    const at = now()
    const candidates = await candidatesAround(req, at, 'after')
    const upcoming = (await visibleWithOccurrences(req, candidates, filterWhere(filters)))
      .filter((doc) => doc.nextOccurrence?.start)
      .sort(
        (a, b) =>
          time(a.nextOccurrence!.start) - time(b.nextOccurrence!.start) || String(a.id).localeCompare(String(b.id)),
      )
    const docs = await inOrder(
      req,
      upcoming.slice(0, limit ?? 10).map((doc) => String(doc.id)),
      context,
    )
    return { docs, totalDocs: upcoming.length }
  },
  returns: { shape: 'custom', type: (graphQL, info) => eventList('UpcomingEvents', graphQL, info) },
})

/** GET /api/events/past?limit=&calendar= */
export const pastEvents = defineRead({
  args: { calendar: ref('a calendar id or slug'), limit: limitArg },
  description: 'Events that have happened and have no occurrence ahead, the most recent first.',
  name: 'pastEvents',
  path: '/past',
  resolve: async (req, { calendar, limit }, context) => {
    const at = now()
    const candidates = await candidatesAround(req, at, 'before')
    const past = (await visibleWithOccurrences(req, candidates, filterWhere({ calendar })))
      .filter((doc) => doc.previousOccurrence?.start && !doc.nextOccurrence?.start)
      .sort(
        (a, b) =>
          time(b.previousOccurrence!.start) - time(a.previousOccurrence!.start) ||
          String(a.id).localeCompare(String(b.id)),
      )
    const docs = await inOrder(
      req,
      past.slice(0, limit ?? 10).map((doc) => String(doc.id)),
      context,
    )
    return { docs, totalDocs: past.length }
  },
  returns: { shape: 'custom', type: (graphQL, info) => eventList('PastEvents', graphQL, info) },
})

export const MAX_RANGE_DAYS = 366

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const badArgument = (name: string, rule: string): never => {
  throw new APIError(`${name}: ${rule}`, 400, undefined, true)
}

/**
 * An ISO 8601 instant; a date alone or a time without offset is read on the
 * wall clock of `zone` (a month view in Berlin asks from=2026-03-01&tz=Europe/Berlin).
 */
const parseInstant = (name: string, text: string, zone: string): Date => {
  const match = ISO.exec(text)
  if (!match) return badArgument(name, 'expected an ISO 8601 date or date-time')
  const [, y, mo, d, h = '0', mi = '0', s = '0', , offset] = match
  if (offset) {
    const date = new Date(text.replace(' ', 'T'))
    return Number.isNaN(date.getTime()) ? badArgument(name, 'expected an ISO 8601 date or date-time') : date
  }
  const floating = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)))
  // Date.UTC rolls 2026-13-01 over into 2027: a field out of range is no date
  const rolledOver =
    floating.getUTCFullYear() !== Number(y) ||
    floating.getUTCMonth() !== Number(mo) - 1 ||
    floating.getUTCDate() !== Number(d) ||
    floating.getUTCHours() !== Number(h) ||
    floating.getUTCMinutes() !== Number(mi)
  if (Number.isNaN(floating.getTime()) || rolledOver) {
    return badArgument(name, 'expected an ISO 8601 date or date-time')
  }
  return fromFloating(floating, zone)
}

type VenueSummary = Pick<EventLocation, 'address' | 'id' | 'name' | 'slug' | 'timeZone' | 'url'>

export type OccurrenceItem = {
  allDay: boolean
  calendar: string
  end: string
  event: string
  slug: string
  start: string
  /** the zone the event's times are on (venue, else calendar, else UTC) */
  timeZone: string
  title: string
  venue: null | VenueSummary
}

const isoString = { pattern: { hint: 'an ISO 8601 date or date-time', test: ISO }, type: 'string' } as const

/** GET /api/events/occurrences?from=&to=&calendar=&tz= */
export const eventOccurrences = defineRead({
  args: {
    calendar: ref('a calendar id or slug'),
    from: { ...isoString, description: 'start of the range (inclusive)', required: true },
    to: {
      ...isoString,
      description: `end of the range (exclusive); at most ${MAX_RANGE_DAYS} days after from`,
      required: true,
    },
    tz: {
      description:
        'IANA zone of the view: dates without offset are read in it, and all-day events cover its days (default UTC)',
      maxLength: 64,
      type: 'string',
    },
  },
  description: 'Every occurrence overlapping a range, recurring events expanded, sorted by start.',
  name: 'eventOccurrences',
  path: '/occurrences',
  resolve: async (req, args) => {
    const zone = args.tz === undefined ? 'UTC' : canonicalTimeZone(args.tz)
    if (!zone) return badArgument('tz', 'expected an IANA time zone name such as Europe/Berlin')
    const from = parseInstant('from', args.from, zone)
    const to = parseInstant('to', args.to, zone)
    if (to <= from) badArgument('to', 'must be after from')
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
      badArgument('to', `the range may span at most ${MAX_RANGE_DAYS} days`)
    const candidates = await candidatesBetween(req, from, to)
    if (!candidates.length)
      return { docs: [], from: from.toISOString(), timeZone: zone, to: to.toISOString(), totalDocs: 0 }
    const { docs: events } = await req.payload.find({
      collection: 'events',
      depth: 1,
      overrideAccess: false,
      pagination: false,
      populate: { 'event-locations': { address: true, name: true, slug: true, timeZone: true, url: true } },
      req,
      select: { calendar: true, slug: true, title: true, venue: true },
      where: { and: [{ id: { in: candidates } }, ...byIdOrSlug('calendar', args.calendar)] },
    })
    const schedules = await loadSchedules(
      req,
      events.map((event) => String(event.id)),
    )
    const docs: OccurrenceItem[] = []
    for (const event of events) {
      const schedule = schedules.get(String(event.id))
      if (!schedule) continue
      const venue = event.venue && typeof event.venue === 'object' ? (event.venue as VenueSummary) : null
      for (const instance of instancesBetween(schedule, from, to, zone)) {
        docs.push({
          allDay: instance.allDay,
          calendar: String(typeof event.calendar === 'object' ? event.calendar?.id : event.calendar),
          end: instance.end.toISOString(),
          event: String(event.id),
          slug: event.slug,
          start: instance.start.toISOString(),
          timeZone: schedule.zone,
          title: event.title,
          venue: venue
            ? {
                address: venue.address ?? null,
                id: venue.id,
                name: venue.name,
                slug: venue.slug,
                timeZone: venue.timeZone ?? null,
                url: venue.url ?? null,
              }
            : null,
        })
      }
    }
    // all-day occurrences sort at the beginning of their day in the view's zone
    const sortKey = (item: OccurrenceItem) =>
      item.allDay ? fromFloating(new Date(item.start), zone).getTime() : new Date(item.start).getTime()
    docs.sort((a, b) => sortKey(a) - sortKey(b) || a.title.localeCompare(b.title) || a.event.localeCompare(b.event))
    return { docs, from: from.toISOString(), timeZone: zone, to: to.toISOString(), totalDocs: docs.length }
  },
  returns: {
    shape: 'custom',
    type: (graphQL) => {
      const venue = new graphQL.GraphQLObjectType({
        fields: {
          address: { type: graphQL.GraphQLString },
          id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          name: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          slug: { type: graphQL.GraphQLString },
          timeZone: { type: graphQL.GraphQLString },
          url: { type: graphQL.GraphQLString },
        },
        name: 'EventOccurrenceInRangeVenue',
      })
      const item = new graphQL.GraphQLObjectType({
        fields: {
          allDay: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLBoolean) },
          calendar: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          end: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          event: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          slug: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          start: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          timeZone: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          title: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          venue: { type: venue },
        },
        name: 'EventOccurrenceInRange',
      })
      return new graphQL.GraphQLObjectType({
        fields: {
          docs: { type: new graphQL.GraphQLNonNull(new graphQL.GraphQLList(new graphQL.GraphQLNonNull(item))) },
          from: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          timeZone: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          to: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          totalDocs: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLInt) },
        },
        name: 'EventOccurrencesInRange',
      })
    },
  },
})

export const eventReads = [upcomingEvents, eventOccurrences, pastEvents]
