/**
 * Which browser origins may call the API (CORS), and whose cookies Payload
 * honours (CSRF). Both come from the environment, read once at start:
 *
 * - `CORS_ORIGINS`: comma-separated origins (`https://www.python.org,
 *   https://staging.python.org`), default the origin of `SITE_URL`. A listed
 *   origin gets `Access-Control-Allow-Origin: <origin>` with
 *   `Access-Control-Allow-Credentials: true`; any other origin gets no CORS
 *   header at all, so browsers keep the answer from it. `*` allows every
 *   origin without credentials (Payload then answers `*`).
 * - `SERVER_URL` (this app's public URL): when set, a request carrying the
 *   session cookie is logged in only if its `Origin` is this app or a listed
 *   origin (Payload's `csrf` list). Without it the app cannot tell its own
 *   origin from another, and cookies are accepted from any origin (browsers
 *   still send them only same-site: Payload's cookie is SameSite=Lax).
 *
 * Payload (3.90) does the rest from its `cors` list: every REST, GraphQL and
 * error answer gets Allow-Methods/Allow-Headers, and Allow-Origin plus
 * Allow-Credentials when the request's Origin is listed; an OPTIONS request
 * to any /api path without an OPTIONS endpoint of its own (the preflight,
 * /api/graphql included) is answered 200 with those headers. It does not
 * add `Vary: Origin`; the production server does (src/platform/server.ts).
 */
import { siteUrl } from './rss'

const originOf = (value: string, variable: string): string => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${variable}: "${value}" is not a URL (expected e.g. https://www.python.org)`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${variable}: "${value}" is not an http(s) origin`)
  }
  return url.origin
}

/** The allowed origins, or '*' for any origin (without credentials). */
export const corsOrigins = (): '*' | string[] => {
  const raw = process.env.CORS_ORIGINS?.trim()
  if (raw === '*') return '*'
  const listed = raw
    ? raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [siteUrl()]
  return [...new Set(listed.map((item) => originOf(item, raw ? 'CORS_ORIGINS' : 'SITE_URL')))]
}

/** Payload's `csrf`: the origins whose requests may use the session cookie ([] = not enforced). */
export const csrfOrigins = (): string[] => {
  const server = process.env.SERVER_URL?.trim()
  if (!server) return []
  const cors = corsOrigins()
  return [...new Set([originOf(server, 'SERVER_URL'), ...(cors === '*' ? [] : cors)])]
}

/** Whether an API answer depends on the request's Origin (it does when origins are listed one by one). */
export const corsVariesByOrigin = (): boolean => corsOrigins() !== '*'
