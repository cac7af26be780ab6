import type { CollectionConfig, DateField, Field, FieldAccess } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isStaff } from '../../access/isStaff'
import { applicantOrStaffField, ownSponsorshipsOrStaff, sponsorshipsReadable } from '../../access/sponsors'
import { contentManageableFields } from '../../fields/contentManageable'
import { dateOnlyField } from '../../fields/dateOnly'
import { existingIn } from '../../fields/existingIn'
import { integerValidator } from '../../fields/integer'
import { legacyIdField } from '../../fields/legacyId'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { enforceSponsorshipWorkflow } from '../../hooks/sponsors/enforceSponsorshipWorkflow'
import { notifySponsorshipStatusChange } from '../../hooks/sponsors/notifySponsorshipStatusChange'
import { refuseDeletingBoundSponsorship } from '../../hooks/sponsors/refuseDeletes'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { sponsorshipEndpoints } from '../../src/sponsors/endpoints'
import { SPONSORSHIP_STATUSES } from '../../src/sponsors/status'
import { serverFilled } from '../../fields/serverFilled'
import { anyoneField } from '../../access/anyone'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'
import { linkedTitleField } from '../../fields/linkedTitle'

/** The applicant and staff read these; the workflow hook writes them. */
const privateField = { read: applicantOrStaffField }
/** A date the workflow sets: nobody writes it, `read` decides who sees it (the applicant and staff by default). */
const sidebarDate = (name: string, filledBy: string, read: FieldAccess = applicantOrStaffField): Field =>
  serverFilled(dateOnlyField(name, { access: { read }, admin: { position: 'sidebar' } }) as DateField, filledBy)

export const Sponsorships: CollectionConfig = {
  slug: 'sponsorships',
  access: {
    // a member applies for a sponsor of their own (checked by the workflow hook)
    create: authenticated,
    // staff only, and never once a contract is out or signed (hooks/sponsors/refuseDeletes.ts)
    delete: isStaff,
    // staff; applicants their own sponsors' applications in any status; everyone the live ones
    read: sponsorshipsReadable,
    // staff, and the applicant while the application is open (what each may change: the workflow hook)
    update: ownSponsorshipsOrStaff,
  },
  admin: {
    defaultColumns: ['sponsorName', 'level', 'status', 'startDate', 'endDate', 'locked'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'sponsorName',
  },
  dbName: 'sponsorships',
  defaultPopulate: { endDate: true, level: true, sponsor: true, startDate: true, status: true, year: true },
  defaultSort: '-createdAt',
  endpoints: sponsorshipEndpoints,
  fields: [
    linkedTitleField('sponsorName', 'sponsor.name', 'Sponsor name'),
    {
      name: 'sponsor',
      type: 'relationship',
      index: true,
      relationTo: 'sponsors',
      required: true,
      validate: existingIn('sponsors', 'sponsor'),
    },
    {
      name: 'level',
      type: 'relationship',
      admin: { description: 'Read-only once the sponsorship is locked.' },
      index: true,
      relationTo: 'sponsorship-levels',
      required: true,
      validate: existingIn('sponsorship-levels', 'sponsorship level'),
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
      defaultValue: 'APPLIED',
      index: true,
      options: SPONSORSHIP_STATUSES.map((value) => ({ label: value.toLowerCase(), value })),
      required: true,
    },
    {
      name: 'workflowActions',
      type: 'ui',
      admin: {
        components: {
          Field: {
            clientProps: { collection: 'sponsorships' },
            path: '/src/sponsors/WorkflowActions#WorkflowActions',
          },
        },
        position: 'sidebar',
      },
    },
    {
      name: 'locked',
      type: 'checkbox',
      access: privateField,
      admin: {
        description:
          'Set whenever the status is not APPLIED: the period, level and fee are then read-only until staff unlock it.',
        position: 'sidebar',
        readOnly: true,
      },
      defaultValue: false,
    },
    {
      type: 'row',
      fields: [
        dateOnlyField('startDate', { admin: { description: 'Required to approve.' } }),
        dateOnlyField('endDate', { admin: { description: 'After the start date.' } }),
      ],
    },
    {
      name: 'sponsorshipFee',
      type: 'number',
      access: privateField,
      admin: { description: 'USD. The level’s amount when applying; staff may agree another fee.' },
      validate: integerValidator('sponsorshipFee', { min: 0 }),
    },
    {
      name: 'year',
      type: 'number',
      index: true,
      validate: integerValidator('year', { min: 2000 }),
    },
    {
      name: 'forModifiedPackage',
      type: 'checkbox',
      access: privateField,
      admin: { description: 'The sponsor asked for a customized package.' },
      defaultValue: false,
    },
    {
      name: 'renewal',
      type: 'checkbox',
      access: privateField,
      admin: { description: 'Renews an earlier sponsorship of this sponsor.' },
      defaultValue: false,
    },
    sidebarDate('appliedOn', 'Set when applying.'),
    sidebarDate('approvedOn', 'Set on approval.'),
    sidebarDate('rejectedOn', 'Set on rejection.'),
    // public: a live sponsorship says since when it is final
    sidebarDate('finalizedOn', 'Set when its contract is executed.', anyoneField),
    serverFilled(
      {
        name: 'overlappedBy',
        type: 'relationship',
        admin: { position: 'sidebar' },
        index: true,
        relationTo: 'sponsorships',
      },
      'A newer sponsorship of the same sponsor that took over this one’s period (set when that one is executed): no longer live.',
    ),
    serverFilled(
      {
        name: 'submittedBy',
        type: 'relationship',
        access: { read: applicantOrStaffField },
        admin: { position: 'sidebar' },
        index: true,
        relationTo: 'users',
      },
      'The member who applied, stamped on application.',
    ),
    {
      name: 'contract',
      type: 'join',
      collection: 'sponsor-contracts',
      on: 'sponsorship',
    },
    legacyIdField('sponsorships_legacy_id_seq'),
    ...contentManageableFields().map(
      (field) =>
        ({ ...field, access: { ...('access' in field ? field.access : {}), read: applicantOrStaffField } }) as Field,
    ),
  ],
  hooks: {
    afterChange: [notifySponsorshipStatusChange],
    beforeChange: [enforceSponsorshipWorkflow],
    beforeDelete: [
      refuseDeletingBoundSponsorship,
      deleteDependents([{ collection: 'sponsor-contracts', field: 'sponsorship' }]),
    ],
    beforeOperation: [rejectMalformedInput],
  },
}
