/**
 * CORS and cookie origins (src/platform/cors.ts): a listed origin gets
 * Access-Control-Allow-Origin with credentials on every API answer (REST,
 * custom reads, errors, GraphQL) and on preflights; any other origin gets no
 * CORS header; the session cookie counts only from this app or a listed
 * origin. And the production server's Vary clean-up (src/platform/server.ts).
 * The built app is checked end to end in tests/smoke/built-app.test.ts.
 */
import http from 'node:http'

import { apiVary, cleanApiHeaders, isApiPath } from '../../src/platform/server'
import { corsOrigins, csrfOrigins } from '../../src/platform/cors'
import { type Actors, makeActors } from '../helpers/actors'
import { json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'

const LISTED = 'https://www.python.org'
const ALSO_LISTED = 'https://staging.python.org'
const SERVER = 'https://cms.python.org'
const OTHER = 'https://evil.example'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload({ CORS_ORIGINS: `${LISTED}, ${ALSO_LISTED}/`, SERVER_URL: `${SERVER}/` })
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

const corsHeaders = (response: Response) => ({
  credentials: response.headers.get('access-control-allow-credentials'),
  origin: response.headers.get('access-control-allow-origin'),
})

describe('CORS answers', () => {
  it.each([
    ['a collection list', 'jobs'],
    ['a custom read', 'banners/active'],
    ['an error', 'jobs?where[telecommuting][equals]=maybe'],
    ['a by-id miss', 'jobs/00000000-0000-4000-8000-000000000000'],
  ])('%s: the listed origin with credentials, nothing for another', async (_what, path) => {
    for (const origin of [LISTED, ALSO_LISTED]) {
      expect(corsHeaders(await t.api('GET', path, { headers: { Origin: origin } }))).toEqual({
        credentials: 'true',
        origin,
      })
    }
    expect(corsHeaders(await t.api('GET', path, { headers: { Origin: OTHER } }))).toEqual({
      credentials: null,
      origin: null,
    })
    expect(corsHeaders(await t.api('GET', path))).toEqual({ credentials: null, origin: null })
  })

  it.each(['jobs', 'graphql'])('preflight on /api/%s', async (path) => {
    const preflight = (origin: string) =>
      t.api('OPTIONS', path, {
        headers: {
          'Access-Control-Request-Headers': 'content-type, authorization',
          'Access-Control-Request-Method': 'POST',
          Origin: origin,
        },
      })
    const allowed = await preflight(LISTED)
    expect(allowed.status).toBe(200)
    expect(corsHeaders(allowed)).toEqual({ credentials: 'true', origin: LISTED })
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    expect(corsHeaders(await preflight(OTHER))).toEqual({ credentials: null, origin: null })
  })

  it('GraphQL answers carry it too', async () => {
    const query = '{ Jobs { totalDocs } }'
    expect(corsHeaders(await t.graphqlResponse(query, { headers: { Origin: LISTED } }))).toEqual({
      credentials: 'true',
      origin: LISTED,
    })
    expect(corsHeaders(await t.graphqlResponse(query, { headers: { Origin: OTHER } }))).toEqual({
      credentials: null,
      origin: null,
    })
  })
})

describe('the session cookie counts only from this app and listed origins', () => {
  const me = async (origin?: string) => {
    const response = await t.api('GET', 'users/me', {
      headers: { Cookie: `payload-token=${actors.member.token}`, ...(origin ? { Origin: origin } : {}) },
    })
    return ((await json(response)).user?.id as string | undefined) ?? null
  }

  it('logged in from this app or a listed origin, anonymous from another', async () => {
    expect(await me(SERVER)).toBe(actors.member.id)
    expect(await me(LISTED)).toBe(actors.member.id)
    expect(await me(OTHER)).toBeNull()
  })

  it('a bearer token is not a cookie: it works from anywhere', async () => {
    const response = await t.api('GET', 'users/me', { auth: actors.member, headers: { Origin: OTHER } })
    expect((await json(response)).user?.id).toBe(actors.member.id)
  })
})

describe('configuration', () => {
  const withEnv = <T>(env: Record<string, string | undefined>, run: () => T): T => {
    const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
    const set = (values: Record<string, string | undefined>) => {
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
    set(env)
    try {
      return run()
    } finally {
      set(saved)
    }
  }

  it('defaults to the origin of SITE_URL', () => {
    expect(withEnv({ CORS_ORIGINS: undefined, SITE_URL: undefined }, corsOrigins)).toEqual(['https://www.python.org'])
    expect(withEnv({ CORS_ORIGINS: undefined, SITE_URL: 'https://preview.example.org/base/' }, corsOrigins)).toEqual([
      'https://preview.example.org',
    ])
    expect(withEnv({ CORS_ORIGINS: '' }, corsOrigins)).toEqual([new URL(process.env.SITE_URL ?? LISTED).origin])
  })

  it('takes a list, or * for any origin without credentials', () => {
    expect(withEnv({ CORS_ORIGINS: 'https://a.example, http://localhost:3000/' }, corsOrigins)).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ])
    expect(withEnv({ CORS_ORIGINS: '*' }, corsOrigins)).toBe('*')
  })

  it('refuses what is not an origin, at start', () => {
    expect(() => withEnv({ CORS_ORIGINS: 'www.python.org' }, corsOrigins)).toThrow(/CORS_ORIGINS: "www.python.org"/)
    expect(() => withEnv({ CORS_ORIGINS: 'ftp://python.org' }, corsOrigins)).toThrow(/not an http\(s\) origin/)
  })

  it('cookie origins: SERVER_URL and the listed ones; not enforced without SERVER_URL', () => {
    expect(withEnv({ CORS_ORIGINS: LISTED, SERVER_URL: `${SERVER}/` }, csrfOrigins)).toEqual([SERVER, LISTED])
    expect(withEnv({ CORS_ORIGINS: '*', SERVER_URL: SERVER }, csrfOrigins)).toEqual([SERVER])
    expect(withEnv({ CORS_ORIGINS: LISTED, SERVER_URL: undefined }, csrfOrigins)).toEqual([])
  })
})

describe('Vary on API answers (production server)', () => {
  it('drops the tokens only Next pages and client hints use, keeps the rest, adds Origin once', () => {
    expect(
      apiVary(
        'Sec-CH-Prefers-Color-Scheme, rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
        ['Origin'],
      ),
    ).toBe('Accept-Encoding, Origin')
    expect(apiVary(['Origin', 'Cookie'], ['origin'])).toBe('Origin, Cookie')
    expect(apiVary(undefined)).toBe('')
    expect(isApiPath('/api/jobs?limit=1')).toBe(true)
    expect(isApiPath('/api')).toBe(true)
    expect(isApiPath('/admin/api')).toBe(false)
    expect(isApiPath('/apiary')).toBe(false)
  })

  it('rewrites the headers as they are written, implicit or explicit', async () => {
    const server = http.createServer((req, res) => {
      cleanApiHeaders(res, { varyByOrigin: true })
      // what Next and withPayload set before a route handler answers
      res.setHeader('Vary', 'Sec-CH-Prefers-Color-Scheme')
      res.appendHeader('Vary', 'rsc, next-router-state-tree')
      res.setHeader('Accept-CH', 'Sec-CH-Prefers-Color-Scheme')
      res.setHeader('Critical-CH', 'Sec-CH-Prefers-Color-Scheme')
      if (req.url === '/explicit') res.writeHead(200, { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' })
      res.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    try {
      const implicit = await fetch(`http://127.0.0.1:${port}/implicit`)
      expect(implicit.headers.get('vary')).toBe('Origin')
      expect(implicit.headers.get('accept-ch')).toBeNull()
      expect(implicit.headers.get('critical-ch')).toBeNull()
      const explicit = await fetch(`http://127.0.0.1:${port}/explicit`)
      expect(explicit.headers.get('vary')).toBe('Accept-Encoding, Origin')
      expect(explicit.headers.get('content-type')).toBe('application/json')
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
