import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { parentReadable } from '../../access/parentReadable'
import { contentManageableFields } from '../../fields/contentManageable'
import { legacyIdField } from '../../fields/legacyId'
import { slugField } from '../../fields/slug'
import { integerValidator } from '../../fields/integer'
import { httpUrlValidator } from '../../fields/url'
import { validateReleaseFile } from '../../hooks/downloads/validateReleaseFile'
import { recordDownloadEndpoint } from '../../src/downloads/statisticsEndpoints'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'

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
    group: 'Downloads',
    useAsTitle: 'name',
  },
  dbName: 'release_files',
  endpoints: [recordDownloadEndpoint],
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'name' }),
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
          relationTo: 'download-os',
          required: true,
        },
      ],
    },
    { name: 'description', type: 'textarea', maxLength: 2000 },
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
    { name: 'md5Sum', type: 'text', maxLength: 32 },
    { name: 'sha256Sum', type: 'text', maxLength: 64 },
    {
      name: 'filesize',
      type: 'number',
      defaultValue: 0,
      min: 0,
      validate: integerValidator('filesize', { min: 0 }),
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
