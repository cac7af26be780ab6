import type { Endpoint } from 'payload'

import { authenticateV2, requireStaff } from './auth'
import { badRequest, notFound } from './errors'
import { buildWhere, NO_MATCH } from './filters'
import { readJsonBody, toCollectionData } from './inputs'
import { objectHandlers } from './objectHandlers'
import { actAs, deleteFilesOfRelease, idForLegacyId, readList, readOne, updateDoc } from './operations'
import { RESOURCES, type ResourceName } from './resources'
import { endpointsFor, type Handler, routeLegacyId } from './routes'
import { SERIALIZERS } from './serializers'

/**
 * python.org's API v2 (Django REST framework): plain JSON arrays, `Token`
 * header authentication, absolute URLs for related objects; reads are open,
 * writes (POST, PUT, PATCH, DELETE) are for staff; pages are read-only.
 */
type V2Resource = Exclude<ResourceName, 'page'>

const { context, create, detail, remove } = objectHandlers('v2', authenticateV2)

const list =
  (resource: ResourceName): Handler =>
  async (req) => {
    const actor = actAs(req, await authenticateV2(req))
    const where = buildWhere('v2', resource, req.searchParams)
    const { docs } = where === NO_MATCH ? { docs: [] } : await readList(actor, resource, where)
    const ctx = context(req)
    return Response.json(docs.map((doc) => SERIALIZERS[resource](ctx, doc)))
  }

/** PUT replaces (the required fields must be there), PATCH changes what it carries. */
const update =
  (resource: V2Resource, { partial }: { partial: boolean }): Handler =>
  async (req) => {
    const actor = actAs(req, requireStaff(await authenticateV2(req), 'v2'))
    const label = RESOURCES[resource].label
    const legacyId = routeLegacyId(req, label)
    const id = await idForLegacyId(actor, resource, legacyId)
    if (!id) throw notFound(label)
    const body = await readJsonBody(req)
    await updateDoc(actor, resource, id, await toCollectionData(actor, 'v2', resource, body, { partial }))
    return Response.json(SERIALIZERS[resource](context(req), await readOne(actor, resource, legacyId)))
  }

/** `DELETE /api/v2/downloads/release_file/delete_by_release/?release=<id>` */
const deleteByRelease: Handler = async (req) => {
  const actor = actAs(req, requireStaff(await authenticateV2(req), 'v2'))
  const release = req.searchParams.get('release')
  if (release === null || release.trim() === '') throw badRequest('release: the query parameter "release" is required.')
  if (!/^\d{1,15}$/.test(release.trim()) || Number(release) < 1) {
    throw badRequest(`release: "${release}" is not an integer release id.`)
  }
  const releaseId = await idForLegacyId(actor, 'release', Number(release))
  // an unknown release has no files: there is nothing to delete
  if (releaseId) await deleteFilesOfRelease(actor, releaseId)
  return new Response(null, { status: 204 })
}

const resourceEndpoints = (resource: V2Resource): Endpoint[] => [
  ...endpointsFor(`/v2/${RESOURCES[resource].path}`, { get: list(resource), post: create(resource) }),
  // before `:id`, which would otherwise take "delete_by_release" for an id
  ...(resource === 'release_file'
    ? endpointsFor(`/v2/${RESOURCES[resource].path}/delete_by_release`, { delete: deleteByRelease })
    : []),
  ...endpointsFor(`/v2/${RESOURCES[resource].path}/:id`, {
    delete: remove(resource),
    get: detail(resource),
    patch: update(resource, { partial: true }),
    put: update(resource, { partial: false }),
  }),
]

export const v2Endpoints: Endpoint[] = [
  ...resourceEndpoints('os'),
  ...resourceEndpoints('release'),
  ...resourceEndpoints('release_file'),
  // pages are read-only here, as on python.org
  ...endpointsFor(`/v2/${RESOURCES.page.path}`, { get: list('page') }),
  ...endpointsFor(`/v2/${RESOURCES.page.path}/:id`, { get: detail('page') }),
]
