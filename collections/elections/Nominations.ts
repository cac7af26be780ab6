import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nominationsReadable } from '../../access/elections'
import { isStaff } from '../../access/isStaff'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { enforceNominationRules } from '../../hooks/elections/enforceNominationRules'
import { notifyNominee } from '../../hooks/elections/notifyNominee'
import { refuseUserFieldFilters } from '../../hooks/elections/refuseUserFieldFilters'
import { rewriteStatusQuery } from '../../hooks/elections/rewriteStatusQuery'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { validateExistingUser } from '../users/validators'

/** Filled by the server on create and never changed: readable, not writable. */
const serverOnly = { ...serverDefaulted, create: () => false, update: () => false }

export const Nominations: CollectionConfig = {
  slug: 'nominations',
  access: {
    // a logged-in member nominates someone (or themselves) while nominations are open
    create: authenticated,
    delete: isStaff,
    // private until nominations close (staff, the nominator, the nominee); then public if the nominee accepted
    read: nominationsReadable,
    // the nominator edits the text while nominations are open; staff any time (hooks/elections)
    update: ownerOrStaff('nominator'),
  },
  admin: {
    defaultColumns: ['nominee', 'election', 'nominatorName', 'createdAt'],
    group: 'Elections',
    listSearchableFields: ['nominatorName'],
  },
  dbName: 'nominations',
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'election',
      type: 'relationship',
      index: true,
      relationTo: 'elections',
      required: true,
      validate: existingIn('elections', 'election'),
    },
    {
      name: 'nomineeUser',
      type: 'relationship',
      admin: { description: 'The user nominated (yourself for a self-nomination).' },
      index: true,
      maxDepth: 0,
      relationTo: 'users',
      required: true,
      validate: validateExistingUser,
    },
    {
      name: 'nominee',
      type: 'relationship',
      access: serverOnly,
      admin: {
        description: 'The nominee row of this user in this election (found or created on save).',
        readOnly: true,
      },
      index: true,
      relationTo: 'nominees',
      required: true,
    },
    {
      name: 'nominator',
      type: 'relationship',
      access: serverOnly,
      admin: { description: 'Who made the nomination: the user who saved it.', readOnly: true },
      index: true,
      maxDepth: 0,
      relationTo: 'users',
      required: true,
    },
    {
      name: 'nominatorName',
      type: 'text',
      access: serverOnly,
      admin: { readOnly: true },
      maxLength: 320,
    },
    ...markupFields({
      sources: [{ name: 'statement', description: 'Why this person should serve.', maxLength: 20000, required: true }],
      sourceContentType: 'MARKDOWN',
    }),
    { name: 'employer', type: 'text', maxLength: 1024 },
    { name: 'otherAffiliations', type: 'text', maxLength: 2048 },
    { name: 'previousBoardService', type: 'text', maxLength: 1024 },
    legacyIdField('nominations_legacy_id_seq'),
  ],
  hooks: {
    afterChange: [notifyNominee],
    beforeChange: [enforceNominationRules],
    beforeOperation: [
      rejectMalformedInput,
      refuseUserFieldFilters(['nomineeUser', 'nominator', 'nominee.user']),
      rewriteStatusQuery({ 'election.status': 'election.', 'nominee.election.status': 'nominee.election.' }),
    ],
  },
  indexes: [{ fields: ['nominee', 'nominator'], unique: true }],
}
