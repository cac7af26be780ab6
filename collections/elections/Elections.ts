import type { CollectionConfig, DateField } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaff } from '../../access/isStaff'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { normalizeElectionDate, validateElectionDates } from '../../hooks/elections/electionDates'
import { refuseUserFieldFilters } from '../../hooks/elections/refuseUserFieldFilters'
import { rewriteStatusQuery } from '../../hooks/elections/rewriteStatusQuery'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { electionReads } from '../../src/elections/reads'
import { ELECTION_STATUSES, electionStatus } from '../../src/elections/status'
import { readEndpoints } from '../../src/platform/reads'
import { serverFilled } from '../../fields/serverFilled'
import { anyoneField } from '../../access/anyone'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

const electionDate = (name: string, description: string): DateField => ({
  name,
  type: 'date',
  admin: {
    date: { displayFormat: 'yyyy-MM-dd', pickerAppearance: 'dayOnly' },
    description,
  },
  hooks: { beforeValidate: [normalizeElectionDate] },
  index: true,
  required: true,
})

export const Elections: CollectionConfig = {
  slug: 'elections',
  access: {
    create: isStaff,
    delete: isStaff,
    // elections are public; who sees their nominees is the nominees' rule
    read: anyone,
    update: isStaff,
  },
  admin: {
    components: {
      beforeListTable: ['/src/elections/ElectionStatusFilter#ElectionStatusFilter'],
    },
    defaultColumns: ['name', 'status', 'nominationsOpen', 'nominationsClose', 'votingOpen', 'votingClose'],
    group: ADMIN_GROUPS.psf,
    useAsTitle: 'name',
  },
  dbName: 'elections',
  defaultPopulate: { name: true, slug: true },
  defaultSort: '-votingOpen',
  endpoints: readEndpoints(electionReads),
  fields: [
    { name: 'name', type: 'text', maxLength: 100, required: true },
    slugField(),
    ...markupFields({ maxLength: 20000, name: 'description', sourceContentType: 'MARKDOWN' }),
    {
      type: 'row',
      fields: [
        electionDate('nominationsOpen', 'First day nominations are open (00:00 UTC).'),
        electionDate('nominationsClose', 'First day nominations are closed (00:00 UTC).'),
      ],
    },
    {
      type: 'row',
      fields: [
        electionDate('votingOpen', 'First day of voting (00:00 UTC).'),
        electionDate('votingClose', 'First day voting is closed (00:00 UTC).'),
      ],
    },
    serverFilled(
      {
        name: 'status',
        type: 'select',
        // public, as the election is; a `where` on it is rewritten into date conditions (hooks/elections/rewriteStatusQuery.ts)
        access: { read: anyoneField },
        admin: { position: 'sidebar' },
        hooks: { afterRead: [({ siblingData }) => electionStatus(siblingData ?? {})] },
        options: ELECTION_STATUSES.map((value) => ({ label: value.toLowerCase().replace('_', ' '), value })),
        virtual: true,
      },
      'Computed from the dates and today on every read; never stored.',
    ),
    {
      name: 'nominees',
      type: 'join',
      collection: 'nominees',
      defaultSort: 'nomineeName',
      // depth 2 from an election reaches each nominee's nominations (joins stop at 1 by default)
      maxDepth: 2,
      on: 'election',
    },
    legacyIdField('elections_legacy_id_seq'),
  ],
  // the status is computed from these; a client selecting only `status` still gets it right
  forceSelect: { nominationsClose: true, nominationsOpen: true, votingClose: true, votingOpen: true },
  hooks: {
    beforeChange: [validateElectionDates],
    beforeDelete: [
      deleteDependents([
        { collection: 'nominees', field: 'election' },
        { collection: 'nominations', field: 'election' },
      ]),
    ],
    beforeOperation: [
      rejectMalformedInput,
      refuseUserFieldFilters(['nominees.user']),
      rewriteStatusQuery({ status: '' }),
    ],
  },
}
