import type { DownloadO, Page, Release, ReleaseFile } from '../../../payload-types'
import { type ApiVersion, type ResourceName, resourceUri, VERSION_CODES } from './resources'

/**
 * Documents as python.org's API showed them: snake_case fields, the integer
 * `version`, `resource_uri`, and related objects as URIs (absolute URLs in v2).
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

const contentManaged = (doc: {
  created?: null | string
  createdAt?: string
  updated?: null | string
  updatedAt?: string
}) => ({
  created: doc.created ?? doc.createdAt ?? null,
  updated: doc.updated ?? doc.updatedAt ?? null,
})

export const serializeOS = (ctx: SerializeContext, doc: Partial<DownloadO>): Json => ({
  ...(ctx.apiVersion === 'v1' ? contentManaged(doc) : {}),
  name: doc.name,
  resource_uri: selfUri(ctx, 'os', doc),
  slug: doc.slug,
})

export const serializeRelease = (ctx: SerializeContext, doc: Partial<Release>): Json => ({
  ...(ctx.apiVersion === 'v1' ? contentManaged(doc) : {}),
  is_latest: Boolean(doc.isLatest),
  is_published: Boolean(doc.isPublished),
  name: doc.name,
  pre_release: Boolean(doc.preRelease),
  release_date: doc.releaseDate ?? null,
  release_notes_url: doc.releaseNotesUrl ?? '',
  release_page: relatedUri(ctx, 'page', doc.releasePage),
  resource_uri: selfUri(ctx, 'release', doc),
  show_on_download_page: Boolean(doc.showOnDownloadPage),
  slug: doc.slug,
  version: doc.version ? VERSION_CODES[doc.version] : null,
})

export const serializeReleaseFile = (ctx: SerializeContext, doc: Partial<ReleaseFile>): Json => ({
  ...(ctx.apiVersion === 'v1' ? contentManaged(doc) : {}),
  description: doc.description ?? '',
  download_button: Boolean(doc.downloadButton),
  filesize: doc.filesize ?? 0,
  gpg_signature_file: doc.gpgSignatureFile ?? '',
  is_source: Boolean(doc.isSource),
  md5_sum: doc.md5Sum ?? '',
  name: doc.name,
  os: relatedUri(ctx, 'os', doc.os),
  release: relatedUri(ctx, 'release', doc.release),
  resource_uri: selfUri(ctx, 'release_file', doc),
  sbom_spdx2_file: doc.sbomSpdx2File ?? '',
  sha256_sum: doc.sha256Sum ?? '',
  sigstore_bundle_file: doc.sigstoreBundleFile ?? '',
  sigstore_cert_file: doc.sigstoreCertFile ?? '',
  sigstore_signature_file: doc.sigstoreSignatureFile ?? '',
  slug: doc.slug,
  url: doc.url,
})

export const serializePage = (ctx: SerializeContext, doc: Partial<Page> & { legacyId?: null | number }): Json => ({
  ...contentManaged(doc),
  content: doc.content ?? '',
  content_markup_type: doc.contentType ? doc.contentType.toLowerCase() : null,
  description: doc.description ?? '',
  is_published: Boolean(doc.isPublished),
  keywords: doc.keywords ?? '',
  path: doc.path,
  resource_uri: selfUri(ctx, 'page', doc),
  template_name: doc.templateName ?? '',
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
  os: { depth: 0, select: { created: true, legacyId: true, name: true, slug: true, updated: true } },
  page: {
    depth: 0,
    select: {
      content: true,
      contentType: true,
      created: true,
      description: true,
      isPublished: true,
      keywords: true,
      legacyId: true,
      path: true,
      templateName: true,
      title: true,
      updated: true,
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
      updated: true,
      version: true,
    },
  },
  release_file: {
    depth: 1,
    select: {
      created: true,
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
      updated: true,
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
