import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nominationsReadable } from '../../access/elections'
import { isStaff } from '../../access/isStaff'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { enforceNominationRules } from '../../hooks/elections/enforceNominationRules'
import { notifyNominee } from '../../hooks/elections/notifyNominee'
import { refuseUserFieldFilters } from '../../hooks/elections/refuseUserFieldFilters'
import { rewriteStatusQuery } from '../../hooks/elections/rewriteStatusQuery'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { validateExistingUser } from '../users/validators'
import { serverFilled } from '../../fields/serverFilled'
import { anyoneField } from '../../access/anyone'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'
import { linkedTitleField } from '../../fields/linkedTitle'

/** Filled by the server on create and never changed: readable (as the nomination is), not writable. */
const serverOnly = { read: anyoneField }

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
    defaultColumns: ['nomineeName', 'election', 'nominatorName', 'createdAt'],
    group: ADMIN_GROUPS.psf,
    listSearchableFields: ['nominatorName'],
    useAsTitle: 'nomineeName',
  },
  dbName: 'nominations',
  defaultPopulate: { election: true, nominatorName: true, nominee: true },
  defaultSort: '-createdAt',
  fields: [
    linkedTitleField('nomineeName', 'nominee.nomineeName', 'Nominee'),
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
    serverFilled(
      {
        name: 'nominee',
        type: 'relationship',
        access: serverOnly,
        index: true,
        relationTo: 'nominees',
        required: true,
      },
      'The nominee row of this user in this election, found or created on save.',
    ),
    serverFilled(
      {
        name: 'nominator',
        type: 'relationship',
        access: serverOnly,
        index: true,
        maxDepth: 0,
        relationTo: 'users',
        required: true,
      },
      'Who made the nomination: the user who saved it.',
    ),
    serverFilled(
      { name: 'nominatorName', type: 'text', access: serverOnly, maxLength: 320 },
      "The nominator's display name, kept on save.",
    ),
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
