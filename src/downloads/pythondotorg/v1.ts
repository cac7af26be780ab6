import type { Endpoint, PayloadRequest } from 'payload'

import { authenticateV1, requireStaff } from './auth'
import { badRequest } from './errors'
import { buildWhere, NO_MATCH } from './filters'
import { objectHandlers } from './objectHandlers'
import { actAs, deleteFilesOfRelease, idForLegacyId, readList, type Window } from './operations'
import { listUri, RESOURCES, type ResourceName } from './resources'
import { endpointsFor, type Handler } from './routes'
import { SERIALIZERS } from './serializers'

/**
 * python.org's API v1 (tastypie): `{meta, objects}` lists, `ApiKey` header
 * authentication, POST on lists, DELETE on details and on the release-file
 * list of one release. See docs/pythondotorg-api.md.
 */
type Writable = Exclude<ResourceName, 'page'>

const DEFAULT_LIMIT = 20
/** Tastypie's max_limit: `limit=0` (all) and anything larger return this many. */
const MAX_LIMIT = 1000

const wholeNumber = (params: URLSearchParams, name: string, fallback: number): number => {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^\d{1,9}$/.test(raw.trim())) throw badRequest(`Invalid ${name}: "${raw}" (expected a whole number, 0 or more).`)
  return Number(raw.trim())
}

const windowOf = (params: URLSearchParams): Window => {
  const limit = wholeNumber(params, 'limit', DEFAULT_LIMIT)
  return { limit: !limit || limit > MAX_LIMIT ? MAX_LIMIT : limit, offset: wholeNumber(params, 'offset', 0) }
}

/** The list URI for another window, keeping the caller's filters. */
const windowUri = (req: PayloadRequest, resource: ResourceName, { limit, offset }: Window): string => {
  const params = new URLSearchParams(req.searchParams)
  params.set('limit', String(limit))
  params.set('offset', String(offset))
  return `${listUri('v1', resource)}?${params.toString()}`
}

const { context, create, detail, remove } = objectHandlers('v1', authenticateV1)

const list =
  (resource: ResourceName): Handler =>
  async (req) => {
    const actor = actAs(req, await authenticateV1(req))
    const window = windowOf(req.searchParams)
    const where = buildWhere('v1', resource, req.searchParams)
    const { docs, totalDocs } =
      where === NO_MATCH ? { docs: [], totalDocs: 0 } : await readList(actor, resource, where, window)
    const { limit, offset } = window
    const ctx = context(req)
    return Response.json({
      // Tastypie's paginator: no previous page unless a whole one fits before the offset
      meta: {
        limit,
        next: offset + limit < totalDocs ? windowUri(req, resource, { limit, offset: offset + limit }) : null,
        offset,
        previous: offset - limit >= 0 ? windowUri(req, resource, { limit, offset: offset - limit }) : null,
        total_count: totalDocs,
      },
      objects: docs.map((doc) => SERIALIZERS[resource](ctx, doc)),
    })
  }

/** `DELETE /api/v1/downloads/release_file/?release=<id>`: every file of that release. Nothing else. */
const removeList =
  (resource: Writable): Handler =>
  async (req) => {
    const actor = actAs(req, requireStaff(await authenticateV1(req), 'v1'))
    const others = [...req.searchParams.keys()].filter((key) => key !== 'release' && key !== 'format')
    const release = req.searchParams.get('release')
    if (resource !== 'release_file' || release === null || others.length) {
      throw badRequest('Deleting a list is only allowed as DELETE /api/v1/downloads/release_file/?release=<id>.')
    }
    if (!/^\d{1,15}$/.test(release.trim()) || Number(release) < 1) {
      throw badRequest(`Invalid release: "${release}" (expected the release's integer id).`)
    }
    const releaseId = await idForLegacyId(actor, 'release', Number(release))
    // an unknown release has no files: there is nothing to delete
    if (releaseId) await deleteFilesOfRelease(actor, releaseId)
    return new Response(null, { status: 204 })
  }

const writable = (resource: Writable): Endpoint[] => [
  ...endpointsFor(`/v1/${RESOURCES[resource].path}`, {
    delete: removeList(resource),
    get: list(resource),
    post: create(resource),
  }),
  ...endpointsFor(`/v1/${RESOURCES[resource].path}/:id`, { delete: remove(resource), get: detail(resource) }),
]

export const v1Endpoints: Endpoint[] = [
  ...writable('os'),
  ...writable('release'),
  ...writable('release_file'),
  // pages are read-only here
  ...endpointsFor(`/v1/${RESOURCES.page.path}`, { get: list('page') }),
  ...endpointsFor(`/v1/${RESOURCES.page.path}/:id`, { get: detail('page') }),
]
