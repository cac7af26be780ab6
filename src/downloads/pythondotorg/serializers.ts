import type { DownloadO, Page, Release, ReleaseFile } from '../../../payload-types'
import { type ApiVersion, type ResourceName, resourceUri, VERSION_CODES } from './resources'

/**
 * Documents exactly as python.org's API showed them, field for field:
 * - v1 (Tastypie) objects hold the fields its resources listed and
 *   `resource_uri`, keys sorted (Tastypie's JSON sorted them); v2 (Django REST
 *   framework) objects hold its serializers' fields in their order;
 * - text that may be blank is `""`, never null; related objects are URIs
 *   (absolute in v2) or null; `version` is the old integer;
 * - datetimes are UTC: v1 `2025-10-07T00:00:00` (naive, as Tastypie's
 *   iso-8601 formatting wrote them), v2 `2025-10-07T00:00:00Z`; a fraction
 *   of a second shows as six digits (`.250000`), as Python prints it.
 */
export type SerializeContext = { apiVersion: ApiVersion; origin: string }

type Json = Record<string, unknown>

/** A related document populated with (at least) its legacyId; anything else is unknown. */
const relatedUri = (ctx: SerializeContext, resource: ResourceName, value: unknown): null | string => {
  const legacyId = value && typeof value === 'object' ? (value as { legacyId?: unknown }).legacyId : undefined
  return typeof legacyId === 'number' ? resourceUri(ctx.apiVersion, ctx.origin, resource, legacyId) : null
}

const selfUri = (ctx: SerializeContext, resource: ResourceName, doc: { legacyId?: null | number }) =>
  resourceUri(ctx.apiVersion, ctx.origin, resource, doc.legacyId ?? 0)

/** Python's `datetime.isoformat()` of a UTC instant: v1 naive, v2 with DRF's "Z". */
export const formatDateTime = (apiVersion: ApiVersion, value: null | string | undefined): null | string => {
  if (!value) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return null
  const seconds = date.toISOString().slice(0, 19)
  const millis = date.getUTCMilliseconds()
  const fraction = millis ? `.${String(millis * 1000).padStart(6, '0')}` : ''
  return `${seconds}${fraction}${apiVersion === 'v2' ? 'Z' : ''}`
}

const text = (value: null | string | undefined): string => value ?? ''

/** v1 objects as Tastypie's serializer wrote them: keys in sorted order. */
const sortedKeys = (object: Json): Json =>
  Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** The field order of each v2 serializer (python.org's `Meta.fields`). */
const V2_ORDER: Record<ResourceName, string[]> = {
  os: ['name', 'slug', 'resource_uri'],
  page: ['title', 'path', 'keywords', 'description', 'content', 'is_published', 'template_name', 'resource_uri'],
  release: [
    'name',
    'slug',
    'version',
    'is_published',
    'is_latest',
    'release_date',
    'pre_release',
    'release_page',
    'release_notes_url',
    'show_on_download_page',
    'resource_uri',
  ],
  release_file: [
    'name',
    'slug',
    'os',
    'release',
    'description',
    'is_source',
    'url',
    'gpg_signature_file',
    'md5_sum',
    'sha256_sum',
    'filesize',
    'download_button',
    'resource_uri',
    'sigstore_signature_file',
    'sigstore_cert_file',
    'sigstore_bundle_file',
    'sbom_spdx2_file',
  ],
}

const shaped = (ctx: SerializeContext, resource: ResourceName, object: Json): Json =>
  ctx.apiVersion === 'v1' ? sortedKeys(object) : Object.fromEntries(V2_ORDER[resource].map((key) => [key, object[key]]))

export const serializeOS = (ctx: SerializeContext, doc: Partial<DownloadO>): Json =>
  shaped(ctx, 'os', { name: doc.name, resource_uri: selfUri(ctx, 'os', doc), slug: doc.slug })

export const serializeRelease = (ctx: SerializeContext, doc: Partial<Release>): Json =>
  shaped(ctx, 'release', {
    is_latest: Boolean(doc.isLatest),
    is_published: Boolean(doc.isPublished),
    name: doc.name,
    pre_release: Boolean(doc.preRelease),
    // python.org's release_date was never empty (it defaulted to the moment of creation)
    release_date: formatDateTime(ctx.apiVersion, doc.releaseDate ?? doc.created ?? doc.createdAt),
    release_notes_url: text(doc.releaseNotesUrl),
    release_page: relatedUri(ctx, 'page', doc.releasePage),
    resource_uri: selfUri(ctx, 'release', doc),
    show_on_download_page: Boolean(doc.showOnDownloadPage),
    slug: doc.slug,
    version: doc.version ? VERSION_CODES[doc.version] : null,
  })

export const serializeReleaseFile = (ctx: SerializeContext, doc: Partial<ReleaseFile>): Json =>
  shaped(ctx, 'release_file', {
    description: text(doc.description),
    download_button: Boolean(doc.downloadButton),
    filesize: doc.filesize ?? 0,
    gpg_signature_file: text(doc.gpgSignatureFile),
    is_source: Boolean(doc.isSource),
    md5_sum: text(doc.md5Sum),
    name: doc.name,
    os: relatedUri(ctx, 'os', doc.os),
    release: relatedUri(ctx, 'release', doc.release),
    resource_uri: selfUri(ctx, 'release_file', doc),
    sbom_spdx2_file: text(doc.sbomSpdx2File),
    sha256_sum: text(doc.sha256Sum),
    sigstore_bundle_file: text(doc.sigstoreBundleFile),
    sigstore_cert_file: text(doc.sigstoreCertFile),
    sigstore_signature_file: text(doc.sigstoreSignatureFile),
    slug: doc.slug,
    url: doc.url,
  })

/** A page's `content` was its rendered HTML (the markup field's string form), here the sanitized rendering. */
export const serializePage = (ctx: SerializeContext, doc: Partial<Page> & { legacyId?: null | number }): Json =>
  shaped(ctx, 'page', {
    content: text(doc.contentHtml),
    description: text(doc.description),
    is_published: Boolean(doc.isPublished),
    keywords: text(doc.keywords),
    path: doc.path,
    resource_uri: selfUri(ctx, 'page', doc),
    template_name: text(doc.templateName),
    title: doc.title,
  })

export const SERIALIZERS: Record<ResourceName, (ctx: SerializeContext, doc: any) => Json> = {
  os: serializeOS,
  page: serializePage,
  release: serializeRelease,
  release_file: serializeReleaseFile,
}

/** What a read selects and populates: the serialized fields and related legacyIds, no join fields. */
export const READ_SHAPE: Record<ResourceName, { depth: number; select: Record<string, true> }> = {
  os: { depth: 0, select: { legacyId: true, name: true, slug: true } },
  page: {
    depth: 0,
    select: {
      contentHtml: true,
      description: true,
      isPublished: true,
      keywords: true,
      legacyId: true,
      path: true,
      templateName: true,
      title: true,
    },
  },
  release: {
    depth: 1,
    select: {
      created: true,
      isLatest: true,
      isPublished: true,
      legacyId: true,
      name: true,
      preRelease: true,
      releaseDate: true,
      releaseNotesUrl: true,
      releasePage: true,
      showOnDownloadPage: true,
      slug: true,
      version: true,
    },
  },
  release_file: {
    depth: 1,
    select: {
      description: true,
      downloadButton: true,
      filesize: true,
      gpgSignatureFile: true,
      isSource: true,
      legacyId: true,
      md5Sum: true,
      name: true,
      os: true,
      release: true,
      sbomSpdx2File: true,
      sha256Sum: true,
      sigstoreBundleFile: true,
      sigstoreCertFile: true,
      sigstoreSignatureFile: true,
      slug: true,
      url: true,
    },
  },
}

/** Related documents are populated with their legacyId only (one batched query per collection). */
export const POPULATE_LEGACY_ID = {
  'download-os': { legacyId: true },
  pages: { legacyId: true },
  releases: { legacyId: true },
} as const
