/**
 * Release queries frontends need (python.org/downloads): the latest release
 * of a version or a minor series, the latest pre-release, the download-page
 * list. Served as REST under /api/releases/... and as GraphQL queries.
 */
import type { PayloadRequest, Where } from 'payload'

import { defineRead, type ReadContext } from '../platform/reads'

const VERSIONS = ['PYTHON1', 'PYTHON2', 'PYTHON3', 'PYMANAGER'] as const

const published: Where = { isPublished: { equals: true } }

/** Published releases only, whoever asks: these answers are public listings, newest version first. */
const findReleases = (req: PayloadRequest, where: Where, limit: number, { depth }: ReadContext) =>
  req.payload.find({
    collection: 'releases',
    depth,
    limit,
    overrideAccess: false,
    pagination: false,
    req,
    sort: '-versionSortKey',
    where: { and: [published, where] },
  })

const first = async (req: PayloadRequest, where: Where, context: ReadContext) =>
  (await findReleases(req, where, 1, context)).docs[0] ?? null

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
  description: 'The newest published pre-release of a version.',
  name: 'latestPrerelease',
  notFound: () => 'No published release: pre-release',
  path: '/latest-prerelease',
  resolve: (req, { version }, context) =>
    first(req, { and: [{ version: { equals: version ?? 'PYTHON3' } }, { preRelease: { equals: true } }] }, context),
  returns: { collection: 'releases', shape: 'doc' },
})

/** GET /api/releases/download-page: what python.org/downloads lists, newest version first */
export const downloadPage = defineRead({
  args: { limit: { description: 'at most this many releases (default 500)', max: 1000, min: 1, type: 'int' } },
  description: 'Published final releases shown on the download page, newest version first.',
  name: 'downloadPageReleases',
  path: '/download-page',
  resolve: async (req, { limit }, context) => {
    const { docs } = await findReleases(
      req,
      { and: [{ showOnDownloadPage: { equals: true } }, { preRelease: { equals: false } }] },
      limit ?? 500,
      context,
    )
    return { docs, totalDocs: docs.length }
  },
  returns: {
    shape: 'custom',
    type: (graphQL, info) =>
      new graphQL.GraphQLObjectType({
        fields: {
          docs: { type: new graphQL.GraphQLList(info.collections.releases!.graphQL!.type) },
          totalDocs: { type: graphQL.GraphQLInt },
        },
        name: 'DownloadPageReleases',
      }),
  },
})

export const downloadReads = [latestRelease, latestPrerelease, downloadPage]
