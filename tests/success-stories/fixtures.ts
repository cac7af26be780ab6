/** Shared helpers for the success-stories tests (not a test file itself). */
import crypto from 'node:crypto'

import type { CollectionSlug } from 'payload'

import type { Auth, TestContext, TestUser } from '../helpers/harness'

export type Json = Record<string, any>

export const json = async (response: Response): Promise<Json> => {
  const text = await response.text()
  try {
    return JSON.parse(text) as Json
  } catch {
    throw new Error(`expected a JSON body, got ${response.status}: ${text.slice(0, 200)}`)
  }
}

export const unique = (prefix: string): string => `${prefix}-${crypto.randomBytes(4).toString('hex')}`

/** The field paths a Payload validation error names. */
export const errorPaths = (body: Json): string[] =>
  (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path))

/** A 4xx (never a 500) whose body names `field` as an error path. */
export const expectClientError = async (response: Response, field?: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect((body.errors ?? []).length).toBeGreaterThan(0)
  if (field) expect(errorPaths(body)).toContain(field)
  return body
}

/** 403 or 404: refused, without saying more. */
export const expectRefused = (response: Response) => expect([403, 404]).toContain(response.status)

/** Every row of a collection as the system sees it, to compare before and after. */
export const snapshot = async (t: TestContext, collection: CollectionSlug) => {
  // overrideAccess: the test reads the whole table, not as a user
  const { docs } = await t.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, sort: 'createdAt' })
  return JSON.stringify(docs)
}

/** Runs `attempt` and checks each collection is exactly as it was. */
export const expectUnchanged = async (t: TestContext, collections: CollectionSlug[], attempt: () => Promise<void>) => {
  const before = await Promise.all(collections.map((collection) => snapshot(t, collection)))
  await attempt()
  expect(await Promise.all(collections.map((collection) => snapshot(t, collection)))).toEqual(before)
}

/** The full users row, as `req.user` carries it (access functions read isStaff...). */
export const userDoc = async (t: TestContext, user: TestUser) =>
  // overrideAccess: reading a fixture back, not a user action
  t.payload.findByID({ collection: 'users', depth: 0, id: user.id, overrideAccess: true })

/** A story category, created by staff through REST. */
export const createCategory = async (t: TestContext, staff: TestUser, name = unique('Category')): Promise<Json> => {
  const response = await t.api('POST', '/story-categories', { auth: staff, body: { name } })
  if (response.status !== 201) throw new Error(`creating a category failed: ${response.status} ${await response.text()}`)
  return (await json(response)).doc as Json
}

export const storyData = (category: string, overrides: Json = {}): Json => ({
  category,
  companyName: 'ACME Corp',
  companyUrl: 'https://acme.example.org/',
  content: 'We use *Python* everywhere.',
  name: unique('How ACME uses Python'),
  ...overrides,
})

/** A story submitted through REST by `auth`; the created document. */
export const submitStory = async (t: TestContext, auth: Auth, category: string, overrides: Json = {}): Promise<Json> => {
  const response = await t.api('POST', '/success-stories', { auth, body: storyData(category, overrides) })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`submitting a story failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** The stored row, as the system sees it. */
export const readStory = async (t: TestContext, id: string) =>
  // overrideAccess: the test checks what was stored
  (await t.payload.findByID({ collection: 'success-stories', depth: 0, id, overrideAccess: true })) as unknown as Json
