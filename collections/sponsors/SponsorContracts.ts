import type { CollectionConfig, Field } from 'payload'

import { isStaff } from '../../access/isStaff'
import { applicantOrStaff } from '../../access/sponsors'
import { dateOnlyField } from '../../fields/dateOnly'
import { legacyIdField } from '../../fields/legacyId'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { enforceContractWorkflow } from '../../hooks/sponsors/enforceContractWorkflow'
import { notifyContractSent } from '../../hooks/sponsors/notifyContractSent'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { contractEndpoints } from '../../src/sponsors/endpoints'
import { CONTRACT_STATUSES } from '../../src/sponsors/status'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** Written by the system only: on approval, when the sponsorship's terms change, on sending. */
const systemOnly = { create: () => false, update: () => false }

const snapshotOfTerms = (field: Field): Field =>
  ({
    ...field,
    access: systemOnly,
    admin: { ...('admin' in field ? field.admin : {}), readOnly: true },
  }) as Field

/**
 * A sponsorship's contract (python.org's Contract): created as a DRAFT when
 * the sponsorship is approved, with a snapshot of the sponsor, the level,
 * the benefits and the legal clauses, so that later edits elsewhere never
 * change a contract. Staff revise the DRAFT (each save is a new revision);
 * once it leaves DRAFT its content is read-only.
 */
export const SponsorContracts: CollectionConfig = {
  slug: 'sponsor-contracts',
  access: {
    // created by approving a sponsorship, never directly
    create: () => false,
    // removed only with its sponsorship (and never once sent or executed)
    delete: () => false,
    // staff, and the applicant
    read: applicantOrStaff,
    // staff revise drafts and move the workflow; applicants only read
    update: isStaff,
  },
  admin: {
    defaultColumns: ['sponsorName', 'levelName', 'status', 'revision', 'sentOn'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'sponsorName',
  },
  dbName: 'sponsor_contracts',
  defaultSort: '-createdAt',
  endpoints: contractEndpoints,
  fields: [
    {
      name: 'sponsorship',
      type: 'relationship',
      access: systemOnly,
      admin: { readOnly: true },
      index: true,
      relationTo: 'sponsorships',
      required: true,
      unique: true,
    },
    {
      name: 'sponsor',
      type: 'relationship',
      access: systemOnly,
      admin: { readOnly: true },
      index: true,
      relationTo: 'sponsors',
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      access: serverDefaulted,
      admin: {
        description: 'Moves only along the workflow: use the actions below.',
        position: 'sidebar',
        readOnly: true,
      },
      defaultValue: 'DRAFT',
      index: true,
      options: CONTRACT_STATUSES.map((value) => ({ label: value.toLowerCase().replace('_', ' '), value })),
      required: true,
    },
    {
      name: 'workflowActions',
      type: 'ui',
      admin: {
        components: {
          Field: {
            clientProps: { collection: 'sponsor-contracts' },
            path: '/src/sponsors/WorkflowActions#WorkflowActions',
          },
        },
        position: 'sidebar',
      },
    },
    {
      name: 'revision',
      type: 'number',
      access: systemOnly,
      admin: { description: 'Each save of the draft is a new revision.', position: 'sidebar', readOnly: true },
      defaultValue: 0,
    },
    {
      name: 'document',
      type: 'upload',
      access: systemOnly,
      admin: { description: 'The PDF sent for signature.', position: 'sidebar', readOnly: true },
      relationTo: 'sponsor-contract-documents',
    },
    dateOnlyField('sentOn', {
      access: systemOnly,
      admin: { description: 'When it was sent for signature.', position: 'sidebar', readOnly: true },
    }),
    { name: 'sponsorName', type: 'text', maxLength: 100, required: true },
    {
      name: 'sponsorInfo',
      type: 'textarea',
      admin: { description: 'Who the sponsor is, as the agreement describes it.' },
      maxLength: 5000,
    },
    { name: 'sponsorAddress', type: 'textarea', maxLength: 1000 },
    { name: 'sponsorContact', type: 'text', admin: { description: 'Name - phone | email' }, maxLength: 500 },
    {
      type: 'row',
      fields: [
        snapshotOfTerms({ name: 'levelName', type: 'text', maxLength: 64 }),
        snapshotOfTerms({ name: 'sponsorshipFee', type: 'number' }),
        snapshotOfTerms({ name: 'year', type: 'number' }),
      ],
    },
    {
      type: 'row',
      fields: [snapshotOfTerms(dateOnlyField('startDate')), snapshotOfTerms(dateOnlyField('endDate'))],
    },
    {
      name: 'benefitsList',
      type: 'textarea',
      admin: { description: 'One benefit per line.' },
      maxLength: 50000,
    },
    {
      name: 'legalClauses',
      type: 'array',
      admin: { description: 'Every legal clause that applies, in order.' },
      fields: [{ name: 'clause', type: 'textarea', maxLength: 20000, required: true }],
    },
    legacyIdField('sponsor_contracts_legacy_id_seq'),
  ],
  hooks: {
    afterChange: [notifyContractSent],
    beforeChange: [enforceContractWorkflow],
    beforeDelete: [deleteDependents([{ collection: 'sponsor-contract-documents', field: 'contract' }])],
    beforeOperation: [rejectMalformedInput],
  },
}
