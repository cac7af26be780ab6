/**
 * python.org's downloads app (apps/downloads/models.py) for the Django dump
 * importer (src/platform/djangoImport.ts):
 * - downloads.os          -> download-os
 * - downloads.release     -> releases (python.org's version numbers 1, 2, 3, 100 as our
 *   enum; it kept no release status: a pre-release is PRERELEASE, the rest BUGFIX
 *   until staff say otherwise)
 * - downloads.releasefile -> release-files
 */
import type { ModelMapper } from '../platform/djangoImport'
import {
  bool,
  choice,
  CONTENT_MANAGEABLE,
  dateTime,
  fit,
  int,
  markup,
  markupField,
  stamps,
  str,
  text,
} from '../platform/djangoValues'

const VERSION: Record<number, string> = { 1: 'PYTHON1', 2: 'PYTHON2', 3: 'PYTHON3', 100: 'PYMANAGER' }

export const osMapper: ModelMapper = {
  collection: 'download-os',
  dependsOn: ['users.user'],
  fields: [...CONTENT_MANAGEABLE, 'name', 'slug'],
  model: 'downloads.os',
  toData: async ({ fields }, context) => ({
    ...(await stamps(fields, context)),
    name: str(fields.name),
    slug: str(fields.slug),
  }),
}

export const releaseMapper: ModelMapper = {
  collection: 'releases',
  dependsOn: ['users.user', 'pages.page'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'name',
    'slug',
    'version',
    'is_latest',
    'is_published',
    'pre_release',
    'show_on_download_page',
    'release_date',
    'release_page',
    'release_notes_url',
    ...markupField('content'),
  ],
  model: 'downloads.release',
  toData: async (row, context) => {
    const { fields } = row
    const { contentType, source } = markup(row, 'content', context, 'MARKDOWN')
    const preRelease = bool(fields.pre_release)
    return {
      ...(await stamps(fields, context)),
      content: source,
      contentType,
      isLatest: bool(fields.is_latest),
      isPublished: bool(fields.is_published),
      name: str(fields.name),
      preRelease,
      releaseDate: dateTime(fields.release_date, context),
      releaseNotesUrl: text(fields.release_notes_url),
      releasePage: fields.release_page ? await context.resolve('pages.page', fields.release_page) : null,
      showOnDownloadPage: bool(fields.show_on_download_page, true),
      slug: str(fields.slug),
      status: preRelease ? 'PRERELEASE' : 'BUGFIX',
      version: choice(row, 'version', VERSION, 'PYTHON3', context),
    }
  },
}

export const releaseFileMapper: ModelMapper = {
  collection: 'release-files',
  dependsOn: ['users.user', 'downloads.os', 'downloads.release'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'name',
    'slug',
    'os',
    'release',
    'description',
    'is_source',
    'url',
    'gpg_signature_file',
    'sigstore_signature_file',
    'sigstore_cert_file',
    'sigstore_bundle_file',
    'sbom_spdx2_file',
    'md5_sum',
    'sha256_sum',
    'filesize',
    'download_button',
  ],
  model: 'downloads.releasefile',
  toData: async (row, context) => {
    const { fields } = row
    return {
      ...(await stamps(fields, context)),
      description: text(fields.description),
      downloadButton: bool(fields.download_button),
      filesize: int(fields.filesize) ?? 0,
      gpgSignatureFile: text(fields.gpg_signature_file),
      isSource: bool(fields.is_source),
      md5Sum: text(fields.md5_sum),
      name: str(fields.name),
      os: await context.resolve('downloads.os', fields.os),
      release: await context.resolve('downloads.release', fields.release),
      sbomSpdx2File: text(fields.sbom_spdx2_file),
      sha256Sum: text(fields.sha256_sum),
      sigstoreBundleFile: text(fields.sigstore_bundle_file),
      sigstoreCertFile: text(fields.sigstore_cert_file),
      sigstoreSignatureFile: text(fields.sigstore_signature_file),
      slug: str(fields.slug),
      url: fit(row, 'url', str(fields.url), 1000, context),
    }
  },
}

export const downloadMappers: ModelMapper[] = [osMapper, releaseMapper, releaseFileMapper]
