/**
 * REST requests answered by Payload's route handlers in a process of their
 * own, against DATABASE_URL (one Payload per process: a test that needs a
 * second database, e.g. a restored copy, asks this one).
 *
 *   tsx tests/helpers/apiProbe.ts '[{"method":"GET","path":"/users/me","headers":{...}}]'
 *
 * Prints one line `PROBE <json>`: per request its status, JSON body (or
 * null) and the sha256 of the raw body.
 */
import crypto from 'node:crypto'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

type Probe = { body?: unknown; headers?: Record<string, string>; method: string; path: string }

const probes = JSON.parse(process.argv[2] ?? '[]') as Probe[]
const { default: configPromise } = await import('../../payload.config')
const config = await configPromise
const handlers: Record<string, ReturnType<typeof REST_GET>> = {
  DELETE: REST_DELETE(config),
  GET: REST_GET(config),
  PATCH: REST_PATCH(config),
  POST: REST_POST(config),
}

const results = []
for (const probe of probes) {
  const [pathname] = probe.path.split('?')
  const response = await handlers[probe.method]!(
    new Request(`http://localhost:3000/api${probe.path}`, {
      body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
      headers: { 'Content-Type': 'application/json', ...probe.headers },
      method: probe.method,
    }),
    { params: Promise.resolve({ slug: pathname!.split('/').filter(Boolean) }) },
  )
  const raw = Buffer.from(await response.arrayBuffer())
  let json: unknown = null
  try {
    json = JSON.parse(raw.toString('utf8'))
  } catch {
    /* not JSON */
  }
  results.push({ json, sha256: crypto.createHash('sha256').update(raw).digest('hex'), status: response.status })
}
process.stdout.write(`PROBE ${JSON.stringify(results)}\n`, () => process.exit(0))
