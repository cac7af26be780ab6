/**
 * python.org's events models (Django dumpdata rows) as this project's
 * collections. The importer (seed/) runs these in `dependsOn` order and
 * keeps each row's pk as `legacyId`.
 *
 * - events.calendar      -> calendars (its `url` is the ICS import URL)
 * - events.eventcategory -> event-categories
 * - events.eventlocation -> event-locations
 * - events.event         -> events (python.org had no publish flag: every event was public)
 * - events.occurringrule -> event-occurrences (all-day: first and last day, as python.org kept them)
 * - events.recurringrule -> event-recurring-rules (dateutil's frequency numbers, Django's duration)
 */
import type { DjangoRow, ImportContext, ModelMapper } from '../platform/djangoImport'
import { fromFloating } from './timeZones'
import type { Frequency } from './recurrence'

type Fields = Record<string, unknown>

const str = (value: unknown): null | string => (typeof value === 'string' && value.trim() ? value : null)

/** A Django datetime: aware ("...Z", "+02:00") as is; naive in the site's zone. */
export const djangoDateTime = (value: unknown, context: ImportContext): null | string => {
  if (typeof value !== 'string' || !value) return null
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return new Date(value).toISOString()
  const [date, time = '00:00:00'] = value.split(/[T ]/)
  const [y, m, d] = date!.split('-').map(Number)
  const [h, mi, s] = time.split(':').map(Number)
  const floating = new Date(Date.UTC(y!, m! - 1, d!, h ?? 0, mi ?? 0, Math.floor(s ?? 0)))
  return fromFloating(floating, context.siteTimeZone).toISOString()
}

/** Django's DurationField as dumped ("[-][D ]HH:MM:SS[.ffffff]", or "P..." ISO 8601 from newer serializers), in minutes. */
export const djangoDurationMinutes = (value: unknown): null | number => {
  if (typeof value !== 'string') return null
  const classic = /^(-)?(?:(\d+) (?:days?, )?)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(value.trim())
  if (classic) {
    const [, minus, days = '0', h, m, s] = classic
    const minutes = Number(days) * 1440 + Number(h) * 60 + Number(m) + Math.round(Number(s) / 60)
    return minus ? -minutes : minutes
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim())
  if (iso) {
    const [, days = '0', h = '0', m = '0', s = '0'] = iso
    return Number(days) * 1440 + Number(h) * 60 + Number(m) + Math.round(Number(s) / 60)
  }
  return null
}

/** dateutil.rrule's constants, which python.org stored. */
const FREQUENCY: Record<number, Frequency> = { 0: 'YEARLY', 1: 'MONTHLY', 2: 'WEEKLY', 3: 'DAILY' }

const MARKUP: Record<string, 'HTML' | 'MARKDOWN' | 'RESTRUCTUREDTEXT'> = {
  html: 'HTML',
  markdown: 'MARKDOWN',
  restructuredtext: 'RESTRUCTUREDTEXT',
}

const contentManaged = async (fields: Fields, context: ImportContext) => ({
  created: djangoDateTime(fields.created, context),
  creator: fields.creator ? await context.resolve('users.user', fields.creator) : null,
  lastModifiedBy: fields.last_modified_by ? await context.resolve('users.user', fields.last_modified_by) : null,
  updated: djangoDateTime(fields.updated, context),
})

export const calendarMapper: ModelMapper = {
  collection: 'calendars',
  dependsOn: ['users.user'],
  model: 'events.calendar',
  toData: async ({ fields }, context) => ({
    ...(await contentManaged(fields, context)),
    description: str(fields.description),
    embed: str(fields.embed),
    icsUrl: str(fields.url),
    name: fields.name,
    rss: str(fields.rss),
    slug: fields.slug,
    twitter: str(fields.twitter),
  }),
}

export const eventCategoryMapper: ModelMapper = {
  collection: 'event-categories',
  dependsOn: ['events.calendar'],
  model: 'events.eventcategory',
  toData: async ({ fields }, context) => ({
    calendar: await context.resolve('events.calendar', fields.calendar),
    name: fields.name,
    slug: fields.slug,
  }),
}

export const eventLocationMapper: ModelMapper = {
  collection: 'event-locations',
  dependsOn: ['events.calendar'],
  model: 'events.eventlocation',
  toData: async ({ fields }, context) => ({
    address: str(fields.address),
    calendar: fields.calendar ? await context.resolve('events.calendar', fields.calendar) : null,
    name: fields.name,
    url: str(fields.url),
  }),
}

export const eventMapper: ModelMapper = {
  collection: 'events',
  dependsOn: ['users.user', 'events.calendar', 'events.eventcategory', 'events.eventlocation'],
  model: 'events.event',
  toData: async (row: DjangoRow, context) => {
    const { fields } = row
    const markup =
      typeof fields.description_markup_type === 'string' ? fields.description_markup_type : 'restructuredtext'
    if (!MARKUP[markup])
      context.skip(row, 'description_markup_type', `"${markup}" is not a markup we render; kept as reStructuredText`)
    const categories = Array.isArray(fields.categories) ? fields.categories : []
    const uid = str(fields.uid)
    return {
      ...(await contentManaged(fields, context)),
      calendar: await context.resolve('events.calendar', fields.calendar),
      categories: (await Promise.all(categories.map((key) => context.resolve('events.eventcategory', key)))).filter(
        Boolean,
      ),
      contentType: MARKUP[markup] ?? 'RESTRUCTUREDTEXT',
      description: typeof fields.description === 'string' ? fields.description : null,
      featured: Boolean(fields.featured),
      // events with a UID came from the calendar's ICS feed: later imports keep them in step with it
      ...(uid ? { importStatus: 'IN_FEED', uid } : {}),
      isPublished: true,
      title: fields.title,
      venue: fields.venue ? await context.resolve('events.eventlocation', fields.venue) : null,
    }
  },
}

export const occurringRuleMapper: ModelMapper = {
  collection: 'event-occurrences',
  dependsOn: ['events.event'],
  model: 'events.occurringrule',
  toData: async ({ fields }, context) => ({
    allDay: Boolean(fields.all_day),
    dtEnd: djangoDateTime(fields.dt_end, context),
    dtStart: djangoDateTime(fields.dt_start, context),
    event: await context.resolve('events.event', fields.event),
  }),
}

export const recurringRuleMapper: ModelMapper = {
  collection: 'event-recurring-rules',
  dependsOn: ['events.event'],
  model: 'events.recurringrule',
  toData: async (row: DjangoRow, context) => {
    const { fields } = row
    const begin = djangoDateTime(fields.begin, context)
    let finish = djangoDateTime(fields.finish, context)
    let count: null | number = null
    // python.org defaulted both to "now": a rule that finishes when it begins happens once
    if (begin && finish && new Date(finish) <= new Date(begin)) {
      context.skip(row, 'finish', 'not after begin: imported as a single repeat (count 1)')
      finish = null
      count = 1
    }
    let duration = djangoDurationMinutes(fields.duration_internal)
    if (duration === null || duration <= 0) {
      context.skip(
        row,
        'duration_internal',
        `"${String(fields.duration_internal)}" is no positive duration; 15 minutes (python.org's default) used`,
      )
      duration = 15
    }
    const frequency = FREQUENCY[Number(fields.frequency)]
    if (!frequency)
      context.skip(
        row,
        'frequency',
        `${String(fields.frequency)} is no dateutil frequency; WEEKLY (python.org's default) used`,
      )
    return {
      allDay: Boolean(fields.all_day),
      begin,
      count,
      duration,
      event: await context.resolve('events.event', fields.event),
      finish,
      frequency: frequency ?? 'WEEKLY',
      interval: Math.max(1, Number(fields.interval) || 1),
    }
  },
}

export const eventMappers: ModelMapper[] = [
  calendarMapper,
  eventCategoryMapper,
  eventLocationMapper,
  eventMapper,
  occurringRuleMapper,
  recurringRuleMapper,
]
