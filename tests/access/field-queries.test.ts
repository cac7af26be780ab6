/**
 * A field-level read rule also decides whether a `where` may filter on the
 * field, and Payload checks that with no document at hand. A rule that
 * compares the reader with the document must refuse then, or the filter
 * becomes a yes/no oracle on values the reader may not see (the review's
 * `sessions` hole). This walks every field of every collection in the
 * running config that has a read rule (its own or a parent's, Payload's
 * `hidden` included), and filters on it as anonymous and as a member who
 * owns nothing: through REST, through a relationship from a collection the
 * reader can list, and through GraphQL. Each is refused. Fields whose rule
 * is `anyoneField` are public on purpose and listed as such.
 */
import { formatNames, type FlattenedField, type SanitizedCollectionConfig } from 'payload'

import { anyoneField } from '../../access/anyone'
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, json, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

type RuledField = {
  collection: string
  /** the `where` path, dot-separated */
  path: string
  public: boolean
}

type WithRules = FlattenedField & {
  access?: { read?: unknown }
  flattenedFields?: FlattenedField[]
  hidden?: boolean
  virtual?: boolean | string
}

/** Every leaf field under a read rule, with its path. */
const ruledFields = (collection: SanitizedCollectionConfig): RuledField[] => {
  const found: RuledField[] = []
  const walk = (fields: FlattenedField[], prefix: string, rule: unknown) => {
    for (const field of fields as WithRules[]) {
      if (field.type === 'join') continue
      const path = prefix ? `${prefix}.${field.name}` : field.name
      const own = field.hidden ? 'hidden' : field.access?.read
      const governing = own ?? rule
      if (field.flattenedFields) walk(field.flattenedFields, path, governing)
      else if (governing) found.push({ collection: collection.slug, path, public: governing === anyoneField })
    }
  }
  walk(collection.flattenedFields, '', undefined)
  return found
}

const allRuled = () => t.config.collections.flatMap(ruledFields)
const secret = () => allRuled().filter((field) => !field.public)

const READERS = ['anonymous', 'member'] as const

/** Refused: a 400 naming the path, or the collection itself closed to the reader (401/403). */
const expectRefusedQuery = async (response: Response, path: string, label: string) => {
  const body = await json(response)
  if (response.status === 400) {
    expect([label, JSON.stringify(body).includes(path)]).toEqual([label, true])
    return
  }
  expect([label, [401, 403].includes(response.status)]).toEqual([label, true])
}

describe('the walk itself', () => {
  it('finds the rules that matter (it would fail open if it found none)', () => {
    const paths = secret().map((field) => `${field.collection}.${field.path}`)
    expect(paths).toEqual(
      expect.arrayContaining([
        'users.sessions.id',
        'users.sessions.expiresAt',
        'users.enableAPIKey',
        'users.email',
        'users.isStaff',
        'users.apiKeyIndex',
        'users.loginAttempts',
        'users.lockUntil',
        'users.resetPasswordToken',
        'users.hash',
        'feeds.lastError',
      ]),
    )
  })

  it('public fields are public on purpose: their rule is anyoneField (fields/serverDefaulted)', () => {
    const open = allRuled()
      .filter((field) => field.public)
      .map((field) => `${field.collection}.${field.path}`)
    expect(open).toEqual(expect.arrayContaining(['jobs.status', 'users.searchVisibility', 'pages.contentType']))
  })
})

/**
 * A condition the field's GraphQL operator type accepts: `exists` where
 * offered (required fields have none), else `equals` with a value of its type.
 */
const gqlCondition = async (operatorType: string) => {
  const result = await t.graphql(
    `{ __type(name: "${operatorType}") { inputFields { name type { kind name enumValues { name } } } } }`,
  )
  const inputs = (result.data?.__type?.inputFields ?? []) as Json[]
  if (inputs.some((input) => input.name === 'exists')) return '{ exists: true }'
  const equals = inputs.find((input) => input.name === 'equals')
  if (!equals) throw new Error(`${operatorType} offers neither exists nor equals`)
  const { enumValues, kind, name } = equals.type as Json
  if (kind === 'ENUM') return `{ equals: ${enumValues[0].name} }`
  const values: Record<string, string> = {
    Boolean: 'true',
    DateTime: '"2000-01-01T00:00:00.000Z"',
    EmailAddress: '"someone@example.org"',
    Float: '0',
    Int: '0',
    JSON: '"x"',
    String: '"x"',
  }
  const value = values[name as string]
  if (!value) throw new Error(`${operatorType}: no sample value for ${name}`)
  return `{ equals: ${value} }`
}

describe('every read rule, called as Payload calls it for a `where` (no document)', () => {
  it.each(READERS)('refuses %s unless it is anyoneField', async (name) => {
    const user = name === 'member' ? await asRequestUser(t, actors.member) : null
    const req = { payload: t.payload, user } as never
    const checks: Promise<string | null>[] = []
    const walk = (collection: string, fields: FlattenedField[], prefix: string) => {
      for (const field of fields as WithRules[]) {
        const path = prefix ? `${prefix}.${field.name}` : field.name
        const read = field.access?.read as ((args: Json) => unknown) | undefined
        if (read && read !== anyoneField) {
          const args = { data: undefined, doc: undefined, req, siblingData: {} }
          checks.push(Promise.resolve(read(args)).then((allowed) => (allowed ? `${collection}.${path}` : null)))
        }
        if (field.flattenedFields) walk(collection, field.flattenedFields, path)
      }
    }
    for (const collection of t.config.collections) walk(collection.slug, collection.flattenedFields, '')
    expect(checks.length).toBeGreaterThan(10)
    const opened = (await Promise.all(checks)).filter(Boolean)
    expect(opened).toEqual([])
  })
})

describe('filtering on a field with a read rule', () => {
  it.each(READERS)('REST: %s is refused on every such field', async (name) => {
    const auth = actors[name] as Auth
    for (const { collection, path } of secret()) {
      const response = await t.api('GET', `/${collection}?where[${path}][exists]=true&limit=1`, { auth })
      await expectRefusedQuery(response, path, `${name} ${collection}.${path}`)
    }
  })

  it.each(READERS)('REST through a relationship: %s is refused on every such field', async (name) => {
    const auth = actors[name] as Auth
    const targets = new Set(secret().map((field) => field.collection))
    let hops = 0
    for (const target of targets) {
      // collections the reader can list, with a relationship to the target
      for (const source of t.config.collections) {
        const relation = source.flattenedFields.find(
          (field) => field.type === 'relationship' && field.relationTo === target && !field.hasMany,
        )
        if (!relation) continue
        if ((await t.api('GET', `/${source.slug}?limit=1`, { auth })).status !== 200) continue
        for (const { path } of secret().filter((field) => field.collection === target)) {
          const hop = `${relation.name}.${path}`
          const response = await t.api('GET', `/${source.slug}?where[${hop}][exists]=true&limit=1`, { auth })
          await expectRefusedQuery(response, path, `${name} ${source.slug}.${hop}`)
          hops += 1
        }
        break
      }
    }
    // at least users' fields through a public collection (the review's /api/jobs?where[creator.sessions.id]...)
    expect(hops).toBeGreaterThan(10)
  })

  it.each(READERS)('GraphQL: %s is refused on every such field the schema offers', async (name) => {
    const auth = actors[name] as Auth
    let queried = 0
    for (const collection of t.config.collections) {
      if (collection.graphQL === false) continue
      const fields = secret().filter((field) => field.collection === collection.slug)
      if (!fields.length) continue
      const names = formatNames(collection.slug)
      const singular = collection.graphQL?.singularName ?? names.singular
      const plural = collection.graphQL?.pluralName ?? names.plural
      const list = singular === plural ? `all${singular}` : plural
      const schema = await t.graphql(`{ __type(name: "${singular}_where") { inputFields { name } } }`)
      const offered = new Set((schema.data?.__type?.inputFields ?? []).map((input: Json) => input.name))
      expect([collection.slug, offered.size > 0]).toEqual([collection.slug, true])
      for (const { path } of fields) {
        const gqlPath = path.replace(/\./g, '__')
        // not in the where input at all: cannot be asked (Payload leaves hidden fields out)
        if (!offered.has(gqlPath)) continue
        const condition = await gqlCondition(`${singular}_${gqlPath}_operator`)
        const result = await t.graphql(`{ ${list}(where: { ${gqlPath}: ${condition} }) { docs { id } } }`, { auth })
        const label = `${name} ${collection.slug}.${path}`
        expect([label, result.data?.[list]?.docs ?? []]).toEqual([label, []])
        expect([label, JSON.stringify(result.errors ?? [])]).toEqual([
          label,
          // refused by access ("not allowed"), or by the query check naming the path as GraphQL spells it
          expect.stringMatching(new RegExp(`${path.replace(/\./g, '(\\.|__)')}|not allowed`)),
        ])
        queried += 1
      }
    }
    expect(queried).toBeGreaterThan(10)
  })
})
