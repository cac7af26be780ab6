/**
 * Reading events' schedules (single occurrences, recurring rules and the zone
 * they recur in) for many events in ONE query, and the prefilters the reads
 * use so that only events that can have an occurrence in a window are
 * expanded at all.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { execute } from '../platform/db/sql'
import { type Frequency, type Instance, nextAndPrevious, type Schedule, ZONE_MARGIN_MS } from './recurrence'

type Row = { id: string; occurrences: unknown; rules: unknown; zone: null | string }

const asArray = (value: unknown): Record<string, any>[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? (JSON.parse(value) as Record<string, any>[]) : []

const toSchedule = (row: Row): Schedule => ({
  occurrences: asArray(row.occurrences).map((o) => ({
    allDay: Boolean(o.allDay),
    createdAt: new Date(o.createdAt),
    dtEnd: new Date(o.dtEnd),
    dtStart: new Date(o.dtStart),
    id: o.id,
  })),
  rules: asArray(row.rules).map((r) => ({
    allDay: Boolean(r.allDay),
    begin: new Date(r.begin),
    byMonthDay: r.byMonthDay === null || r.byMonthDay === undefined ? null : Number(r.byMonthDay),
    byWeekday: Array.isArray(r.byWeekday) ? r.byWeekday : null,
    count: r.count === null || r.count === undefined ? null : Number(r.count),
    createdAt: new Date(r.createdAt),
    duration: Number(r.duration),
    finish: r.finish ? new Date(r.finish) : null,
    frequency: r.frequency as Frequency,
    id: r.id,
    interval: Number(r.interval) || 1,
    weekOfMonth: r.weekOfMonth === null || r.weekOfMonth === undefined ? null : Number(r.weekOfMonth),
  })),
  zone: row.zone || 'UTC',
})

/** The schedules of `ids` (whatever their access: callers have already read the events). */
export const loadSchedules = async (req: PayloadRequest, ids: string[]): Promise<Map<string, Schedule>> => {
  const result = new Map<string, Schedule>()
  if (!ids.length) return result
  const rows = (await execute(
    req,
    sql`
      SELECT e.id,
        COALESCE(NULLIF(e.time_zone, ''), NULLIF(v.time_zone, ''), NULLIF(c.time_zone, '')) AS zone,
        (SELECT json_agg(json_build_object(
            'id', o.id, 'dtStart', o.dt_start, 'dtEnd', o.dt_end, 'allDay', o.all_day, 'createdAt', o.created_at))
          FROM event_occurrences o WHERE o.event_id = e.id) AS occurrences,
        (SELECT json_agg(json_build_object(
            'id', r.id, 'createdAt', r.created_at, 'begin', r.begin, 'finish', r.finish, 'count', r.count, 'duration', r.duration,
            'interval', r."interval", 'frequency', r.frequency, 'allDay', r.all_day,
            'weekOfMonth', r.week_of_month, 'byMonthDay', r.by_month_day,
            'byWeekday', (SELECT json_agg(w.value ORDER BY w."order") FROM event_recurring_rules_by_weekday w WHERE w.parent_id = r.id)))
          FROM event_recurring_rules r WHERE r.event_id = e.id) AS rules
      FROM events e
      LEFT JOIN event_locations v ON v.id = e.venue_id
      LEFT JOIN calendars c ON c.id = e.calendar_id
      WHERE e.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    `,
  )) as Row[]
  for (const row of rows) result.set(String(row.id), toSchedule(row))
  return result
}

type Pending = { ids: Set<string>; promise: Promise<Map<string, Schedule>> }

const pendingByRequest = new WeakMap<object, Pending>()

/**
 * The schedule of one event, batched: every call made while Payload runs the
 * afterRead hooks of a list (it starts them all before awaiting any) joins
 * one query. Nothing is cached past that batch, so a read after a write in
 * the same request sees the write.
 */
export const scheduleOf = (req: PayloadRequest, id: string): Promise<Schedule | undefined> => {
  let pending = pendingByRequest.get(req)
  if (!pending) {
    const ids = new Set<string>()
    const promise = new Promise<Map<string, Schedule>>((resolve, reject) => {
      setImmediate(() => {
        if (pendingByRequest.get(req) === pending) pendingByRequest.delete(req)
        loadSchedules(req, [...ids]).then(resolve, reject)
      })
    })
    pending = { ids, promise }
    pendingByRequest.set(req, pending)
  }
  pending.ids.add(id)
  return pending.promise.then((schedules) => schedules.get(id))
}

export type NextPrevious = { next: Instance | null; previous: Instance | null }

export const nextPreviousOf = async (req: PayloadRequest, id: string, now: Date): Promise<NextPrevious> => {
  const schedule = await scheduleOf(req, id)
  return schedule ? nextAndPrevious(schedule, now) : { next: null, previous: null }
}

const margin = (date: Date, sign: -1 | 1) => new Date(date.getTime() + sign * ZONE_MARGIN_MS)

/**
 * Events that may have an occurrence overlapping [from, to) (a superset: the
 * exact answer comes from expanding their schedules). Open-ended rules and
 * rules with a count are always candidates once begun before `to`.
 */
export const candidatesBetween = async (req: PayloadRequest, from: Date, to: Date): Promise<string[]> => {
  const low = margin(from, -1).toISOString()
  const high = margin(to, 1).toISOString()
  const rows = await execute(
    req,
    sql`
      SELECT DISTINCT event_id AS id FROM event_occurrences WHERE dt_start < ${high} AND dt_end >= ${low}
      UNION
      SELECT DISTINCT event_id AS id FROM event_recurring_rules
        WHERE begin < ${high} AND (finish IS NULL OR count IS NOT NULL OR finish + make_interval(mins => duration::int) >= ${low})
    `,
  )
  return rows.map((row) => String(row.id))
}

/** Events that may begin after `now` (upcoming) or may have begun by it (past). */
export const candidatesAround = async (
  req: PayloadRequest,
  now: Date,
  direction: 'after' | 'before',
): Promise<string[]> => {
  const low = margin(now, -1).toISOString()
  const high = margin(now, 1).toISOString()
  const rows =
    direction === 'after'
      ? await execute(
          req,
          sql`
            SELECT DISTINCT event_id AS id FROM event_occurrences WHERE dt_start >= ${low}
            UNION
            SELECT DISTINCT event_id AS id FROM event_recurring_rules WHERE finish IS NULL OR count IS NOT NULL OR finish >= ${low}
          `,
        )
      : await execute(
          req,
          sql`
            SELECT DISTINCT event_id AS id FROM event_occurrences WHERE dt_start <= ${high}
            UNION
            SELECT DISTINCT event_id AS id FROM event_recurring_rules WHERE begin <= ${high}
          `,
        )
  return rows.map((row) => String(row.id))
}
