import type { CollectionConfig } from 'payload'

import { validateEmailLength } from '../../fields/email'
import { authenticated } from '../../access/authenticated'
import { isStaff, isStaffField } from '../../access/isStaff'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { affirmVoteEndpoint } from '../../src/users/affirmVoteEndpoint'
import { membershipOwnerIsRequester } from '../../hooks/users/membershipOwnerIsRequester'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { needsVoteAffirmation, stampVoteAffirmation } from '../../hooks/users/voteAffirmation'
import { validateExistingUser } from './validators'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { serverFilled } from '../../fields/serverFilled'
import { legacyIdField } from '../../fields/legacyId'
import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const MEMBERSHIP_TYPES = ['BASIC', 'SUPPORTING', 'SPONSOR', 'MANAGING', 'CONTRIBUTING', 'FELLOW'] as const

export const Memberships: CollectionConfig = {
  slug: 'memberships',
  access: {
    // a logged-in user becomes a member (of themselves; see membershipOwnerIsRequester)
    create: authenticated,
    delete: isStaff,
    // a membership is private: its user and staff
    read: ownerOrStaff('user'),
    update: ownerOrStaff('user'),
  },
  admin: {
    group: ADMIN_GROUPS.people,
    defaultColumns: ['legalName', 'user', 'membershipType', 'votes', 'lastVoteAffirmation'],
    useAsTitle: 'legalName',
  },
  dbName: 'memberships',
  defaultPopulate: { membershipType: true },
  endpoints: [affirmVoteEndpoint],
  fields: [
    {
      name: 'user',
      type: 'relationship',
      // staff may record a membership for someone else; members only for themselves
      access: { update: isStaffField },
      relationTo: 'users',
      required: true,
      unique: true,
      validate: validateExistingUser,
    },
    {
      name: 'membershipType',
      type: 'select',
      // membership levels beyond BASIC are granted by the PSF, not chosen
      access: { ...serverDefaulted, create: isStaffField, update: isStaffField },
      defaultValue: 'BASIC',
      options: MEMBERSHIP_TYPES.map((value) => ({
        label: value.toLowerCase(),
        value,
      })),
      required: true,
    },
    { name: 'legalName', type: 'text', maxLength: 200 },
    { name: 'preferredName', type: 'text', maxLength: 200 },
    { name: 'emailAddress', type: 'email', validate: validateEmailLength },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', maxLength: 100 },
        { name: 'region', type: 'text', maxLength: 100 },
        { name: 'country', type: 'text', maxLength: 100 },
        { name: 'postalCode', type: 'text', maxLength: 20 },
      ],
    },
    {
      name: 'psfCodeOfConduct',
      type: 'checkbox',
      defaultValue: false,
      // python.org's older memberships predate the agreement: an import (PRESERVE_CONTENT_MANAGED) keeps them as they were
      validate: (
        value: boolean | null | undefined,
        { operation, req }: { operation?: string; req?: { context?: Record<string, unknown> } },
      ) =>
        operation === 'create' && value !== true && !req?.context?.[PRESERVE_CONTENT_MANAGED]
          ? 'psfCodeOfConduct must be true: a membership requires agreeing to the PSF Code of Conduct'
          : true,
    },
    { name: 'psfAnnouncements', type: 'checkbox', defaultValue: false },
    { name: 'votes', type: 'checkbox', defaultValue: false },
    serverFilled(
      { name: 'lastVoteAffirmation', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
      'Set to today by the affirm action (POST /api/memberships/affirm-vote), or when the member first becomes a voter.',
    ),
    serverFilled(
      { name: 'needsVoteAffirmation', type: 'checkbox', hooks: { afterRead: [needsVoteAffirmation] }, virtual: true },
      'Computed on read: votes, and last affirmed more than 366 days ago.',
    ),
    legacyIdField('memberships_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'Memberships', singularName: 'Membership' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
    beforeChange: [membershipOwnerIsRequester, stampVoteAffirmation],
  },
}
