import type { CollectionConfig } from 'payload'

import { nomineesReadable } from '../../access/elections'
import { isStaff } from '../../access/isStaff'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { existingIn } from '../../fields/existingIn'
import { legacyIdField } from '../../fields/legacyId'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { enforceNomineeWorkflow } from '../../hooks/elections/enforceNomineeWorkflow'
import { refuseUserFieldFilters } from '../../hooks/elections/refuseUserFieldFilters'
import { rewriteStatusQuery } from '../../hooks/elections/rewriteStatusQuery'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { validateExistingUser } from '../users/validators'
import { ACCEPTANCES } from '../../src/elections/acceptance'
import { nomineeEndpoints } from '../../src/elections/endpoints'
import { serverFilled } from '../../fields/serverFilled'
import { anyoneField } from '../../access/anyone'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const Nominees: CollectionConfig = {
  slug: 'nominees',
  access: {
    // members nominate through `nominations`, which finds or creates the nominee row
    create: isStaff,
    delete: isStaff,
    // private until nominations close (staff, the nominee, their nominators); then public if accepted
    read: nomineesReadable,
    // the nominee answers, staff moderate; what may change is the workflow hook's decision
    update: ownerOrStaff('user'),
  },
  admin: {
    defaultColumns: ['nomineeName', 'election', 'acceptance', 'updatedAt'],
    group: ADMIN_GROUPS.psf,
    listSearchableFields: ['nomineeName'],
    useAsTitle: 'nomineeName',
  },
  dbName: 'nominees',
  defaultPopulate: { accepted: true, election: true, nominations: true, nomineeName: true, user: true },
  defaultSort: 'nomineeName',
  endpoints: nomineeEndpoints,
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
      name: 'user',
      type: 'relationship',
      admin: { description: 'The nominated user. Shown publicly only by name (nomineeName).' },
      index: true,
      // a nominee is shown by name; the account behind it is the users collection's business
      maxDepth: 0,
      relationTo: 'users',
      required: true,
      validate: validateExistingUser,
    },
    serverFilled(
      { name: 'nomineeName', type: 'text', access: { read: anyoneField }, index: true, maxLength: 320 },
      "The user's first and last name (or username), kept on every save.",
    ),
    {
      name: 'acceptance',
      type: 'select',
      access: serverDefaulted,
      admin: {
        description: "The nominee's answer. Moves only along the acceptance workflow.",
        position: 'sidebar',
      },
      defaultValue: 'PENDING',
      index: true,
      options: ACCEPTANCES.map((value) => ({ label: value.toLowerCase(), value })),
      required: true,
    },
    {
      name: 'accepted',
      type: 'checkbox',
      admin: { description: 'Same as acceptance = ACCEPTED (kept in step by the server).', position: 'sidebar' },
      defaultValue: false,
      index: true,
    },
    {
      name: 'acceptanceActions',
      type: 'ui',
      admin: {
        components: { Field: '/src/elections/NomineeAcceptanceActions#NomineeAcceptanceActions' },
        position: 'sidebar',
      },
    },
    {
      name: 'nominations',
      type: 'join',
      collection: 'nominations',
      defaultSort: 'createdAt',
      maxDepth: 2,
      on: 'nominee',
    },
    legacyIdField('nominees_legacy_id_seq'),
  ],
  hooks: {
    beforeChange: [enforceNomineeWorkflow],
    beforeDelete: [deleteDependents([{ collection: 'nominations', field: 'nominee' }])],
    beforeOperation: [
      rejectMalformedInput,
      refuseUserFieldFilters(['user', 'nominations.nominator', 'nominations.nomineeUser']),
      rewriteStatusQuery({ 'election.status': 'election.' }),
    ],
  },
  indexes: [{ fields: ['election', 'user'], unique: true }],
}
