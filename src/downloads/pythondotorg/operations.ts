import type { PayloadRequest, Where } from 'payload'

import { PYTHONDOTORG_API_WRITE } from '../../../fields/pythondotorgRules'
import type { ApiUser } from './auth'
import { notFound } from './errors'
import { RESOURCES, type ResourceName } from './resources'
import { POPULATE_LEGACY_ID, READ_SHAPE } from './serializers'

/**
 * Every read and write of python.org's API goes through the Local API as the
 * authenticated caller (or anonymously), with access control on: which
 * releases a reader sees and who may write come from the collections' own
 * access rules, exactly as for REST, GraphQL and the admin panel.
 */
export type Actor = { req: PayloadRequest; user: ApiUser | null }

type Doc = Record<string, unknown> & { id: string; legacyId?: null | number }

/**
 * The Local API with the collection chosen at run time: its generics cannot
 * follow a slug from a table, so the calls here are typed by what they return.
 */
type LocalApi = {
  create: (options: object) => Promise<Doc>
  delete: (options: object) => Promise<unknown>
  find: (options: object) => Promise<{ docs: Doc[]; totalDocs: number }>
  update: (options: object) => Promise<Doc>
}

const local = ({ req }: Actor): LocalApi => req.payload as unknown as LocalApi

/** From now on this request is the key's owner, or nobody (never a session cookie). */
export const actAs = (req: PayloadRequest, user: ApiUser | null): Actor => {
  req.user = user
  return { req, user }
}

const as = ({ req, user }: Actor) => ({ overrideAccess: false, req, ...(user ? { user } : {}) })

/**
 * python.org's models' own ordering (their `Meta.ordering`), which both API
 * versions listed in; the legacy id last, so offsets page through one
 * stable sequence.
 */
const SORT: Record<ResourceName, string[]> = {
  os: ['name', 'legacyId'],
  page: ['title', 'path', 'legacyId'],
  release: ['name', 'legacyId'],
  release_file: ['-release.isPublished', 'release.name', 'os.name', 'name', 'legacyId'],
}

const readOptions = (resource: ResourceName) => ({
  collection: RESOURCES[resource].collection,
  depth: READ_SHAPE[resource].depth,
  populate: POPULATE_LEGACY_ID,
  select: READ_SHAPE[resource].select,
  sort: SORT[resource],
})

/** The UUID behind a legacy id, when the caller may see that document. */
export const idForLegacyId = async (
  actor: Actor,
  resource: ResourceName,
  legacyId: number,
): Promise<string | undefined> => {
  const { docs } = await local(actor).find({
    ...as(actor),
    collection: RESOURCES[resource].collection,
    depth: 0,
    limit: 1,
    pagination: false,
    select: { legacyId: true },
    where: { legacyId: { equals: legacyId } },
  })
  return docs[0]?.id
}

/** One document by its legacy id, or a 404 (also when the caller may not see it). */
export const readOne = async (actor: Actor, resource: ResourceName, legacyId: number): Promise<Doc> => {
  const { docs } = await local(actor).find({
    ...as(actor),
    ...readOptions(resource),
    limit: 1,
    pagination: false,
    where: { legacyId: { equals: legacyId } },
  })
  const doc = docs[0]
  if (!doc) throw notFound(RESOURCES[resource].label)
  return doc
}

export type Window = { limit: number; offset: number }

/**
 * A window of the list (`limit` 0: all of it). Payload pages by page number;
 * an offset that is not a multiple of the limit spans two pages, read both.
 */
export const readList = async (
  actor: Actor,
  resource: ResourceName,
  where: Where,
  window: Window = { limit: 0, offset: 0 },
): Promise<{ docs: Doc[]; totalDocs: number }> => {
  const find = (options: Record<string, unknown>) =>
    local(actor).find({ ...as(actor), ...readOptions(resource), where, ...options })
  const { limit, offset } = window
  if (!limit) {
    const { docs } = await find({ pagination: false })
    return { docs: docs.slice(offset), totalDocs: docs.length }
  }
  const page = Math.floor(offset / limit) + 1
  const first = await find({ limit, page })
  const skip = offset % limit
  if (!skip || first.docs.length < limit) return { docs: first.docs.slice(skip), totalDocs: first.totalDocs }
  const second = await find({ limit, page: page + 1 })
  return { docs: [...first.docs, ...second.docs].slice(skip, skip + limit), totalDocs: first.totalDocs }
}

/**
 * Writes through this API are held to python.org's field rules where this
 * project's are stricter (fields/pythondotorgRules.ts): its clients send what
 * python.org accepted.
 */
const writeContext = { [PYTHONDOTORG_API_WRITE]: true }

export const createDoc = async (actor: Actor, resource: ResourceName, data: Record<string, unknown>): Promise<Doc> =>
  local(actor).create({
    ...as(actor),
    collection: RESOURCES[resource].collection,
    context: writeContext,
    data,
    depth: 0,
  })

export const updateDoc = async (
  actor: Actor,
  resource: ResourceName,
  id: string,
  data: Record<string, unknown>,
): Promise<Doc> =>
  local(actor).update({
    ...as(actor),
    collection: RESOURCES[resource].collection,
    context: writeContext,
    data,
    depth: 0,
    id,
  })

export const deleteDoc = async (actor: Actor, resource: ResourceName, id: string): Promise<void> => {
  await local(actor).delete({ ...as(actor), collection: RESOURCES[resource].collection, depth: 0, id })
}

/** Every file of one release, in one operation (one transaction). */
export const deleteFilesOfRelease = async (actor: Actor, releaseId: string): Promise<number> => {
  const result = (await local(actor).delete({
    ...as(actor),
    collection: 'release-files',
    depth: 0,
    where: { release: { equals: releaseId } },
  })) as { docs: unknown[]; errors: { message: string }[] }
  if (result.errors.length)
    throw new Error(`deleting release files failed: ${result.errors.map((error) => error.message).join('; ')}`)
  return result.docs.length
}
