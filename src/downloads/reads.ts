/**
 * Release queries frontends need (python.org/downloads): the latest release
 * of a version or a minor series, the latest pre-release, the download-page
 * list. Served as REST under /api/releases/... and as GraphQL queries.
 */
import type { PayloadRequest, Where } from 'payload'

import { readQuery } from '../platform/readQuery'
import { defineRead, type ReadContext } from '../platform/reads'

const VERSIONS = ['PYTHON1', 'PYTHON2', 'PYTHON3', 'PYMANAGER'] as const

const published: Where = { isPublished: { equals: true } }

/**
 * The newest published release matching `where`, whoever asks (these answers
 * are public listings), with every file; REST may `select[...]` fields.
 */
const first = async (req: PayloadRequest, where: Where, context: ReadContext) => {
  const { docs } = await req.payload.find({
    collection: 'releases',
    depth: context.depth,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    sort: '-versionSortKey',
    where: { and: [published, where] },
    ...readQuery(req, context),
  })
  return docs[0] ?? null
}

/**
 * A release page in one request: depth 2 populates each file's OS (name,
 * slug) in the release's `files`; `?depth=` still chooses.
 */
const RELEASE_PAGE_DEPTH = 2

const version = {
  description: 'PYTHON1, PYTHON2, PYTHON3 (the default) or PYMANAGER',
  type: 'enum',
  values: VERSIONS,
} as const

/** GET /api/releases/latest?version=PYTHON3 | ?series=3.13[&prerelease=true] */
export const latestRelease = defineRead({
  args: {
    prerelease: { description: 'with series: also consider pre-releases', type: 'boolean' },
    series: {
      description: 'a minor series, e.g. 3.13: its newest published release',
      pattern: { hint: 'MAJOR.MINOR, e.g. 3.13', test: /^\d+\.\d+$/ },
      type: 'string',
    },
    version,
  },
  defaultDepth: RELEASE_PAGE_DEPTH,
  description: 'The latest published release of a version (flagged latest), or the newest of a minor series.',
  name: 'latestRelease',
  notFound: ({ series, version }) =>
    `No published release: ${series ? `series ${series}` : `latest ${version ?? 'PYTHON3'}`}`,
  path: '/latest',
  resolve: (req, { prerelease, series, version }, context) =>
    series
      ? first(
          req,
          {
            and: [
              { versionSeries: { equals: series } },
              ...(version ? [{ version: { equals: version } }] : []),
              ...(prerelease ? [] : [{ preRelease: { equals: false } }]),
            ],
          },
          context,
        )
      : first(req, { and: [{ version: { equals: version ?? 'PYTHON3' } }, { isLatest: { equals: true } }] }, context),
  returns: { collection: 'releases', shape: 'doc' },
})

/** GET /api/releases/latest-prerelease[?version=PYTHON3] */
export const latestPrerelease = defineRead({
  args: { version },
  defaultDepth: RELEASE_PAGE_DEPTH,
  description: 'The newest published pre-release of a version.',
  name: 'latestPrerelease',
  notFound: () => 'No published release: pre-release',
  path: '/latest-prerelease',
  resolve: (req, { version }, context) =>
    first(req, { and: [{ version: { equals: version ?? 'PYTHON3' } }, { preRelease: { equals: true } }] }, context),
  returns: { collection: 'releases', shape: 'doc' },
})

/**
 * What the download page shows of a release by default (REST; `select[...]`
 * asks for other fields, e.g. `select[content]=true`): no markup, no files.
 */
export const DOWNLOAD_PAGE_SELECT = {
  eolDate: true,
  isLatest: true,
  name: true,
  releaseDate: true,
  releaseNotesUrl: true,
  releasePage: true,
  slug: true,
  status: true,
  url: true,
  version: true,
  versionNumber: true,
  versionSeries: true,
} as const

/** GET /api/releases/download-page[?page=2&limit=20]: what python.org/downloads lists, newest version first */
export const downloadPage = defineRead({
  args: {
    limit: { description: 'releases per page (default 500)', max: 1000, min: 1, type: 'int' },
    page: { description: 'the page, from 1', max: 100_000, min: 1, type: 'int' },
  },
  description: 'Published final releases shown on the download page, newest version first, in pages.',
  name: 'downloadPageReleases',
  path: '/download-page',
  resolve: (req, { limit, page }, context) =>
    req.payload.find({
      collection: 'releases',
      depth: context.depth,
      limit: limit ?? 500,
      overrideAccess: false,
      page: page ?? 1,
      req,
      sort: '-versionSortKey',
      where: { and: [published, { showOnDownloadPage: { equals: true } }, { preRelease: { equals: false } }] },
      ...readQuery(req, context, { select: DOWNLOAD_PAGE_SELECT }),
    }),
  returns: { collection: 'releases', shape: 'paginated' },
})

export const downloadReads = [latestRelease, latestPrerelease, downloadPage]
