import { APIError, type PayloadRequest, type SelectType } from 'payload'

import { normalizePagePath } from '../../fields/pagePath'
import { ancestorPaths } from '../../hooks/pages/pageTree'
import { readQuery } from '../platform/readQuery'
import { defineRead, type ReadContext } from '../platform/reads'

const pathArg = <R extends boolean>(description: string, required: R) =>
  ({ description, maxLength: 1000, required, type: 'string' }) as const

/** What navigation shows of a page by default (REST; `select[...]` asks for more). */
export const NAVIGATION_SELECT = { order: true, path: true, title: true } as const

/** A page the caller may see, by its normalised path (published only, unless the caller is staff). */
const visiblePage = async (req: PayloadRequest, path: string) => {
  const { docs } = await req.payload.find({
    collection: 'pages',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    select: { path: true },
    where: { path: { equals: path } },
  })
  return docs[0] ?? null
}

/** A select that also reads `path`: include mode gets it added, exclude mode loses any `path: false`. */
const withPath = (select: SelectType): SelectType | undefined => {
  const { path: _path, ...rest } = select
  if (!Object.keys(rest).length) return undefined
  return Object.values(rest).some((value) => value === true) ? { ...rest, path: true } : rest
}

/** REST: a 404 naming the path; GraphQL: null. */
const noPage = (path: string, { via }: ReadContext) => {
  if (via === 'rest') throw new APIError(`No page at "${path}"`, 404, undefined, true)
  return null
}

/**
 * GET /api/pages/by-path?path=/about/psf/: resolves a URL path to the page
 * in one request (published only, unless the caller is staff). Paths are
 * normalised as on save, so `/about/psf/`, `about/psf` and `/About/PSF` agree.
 */
export const pageByPath = defineRead({
  args: { path: pathArg('the URL path, e.g. /about/psf/', true) },
  description: 'The page at a URL path (published pages only, unless the caller is staff).',
  name: 'pageByPath',
  notFound: ({ path }) => `No page at "${normalizePagePath(path)}"`,
  path: '/by-path',
  resolve: async (req, { path }, context) => {
    const { docs } = await req.payload.find({
      collection: 'pages',
      depth: context.depth,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: { path: { equals: normalizePagePath(path) } },
      ...readQuery(req, context),
    })
    return docs[0] ?? null
  },
  returns: { collection: 'pages', shape: 'doc' },
})

/**
 * GET /api/pages/children?path=about: the pages right below a page (those
 * whose parent it is), by `order` then title, in pages; without a path (or
 * `path=/`), the top-level pages. Published pages only unless the caller is
 * staff, and a page the caller may not see has no children for them (404).
 */
export const pageChildren = defineRead({
  args: {
    limit: { description: 'pages per page (default 100)', max: 500, min: 1, type: 'int' },
    page: { description: 'the page of results, from 1', max: 100_000, min: 1, type: 'int' },
    path: pathArg('the parent page’s URL path, e.g. /about/ (none: the top-level pages)', false),
  },
  description: 'The pages right below a page (its children), in navigation order; the top-level pages without a path.',
  name: 'pageChildren',
  path: '/children',
  resolve: async (req, { limit, page, path }, context) => {
    const normalised = normalizePagePath(path ?? '')
    let parent: null | string = null
    if (normalised) {
      const found = await visiblePage(req, normalised)
      if (!found) return noPage(normalised, context)
      parent = found.id
    }
    return req.payload.find({
      collection: 'pages',
      depth: context.depth,
      limit: limit ?? 100,
      overrideAccess: false,
      page: page ?? 1,
      req,
      sort: ['order', 'title', 'path'],
      where: parent ? { parent: { equals: parent } } : { parent: { exists: false } },
      ...readQuery(req, context, { select: NAVIGATION_SELECT }),
    })
  },
  returns: { collection: 'pages', shape: 'paginated' },
})

/**
 * GET /api/pages/breadcrumbs?path=about/psf/board: the trail from the top to
 * the page, the page last: every page above it by path that the caller may
 * see (a draft page above a published one is left out of the public trail),
 * then the page. 404 when the caller may not see the page itself.
 */
export const pageBreadcrumbs = defineRead({
  args: { path: pathArg('the URL path of the page, e.g. /about/psf/board/', true) },
  description: 'The pages above a page, from the top, and the page itself last (pages the caller may see).',
  name: 'pageBreadcrumbs',
  path: '/breadcrumbs',
  resolve: async (req, { path }, context) => {
    const normalised = normalizePagePath(path)
    const trail = [...ancestorPaths(normalised), normalised]
    const { populate, select } = readQuery(req, context, { select: NAVIGATION_SELECT })
    const { docs } = await req.payload.find({
      collection: 'pages',
      depth: context.depth,
      limit: trail.length,
      overrideAccess: false,
      pagination: false,
      populate,
      req,
      // the trail is put in order by path, so the path is read whatever `select` says
      select: select && withPath(select),
      where: { path: { in: trail } },
    })
    const byPath = new Map(docs.map((doc) => [doc.path, doc]))
    if (!byPath.has(normalised)) return noPage(normalised, context)
    // a list read answers { docs } in REST and GraphQL alike
    return { docs: trail.flatMap((candidate) => byPath.get(candidate) ?? []) }
  },
  returns: { collection: 'pages', shape: 'list' },
})

export const pageReads = [pageByPath, pageChildren, pageBreadcrumbs]
