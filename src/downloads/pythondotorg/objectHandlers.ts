import type { PayloadRequest } from 'payload'

import { type ApiUser, requireStaff } from './auth'
import { notFound } from './errors'
import { readJsonBody, toCollectionData } from './inputs'
import { actAs, createDoc, deleteDoc, idForLegacyId, readOne } from './operations'
import { type ApiVersion, originOf, RESOURCES, type ResourceName, resourceUri } from './resources'
import { type Handler, routeLegacyId } from './routes'
import { SERIALIZERS, type SerializeContext } from './serializers'

type Writable = Exclude<ResourceName, 'page'>

/**
 * The per-object handlers v1 and v2 share (read one, create, delete one);
 * the versions differ only in how they authenticate and write URIs.
 */
export const objectHandlers = (
  apiVersion: ApiVersion,
  authenticate: (req: PayloadRequest) => Promise<ApiUser | null>,
) => {
  const context = (req: PayloadRequest): SerializeContext => ({ apiVersion, origin: originOf(req) })

  const detail =
    (resource: ResourceName): Handler =>
    async (req) => {
      const actor = actAs(req, await authenticate(req))
      const doc = await readOne(actor, resource, routeLegacyId(req, RESOURCES[resource].label))
      return Response.json(SERIALIZERS[resource](context(req), doc))
    }

  /**
   * 201 with the new object and a `Location` naming it: v1 the path (as
   * Tastypie's HttpCreated sent its resource URI), v2 the absolute URL (as
   * Django REST framework did). Tastypie sent no body; the object here is extra.
   */
  const create =
    (resource: Writable): Handler =>
    async (req) => {
      const actor = actAs(req, requireStaff(await authenticate(req), apiVersion))
      const body = await readJsonBody(req)
      const data = await toCollectionData(actor, apiVersion, resource, body, { partial: false })
      const created = await createDoc(actor, resource, data)
      const doc = await readOne(actor, resource, created.legacyId!)
      const ctx = context(req)
      return Response.json(SERIALIZERS[resource](ctx, doc), {
        headers: { Location: resourceUri(apiVersion, ctx.origin, resource, created.legacyId!) },
        status: 201,
      })
    }

  const remove =
    (resource: Writable): Handler =>
    async (req) => {
      const actor = actAs(req, requireStaff(await authenticate(req), apiVersion))
      const label = RESOURCES[resource].label
      const id = await idForLegacyId(actor, resource, routeLegacyId(req, label))
      if (!id) throw notFound(label)
      await deleteDoc(actor, resource, id)
      return new Response(null, { status: 204 })
    }

  return { context, create, detail, remove }
}
