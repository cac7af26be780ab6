import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint } from 'payload'

import { userIsStaff } from '../../access/roles'
import { startOfTodayUtc } from '../platform/clock'
import { execute } from '../platform/db/sql'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day: Date.parse accepts 2025-02-30 (as March 2), PostgreSQL does not. */
const isDay = (value: string) => {
  if (!DAY.test(value)) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}


/**
 * POST /api/release-files/:id/download: counts one download of a visible
 * file, today. One statement, ON CONFLICT on the (file, day) unique index,
 * so concurrent downloads never lose a count.
 */
export const recordDownloadEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    if (!UUID.test(id)) throw new APIError('id: not a release file id', 400, undefined, true)
    // the caller must be able to see the file (unpublished releases stay hidden)
    const visible = await req.payload.count({
      collection: 'release-files',
      overrideAccess: false,
      req,
      where: { id: { equals: id } },
    })
    if (!visible.totalDocs) throw new APIError('No such release file', 404, undefined, true)
    const [row] = await execute(
      req,
      sql`INSERT INTO download_statistics (id, release_file_id, date, download_count, created_at, updated_at)
          VALUES (gen_random_uuid(), ${id}, ${startOfTodayUtc().toISOString()}, 1, now(), now())
          ON CONFLICT (release_file_id, date)
          DO UPDATE SET download_count = download_statistics.download_count + 1, updated_at = now()
          RETURNING download_count`,
    )
    return Response.json({ downloadCount: Number(row!.download_count) })
  },
}

const GROUPS = {
  day: sql`to_char(s.date AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  os: sql`o.slug`,
  release: sql`r.slug`,
} as const

/**
 * GET /api/download-statistics/totals?groupBy=release|os|day[&release=<id>][&from=YYYY-MM-DD][&to=YYYY-MM-DD]
 * Staff only: download totals, grouped, for a day range.
 */
export const downloadTotalsEndpoint: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) => {
    if (!userIsStaff(req))
      throw new APIError('Download statistics are for staff only.', req.user ? 403 : 401, undefined, true)
    const groupBy = (req.searchParams.get('groupBy') ?? 'release') as keyof typeof GROUPS
    if (!Object.hasOwn(GROUPS, groupBy))
      throw new APIError('groupBy: expected release, os or day', 400, undefined, true)
    const from = req.searchParams.get('from')
    const to = req.searchParams.get('to')
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== null && !isDay(value))
        throw new APIError(`${name}: expected a date as YYYY-MM-DD`, 400, undefined, true)
    }
    if (from && to && from > to) throw new APIError('from: must not be after to', 400, undefined, true)
    const release = req.searchParams.get('release')
    if (release !== null && !UUID.test(release)) throw new APIError('release: not a release id', 400, undefined, true)
    const key = GROUPS[groupBy]
    const rows = await execute(
      req,
      sql`SELECT ${key} AS key, SUM(s.download_count)::bigint AS downloads
          FROM download_statistics s
          JOIN release_files f ON f.id = s.release_file_id
          JOIN releases r ON r.id = f.release_id
          JOIN download_os o ON o.id = f.os_id
          WHERE true
          ${from ? sql`AND s.date >= ${`${from}T00:00:00Z`}` : sql``}
          ${to ? sql`AND s.date < (${`${to}T00:00:00Z`}::timestamptz + interval '1 day')` : sql``}
          ${release ? sql`AND r.id = ${release}` : sql``}
          GROUP BY 1
          ORDER BY 1`,
    )
    return Response.json({
      groupBy,
      totals: rows.map((row) => ({ downloads: Number(row.downloads), key: String(row.key) })),
    })
  },
}
