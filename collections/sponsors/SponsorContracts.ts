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
import { serverFilled } from '../../fields/serverFilled'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** The sponsorship's terms as the contract states them: copied in on approval and whenever those terms change. */
const snapshotOfTerms = (field: Field): Field =>
  serverFilled(field, 'Copied from the sponsorship on approval and whenever its terms change.')

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
  // a populated contract is its state, not its terms (staff and the applicant read those on the contract itself)
  defaultPopulate: { revision: true, status: true },
  defaultSort: '-createdAt',
  endpoints: contractEndpoints,
  fields: [
    serverFilled(
      {
        name: 'sponsorship',
        type: 'relationship',
        index: true,
        relationTo: 'sponsorships',
        required: true,
        unique: true,
      },
      'The sponsorship whose approval created this contract.',
    ),
    serverFilled(
      { name: 'sponsor', type: 'relationship', index: true, relationTo: 'sponsors', required: true },
      'The sponsorship’s sponsor, set on approval.',
    ),
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
    serverFilled(
      { name: 'revision', type: 'number', admin: { position: 'sidebar' }, defaultValue: 0 },
      'Each save of the draft is a new revision, counted on save.',
    ),
    serverFilled(
      { name: 'document', type: 'upload', admin: { position: 'sidebar' }, relationTo: 'sponsor-contract-documents' },
      'The PDF sent for signature, rendered when the contract is sent.',
    ),
    serverFilled(
      dateOnlyField('sentOn', { admin: { position: 'sidebar' } }) as Field,
      'When it was sent for signature, set by the send action.',
    ),
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
