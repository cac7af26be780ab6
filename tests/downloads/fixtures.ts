/** Shared helpers for the downloads tests (not a test file itself). */

import pg from 'pg'

import type { Release, ReleaseFile } from '../../payload-types'
import type { TestContext } from '../helpers/harness'
import { json, unique } from '../helpers/assertions'

export { json, unique } from '../helpers/assertions'

export type Json = Record<string, any>

/** Field paths named by a Payload error response, plus its messages. */
export const describeErrors = (body: Json) => ({
  messages: (body.errors ?? []).flatMap((error: Json) => [
    String(error?.message ?? ''),
    ...(error?.data?.errors ?? []).map((item: Json) => String(item?.message ?? '')),
  ]),
  paths: (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path)),
})

/**
 * A 4xx (never a 500) whose body names `field` as an error path, and
 * whose messages match `rule` when given.
 */
export const expectClientError = async (
  response: Response,
  { field, rule, status }: { field?: string; rule?: RegExp; status?: number } = {},
) => {
  const body = await json(response)
  if (status) expect(response.status).toBe(status)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const { messages, paths } = describeErrors(body)
  expect(messages.length).toBeGreaterThan(0)
  if (field) expect(paths).toContain(field)
  if (rule) expect(messages.join(' | ')).toMatch(rule)
  return body
}

/** A message-only 4xx from a custom endpoint (APIError): the status and the words in it. */
export const expectEndpointError = async (response: Response, status: number, words: RegExp) => {
  const body = await json(response)
  expect(response.status).toBe(status)
  expect(JSON.stringify(body.errors ?? body)).toMatch(words)
  return body
}

/** A release written by the system: fixtures for read tests. */
export const seedRelease = async (t: TestContext, data: Partial<Release> & { name: string }): Promise<Release> =>
  t.payload.create({
    collection: 'releases',
    data: { isPublished: true, ...data } as never,
    overrideAccess: true,
  })

let osCounter = 0

/** An operating system row written by the system. */
export const seedOS = async (t: TestContext, name?: string) => {
  osCounter += 1
  return t.payload.create({
    collection: 'download-os',
    data: { name: name ?? `OS ${osCounter} ${unique('os')}`, slug: unique('os') },
    overrideAccess: true,
  })
}

/** A file URL that no other file in the run uses. */
export const fileUrl = (ext = 'tar.xz') => `https://www.python.org/ftp/python/${unique('f')}/Python.${ext}`

/** A release file written by the system. */
export const seedFile = async (
  t: TestContext,
  release: { id: string },
  os: { id: string },
  data: Partial<ReleaseFile> = {},
): Promise<ReleaseFile> =>
  t.payload.create({
    collection: 'release-files',
    data: { name: unique('file'), os: os.id, release: release.id, url: fileUrl(), ...data } as never,
    overrideAccess: true,
  })

/** A raw connection to the test file's own database, for checks beneath Payload. */
export const withSql = async <T>(t: TestContext, run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: t.databaseUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Ids of the releases flagged latest for `version`, straight from the table. */
export const latestIds = (t: TestContext, version: string) =>
  withSql(t, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM releases WHERE version = $1 AND is_latest ORDER BY id',
      [version],
    )
    return rows.map((row) => row.id)
  })
