import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { publishedOrStaff } from '../../access/publishedOrStaff'
import { contentManageableFields } from '../../fields/contentManageable'
import { isPublishedField } from '../../fields/isPublished'
import { legacyIdField } from '../../fields/legacyId'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { strictOrPythondotorg } from '../../fields/pythondotorgRules'
import { djangoUrlValidator, httpUrlValidator } from '../../fields/url'
import { deriveVersion } from '../../hooks/downloads/deriveVersion'
import { ensureSingleLatest } from '../../hooks/downloads/ensureSingleLatest'
import { downloadReads } from '../../src/downloads/reads'
import { releaseEndpoints } from '../../src/downloads/releaseEndpoints'
import { readEndpoints } from '../../src/platform/reads'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { hideUnreadableRelation } from '../../hooks/shared/hideUnreadableRelation'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { serverFilled } from '../../fields/serverFilled'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const PYTHON_VERSIONS = ['PYTHON1', 'PYTHON2', 'PYTHON3', 'PYMANAGER'] as const
export const RELEASE_STATUSES = ['PRERELEASE', 'BUGFIX', 'SECURITY', 'EOL'] as const

const DERIVED = 'Derived from the name on save.'
const dayOnly = { date: { pickerAppearance: 'dayOnly' as const } }

export const Releases: CollectionConfig = {
  slug: 'releases',
  access: {
    create: isStaff,
    delete: isStaff,
    // unpublished releases are invisible to everyone but staff, everywhere
    read: publishedOrStaff(),
    update: isStaff,
  },
  admin: {
    defaultColumns: ['name', 'version', 'status', 'isLatest', 'isPublished', 'releaseDate'],
    group: ADMIN_GROUPS.downloads,
    listSearchableFields: ['name', 'versionNumber'],
    useAsTitle: 'name',
  },
  dbName: 'releases',
  // a file's release at depth: enough to name and link it, not its content
  defaultPopulate: {
    isLatest: true,
    isPublished: true,
    name: true,
    preRelease: true,
    releaseDate: true,
    slug: true,
    status: true,
    url: true,
    version: true,
    versionNumber: true,
  },
  defaultSort: '-versionSortKey',
  endpoints: [...readEndpoints(downloadReads), ...releaseEndpoints],
  fields: [
    {
      name: 'name',
      type: 'text',
      admin: { description: 'e.g. "Python 3.14.1".' },
      maxLength: 200,
      required: true,
    },
    slugField({ from: 'name' }),
    {
      type: 'row',
      fields: [
        // derived from the name unless chosen (hooks/downloads/deriveVersion.ts): no default and not
        // `required` here, so that an empty choice (the admin's too) means "from the name"; the hook
        // always fills them and the columns are NOT NULL
        {
          name: 'version',
          type: 'select',
          access: serverDefaulted,
          admin: { description: 'Left empty: from the name ("Python 2.7.18" is Python 2).' },
          index: true,
          options: PYTHON_VERSIONS.map((value) => ({
            label: value === 'PYMANAGER' ? 'Python install manager' : `Python ${value.slice(-1)}`,
            value,
          })),
        },
        {
          name: 'status',
          type: 'select',
          access: serverDefaulted,
          admin: { description: 'Left empty: from the name (an alpha, beta or candidate is a pre-release).' },
          index: true,
          options: RELEASE_STATUSES.map((value) => ({
            label: value.toLowerCase(),
            value,
          })),
        },
      ],
    },
    {
      name: 'isLatest',
      type: 'checkbox',
      admin: {
        description: 'The latest release of its Python version; setting it clears the others.',
        position: 'sidebar',
      },
      defaultValue: false,
      index: true,
    },
    isPublishedField(),
    {
      name: 'preRelease',
      type: 'checkbox',
      admin: { description: 'Left alone: from the name (alpha, beta, candidate).', position: 'sidebar' },
      index: true,
    },
    {
      name: 'showOnDownloadPage',
      type: 'checkbox',
      admin: { position: 'sidebar' },
      defaultValue: true,
      index: true,
    },
    {
      type: 'row',
      fields: [
        { name: 'releaseDate', type: 'date', admin: dayOnly, index: true },
        { name: 'eolDate', type: 'date', admin: dayOnly },
      ],
    },
    {
      name: 'releasePage',
      type: 'relationship',
      // an unpublished page's id is not shown to readers who cannot read the page
      hooks: { afterRead: [hideUnreadableRelation('pages')] },
      relationTo: 'pages',
    },
    {
      name: 'releaseNotesUrl',
      type: 'text',
      maxLength: 1000,
      validate: strictOrPythondotorg(httpUrlValidator('releaseNotesUrl'), djangoUrlValidator('releaseNotesUrl')),
    },
    ...markupFields({ sourceContentType: 'RESTRUCTUREDTEXT' }),
    serverFilled(
      { name: 'versionNumber', type: 'text', admin: { position: 'sidebar' }, index: true },
      'Parsed from the name on save.',
    ),
    serverFilled({ name: 'versionSeries', type: 'text', admin: { hidden: true }, index: true }, DERIVED),
    serverFilled({ name: 'versionSortKey', type: 'text', admin: { hidden: true }, index: true }, DERIVED),
    serverFilled(
      {
        name: 'url',
        type: 'text',
        admin: { hidden: true },
        hooks: {
          afterRead: [({ siblingData }) => (siblingData?.slug ? `/downloads/release/${siblingData.slug}/` : null)],
        },
        virtual: true,
      },
      "The release's page on the site, computed from the slug on read.",
    ),
    legacyIdField('releases_legacy_id_seq'),
    {
      name: 'files',
      type: 'join',
      // every row is this release's: no Release column. (A relationship cell below the fold shows
      // "<No Os>" until it is scrolled into view: Payload loads related titles lazily.)
      admin: { defaultColumns: ['name', 'os', 'downloadButton', 'isSource', 'filesize'] },
      collection: 'release-files',
      // every file (a release has 12 to 30; Payload's default stops at 10). By name: the adapter cannot sort
      // a join through a relationship (`os.name` fails in SQL), so frontends group the files by OS
      defaultLimit: 0,
      defaultSort: 'name',
      // a join's population depth defaults to 1: a file's OS would never be populated at any depth
      maxDepth: 2,
      on: 'release',
    },
    {
      name: 'downloadsChart',
      type: 'ui',
      admin: {
        components: {
          Field: '/src/downloads/ReleaseDownloadsChart#ReleaseDownloadsChart',
        },
      },
    },
    ...contentManageableFields(),
  ],
  graphQL: { pluralName: 'Releases', singularName: 'Release' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
    beforeChange: [deriveVersion, ensureSingleLatest],
  },
  // Payload's edit-lock check on update reads payload_locked_documents outside
  // the request's transaction, so every concurrent update holds one pool
  // connection and waits for a second: a burst of "make latest" saves as large
  // as the pool hangs forever. Releases are written by release tooling in
  // bursts, so they go without the admin's edit lock.
  lockDocuments: false,
}
