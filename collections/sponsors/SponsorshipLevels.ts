import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff, isStaffField } from '../../access/isStaff'
import { existingIn } from '../../fields/existingIn'
import { integerValidator } from '../../fields/integer'
import { legacyIdField } from '../../fields/legacyId'
import { refuseDeletingLevelInUse } from '../../hooks/sponsors/refuseDeletes'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/**
 * A sponsorship tier (python.org's SponsorshipPackage): name, order and
 * amount are public; the benefits text and the legal clauses that apply go
 * into the contract of every sponsorship approved at this level.
 */
export const SponsorshipLevels: CollectionConfig = {
  slug: 'sponsorship-levels',
  access: {
    create: isStaff,
    delete: isStaff,
    // the catalogue is public
    read: anyone,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['name', 'year', 'order', 'sponsorshipAmount'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'name',
  },
  dbName: 'sponsorship_levels',
  defaultPopulate: { name: true, order: true, sponsorshipAmount: true, year: true },
  defaultSort: 'order',
  fields: [
    { name: 'name', type: 'text', maxLength: 64, required: true },
    {
      name: 'order',
      type: 'number',
      admin: { description: 'Lower comes first (the most generous level is 0).' },
      defaultValue: 0,
      index: true,
      required: true,
      validate: integerValidator('order', { min: 0 }),
    },
    {
      name: 'sponsorshipAmount',
      type: 'number',
      admin: { description: 'USD; the fee of a sponsorship applied for at this level.' },
      required: true,
      validate: integerValidator('sponsorshipAmount', { min: 0 }),
    },
    {
      name: 'year',
      type: 'number',
      index: true,
      validate: integerValidator('year', { min: 2000 }),
    },
    {
      name: 'logoDimension',
      type: 'number',
      admin: { description: 'Logo size (px) on the sponsors page.' },
      defaultValue: 175,
      validate: integerValidator('logoDimension', { min: 1 }),
    },
    {
      name: 'advertise',
      type: 'checkbox',
      admin: { description: 'Offered in the application form.' },
      defaultValue: false,
    },
    {
      name: 'benefits',
      type: 'textarea',
      admin: { description: 'One benefit per line ("Program - Benefit"); copied into the contract.' },
      maxLength: 50000,
    },
    {
      name: 'legalClauses',
      type: 'relationship',
      // legal clauses are staff-managed text
      access: { read: isStaffField },
      admin: { description: 'The clauses every contract at this level includes, in their own order.' },
      hasMany: true,
      relationTo: 'sponsor-legal-clauses',
      validate: existingIn('sponsor-legal-clauses', 'legal clause'),
    },
    legacyIdField('sponsorship_levels_legacy_id_seq'),
  ],
  hooks: { beforeDelete: [refuseDeletingLevelInUse], beforeOperation: [rejectMalformedInput] },
}
