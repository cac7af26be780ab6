import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { integerValidator } from '../../fields/integer'
import { legacyIdField } from '../../fields/legacyId'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** Contract clauses (python.org's LegalClause): staff-managed, attached to levels, copied into contracts. */
export const SponsorLegalClauses: CollectionConfig = {
  slug: 'sponsor-legal-clauses',
  access: {
    // the PSF's legal text: staff only, in every direction
    create: isStaff,
    delete: isStaff,
    read: isStaff,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['internalName', 'order', 'updatedAt'],
    group: ADMIN_GROUPS.sponsors,
    useAsTitle: 'internalName',
  },
  dbName: 'sponsor_legal_clauses',
  defaultPopulate: { internalName: true, order: true },
  defaultSort: 'order',
  fields: [
    {
      name: 'internalName',
      type: 'text',
      admin: { description: 'How staff refer to the clause.' },
      maxLength: 1024,
      required: true,
    },
    {
      name: 'clause',
      type: 'textarea',
      admin: { description: 'The text that goes into the contract.' },
      maxLength: 20000,
      required: true,
    },
    { name: 'notes', type: 'textarea', admin: { description: 'Staff notes.' }, maxLength: 5000 },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      index: true,
      required: true,
      validate: integerValidator('order', { min: 0 }),
    },
    legacyIdField('sponsor_legal_clauses_legacy_id_seq'),
  ],
  hooks: { beforeOperation: [rejectMalformedInput] },
}
