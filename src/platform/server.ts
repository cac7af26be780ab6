/**
 * The production HTTP server (`npm start`): Next.js's own request handler
 * behind a plain Node server, so that API answers carry only the headers
 * that describe them.
 *
 * Next.js marks every App Router response `Vary: rsc, next-router-state-tree,
 * next-router-prefetch, next-router-segment-prefetch` (its client router asks
 * for pages with those headers), and Payload's `withPayload` adds client hints
 * (`Accept-CH`, `Critical-CH`, `Vary: Sec-CH-Prefers-Color-Scheme`) for the
 * admin panel's colour scheme. Route handlers cannot take headers away again
 * (Next.js appends a handler's `Vary` to its own), and a CDN keys its cache on
 * every `Vary` header, so a JSON answer would be cached once per combination
 * of headers that never change it. Under `/api/` those are dropped here, and
 * `Origin` is added when CORS answers depend on it.
 */
import http from 'node:http'

import next from 'next'

import { corsVariesByOrigin } from './cors'
import { projectRoot } from './paths'
import { shutdownTimeoutMs } from './shutdown'

/** Vary tokens that only Next's page router and the admin's client hints use. */
const PAGE_ONLY_VARY = /^(rsc|next-router-[a-z-]+|next-url|sec-ch-[a-z-]+)$/i
const PAGE_ONLY_HEADERS = ['accept-ch', 'critical-ch']

export const isApiPath = (url: string | undefined): boolean => /^\/api(\/|\?|$)/.test(url ?? '')

/** The `Vary` an API answer should carry: Next's page-only tokens removed, `extra` added once. */
export const apiVary = (value: number | string | string[] | undefined, extra: string[] = []): string => {
  const tokens = (Array.isArray(value) ? value : value === undefined ? [] : [String(value)])
    .flatMap((item) => item.split(','))
    .map((token) => token.trim())
    .filter((token) => token && !PAGE_ONLY_VARY.test(token))
  const seen = new Set<string>()
  return [...tokens, ...extra]
    .filter((token) => {
      const key = token.toLowerCase()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .join(', ')
}

/**
 * Rewrites an API response's headers at the last moment they can change:
 * `writeHead`, which Node also calls implicitly before the first body byte
 * (compression wraps it too, and adds `Accept-Encoding` before calling it).
 */
export const cleanApiHeaders = (res: http.ServerResponse, { varyByOrigin }: { varyByOrigin: boolean }) => {
  const writeHead = res.writeHead
  res.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    // headers given to writeHead itself would be merged after ours: set them first
    const last = rest.at(-1)
    if (last && typeof last === 'object') {
      const entries = Array.isArray(last)
        ? (last as string[]).flatMap((_, i, all) => (i % 2 === 0 ? [[all[i], all[i + 1]] as const] : []))
        : Object.entries(last as http.OutgoingHttpHeaders)
      for (const [name, value] of entries) if (value !== undefined) this.setHeader(String(name), value as string)
      rest = rest.slice(0, -1)
    }
    const vary = apiVary(this.getHeader('vary'), varyByOrigin ? ['Origin'] : [])
    if (vary) this.setHeader('vary', vary)
    else this.removeHeader('vary')
    for (const name of PAGE_ONLY_HEADERS) this.removeHeader(name)
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest)
  } as typeof res.writeHead
}

const argValue = (args: string[], ...names: string[]) => {
  const index = args.findIndex((arg) => names.includes(arg))
  return index >= 0 ? args[index + 1] : undefined
}

/**
 * `-p PORT` / `-H HOSTNAME` as `next start` takes them (PORT from the
 * environment otherwise, default 3000); without -H it listens on every
 * interface. (Not $HOSTNAME: containers set it to their own name.)
 */
export const startServer = async (args: string[]) => {
  const port = Number(argValue(args, '-p', '--port') ?? process.env.PORT ?? 3000)
  const hostname = argValue(args, '-H', '--hostname')
  const app = next({ dev: false, dir: projectRoot, hostname: hostname ?? 'localhost', port })
  const handle = app.getRequestHandler()
  await app.prepare()
  const varyByOrigin = corsVariesByOrigin()
  const server = http.createServer((req, res) => {
    if (isApiPath(req.url)) cleanApiHeaders(res, { varyByOrigin })
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve))
  process.stdout.write(`Listening on http://${hostname ?? 'localhost'}:${port}\n`)
  // stop taking connections, let in-flight requests finish (run.ts kills what is
  // still running SHUTDOWN_KILL_MARGIN_MS after this deadline)
  const stop = () => {
    server.close(() => process.exit(0))
    // keep-alive connections would hold close() open
    server.closeIdleConnections()
    setTimeout(() => process.exit(1), shutdownTimeoutMs()).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
