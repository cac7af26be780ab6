import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint } from 'payload'

import { startOfTodayUtc } from '../platform/clock'
import { execute } from '../platform/db/sql'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
