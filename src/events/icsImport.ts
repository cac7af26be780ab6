/**
 * Importing a calendar's ICS feed: events created or updated by UID,
 * venues found or created by name, rules kept as rules, and events that
 * left the feed unpublished (never deleted). Running it again on the same
 * feed writes nothing. Each event is written in its own transaction: one
 * that cannot be stored is reported and the others are kept.
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import type { Calendar } from '../../payload-types'
import { sanitize } from '../platform/markup/sanitize'
import { now } from '../platform/clock'
import { DAY } from './recurrence'
import {
  FeedUnreadable,
  type ParsedEvent,
  type ParsedOccurrence,
  type ParsedRule,
  parseIcs,
  type ParseProblem,
} from './icsParse'

export type ImportProblem = ParseProblem

export type ImportReport = {
  calendar: string
  /** events new to the calendar */
  created: number
  /** the reason the import failed as a whole (download, not a feed); absent when it ran */
  error?: string
  /** events whose recurrence the model cannot hold, stored as single occurrences */
  expanded: number
  /** events of the feed that could not be read or stored, each with why */
  failed: number
  ok: boolean
  problems: ImportProblem[]
  /** published again: back in the feed after having left it */
  republished: number
  unchanged: number
  /** imported events no longer in the feed: unpublished */
  unpublished: number
  updated: number
}

const positiveNumber = (value: string | undefined, fallback: number): number => {
  const number = Number(value)
  return Number.isFinite(number) && number > 0 ? number : fallback
}

/** How long a feed may take to answer (env ICS_FETCH_TIMEOUT_MS), its size limit (ICS_MAX_BYTES), and how far ahead endless recurrences the model cannot hold are expanded (ICS_IMPORT_HORIZON_DAYS). */
export const importSettings = () => ({
  horizonDays: positiveNumber(process.env.ICS_IMPORT_HORIZON_DAYS, 730),
  maxBytes: positiveNumber(process.env.ICS_MAX_BYTES, 5 * 1024 * 1024),
  maxExpanded: positiveNumber(process.env.ICS_IMPORT_MAX_EXPANDED, 1000),
  timeoutMs: positiveNumber(process.env.ICS_FETCH_TIMEOUT_MS, 15_000),
})

class DownloadError extends Error {}

const describe = (err: unknown): string => {
  const message = (err as { message?: unknown } | null)?.message
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  const base = typeof message === 'string' && message ? message : String(err)
  return cause ? `${base}: ${String(cause.message ?? cause.code ?? cause)}` : base
}

/** GETs the feed: http(s) only, within the timeout and size limit. */
const download = async (feedUrl: string): Promise<string> => {
  const { maxBytes, timeoutMs } = importSettings()
  let url: URL
  try {
    url = new URL(feedUrl)
  } catch {
    throw new DownloadError(`The ICS URL "${feedUrl}" is not a valid URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DownloadError('The ICS URL must be http or https.')
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const response = await fetch(url, {
      headers: {
        Accept: 'text/calendar, */*;q=0.5',
        'User-Agent': 'python.org events import (+https://www.python.org/)',
      },
      redirect: 'follow',
      signal,
    })
    if (!response.ok) {
      await response.body?.cancel()
      throw new DownloadError(`The feed answered HTTP ${response.status}.`)
    }
    const reader = response.body?.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined }
      if (done || !value) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader?.cancel()
        throw new DownloadError(`The feed is larger than the ${maxBytes}-byte limit.`)
      }
      chunks.push(value)
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
  } catch (err) {
    if (err instanceof DownloadError) throw err
    if (signal.aborted) throw new DownloadError(`The feed did not answer within ${timeoutMs} ms.`)
    throw new DownloadError(`The feed could not be downloaded: ${describe(err)}`)
  }
}

const occurrenceKey = (row: { allDay?: boolean | null; dtEnd: string; dtStart: string }) =>
  `${Boolean(row.allDay)}|${new Date(row.dtStart).toISOString()}|${new Date(row.dtEnd).toISOString()}`

type StoredRule = Omit<ParsedRule, 'byWeekday'> & { byWeekday?: null | string[]; id: string }

const iso = (value: null | string | undefined) => (value ? new Date(value).toISOString() : null)

const ruleKey = (rule: Omit<StoredRule, 'id'> | ParsedRule) =>
  JSON.stringify([
    Boolean(rule.allDay),
    iso(rule.begin),
    iso(rule.finish),
    rule.count ?? null,
    Number(rule.duration),
    Number(rule.interval),
    rule.frequency,
    [...(rule.byWeekday ?? [])].join(','),
    rule.weekOfMonth ?? null,
    rule.byMonthDay ?? null,
  ])

const HTML = /<[a-z][^>]*>/i

type Context = { calendar: Pick<Calendar, 'id' | 'timeZone'>; report: ImportReport; venues: Map<string, string> }

/** The venue called `name` in this calendar, created when missing. */
const venueFor = async (req: PayloadRequest, context: Context, name: string): Promise<string> => {
  const key = name.slice(0, 255)
  const known = context.venues.get(key)
  if (known) return known
  // overrideAccess: the import (the system, vouched for by staff) keeps venues
  const { docs } = await req.payload.find({
    collection: 'event-locations',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ name: { equals: key } }, { calendar: { equals: context.calendar.id } }] },
  })
  const id =
    docs[0]?.id ??
    (
      await req.payload.create({
        collection: 'event-locations',
        // the slug is made from the name by the collection
        data: { calendar: context.calendar.id, name: key } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).id
  context.venues.set(key, String(id))
  return String(id)
}

const eventData = async (req: PayloadRequest, context: Context, parsed: ParsedEvent) => {
  const isHtml = Boolean(parsed.description && HTML.test(parsed.description))
  return {
    contentType: isHtml ? ('HTML' as const) : ('MARKDOWN' as const),
    // feed HTML is untrusted; sanitized here exactly as the collection stores it, so an unchanged feed compares equal
    description: parsed.description ? (isHtml ? sanitize(parsed.description) : parsed.description) : null,
    timeZone: parsed.timeZone && parsed.timeZone !== (context.calendar.timeZone || 'UTC') ? parsed.timeZone : null,
    title: parsed.title.slice(0, 200),
    venue: parsed.location ? await venueFor(req, context, parsed.location) : null,
  }
}

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : value ? String(value) : null

/** Creates or updates one event of the feed (in `req`'s transaction); what it did. */
const storeEvent = async (
  req: PayloadRequest,
  context: Context,
  parsed: ParsedEvent,
): Promise<'created' | 'republished' | 'unchanged' | 'updated'> => {
  const { payload } = req
  const data = await eventData(req, context, parsed)
  // overrideAccess on every read and write below: the system keeps the calendar in step with its feed
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: {
      contentType: true,
      description: true,
      importStatus: true,
      isPublished: true,
      timeZone: true,
      title: true,
      venue: true,
    },
    where: { and: [{ calendar: { equals: context.calendar.id } }, { uid: { equals: parsed.uid } }] },
  })
  const existing = docs[0]
  let outcome: 'created' | 'republished' | 'unchanged' | 'updated' = 'unchanged'
  let id: string
  if (!existing) {
    const created = await payload.create({
      collection: 'events',
      context: { skipNotifications: true },
      // the slug is made from the title by the collection
      data: {
        ...data,
        calendar: context.calendar.id,
        importStatus: 'IN_FEED',
        isPublished: true,
        uid: parsed.uid,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    id = String(created.id)
    outcome = 'created'
  } else {
    id = String(existing.id)
    const changed =
      existing.title !== data.title ||
      (existing.description ?? null) !== data.description ||
      existing.contentType !== data.contentType ||
      (existing.timeZone ?? null) !== data.timeZone ||
      idOf(existing.venue) !== data.venue
    const back = existing.importStatus !== 'IN_FEED'
    if (changed || back) {
      await payload.update({
        collection: 'events',
        data: { ...data, ...(back ? { importStatus: 'IN_FEED', isPublished: true } : {}) },
        depth: 0,
        id,
        overrideAccess: true,
        req,
      })
      outcome = back && existing.importStatus === 'REMOVED' ? 'republished' : 'updated'
    }
  }
  const scheduleChanged = await storeSchedule(req, id, parsed)
  return outcome === 'unchanged' && scheduleChanged ? 'updated' : outcome
}

/** Makes the event's single occurrences and rules exactly the feed's: deletes what left, creates what is new. */
const storeSchedule = async (req: PayloadRequest, event: string, parsed: ParsedEvent): Promise<boolean> => {
  const { payload } = req
  const [{ docs: occurrences }, { docs: rules }] = await Promise.all([
    payload.find({
      collection: 'event-occurrences',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { event: { equals: event } },
    }),
    payload.find({
      collection: 'event-recurring-rules',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { event: { equals: event } },
    }),
  ])
  let changed = false
  const wantedOccurrences = new Map<string, ParsedOccurrence>(
    parsed.occurrences.map((row) => [occurrenceKey(row), row]),
  )
  for (const row of occurrences) {
    const key = occurrenceKey({ allDay: row.allDay, dtEnd: row.dtEnd, dtStart: row.dtStart })
    if (wantedOccurrences.has(key)) wantedOccurrences.delete(key)
    else {
      await payload.delete({ collection: 'event-occurrences', id: row.id, overrideAccess: true, req })
      changed = true
    }
  }
  for (const row of wantedOccurrences.values()) {
    await payload.create({
      collection: 'event-occurrences',
      data: { ...row, event },
      depth: 0,
      overrideAccess: true,
      req,
    })
    changed = true
  }
  const wantedRules = new Map<string, ParsedRule>(parsed.rules.map((rule) => [ruleKey(rule), rule]))
  for (const rule of rules) {
    const key = ruleKey(rule as unknown as StoredRule)
    if (wantedRules.has(key)) wantedRules.delete(key)
    else {
      await payload.delete({ collection: 'event-recurring-rules', id: rule.id, overrideAccess: true, req })
      changed = true
    }
  }
  for (const rule of wantedRules.values()) {
    await payload.create({
      collection: 'event-recurring-rules',
      data: { ...rule, byWeekday: rule.byWeekday as never, event },
      depth: 0,
      overrideAccess: true,
      req,
    })
    changed = true
  }
  return changed
}

const problemOf = (parsed: ParsedEvent, err: unknown): ImportProblem => ({
  message:
    err instanceof ValidationError
      ? err.data.errors.map((problem) => `${problem.path}: ${problem.message}`).join(', ')
      : describe(err),
  summary: parsed.title,
  uid: parsed.uid,
})

/** Runs `work` in a transaction of its own (one event: all of it or nothing). */
const inTransaction = async <T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> => {
  const req = await createLocalReq({}, payload)
  const owned = await initTransaction(req)
  try {
    const result = await work(req)
    if (owned) await commitTransaction(req)
    return result
  } catch (err) {
    if (owned) await killTransaction(req)
    throw err
  }
}

/**
 * Unpublishes the imported events of the calendar the feed no longer has (or
 * has cancelled). Only events the import brought in: staff's own events in
 * the same calendar are left alone.
 */
const unpublishRemoved = async (payload: Payload, calendar: string, present: Set<string>): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { uid: true },
    where: { and: [{ calendar: { equals: calendar } }, { importStatus: { equals: 'IN_FEED' } }] },
  })
  let count = 0
  for (const doc of docs) {
    if (doc.uid && present.has(doc.uid)) continue
    await payload.update({
      collection: 'events',
      data: { importStatus: 'REMOVED', isPublished: false },
      depth: 0,
      id: doc.id,
      overrideAccess: true,
    })
    count += 1
  }
  return count
}

const ERROR_MAX = 4000

/**
 * Imports the calendar's ICS URL now. Never throws for a broken feed: the
 * failure (or the events that could not be taken) is recorded on the
 * calendar (lastImported, lastImportError, lastImportSummary) and returned.
 */
export const importCalendar = async (payload: Payload, calendarId: string): Promise<ImportReport> => {
  const report: ImportReport = {
    calendar: calendarId,
    created: 0,
    expanded: 0,
    failed: 0,
    ok: false,
    problems: [],
    republished: 0,
    unchanged: 0,
    unpublished: 0,
    updated: 0,
  }
  // overrideAccess: the system reads the calendar it was asked to import
  const calendar = await payload.findByID({ collection: 'calendars', depth: 0, id: calendarId, overrideAccess: true })
  try {
    if (!calendar.icsUrl) throw new DownloadError('The calendar has no ICS URL.')
    const source = await download(calendar.icsUrl)
    const { horizonDays, maxExpanded } = importSettings()
    const feed = parseIcs(source, {
      calendarZone: calendar.timeZone || 'UTC',
      horizon: new Date(now().getTime() + horizonDays * DAY),
      maxExpanded,
    })
    report.problems.push(...feed.problems)
    report.failed += feed.problems.length
    const context: Context = { calendar, report, venues: new Map() }
    for (const parsed of feed.events) {
      try {
        const outcome = await inTransaction(payload, (req) => storeEvent(req, context, parsed))
        report[outcome] += 1
        if (parsed.expanded) report.expanded += 1
        if (parsed.truncated) {
          report.problems.push({
            message: `its recurrence cannot be kept as a rule; expanded into single occurrences up to ${importSettings().horizonDays} days ahead (imports extend it)`,
            summary: parsed.title,
            uid: parsed.uid,
          })
        }
      } catch (err) {
        report.failed += 1
        report.problems.push(problemOf(parsed, err))
        context.venues.clear()
      }
    }
    const present = new Set(feed.uids.filter((uid) => !feed.cancelled.includes(uid)))
    report.unpublished = await unpublishRemoved(payload, calendar.id, present)
    report.ok = true
  } catch (err) {
    report.error = err instanceof FeedUnreadable || err instanceof DownloadError ? err.message : describe(err)
    payload.logger.warn({ calendar: calendarId, err, msg: 'calendar import failed' })
  }
  const { problems, ...counts } = report
  const error =
    report.error ??
    (problems.length ? problems.map((p) => `${p.uid ?? p.summary ?? '(no UID)'}: ${p.message}`).join('\n') : null)
  await payload.update({
    collection: 'calendars',
    data: {
      lastImportError: error ? error.slice(0, ERROR_MAX) : null,
      lastImportSummary: { ...counts, problems: problems.slice(0, 100) },
      lastImported: now().toISOString(),
    },
    depth: 0,
    id: calendar.id,
    overrideAccess: true,
  })
  return report
}

/** Every calendar with an ICS URL, one after another; one calendar's failure never stops the others. */
export const importAllCalendars = async (payload: Payload): Promise<ImportReport[]> => {
  const { docs } = await payload.find({
    collection: 'calendars',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { icsUrl: true },
    sort: 'name',
    where: { icsUrl: { exists: true } },
  })
  const reports: ImportReport[] = []
  for (const calendar of docs) if (calendar.icsUrl) reports.push(await importCalendar(payload, String(calendar.id)))
  return reports
}
