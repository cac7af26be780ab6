/** Assertions and reads the integration tests share (not a test file itself). */
import crypto from 'node:crypto'

import type pg from 'pg'
import type { CollectionSlug, Payload } from 'payload'

import type { Auth, TestContext, TestUser } from './harness'

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

/** The messages of a Payload error body, joined. */
export const messages = (body: Json): string =>
  (body.errors ?? []).map((error: Json) => String(error?.message ?? '')).join(' | ')

/** Raw SQL on the test file's own database (Payload's pool): fixtures and checks of what was stored. */
export const query = async (t: TestContext, text: string, params: unknown[] = []) =>
  (t.payload.db as unknown as { pool: pg.Pool }).pool.query(text, params)

/** The user as `req.user` carries it, for Local API calls with `user` and `overrideAccess: false`. */
export const asRequestUser = async (t: TestContext, user: TestUser) =>
  ({ ...(await userDoc(t, user)), collection: 'users' }) as never

/**
 * The admin panel's own save: PATCH /api/<collection>/:id?depth=0 with the
 * whole form (every field of the document as loaded, changed or not) as
 * multipart `_payload`, exactly as the edit view submits it.
 */
export const adminSave = async (
  t: TestContext,
  auth: Auth,
  collection: CollectionSlug,
  id: string,
  changes: Json,
  { omit = [] }: { omit?: string[] } = {},
) => {
  // the form holds the document as loaded (overrideAccess: a fixture read, so
  // that a user who may not read the document can still try to save it)
  const doc = (await t.payload.findByID({ collection, depth: 0, id, overrideAccess: true })) as Json
  const fields: Json = { ...doc }
  for (const key of ['createdAt', 'id', 'updatedAt', ...omit]) delete fields[key]
  const boundary = `----PayloadAdminForm${crypto.randomBytes(8).toString('hex')}`
  const rawBody = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="_payload"',
    '',
    JSON.stringify({ ...fields, ...changes }),
    `--${boundary}--`,
    '',
  ].join('\r\n')
  return t.api('PATCH', `${collection}/${id}?depth=0&fallback-locale=null`, {
    auth,
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    rawBody,
  })
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const

export type CapturedLog = { args: unknown[]; level: string }

/**
 * Everything a Payload instance logs from now until `restore()`, at every
 * level, instead of printing it.
 */
export const captureLogs = (payload: Payload) => {
  const lines: CapturedLog[] = []
  const logger = payload.logger as unknown as Record<string, (...args: unknown[]) => void>
  const originals = LOG_LEVELS.map((level) => [level, logger[level]] as const)
  for (const level of LOG_LEVELS) logger[level] = (...args: unknown[]) => void lines.push({ args, level })
  return {
    /** the lines at `level` or above */
    atLeast: (level: (typeof LOG_LEVELS)[number]) =>
      lines.filter((line) => LOG_LEVELS.indexOf(line.level as never) >= LOG_LEVELS.indexOf(level)),
    lines,
    restore: () => {
      for (const [level, original] of originals) logger[level] = original!
    },
  }
}

/**
 * The admin panel's own create: POST /api/<collection>?depth=0 with the form
 * as multipart `_payload`, exactly as the create view submits it.
 */
export const adminCreate = async (t: TestContext, auth: Auth, collection: CollectionSlug, data: Json) => {
  const boundary = `----PayloadAdminForm${crypto.randomBytes(8).toString('hex')}`
  const rawBody = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="_payload"',
    '',
    JSON.stringify(data),
    `--${boundary}--`,
    '',
  ].join('\r\n')
  return t.api('POST', `${collection}?depth=0&fallback-locale=null`, {
    auth,
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    rawBody,
  })
}
