import crypto from 'node:crypto'

import { APIError, type Endpoint, type PayloadRequest } from 'payload'

const requireUser = (req: PayloadRequest) => {
  if (!req.user) throw new APIError('Log in to manage your API key.', 401, undefined, true)
  return req.user
}

/**
 * Every user may generate and revoke their own API key. Payload only lets
 * admin-panel users write the key fields, so these endpoints write them for
 * the caller's own account (overrideAccess: the system acts, on the caller's
 * record only).
 */
export const apiKeyEndpoints: Endpoint[] = [
  {
    path: '/api-key',
    method: 'post',
    handler: async (req) => {
      const user = requireUser(req)
      const apiKey = crypto.randomUUID()
      await req.payload.update({
        id: user.id,
        collection: 'users',
        data: { apiKey, enableAPIKey: true },
        overrideAccess: true,
        req,
      })
      // the key is shown once; only its hash and an encrypted copy are stored
      return Response.json({ apiKey, header: `users API-Key ${apiKey}` }, { status: 201 })
    },
  },
  {
    path: '/api-key',
    method: 'delete',
    handler: async (req) => {
      const user = requireUser(req)
      await req.payload.update({
        id: user.id,
        collection: 'users',
        data: { apiKey: null, apiKeyIndex: null, enableAPIKey: false },
        overrideAccess: true,
        req,
      })
      return new Response(null, { status: 204 })
    },
  },
]
