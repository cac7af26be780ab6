import type { CollectionSlug } from 'payload'

/**
 * The resources of python.org's own API (see docs/pythondotorg-api.md)
 * and the collections behind them. Every one is addressed by its integer
 * `legacyId`, never by the UUID.
 */
export type ApiVersion = 'v1' | 'v2'

export type ResourceName = 'os' | 'page' | 'release' | 'release_file'

type Resource = {
  collection: CollectionSlug
  /** what a not-found or validation message calls it */
  label: string
  /** under /api/<version>/ */
  path: string
}

export const RESOURCES: Record<ResourceName, Resource> = {
  os: { collection: 'download-os', label: 'operating system', path: 'downloads/os' },
  page: { collection: 'pages', label: 'page', path: 'pages/page' },
  release: { collection: 'releases', label: 'release', path: 'downloads/release' },
  release_file: { collection: 'release-files', label: 'release file', path: 'downloads/release_file' },
}

/** python.org's integer `version` of a release and this project's enum. */
export const VERSION_CODES = { PYTHON1: 1, PYTHON2: 2, PYTHON3: 3, PYMANAGER: 100 } as const

export type ReleaseVersion = keyof typeof VERSION_CODES

export const versionFromCode = (code: number): ReleaseVersion | undefined =>
  (Object.keys(VERSION_CODES) as ReleaseVersion[]).find((version) => VERSION_CODES[version] === code)

/** The public base URL: SERVER_URL when set (behind a proxy), else the request's own origin. */
export const originOf = (req: { url?: string }): string => {
  const configured = process.env.SERVER_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  try {
    return new URL(req.url ?? '').origin
  } catch {
    return ''
  }
}

/** `/api/v1/downloads/release/812/`; v2 URIs are absolute, as the old site's were. */
export const resourceUri = (
  apiVersion: ApiVersion,
  origin: string,
  resource: ResourceName,
  legacyId: number,
): string => {
  const uri = `/api/${apiVersion}/${RESOURCES[resource].path}/${legacyId}/`
  return apiVersion === 'v2' ? `${origin}${uri}` : uri
}

export const listUri = (apiVersion: ApiVersion, resource: ResourceName): string =>
  `/api/${apiVersion}/${RESOURCES[resource].path}/`

/**
 * The legacy id named by a related-object URI from a request body:
 * `/api/v1/downloads/os/3/`, the absolute form, or the v2 form. The path must
 * name the expected resource; a bare positive integer is accepted too.
 */
export const legacyIdFromUri = (resource: ResourceName, value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) > 0 ? Number(text) : undefined
  let pathname: string
  try {
    pathname = new URL(text, 'http://uri.invalid').pathname
  } catch {
    return undefined
  }
  const pattern = new RegExp(`^/api/v[12]/${RESOURCES[resource].path}/(\\d+)/?$`)
  const match = pattern.exec(pathname)
  const id = match ? Number(match[1]) : NaN
  return Number.isSafeInteger(id) && id > 0 ? id : undefined
}

/** A path segment that is a legacy id, or undefined (answered with 404). */
export const parseLegacyId = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined
  const id = Number(value)
  return id > 0 ? id : undefined
}
