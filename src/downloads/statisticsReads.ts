/**
 * Download totals for staff (GET /api/download-statistics/totals, GraphQL
 * `downloadTotals`): counts summed per release, OS or day over a day range.
 * One aggregate query in SQL (no document list to page through), so access
 * is checked up front: staff only.
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError } from 'payload'

import { userIsStaff } from '../../access/roles'
import { execute } from '../platform/db/sql'
import { defineRead } from '../platform/reads'

const GROUPS = {
  day: sql`to_char(s.date AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  os: sql`o.slug`,
  release: sql`r.slug`,
} as const

export const downloadTotals = defineRead({
  args: {
    from: { description: 'first day counted, YYYY-MM-DD (UTC)', type: 'date' },
    groupBy: {
      description: 'release (the default), os or day',
      type: 'enum',
      values: ['release', 'os', 'day'] as const,
    },
    release: { collection: 'releases', description: 'count this release only', type: 'id' },
    to: { description: 'last day counted, YYYY-MM-DD (UTC)', type: 'date' },
  },
  authorize: (req) => {
    if (!userIsStaff(req)) {
      throw new APIError('Download statistics are for staff only.', req.user ? 403 : 401, undefined, true)
    }
  },
  description: 'Staff only: download counts summed per release, OS or day, over an optional day range.',
  name: 'downloadTotals',
  path: '/totals',
  resolve: async (req, { from, groupBy = 'release', release, to }) => {
    if (from && to && from > to) throw new APIError('from: must not be after to', 400, undefined, true)
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
    return { groupBy, totals: rows.map((row) => ({ downloads: Number(row.downloads), key: String(row.key) })) }
  },
  returns: {
    shape: 'custom',
    type: (graphQL) =>
      new graphQL.GraphQLObjectType({
        fields: {
          groupBy: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
          totals: {
            type: new graphQL.GraphQLNonNull(
              new graphQL.GraphQLList(
                new graphQL.GraphQLNonNull(
                  new graphQL.GraphQLObjectType({
                    fields: {
                      // Float: an all-time total can pass GraphQL Int's 2^31
                      downloads: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLFloat) },
                      key: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
                    },
                    name: 'DownloadTotal',
                  }),
                ),
              ),
            ),
          },
        },
        name: 'DownloadTotals',
      }),
  },
})

export const statisticsReads = [downloadTotals]
