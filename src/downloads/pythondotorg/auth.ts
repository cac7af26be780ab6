import crypto from 'node:crypto'

import type { PayloadRequest, Where } from 'payload'

import type { User } from '../../../payload-types'
import { ApiProblem } from './errors'

/**
 * python.org's API authenticates by API key only, in the Authorization
 * header: v1 `ApiKey <username>:<api key>`, v2 `Token <api key>`. The keys are
 * this project's users' Payload API keys (stored as `apiKeyIndex`, an HMAC of
 * the key). Sessions and cookies play no part: a request is anonymous or it is
 * the key's owner, who must be active.
 */
export type ApiUser = User & { _strategy?: string; collection: 'users' }

const unauthorized = (message: string, scheme: string) =>
  new ApiProblem(401, message, [], { 'WWW-Authenticate': scheme })

const V1_SCHEME = 'ApiKey'
const V2_SCHEME = 'Token'

/** The key's HMAC as Payload stores it: sha256 now, sha1 for keys saved before Payload 3.46. */
const indexesFor = (secret: string, key: string) =>
  (['sha256', 'sha1'] as const).map((algorithm) => crypto.createHmac(algorithm, secret).update(key).digest('hex'))

const sameIndex = (stored: unknown, candidates: string[]): boolean => {
  const storedBuffer = Buffer.from(typeof stored === 'string' ? stored : '', 'utf8')
  let matched = false
  for (const candidate of candidates) {
    const candidateBuffer = Buffer.from(candidate, 'utf8')
    // both sides are hex digests; compare every candidate so timing says nothing
    if (candidateBuffer.length === storedBuffer.length && crypto.timingSafeEqual(candidateBuffer, storedBuffer))
      matched = true
  }
  return matched
}

type StoredUser = { apiKeyIndex?: null | string; enableAPIKey?: boolean | null; id: string }

/**
 * The system looks the account up (the database adapter: the key index is
 * never part of a read document), checks the key, and hands back the user
 * as Payload's own API-key strategy would.
 */
const userWithKey = async (req: PayloadRequest, where: Where, key: string, scheme: string): Promise<ApiUser> => {
  const stored = (await req.payload.db.findOne({ collection: 'users', req, where })) as null | StoredUser
  const candidates = indexesFor(req.payload.secret, key)
  const valid = sameIndex(stored?.apiKeyIndex, candidates) && stored?.enableAPIKey !== false
  if (!stored || !valid) throw unauthorized('Invalid API key.', scheme)
  // overrideAccess: the system reads the account it is authenticating
  const user = await req.payload.findByID({ collection: 'users', depth: 0, id: stored.id, overrideAccess: true, req })
  if (!user || user.isActive === false) throw unauthorized('Invalid API key.', scheme)
  return { ...user, _strategy: 'api-key', collection: 'users' }
}

const CREDENTIAL_PARAMS = ['username', 'api_key']

/** v1 takes credentials from the header only; anywhere else they are refused, never used. */
export const refuseCredentials = (fields: Iterable<string>): void => {
  for (const field of fields) {
    if (CREDENTIAL_PARAMS.includes(field)) {
      throw unauthorized(
        `Send credentials in the Authorization header ("${V1_SCHEME} <username>:<api key>"), not as "${field}".`,
        V1_SCHEME,
      )
    }
  }
}

/** v1: `Authorization: ApiKey <username>:<api key>`; no header is anonymous. */
export const authenticateV1 = async (req: PayloadRequest): Promise<ApiUser | null> => {
  refuseCredentials(req.searchParams.keys())
  const header = req.headers.get('authorization')?.trim()
  if (!header) return null
  const space = header.indexOf(' ')
  const scheme = space > 0 ? header.slice(0, space) : header
  const data = space > 0 ? header.slice(space + 1).trim() : ''
  if (scheme.toLowerCase() !== V1_SCHEME.toLowerCase()) {
    throw unauthorized(`Use "Authorization: ${V1_SCHEME} <username>:<api key>".`, V1_SCHEME)
  }
  const colon = data.indexOf(':')
  const username = colon > 0 ? data.slice(0, colon).trim().toLowerCase() : ''
  const key = colon > 0 ? data.slice(colon + 1).trim() : ''
  if (!username || !key) throw unauthorized(`Use "Authorization: ${V1_SCHEME} <username>:<api key>".`, V1_SCHEME)
  return userWithKey(req, { username: { equals: username } }, key, V1_SCHEME)
}

/** v2: `Authorization: Token <api key>`; no header (or another scheme) is anonymous. */
export const authenticateV2 = async (req: PayloadRequest): Promise<ApiUser | null> => {
  const header = req.headers.get('authorization')?.trim()
  if (!header) return null
  const parts = header.split(/\s+/)
  if (parts[0]!.toLowerCase() !== V2_SCHEME.toLowerCase()) return null
  if (parts.length !== 2 || !parts[1]) throw unauthorized(`Use "Authorization: ${V2_SCHEME} <api key>".`, V2_SCHEME)
  const key = parts[1]
  const [sha256, sha1] = indexesFor(req.payload.secret, key)
  return userWithKey(
    req,
    { or: [{ apiKeyIndex: { equals: sha256 } }, { apiKeyIndex: { equals: sha1 } }] },
    key,
    V2_SCHEME,
  )
}

/** Only staff write through this API; anonymous callers are asked to authenticate. */
export const requireStaff = (user: ApiUser | null, scheme: 'v1' | 'v2'): ApiUser => {
  if (!user) {
    throw unauthorized('Authentication required: writes need a staff API key.', scheme === 'v1' ? V1_SCHEME : V2_SCHEME)
  }
  if (!(user.isStaff || user.isSuperuser))
    throw new ApiProblem(403, 'Only staff may change downloads through this API.')
  return user
}
