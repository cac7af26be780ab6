/**
 * Every collection, global and endpoint in the running config has decided
 * access: the project's own declare theirs in their config; everything
 * Payload and the plugins add on their own is listed, with its decision, in
 * src/platform/access/builtIns.ts. The lists here are read from the running
 * config (payload.config.collections, their endpoints, the globals,
 * config.endpoints, the jobs config), so a collection or endpoint a Payload
 * upgrade or a new plugin adds fails these tests until someone decides its
 * access. Each decision is then probed as anonymous and as a member.
 */
import type { Endpoint, Payload, SanitizedConfig } from 'payload'

import { jobsQueueAccess } from '../../access/jobsQueue'
import { nobody } from '../../access/nobody'
import {
  BUILT_IN_COLLECTIONS,
  BUILT_IN_ENDPOINTS,
  BUILT_IN_GLOBALS,
  endpointDecision,
  endpointKey,
  type EndpointDecision,
  type EndpointMount,
  scopesOf,
  type Who,
} from '../../src/platform/access/builtIns'
import { applyDecidedAccess, declaredIn, type Declared } from '../../src/platform/access/explicitAccess'
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, json, unique, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors
let declared: Declared
let page: Json

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  declared = declaredIn(t.config)
  // overrideAccess: a fixture written by the system
  page = (await t.payload.create({
    collection: 'pages',
    data: { content: 'Body', isPublished: false, path: unique('built-ins'), title: 'Draft' } as never,
    overrideAccess: true,
  })) as Json
})
afterAll(async () => {
  await t?.close()
})

/** Every endpoint of the running config, where it is mounted, and the path a request reaches it at. */
const allEndpoints = (config: SanitizedConfig) => {
  const rows: { declaredHere: boolean; endpoint: Endpoint; mount: EndpointMount; url: string; where: string }[] = []
  const add = (endpoints: Endpoint[] | false, mount: EndpointMount, base: string, where: string, own: string[]) => {
    for (const endpoint of endpoints || []) {
      rows.push({
        declaredHere: own.includes(endpointKey(endpoint)),
        endpoint,
        mount,
        url: `${base}${endpoint.path}`,
        where,
      })
    }
  }
  add(config.endpoints, { kind: 'root' }, '', 'root', declared.endpoints)
  for (const collection of config.collections) {
    const mount: EndpointMount = {
      auth: Boolean(collection.auth),
      kind: 'collection',
      slug: collection.slug,
      upload: Boolean(collection.upload),
    }
    const own = declared.collections[collection.slug]?.endpoints ?? []
    add(collection.endpoints, mount, `/${collection.slug}`, `collection ${collection.slug}`, own)
  }
  for (const global of config.globals) {
    const own = declared.globals[global.slug]?.endpoints ?? []
    add(
      global.endpoints,
      { kind: 'global', slug: global.slug },
      `/globals/${global.slug}`,
      `global ${global.slug}`,
      own,
    )
  }
  return rows
}

describe('collections and globals', () => {
  it("the project's own collections declare every access operation in their config", () => {
    const missing: string[] = []
    for (const collection of t.config.collections) {
      const own = declared.collections[collection.slug]
      if (!own) continue
      const required = ['create', 'delete', 'read', 'update']
      if (collection.auth) required.push('admin', 'unlock')
      if (collection.versions) required.push('readVersions')
      for (const operation of required) {
        if (!own.access.includes(operation)) missing.push(`${collection.slug}.access.${operation}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('every collection Payload or a plugin added is decided in src/platform/access/builtIns.ts, and has that access', () => {
    const added = t.config.collections.filter((collection) => !declared.collections[collection.slug])
    // Payload's own, at least: the suite must not pass by finding none
    expect(added.map((collection) => collection.slug)).toEqual(
      expect.arrayContaining(['payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-jobs']),
    )
    const undecided = added.map((collection) => collection.slug).filter((slug) => !BUILT_IN_COLLECTIONS[slug])
    // a name here: decide its access in src/platform/access/builtIns.ts (and document it in docs/rules/access.md)
    expect(undecided).toEqual([])
    for (const collection of added) {
      const decision = BUILT_IN_COLLECTIONS[collection.slug]!
      for (const operation of ['create', 'delete', 'read', 'update'] as const) {
        expect([collection.slug, operation, collection.access[operation]]).toEqual([
          collection.slug,
          operation,
          decision.access[operation],
        ])
      }
    }
    // and no decision is left for a collection that no longer exists
    expect(Object.keys(BUILT_IN_COLLECTIONS).filter((slug) => !added.some((c) => c.slug === slug))).toEqual([])
  })

  it('every global is declared by the project or decided, and has that access', () => {
    const added = t.config.globals.filter((global) => !declared.globals[global.slug])
    expect(added.map((global) => global.slug)).toContain('payload-jobs-stats')
    expect(added.map((global) => global.slug).filter((slug) => !BUILT_IN_GLOBALS[slug])).toEqual([])
    for (const global of added) {
      const decision = BUILT_IN_GLOBALS[global.slug]!
      expect(global.access.read).toBe(decision.access.read)
      expect(global.access.update).toBe(decision.access.update)
    }
    for (const global of t.config.globals.filter((g) => declared.globals[g.slug])) {
      expect(declared.globals[global.slug]!.access).toEqual(expect.arrayContaining(['read', 'update']))
    }
  })

  it('the jobs queue has explicit run, queue and cancel access', () => {
    expect(t.config.jobs.access?.run).toBe(jobsQueueAccess.run)
    expect(t.config.jobs.access?.queue).toBe(jobsQueueAccess.queue)
    expect(t.config.jobs.access?.cancel).toBe(jobsQueueAccess.cancel)
  })

  it.each(['anonymous', 'member', 'owner'] as const)(
    '%s reads none of the collections and globals Payload added (REST, Local API)',
    async (name) => {
      const auth = actors[name]
      const user = auth ? await asRequestUser(t, auth) : undefined
      for (const slug of Object.keys(BUILT_IN_COLLECTIONS)) {
        const collection = t.config.collections.find((candidate) => candidate.slug === slug)!
        if (collection.endpoints !== false) {
          const response = await t.api('GET', `/${slug}`, { auth })
          if (response.status === 200) expect((await json(response)).docs).toEqual([])
          else expect([401, 403]).toContain(response.status)
        }
        const local = await t.payload
          .find({ collection: slug as never, overrideAccess: false, user })
          .then((result) => result.docs)
          .catch((error: Error) => error.name)
        expect([slug, local]).toEqual([slug, Array.isArray(local) ? [] : 'Forbidden'])
      }
      for (const slug of Object.keys(BUILT_IN_GLOBALS)) {
        expect([401, 403]).toContain((await t.api('GET', `/globals/${slug}`, { auth })).status)
      }
    },
  )
})

describe('endpoints', () => {
  it('every endpoint is declared by the project or decided in src/platform/access/builtIns.ts', () => {
    const rows = allEndpoints(t.config)
    // Payload's own endpoints are among them: the suite must not pass by finding none
    expect(rows.filter((row) => !row.declaredHere).length).toBeGreaterThan(20)
    const undecided = rows
      .filter((row) => !row.declaredHere && !endpointDecision(row.mount, endpointKey(row.endpoint)))
      .map((row) => `${row.where} ${endpointKey(row.endpoint)}`)
    // a line here: decide who may call it in src/platform/access/builtIns.ts (and docs/rules/access.md)
    expect(undecided).toEqual([])
  })

  it('no decision is left for an endpoint that no longer exists', () => {
    const mounted = new Set(
      allEndpoints(t.config).flatMap((row) =>
        scopesOf(row.mount).map((scope) => `${scope}|${endpointKey(row.endpoint)}`),
      ),
    )
    const stale = Object.entries(BUILT_IN_ENDPOINTS).flatMap(([scope, decisions]) =>
      Object.keys(decisions ?? {})
        .map((key) => `${scope}|${key}`)
        .filter((entry) => !mounted.has(entry)),
    )
    expect(stale).toEqual([])
  })

  const restricted: Who[] = ['nobody', 'staff', 'superuser', 'superuser or run secret']

  it.each(['anonymous', 'member', 'owner'] as const)(
    '%s is refused by every endpoint decided for staff or superusers only, or switched off',
    async (name) => {
      const rows = allEndpoints(t.config).filter((row) => {
        const decision = row.declaredHere ? undefined : endpointDecision(row.mount, endpointKey(row.endpoint))
        return decision && restricted.includes(decision.who)
      })
      expect(rows.length).toBeGreaterThan(5)
      for (const row of rows) {
        const url = row.url.replace(':key', 'probe-key').replace(':id', page.id)
        const response = await t.api(row.endpoint.method.toUpperCase(), url, {
          auth: actors[name] as Auth,
          body: ['get', 'delete'].includes(row.endpoint.method) ? undefined : {},
        })
        // refused: a 4xx, never a success and never a crash
        expect([row.endpoint.method, url, response.status >= 400 && response.status < 500]).toEqual([
          row.endpoint.method,
          url,
          true,
        ])
      }
    },
  )

  /**
   * The endpoints open to anyone, the caller or a token holder: what each
   * shows anonymously. A decision without a probe here fails the test below.
   */
  const PROBES: Record<string, (auth: Auth) => Promise<void>> = {
    'root|GET /access': async (auth) => {
      const body = await json(await t.api('GET', '/access', { auth }))
      // the caller's own permissions: Payload's bookkeeping is closed to them (refused entries are left out)
      for (const slug of Object.keys(BUILT_IN_COLLECTIONS)) expect(Boolean(body.collections?.[slug]?.read)).toBe(false)
      expect(Boolean(body.globals?.['payload-jobs-stats']?.read)).toBe(false)
      expect(Boolean(body.canAccessAdmin)).toBe(false)
    },
    'every collection|POST /access/:id?': async (auth) => {
      const body = await json(await t.api('POST', `/pages/access/${page.id}`, { auth, body: {} }))
      // the draft is not theirs to read or change
      expect(body.read ?? false).toBe(false)
      expect(body.update ?? false).toBe(false)
    },
    'every global|POST /access': async (auth) => {
      const body = await json(await t.api('POST', '/globals/payload-jobs-stats/access', { auth, body: {} }))
      expect(body.read ?? false).toBe(false)
      expect(body.update ?? false).toBe(false)
    },
    'every auth collection|POST /login': async (auth) => {
      const response = await t.api('POST', '/users/login', {
        auth,
        body: { email: actors.staff.email, password: 'wrong' },
      })
      expect(response.status).toBe(401)
    },
    'every auth collection|GET /me': async (auth) => {
      const body = await json(await t.api('GET', '/users/me', { auth }))
      expect(body.user?.id ?? null).toBe(auth && 'id' in auth ? auth.id : null)
    },
    'every auth collection|POST /refresh-token': async (auth) => {
      const response = await t.api('POST', '/users/refresh-token', { auth })
      if (!auth) expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    },
    'every auth collection|GET /init': async (auth) => {
      expect(await json(await t.api('GET', '/users/init', { auth }))).toEqual({ initialized: true })
    },
    'every auth collection|POST /first-register': async (auth) => {
      const email = `${unique('late')}@example.org`
      const response = await t.api('POST', '/users/first-register', {
        auth,
        body: { email, password: 'a-long-password', username: unique('late') },
      })
      expect(response.status).toBe(403)
      // overrideAccess: checking no account was made
      expect(
        (await t.payload.count({ collection: 'users', overrideAccess: true, where: { email: { equals: email } } }))
          .totalDocs,
      ).toBe(0)
    },
    'every auth collection|POST /forgot-password': async (auth) => {
      // the same answer whether or not the address has an account
      const known = await t.api('POST', '/users/forgot-password', { auth, body: { email: actors.member.email } })
      const unknown = await t.api('POST', '/users/forgot-password', {
        auth,
        body: { email: 'nobody-here@example.org' },
      })
      expect(known.status).toBe(unknown.status)
      expect(await known.json()).toEqual(await unknown.json())
    },
    'every auth collection|POST /reset-password': async (auth) => {
      const response = await t.api('POST', '/users/reset-password', {
        auth,
        body: { password: 'taken-over-password', token: 'not-a-token' },
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    },
    'root|GET /og': async (auth) => {
      const response = await t.api('GET', '/og?title=Hello', { auth })
      expect(response.status).toBeLessThan(500)
      expect(response.headers.get('content-type') ?? '').not.toMatch(/json/)
    },
    // last: it ends the caller's session
    'every auth collection|POST /logout': async (auth) => {
      const response = await t.api('POST', '/users/logout', { auth })
      expect(response.status).toBeLessThan(500)
      // nobody else's session ended: staff are still logged in
      expect((await json(await t.api('GET', '/users/me', { auth: actors.staff }))).user?.id).toBe(actors.staff.id)
    },
  }

  it('every endpoint open to anyone, the caller or a token holder has a probe', () => {
    const open: Who[] = ['anyone', 'the caller', 'token holder']
    const decided = Object.entries(BUILT_IN_ENDPOINTS).flatMap(([scope, decisions]) =>
      Object.entries(decisions ?? {})
        .filter(([, decision]) => open.includes((decision as EndpointDecision).who))
        .map(([key]) => `${scope}|${key}`),
    )
    expect(decided.filter((entry) => !PROBES[entry])).toEqual([])
  })

  it.each(['anonymous', 'member'] as const)('%s gets only what the open endpoints decide', async (name) => {
    // a member of their own: the logout probe ends their session
    const auth = name === 'member' ? await t.makeUser('member') : undefined
    for (const probe of Object.values(PROBES)) await probe(auth)
  })
})

describe('what is not decided refuses everyone', () => {
  const fakePayload = (config: Partial<SanitizedConfig>) => {
    const errors: string[] = []
    const payload = { config, logger: { error: (message: string) => errors.push(message) } } as unknown as Payload
    return { errors, payload }
  }
  const handler = async () => Response.json({ ok: true })

  it('an undecided collection, global or endpoint added after the project declared its own', async () => {
    const collection = {
      access: { create: () => true, delete: () => true, read: () => true, update: () => true },
      auth: false,
      endpoints: [
        { handler, method: 'get', path: '/' },
        { handler, method: 'post', path: '/surprise' },
      ],
      hooks: { beforeValidate: [] },
      slug: 'payload-surprise',
    }
    const global = { access: { read: () => true, update: () => true }, endpoints: [], slug: 'payload-surprise-global' }
    const config = {
      collections: [collection],
      endpoints: [{ handler, method: 'get', path: '/surprise' }],
      globals: [global],
    } as unknown as SanitizedConfig
    const { errors, payload } = fakePayload(config)
    applyDecidedAccess(payload, { collections: {}, endpoints: [], globals: {} })
    expect(collection.access).toMatchObject({ create: nobody, delete: nobody, read: nobody, update: nobody })
    expect(global.access).toMatchObject({ read: nobody, update: nobody })
    const [crud, surprise] = collection.endpoints as unknown as Endpoint[]
    // Payload's list route stays (the collection's access, now nobody, decides); the unknown one refuses
    expect(crud!.handler).toBe(handler)
    expect((await surprise!.handler({} as never)).status).toBe(403)
    expect((await config.endpoints[0]!.handler({} as never)).status).toBe(403)
    expect(errors.length).toBe(4)
  })
})
