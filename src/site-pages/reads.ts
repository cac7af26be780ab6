import { normalizePagePath } from '../../fields/pagePath'
import { defineRead } from '../platform/reads'

/**
 * GET /api/pages/by-path?path=/about/psf/: resolves a URL path to the page
 * in one request (published only, unless the caller is staff). Paths are
 * normalised as on save, so `/about/psf/`, `about/psf` and `/About/PSF` agree.
 */
export const pageByPath = defineRead({
  args: { path: { description: 'the URL path, e.g. /about/psf/', maxLength: 1000, required: true, type: 'string' } },
  description: 'The page at a URL path (published pages only, unless the caller is staff).',
  name: 'pageByPath',
  notFound: ({ path }) => `No page at "${normalizePagePath(path)}"`,
  path: '/by-path',
  resolve: async (req, { path }, { depth }) => {
    const { docs } = await req.payload.find({
      collection: 'pages',
      depth,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: { path: { equals: normalizePagePath(path) } },
    })
    return docs[0] ?? null
  },
  returns: { collection: 'pages', shape: 'doc' },
})

export const pageReads = [pageByPath]
