import type { Endpoint, PayloadRequest } from 'payload'

import { ApiProblem, problemResponse, toProblem } from './errors'
import { parseLegacyId } from './resources'

/**
 * Handlers become Payload root endpoints (mounted under /api). Payload
 * matches paths with path-to-regexp 6, non-strict: `/v1/downloads/os`
 * answers `/api/v1/downloads/os` and `/api/v1/downloads/os/` alike, so each
 * path is registered once. Every method is registered, so a method the
 * resource does not offer is a 405 (with Allow), not a 404.
 */
export type Handler = (req: PayloadRequest) => Promise<Response>

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

export type Routes = Partial<Record<(typeof METHODS)[number], Handler>>

const guarded =
  (handler: Handler): Handler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (err) {
      return problemResponse(toProblem(err, req), req.url)
    }
  }

export const endpointsFor = (path: string, routes: Routes): Endpoint[] => {
  const allow = METHODS.filter((method) => routes[method])
    .map((method) => method.toUpperCase())
    .join(', ')
  const notAllowed: Handler = async (req) => {
    throw new ApiProblem(405, `Method ${req.method?.toUpperCase()} is not allowed here (allowed: ${allow}).`, [], {
      Allow: allow,
    })
  }
  return METHODS.map((method) => ({ handler: guarded(routes[method] ?? notAllowed), method, path }))
}

/** The `<id>` of a detail path; not an integer is simply not found. */
export const routeLegacyId = (req: PayloadRequest, label: string): number => {
  const id = parseLegacyId(req.routeParams?.id)
  if (!id) throw new ApiProblem(404, `No ${label} here.`)
  return id
}
