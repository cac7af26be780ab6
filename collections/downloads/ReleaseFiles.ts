import type { CollectionConfig } from 'payload'
import { textarea } from 'payload/shared'

import { isStaff } from '../../access/isStaff'
import { parentReadable } from '../../access/parentReadable'
import { contentManageableFields } from '../../fields/contentManageable'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { integerValidator } from '../../fields/integer'
import { strictOrPythondotorg } from '../../fields/pythondotorgRules'
import { httpUrlValidator } from '../../fields/url'
import { releaseFileSlug } from '../../hooks/downloads/releaseFileSlug'
import { validateReleaseFile } from '../../hooks/downloads/validateReleaseFile'
import { recordDownloadEndpoint } from '../../src/downloads/statisticsEndpoints'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/**
 * A checksum: this project's rule is the digest's hex form; python.org's
 * was any text up to 200 characters (see strictOrPythondotorg).
 */
const checksum = (name: string, hexLength: number) => ({
  name,
  type: 'text' as const,
  maxLength: hexLength,
  validate: strictOrPythondotorg<null | string | undefined>(
    (value) =>
      !value || new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(value)
        ? true
        : `${name} must be ${hexLength} hexadecimal characters`,
    (value) => (!value || value.length <= 200 ? true : `${name} must be at most 200 characters`),
  ),
})

/** python.org's IntegerField: a PostgreSQL integer. */
const INT_MIN = -2_147_483_648
const INT_MAX = 2_147_483_647

const sidecar = (name: string, label: string) => ({
  name,
  type: 'text' as const,
  label,
  maxLength: 1000,
  validate: httpUrlValidator(name),
})

export const ReleaseFiles: CollectionConfig = {
  slug: 'release-files',
  access: {
    create: isStaff,
    delete: isStaff,
    // files of an unpublished release are as invisible as the release
    read: parentReadable({ parentField: 'release' }),
    update: isStaff,
  },
  admin: {
    defaultColumns: ['name', 'release', 'os', 'downloadButton', 'filesize'],
    group: ADMIN_GROUPS.downloads,
    useAsTitle: 'name',
  },
  dbName: 'release_files',
  // what a release page shows of a file (in a release's `files`, or at depth): never the whole release again
  defaultPopulate: {
    description: true,
    downloadButton: true,
    filesize: true,
    gpgSignatureFile: true,
    isSource: true,
    md5Sum: true,
    name: true,
    os: true,
    sbomSpdx2File: true,
    sha256Sum: true,
    sigstoreBundleFile: true,
    sigstoreCertFile: true,
    sigstoreSignatureFile: true,
    slug: true,
    url: true,
  },
  // newest release first, then by name: within a release the same order as the release's `files` join
  // (which GraphQL reads with this sort)
  defaultSort: ['-release.versionSortKey', 'name'],
  endpoints: [recordDownloadEndpoint],
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({
      from: 'name',
      overrides: {
        admin: { description: 'Made from the release and the name when left empty (3141-gzipped-source-tarball).' },
        hooks: { beforeValidate: [releaseFileSlug] },
      },
    }),
    {
      type: 'row',
      fields: [
        {
          name: 'release',
          type: 'relationship',
          index: true,
          relationTo: 'releases',
          required: true,
        },
        {
          name: 'os',
          type: 'relationship',
          index: true,
          label: 'Operating system',
          relationTo: 'download-os',
          required: true,
        },
      ],
    },
    {
      name: 'description',
      type: 'textarea',
      maxLength: 2000,
      // python.org's description is a TextField without a length limit
      validate: strictOrPythondotorg<null | string | undefined>(textarea, (value, options) =>
        textarea(value, { ...options, maxLength: undefined }),
      ),
    },
    { name: 'isSource', type: 'checkbox', defaultValue: false },
    {
      name: 'url',
      type: 'text',
      index: true,
      maxLength: 1000,
      required: true,
      unique: true,
      validate: httpUrlValidator('url'),
    },
    sidecar('gpgSignatureFile', 'GPG signature (.asc)'),
    sidecar('sigstoreSignatureFile', 'Sigstore signature (.sig)'),
    sidecar('sigstoreCertFile', 'Sigstore certificate (.crt)'),
    sidecar('sigstoreBundleFile', 'Sigstore bundle (.sigstore)'),
    sidecar('sbomSpdx2File', 'SBOM, SPDX 2 (.spdx.json)'),
    checksum('md5Sum', 32),
    checksum('sha256Sum', 64),
    {
      name: 'filesize',
      type: 'number',
      defaultValue: 0,
      validate: strictOrPythondotorg(integerValidator('filesize', { min: 0 }), (value, options) =>
        typeof value === 'number' && (value < INT_MIN || value > INT_MAX)
          ? `filesize must be between ${INT_MIN} and ${INT_MAX}`
          : integerValidator('filesize')(value, options),
      ),
    },
    {
      name: 'downloadButton',
      type: 'checkbox',
      admin: {
        description: 'The featured download for its release and OS (one at most).',
      },
      defaultValue: false,
    },
    legacyIdField('release_files_legacy_id_seq'),
    ...contentManageableFields(),
  ],
  graphQL: { pluralName: 'ReleaseFiles', singularName: 'ReleaseFile' },
  hooks: { beforeOperation: [rejectMalformedInput], beforeValidate: [validateReleaseFile] },
}
