import type { CollectionConfig } from 'payload'

import { applicantOrStaff } from '../../access/sponsors'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { uploadDir } from '../../src/platform/uploads'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/**
 * The rendered contract PDFs, one per sending (a nullified contract's
 * earlier document stays as a record). Written by the system only; staff
 * and the applicant may read and download them, nobody else.
 */
export const SponsorContractDocuments: CollectionConfig = {
  slug: 'sponsor-contract-documents',
  access: {
    create: () => false,
    delete: () => false,
    read: applicantOrStaff,
    update: () => false,
  },
  admin: {
    defaultColumns: ['filename', 'contract', 'revision', 'createdAt'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'filename',
  },
  dbName: 'sponsor_contract_documents',
  defaultPopulate: { filename: true, mimeType: true, url: true },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'contract',
      type: 'relationship',
      admin: { readOnly: true },
      index: true,
      relationTo: 'sponsor-contracts',
      required: true,
    },
    {
      name: 'sponsor',
      type: 'relationship',
      admin: { readOnly: true },
      index: true,
      relationTo: 'sponsors',
      required: true,
    },
    { name: 'revision', type: 'number', admin: { readOnly: true } },
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
  upload: {
    mimeTypes: ['application/pdf'],
    staticDir: uploadDir('sponsor-contract-documents'),
  },
}
