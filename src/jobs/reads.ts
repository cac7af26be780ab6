/**
 * Job board reads beyond the list filters (GET /api/jobs?where[...]):
 * full-text search (GET /api/jobs/search?q=django, GraphQL `searchJobs`).
 */
import { sql } from '@payloadcms/db-postgres'

import { execute } from '../platform/db/sql'
import { defineRead } from '../platform/reads'

/** How many matching ids the text search hands on to the access-checked query. */
const SEARCH_CAP = 1000

export const searchJobs = defineRead({
  args: {
    limit: { description: 'jobs per page (default 20)', max: 100, min: 1, type: 'int' },
    page: { description: 'page number (default 1)', min: 1, type: 'int' },
    q: {
      description: 'the search text: words, "a phrase", -excluded (web search syntax)',
      maxLength: 200,
      required: true,
      type: 'string',
    },
  },
  description:
    'Full-text search over job title, company and description (English stemming), newest first; only jobs the caller may read.',
  name: 'searchJobs',
  path: '/search',
  /**
   * PostgreSQL full-text search (the expression index jobs_search_idx) finds
   * the candidates; the ordinary access-checked query pages through them,
   * so nobody finds what they could not read.
   */
  resolve: async (req, { limit = 20, page = 1, q }, { depth }) => {
    const rows = await execute(
      req,
      sql`SELECT id FROM jobs
          WHERE to_tsvector('english', coalesce(job_title, '') || ' ' || coalesce(company_name, '') || ' ' || coalesce(description, ''))
                @@ websearch_to_tsquery('english', ${q})
          ORDER BY created_at DESC
          LIMIT ${SEARCH_CAP}`,
    )
    const ids = rows.map((row) => String(row.id))
    if (!ids.length) {
      return {
        docs: [],
        hasNextPage: false,
        hasPrevPage: false,
        limit,
        nextPage: null,
        page,
        pagingCounter: 0,
        prevPage: null,
        totalDocs: 0,
        totalPages: 0,
      }
    }
    return req.payload.find({
      collection: 'jobs',
      depth,
      limit,
      overrideAccess: false,
      page,
      req,
      sort: '-createdAt',
      where: { id: { in: ids } },
    })
  },
  returns: { collection: 'jobs', shape: 'paginated' },
})

export const jobReads = [searchJobs]
