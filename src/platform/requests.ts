import crypto from 'node:crypto'

import type { SanitizedConfig } from 'payload'

import { logger, requestScope } from './logging'
import { recordRequest } from './metrics'

/**
 * What every API request goes through (src/app/(payload)/api/.../route.ts
 * wrap Payload's route handlers with `observed`):
 * - a request id: the caller's `X-Request-Id` when it is a sane token, else
 *   a new UUID; sent back in `X-Request-Id` and put on every log line
 *   written while the request is handled;
 * - one log line when it is answered: method, path, status, duration
 *   (info, or error for a 5xx);
 * - the request counters and latency histogram of /api/metrics.
 *
 * Why a wrapper and not Next.js middleware (`proxy.ts`): the proxy runs
 * before the route and never sees the status or the time the route took,
 * and its async context is not the route's, so log lines written inside
 * Payload could not carry the id. Wrapping the exported handlers works the
 * same in `next dev`, `next start` and the tests, which call these very
 * handlers. Admin pages (rendered by Next.js, not these routes) are not
 * counted here.
 */

const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

export const acceptRequestId = (incoming: string | null): string =>
  incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()

/**
 * The route label of the metrics: `/api/<collection or endpoint root>`, from
 * the config's own names (anything else is `/api/other`), so a scanner
 * trying random URLs cannot create new series.
 */
const knownRoots = new WeakMap<SanitizedConfig, Set<string>>()

const rootsOf = (config: SanitizedConfig): Set<string> => {
  let roots = knownRoots.get(config)
  if (!roots) {
    roots = new Set<string>(['access', 'globals', 'graphql', 'graphql-playground'])
    for (const collection of config.collections) roots.add(collection.slug)
    for (const global of config.globals) roots.add(global.slug)
    for (const endpoint of config.endpoints || []) {
      const first = endpoint.path.split('/').filter(Boolean)[0]
      if (first && !first.startsWith(':')) roots.add(first)
    }
    knownRoots.set(config, roots)
  }
  return roots
}

export const routeLabel = (config: SanitizedConfig, pathname: string): string => {
  const apiRoute = config.routes?.api || '/api'
  if (!pathname.startsWith(`${apiRoute}/`)) return 'other'
  const first = pathname.slice(apiRoute.length + 1).split('/')[0] ?? ''
  return rootsOf(config).has(first) ? `${apiRoute}/${first}` : `${apiRoute}/other`
}

const withRequestId = (response: Response, requestId: string): Response => {
  try {
    response.headers.set('X-Request-Id', requestId)
    return response
  } catch {
    // immutable headers (a fetched or redirect response): copy it
    const copy = new Response(response.body, response)
    copy.headers.set('X-Request-Id', requestId)
    return copy
  }
}

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

export const observed =
  <Args extends unknown[]>(config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler<Args>): Handler<Args> =>
  (request, ...args) => {
    const requestId = acceptRequestId(request.headers.get('x-request-id'))
    const started = performance.now()
    return requestScope.run({ requestId }, async () => {
      let status = 500
      try {
        const response = await handler(request, ...args)
        status = response.status
        return withRequestId(response, requestId)
      } finally {
        const seconds = (performance.now() - started) / 1000
        const { pathname } = new URL(request.url)
        recordRequest(request.method, routeLabel(await config, pathname), status, seconds)
        const durationMs = Math.round(seconds * 10_000) / 10
        const line = { durationMs, method: request.method, path: pathname, status }
        const message = `${request.method} ${pathname} ${status} ${durationMs}ms`
        if (status >= 500) logger().error(line, message)
        else logger().info(line, message)
      }
    })
  }
