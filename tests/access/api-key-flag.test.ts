/**
 * Who has an API key is private: the built-in `enableAPIKey` flag (and the
 * key fields beside it) are read by the user and staff only, and no one can
 * list users by them.
 */
import { makeActors, type Actors } from '../helpers/actors'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors
let keyHolder: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  keyHolder = actors.owner
  const response = await t.api('POST', '/users/api-key', { auth: keyHolder })
  expect(response.status).toBe(201)
})
afterAll(async () => {
  await t?.close()
})

const KEY_FIELDS = ['enableAPIKey', 'apiKey', 'apiKeyIndex', 'hasAPIKey']

describe('reading the API key flag', () => {
  it.each(['anonymous', 'member'] as const)('%s sees no key field on a public profile', async (name) => {
    const auth = actors[name] as Auth
    const one = await json(await t.api('GET', `/users/${keyHolder.id}`, { auth }))
    expect(one.id).toBe(keyHolder.id)
    const list = await json(await t.api('GET', '/users?limit=100', { auth }))
    const listed = (list.docs as Json[]).find((doc) => doc.id === keyHolder.id)
    expect(listed).toBeDefined()
    for (const field of KEY_FIELDS) {
      expect(one[field]).toBeUndefined()
      expect(listed![field]).toBeUndefined()
    }
    const gql = await t.graphql(`{ User(id: "${keyHolder.id}") { id enableAPIKey } }`, { auth })
    expect(gql.data?.User?.enableAPIKey ?? null).toBeNull()
  })

  it('the user and staff see it', async () => {
    for (const auth of [keyHolder, actors.staff]) {
      const one = await json(await t.api('GET', `/users/${keyHolder.id}`, { auth }))
      expect(one.enableAPIKey).toBe(true)
    }
  })
})

describe('filtering on the API key flag', () => {
  it('the filter would find the key holder if access allowed it (control)', async () => {
    // overrideAccess: the same filter, as the system
    const { docs } = await t.payload.find({
      collection: 'users',
      overrideAccess: true,
      where: { enableAPIKey: { equals: true } },
    })
    expect(docs.map((doc) => doc.id)).toContain(keyHolder.id)
  })

  it.each(['anonymous', 'member'] as const)('%s cannot list who has a key (REST, GraphQL)', async (name) => {
    const auth = actors[name] as Auth
    for (const query of [
      'where[enableAPIKey][equals]=true',
      'where[enableAPIKey][exists]=true',
      'where[apiKeyIndex][exists]=true',
    ]) {
      const response = await t.api('GET', `/users?${query}`, { auth })
      expect(response.status).toBe(400)
      expect(JSON.stringify(await json(response))).toMatch(/enableAPIKey|apiKeyIndex/)
    }
    const gql = await t.graphql('{ Users(where: { enableAPIKey: { equals: true } }) { docs { id } } }', { auth })
    expect((gql.data?.Users?.docs ?? []).map((doc: Json) => doc.id)).not.toContain(keyHolder.id)
    expect(gql.errors?.length ?? 0).toBeGreaterThan(0)
  })
})
