/** Shared helpers for the python.org API tests (not a test file itself). */
import crypto from 'node:crypto'

import type { Release, User } from '../../payload-types'
import { seedEssentials } from '../../seed/seed'
import type { TestContext, TestUser } from '../helpers/harness'
import { unique } from '../helpers/assertions'

export { json, unique } from '../helpers/assertions'

export type Json = Record<string, any>

/** A user of the API and the header values its key makes. */
export type KeyUser = TestUser & { key: string; v1: string; v2: string }

/**
 * A user with a Payload API key (written by the system, as an admin would
 * generate it) and the Authorization headers of both API versions.
 */
export const makeKeyUser = async (
  t: TestContext,
  role: 'member' | 'staff' | 'superuser',
  overrides: Record<string, unknown> = {},
): Promise<KeyUser> => {
  const key = crypto.randomUUID()
  const user = await t.makeUser(role, { apiKey: key, enableAPIKey: true, ...overrides })
  return { ...user, key, v1: `ApiKey ${user.username}:${key}`, v2: `Token ${key}` }
}

/** A user document to pass as `user` to the Local API. */
export const asUser = async (t: TestContext, user: TestUser): Promise<User> => ({
  ...(await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })),
  collection: 'users' as const,
})

/**
 * A fresh database's downloads world: the seed (its superuser is the first
 * user, and the OS rows with python.org's ids: Windows 1, macOS 2, Source 3,
 * Android 4, iOS 5), then a staff and a member with API keys.
 */
export const setUpWorld = async (t: TestContext) => {
  await seedEssentials(t.payload, () => undefined)
  const staff = await makeKeyUser(t, 'staff')
  const member = await makeKeyUser(t, 'member')
  const os = async (slug: string) => {
    const { docs } = await t.payload.find({
      collection: 'download-os',
      limit: 1,
      overrideAccess: true,
      where: { slug: { equals: slug } },
    })
    return docs[0]!
  }
  return { member, os, staff }
}

/** A release created by a staff user through the Local API, with access control on. */
export const createRelease = async (
  t: TestContext,
  staff: TestUser,
  data: Partial<Release> & { name: string },
): Promise<Release> =>
  t.payload.create({
    collection: 'releases',
    data: { isPublished: true, ...data } as never,
    overrideAccess: false,
    user: await asUser(t, staff),
  })

/** A file written by the system, for read tests. */
export const createFile = async (
  t: TestContext,
  { os, release, ...data }: { os: string; release: string } & Record<string, unknown>,
) =>
  t.payload.create({
    collection: 'release-files',
    data: {
      name: unique('file'),
      os,
      release,
      url: `https://www.python.org/ftp/python/${unique('v')}/${unique('f')}.tgz`,
      ...data,
    } as never,
    overrideAccess: true,
  })

/** Counts rows as the system sees them. */
export const countFiles = async (t: TestContext, release?: string) =>
  (
    await t.payload.count({
      collection: 'release-files',
      overrideAccess: true,
      ...(release ? { where: { release: { equals: release } } } : {}),
    })
  ).totalDocs

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')
export const md5 = (text: string) => crypto.createHash('md5').update(text).digest('hex')

/** The integer the release tooling parses out of a URI. */
export const idFromUri = (uri: string): number => {
  const last = uri.replace(/\/+$/, '').split('/').at(-1)!
  expect(last).toMatch(/^\d+$/)
  return Number.parseInt(last, 10)
}
