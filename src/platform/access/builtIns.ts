import type { Access, CollectionBeforeValidateHook, Endpoint } from 'payload'

import { ownAdminRecord } from '../../../access/adminPanel'
import { isStaff } from '../../../access/isStaff'
import { isSuperuser } from '../../../access/isSuperuser'
import { nobody } from '../../../access/nobody'
import { lockBelongsToRequester } from '../../../hooks/platform/lockBelongsToRequester'
import { ownPreferenceRoute } from './preferences'

/**
 * The access decided for everything Payload (and the plugins) add to the
 * config on their own: collections, globals and endpoints. Payload's
 * defaults let any logged-in user in; here each one is decided, and
 * `explicitAccess` (./explicitAccess.ts) applies the decisions. Anything
 * added later (a Payload upgrade, a new plugin) that is not listed here is
 * refused to everyone until someone decides its access, and
 * tests/access/payload-built-ins.test.ts fails until then. The rules, in
 * words: docs/rules/access.md.
 */

export type CollectionDecision = {
  access: { create: Access; delete: Access; read: Access; update: Access }
  /** hooks run on API writes (Payload's own code writes these rows straight to the database) */
  beforeValidate?: CollectionBeforeValidateHook[]
  /** wraps each of the collection's own endpoints (other than the CRUD ones) */
  guardEndpoint?: (endpoint: Endpoint) => Endpoint
  why: string
}

export type GlobalDecision = {
  access: { read: Access; update: Access }
  why: string
}

/** Who may call an endpoint; the tests probe each kind. */
export type Who =
  /** public by design (it tells nothing about anyone else) */
  | 'anyone'
  /** acts on the caller's own session, account or permissions only */
  | 'the caller'
  /** needs a secret token the server mailed to the account's owner */
  | 'token holder'
  /** Payload's CRUD routes: the collection's or global's own access decides */
  | 'collection access'
  | 'global access'
  | 'staff'
  | 'superuser'
  /** a superuser, or a scheduler presenting PAYLOAD_JOBS_RUN_SECRET */
  | 'superuser or run secret'
  /** switched off: the endpoint answers 403 to everyone */
  | 'nobody'

export type EndpointDecision = { who: Who; why: string }

export const BUILT_IN_COLLECTIONS: Record<string, CollectionDecision> = {
  'payload-locked-documents': {
    access: { create: isStaff, delete: ownAdminRecord, read: isStaff, update: isStaff },
    beforeValidate: [lockBelongsToRequester],
    why:
      "The admin panel's edit locks. Staff take, see and take over locks; a lock is always its taker's; only " +
      'its holder releases it. Members and anonymous users never see who edits what.',
  },
  'payload-kv': {
    access: { create: nobody, delete: nobody, read: nobody, update: nobody },
    why: "Payload's key-value store: used by Payload itself through the database only.",
  },
  'payload-migrations': {
    access: { create: nobody, delete: nobody, read: isSuperuser, update: nobody },
    why: 'Which migrations ran: written by `payload migrate` only; superusers may read it.',
  },
  'payload-jobs': {
    access: { create: nobody, delete: nobody, read: isSuperuser, update: nobody },
    why:
      'The jobs queue: written by the system (queueing, the runner); superusers may read it to see failures. ' +
      'Running and scheduling it is decided by `jobs.access` (access/jobsQueue.ts).',
  },
  'payload-preferences': {
    access: { create: isStaff, delete: ownAdminRecord, read: ownAdminRecord, update: ownAdminRecord },
    guardEndpoint: ownPreferenceRoute,
    why: "The admin panel's per-user preferences (columns, open groups): staff, each their own only.",
  },
}

export const BUILT_IN_GLOBALS: Record<string, GlobalDecision> = {
  'payload-jobs-stats': {
    access: { read: isSuperuser, update: nobody },
    why: "The scheduler's record of when each scheduled task last ran: written by the scheduler only.",
  },
}

/** Where an endpoint is mounted: at /api, on every collection (or every auth or upload one), on every global, or on one of them. */
export type EndpointScope =
  | 'root'
  | 'every collection'
  | 'every auth collection'
  | 'every upload collection'
  | 'every global'
  | `collections/${string}`
  | `globals/${string}`

/** Endpoints by scope and `METHOD /path`, as Payload mounts them. */
export const BUILT_IN_ENDPOINTS: Partial<Record<EndpointScope, Record<string, EndpointDecision>>> = {
  root: {
    'GET /access': { who: 'the caller', why: "the caller's own permissions (what the admin panel may show them)" },
    'GET /og': { who: 'anyone', why: "the admin panel's Open Graph image, drawn from the query's title; no data" },
    'POST /plugin-seo/generate-title': {
      who: 'staff',
      why: 'SEO plugin: admin users who may read or create the document',
    },
    'POST /plugin-seo/generate-description': {
      who: 'staff',
      why: 'SEO plugin: admin users who may read or create the document',
    },
    'POST /plugin-seo/generate-url': {
      who: 'staff',
      why: 'SEO plugin: admin users who may read or create the document',
    },
    'POST /plugin-seo/generate-image': {
      who: 'staff',
      why: 'SEO plugin: admin users who may read or create the document',
    },
  },
  'every collection': {
    'GET /': { who: 'collection access', why: 'list (read access)' },
    'GET /count': { who: 'collection access', why: 'count (read access)' },
    'GET /:id': { who: 'collection access', why: 'one document (read access)' },
    'POST /': { who: 'collection access', why: 'create (create access)' },
    'PATCH /': { who: 'collection access', why: 'update by query (update access)' },
    'PATCH /:id': { who: 'collection access', why: 'update one (update access)' },
    'DELETE /': { who: 'collection access', why: 'delete by query (delete access)' },
    'DELETE /:id': { who: 'collection access', why: 'delete one (delete access)' },
    'POST /:id/duplicate': { who: 'collection access', why: 'copy a document (read and create access)' },
    'GET /versions': {
      who: 'collection access',
      why: 'versions (readVersions: staff on the collections with a history, src/platform/history/withHistory.ts)',
    },
    'GET /versions/:id': { who: 'collection access', why: 'one version (readVersions)' },
    'POST /versions/:id': {
      who: 'collection access',
      why: 'restore a version (update access; staff only on the collections with a history)',
    },
    'POST /access/:id?': { who: 'the caller', why: "the caller's own permissions on a document" },
  },
  'every auth collection': {
    'POST /login': {
      who: 'anyone',
      why: "with the account's password; inactive accounts refused, lockout after 10 tries",
    },
    'POST /logout': { who: 'the caller', why: "ends the caller's own session" },
    'GET /me': { who: 'the caller', why: "the caller's own account (null when anonymous)" },
    'POST /refresh-token': { who: 'the caller', why: "renews the caller's own token" },
    'GET /init': { who: 'anyone', why: 'whether any account exists yet (the first-user screen)' },
    'POST /first-register': {
      who: 'anyone',
      why: 'only while no account exists; that first account becomes superuser',
    },
    'POST /forgot-password': { who: 'anyone', why: "mails a reset link to the account's own address" },
    'POST /reset-password': { who: 'token holder', why: 'needs the mailed reset token' },
    'POST /verify/:id': { who: 'nobody', why: 'email verification is off: there is nothing to verify' },
    'POST /unlock': { who: 'superuser', why: 'lifting a login lockout (users.access.unlock)' },
  },
  'every upload collection': {
    'GET /file/:filename': { who: 'collection access', why: 'the stored file, when its document is readable' },
    'GET /paste-url/:id?': { who: 'nobody', why: 'fetching an upload from a URL server-side is not enabled anywhere' },
  },
  'every global': {
    'GET /': { who: 'global access', why: 'read' },
    'POST /': { who: 'global access', why: 'update' },
    'POST /access': { who: 'the caller', why: "the caller's own permissions on the global" },
    'GET /versions': { who: 'global access', why: 'versions (readVersions; no global keeps versions)' },
    'GET /versions/:id': { who: 'global access', why: 'one version' },
    'POST /versions/:id': { who: 'global access', why: 'restore a version (update access)' },
  },
  'collections/payload-jobs': {
    'GET /run': { who: 'superuser or run secret', why: 'works the queue (jobs.access.run)' },
    'GET /handle-schedules': { who: 'superuser or run secret', why: 'queues scheduled tasks (jobs.access.run)' },
  },
  'collections/payload-preferences': {
    'GET /:key': { who: 'staff', why: "the staff member's own preference" },
    'POST /:key': { who: 'staff', why: "stores the staff member's own preference" },
    'DELETE /:key': { who: 'staff', why: "removes the staff member's own preference" },
  },
}

export const endpointKey = (endpoint: Pick<Endpoint, 'method' | 'path'>): string =>
  `${endpoint.method.toUpperCase()} ${endpoint.path}`

/** The decision for an endpoint mounted on a collection (or global, or at the root), if one was made. */
export type EndpointMount =
  | { auth: boolean; kind: 'collection'; slug: string; upload: boolean }
  | { kind: 'global'; slug: string }
  | { kind: 'root' }

/** The scopes a mount's endpoints are looked up in, most specific first. */
export const scopesOf = (mount: EndpointMount): EndpointScope[] => {
  if (mount.kind === 'root') return ['root']
  if (mount.kind === 'global') return [`globals/${mount.slug}`, 'every global']
  return [
    `collections/${mount.slug}`,
    ...(mount.auth ? (['every auth collection'] as const) : []),
    ...(mount.upload ? (['every upload collection'] as const) : []),
    'every collection',
  ]
}

export const endpointDecision = (mount: EndpointMount, key: string): EndpointDecision | undefined => {
  const scopes = scopesOf(mount)
  for (const scope of scopes) {
    const decision = BUILT_IN_ENDPOINTS[scope]?.[key]
    if (decision) return decision
  }
  return undefined
}
