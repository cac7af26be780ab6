/** Assertions and reads the integration tests share (not a test file itself). */
import crypto from 'node:crypto'

import type { CollectionSlug } from 'payload'

import type { TestContext, TestUser } from './harness'

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

/** A 4xx (never a 500) whose body names `field` as an error path (or matches it, given a RegExp). */
export const expectClientError = async (response: Response, field?: RegExp | string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const messages = (body.errors ?? []).map((error: Json) => String(error?.message ?? ''))
  expect(messages.length).toBeGreaterThan(0)
  if (typeof field === 'string') expect(errorPaths(body)).toContain(field)
  if (field instanceof RegExp) expect(messages.join(' ')).toMatch(field)
  return body
}

/** 403 or 404: refused, without saying more. */
export const expectRefused = (response: Response) => expect([403, 404]).toContain(response.status)

/** Every row of a collection as the system sees it, to compare before and after. */
export const snapshot = async (t: TestContext, collection: CollectionSlug) => {
  // overrideAccess: the test reads the whole table, not as a user
  const { docs } = await t.payload.find({
    collection,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'createdAt',
  })
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
