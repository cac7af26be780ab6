import type { Endpoint, PayloadRequest } from 'payload'

import { authenticateV1, requireStaff } from './auth'
import { badRequest, notFound } from './errors'
import { buildWhere, NO_MATCH } from './filters'
import { readJsonBody, toCollectionData } from './inputs'
import {
  actAs,
  createDoc,
  deleteDoc,
  deleteFilesOfRelease,
  idForLegacyId,
  readList,
  readOne,
  type Window,
} from './operations'
import { listUri, originOf, RESOURCES, type ResourceName, resourceUri } from './resources'
import { endpointsFor, type Handler, routeLegacyId } from './routes'
import { SERIALIZERS, type SerializeContext } from './serializers'

/**
 * python.org's API v1 (tastypie): `{meta, objects}` lists, `ApiKey` header
 * authentication, POST on lists, DELETE on details and on the release-file
 * list of one release. See /work/shared/spec/pythondotorg-api.md.
 */
type Writable = Exclude<ResourceName, 'page'>

const DEFAULT_LIMIT = 20

const context = (req: PayloadRequest): SerializeContext => ({ apiVersion: 'v1', origin: originOf(req) })

const wholeNumber = (params: URLSearchParams, name: string, fallback: number): number => {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^\d{1,9}$/.test(raw.trim())) throw badRequest(`Invalid ${name}: "${raw}" (expected a whole number, 0 or more).`)
  return Number(raw.trim())
}

const windowOf = (params: URLSearchParams): Window => ({
  limit: wholeNumber(params, 'limit', DEFAULT_LIMIT),
  offset: wholeNumber(params, 'offset', 0),
})

/** The list URI for another window, keeping the caller's filters. */
const windowUri = (req: PayloadRequest, resource: ResourceName, { limit, offset }: Window): string => {
  const params = new URLSearchParams(req.searchParams)
  params.set('limit', String(limit))
  params.set('offset', String(offset))
  return `${listUri('v1', resource)}?${params.toString()}`
}

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
      meta: {
        limit,
        next: limit && offset + limit < totalDocs ? windowUri(req, resource, { limit, offset: offset + limit }) : null,
        offset,
        previous: limit && offset > 0 ? windowUri(req, resource, { limit, offset: Math.max(offset - limit, 0) }) : null,
        total_count: totalDocs,
      },
      objects: docs.map((doc) => SERIALIZERS[resource](ctx, doc)),
    })
  }

const detail =
  (resource: ResourceName): Handler =>
  async (req) => {
    const actor = actAs(req, await authenticateV1(req))
    const doc = await readOne(actor, resource, routeLegacyId(req, RESOURCES[resource].label))
    return Response.json(SERIALIZERS[resource](context(req), doc))
  }

const create =
  (resource: Writable): Handler =>
  async (req) => {
    const actor = actAs(req, requireStaff(await authenticateV1(req), 'v1'))
    const body = await readJsonBody(req)
    const created = await createDoc(
      actor,
      resource,
      await toCollectionData(actor, 'v1', resource, body, { partial: false }),
    )
    const doc = await readOne(actor, resource, created.legacyId!)
    const ctx = context(req)
    return Response.json(SERIALIZERS[resource](ctx, doc), {
      headers: { Location: `${ctx.origin}${resourceUri('v1', ctx.origin, resource, created.legacyId!)}` },
      status: 201,
    })
  }

const remove =
  (resource: Writable): Handler =>
  async (req) => {
    const actor = actAs(req, requireStaff(await authenticateV1(req), 'v1'))
    const label = RESOURCES[resource].label
    const id = await idForLegacyId(actor, resource, routeLegacyId(req, label))
    if (!id) throw notFound(label)
    await deleteDoc(actor, resource, id)
    return new Response(null, { status: 204 })
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
