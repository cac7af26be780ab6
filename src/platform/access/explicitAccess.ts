import type { Config, Endpoint, Payload, Plugin, SanitizedConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import {
  BUILT_IN_COLLECTIONS,
  BUILT_IN_ENDPOINTS,
  BUILT_IN_GLOBALS,
  endpointDecision,
  endpointKey,
  type EndpointMount,
} from './builtIns'

/** What the project's own config declares, recorded before Payload and the plugins add theirs. */
export type Declared = {
  collections: Record<string, { access: string[]; endpoints: string[] }>
  endpoints: string[]
  globals: Record<string, { access: string[]; endpoints: string[] }>
}

const DECLARED = 'declaredAccess'

const keysOf = (endpoints: Endpoint[] | false | undefined) => (endpoints || []).map(endpointKey)

/** The declarations `explicitAccess` recorded in a built config. */
export const declaredIn = (config: SanitizedConfig): Declared => {
  const declared = (config.custom as Record<string, unknown> | undefined)?.[DECLARED] as Declared | undefined
  if (!declared) throw new Error('explicitAccess() is not among the config plugins')
  return declared
}

const refused = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: () => Response.json({ errors: [{ message: 'This endpoint is not enabled.' }] }, { status: 403 }),
})

const refuseUndecided = (endpoint: Endpoint, where: string, payload: Payload): Endpoint => {
  payload.logger.error(`${where} ${endpointKey(endpoint)}: no access decided for this endpoint; it refuses everyone`)
  return refused(endpoint)
}

const applied = new WeakSet<SanitizedConfig>()

/**
 * Applies the decisions of ./builtIns.ts to the built config: Payload's
 * own collections and globals get their decided access (and hooks), and
 * every endpoint neither the project declared nor ./builtIns.ts decided is
 * replaced by one that refuses everyone, as is every undecided collection
 * or global Payload or a plugin added.
 */
export const applyDecidedAccess = (payload: Payload, declared: Declared): void => {
  const { config } = payload
  // once per built config: a second Payload started on the same config (a dev reload) finds it done
  if (applied.has(config)) return
  applied.add(config)
  const guard = (endpoints: Endpoint[] | false, where: string, declaredKeys: string[], mount: EndpointMount) =>
    endpoints === false
      ? false
      : endpoints.map((endpoint) => {
          const key = endpointKey(endpoint)
          if (declaredKeys.includes(key)) return endpoint
          const decision = endpointDecision(mount, key)
          if (!decision) return refuseUndecided(endpoint, where, payload)
          return decision.who === 'nobody' ? refused(endpoint) : endpoint
        })

  for (const collection of config.collections) {
    const { slug } = collection
    const decision = BUILT_IN_COLLECTIONS[slug]
    const own = declared.collections[slug]
    if (decision) {
      collection.access = { ...collection.access, ...decision.access }
      collection.hooks.beforeValidate = [...(decision.beforeValidate ?? []), ...collection.hooks.beforeValidate]
      const { guardEndpoint } = decision
      if (guardEndpoint && collection.endpoints) {
        // Payload's CRUD routes are guarded by the access above; the collection's own endpoints are wrapped
        const crud = BUILT_IN_ENDPOINTS['every collection'] ?? {}
        collection.endpoints = collection.endpoints.map((endpoint) =>
          crud[endpointKey(endpoint)] ? endpoint : guardEndpoint(endpoint),
        )
      }
    } else if (!own) {
      payload.logger.error(`collection ${slug}: no access decided for it; it refuses everyone`)
      collection.access = { ...collection.access, create: nobody, delete: nobody, read: nobody, update: nobody }
    }
    collection.endpoints = guard(collection.endpoints, `collection ${slug}`, own?.endpoints ?? [], {
      auth: Boolean(collection.auth),
      kind: 'collection',
      slug,
      upload: Boolean(collection.upload),
    })
  }

  for (const global of config.globals) {
    const { slug } = global
    const decision = BUILT_IN_GLOBALS[slug]
    const own = declared.globals[slug]
    if (decision) global.access = { ...global.access, ...decision.access }
    else if (!own) {
      payload.logger.error(`global ${slug}: no access decided for it; it refuses everyone`)
      global.access = { ...global.access, read: nobody, update: nobody }
    }
    global.endpoints = guard(global.endpoints, `global ${slug}`, own?.endpoints ?? [], { kind: 'global', slug })
  }

  config.endpoints = (guard(config.endpoints, 'root', declared.endpoints, { kind: 'root' }) ||
    []) as typeof config.endpoints
}

/**
 * The first plugin: records what the project's config declares (its
 * collections' and globals' access and endpoints, its root endpoints),
 * before the other plugins and Payload add theirs, and applies the
 * decided access (./builtIns.ts) to the built config when Payload starts,
 * before any request is served.
 */
export const explicitAccess = (): Plugin => (incoming: Config) => {
  const declared: Declared = {
    collections: Object.fromEntries(
      (incoming.collections ?? []).map((collection) => [
        collection.slug,
        { access: Object.keys(collection.access ?? {}), endpoints: keysOf(collection.endpoints) },
      ]),
    ),
    endpoints: keysOf(incoming.endpoints),
    globals: Object.fromEntries(
      (incoming.globals ?? []).map((global) => [
        global.slug,
        { access: Object.keys(global.access ?? {}), endpoints: keysOf(global.endpoints) },
      ]),
    ),
  }
  const { onInit } = incoming
  return {
    ...incoming,
    custom: { ...incoming.custom, [DECLARED]: declared },
    onInit: async (payload) => {
      applyDecidedAccess(payload, declared)
      await onInit?.(payload)
    },
  }
}
