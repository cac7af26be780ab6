import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { rssResponse, siteUrl } from '../platform/rss'

const VERSIONS = new Set(['PYTHON1', 'PYTHON2', 'PYTHON3', 'PYMANAGER'])
const SERIES = /^\d+\.\d+$/

const published: Where = { isPublished: { equals: true } }

/** Published releases only, whoever asks: these answers are public listings. */
const findReleases = (req: PayloadRequest, where: Where, limit: number) =>
  req.payload.find({
    collection: 'releases',
    depth: 0,
    limit,
    overrideAccess: false,
    pagination: false,
    req,
    sort: '-versionSortKey',
    where: { and: [published, where] },
  })

/** ?version=, PYTHON3 when absent; anything but a known version is a 400 naming it. */
const versionParam = (req: PayloadRequest): string => {
  const version = (req.searchParams.get('version') ?? 'PYTHON3').toUpperCase()
  if (!VERSIONS.has(version)) {
    throw new APIError('version: expected PYTHON1, PYTHON2, PYTHON3 or PYMANAGER', 400, undefined, true)
  }
  return version
}

/** A true/false flag, false when absent. */
const booleanParam = (req: PayloadRequest, name: string): boolean => {
  const value = req.searchParams.get(name)
  if (value === null) return false
  if (value !== 'true' && value !== 'false') throw new APIError(`${name}: expected true or false`, 400, undefined, true)
  return value === 'true'
}

const first = async (req: PayloadRequest, where: Where, what: string) => {
  const { docs } = await findReleases(req, where, 1)
  if (!docs[0]) throw new APIError(`No published release: ${what}`, 404, undefined, true)
  return Response.json(docs[0])
}

export const releaseEndpoints: Endpoint[] = [
  {
    // GET /api/releases/latest?version=PYTHON3 | ?series=3.13[&prerelease=true]
    path: '/latest',
    method: 'get',
    handler: async (req) => {
      const series = req.searchParams.get('series')
      if (series !== null) {
        if (!SERIES.test(series)) throw new APIError('series: expected MAJOR.MINOR, e.g. 3.13', 400, undefined, true)
        const includePre = booleanParam(req, 'prerelease')
        return first(
          req,
          {
            and: [
              { versionSeries: { equals: series } },
              ...(req.searchParams.has('version') ? [{ version: { equals: versionParam(req) } }] : []),
              ...(includePre ? [] : [{ preRelease: { equals: false } }]),
            ],
          },
          `series ${series}`,
        )
      }
      const version = versionParam(req)
      return first(
        req,
        { and: [{ version: { equals: version } }, { isLatest: { equals: true } }] },
        `latest ${version}`,
      )
    },
  },
  {
    // GET /api/releases/latest-prerelease[?version=PYTHON3]
    path: '/latest-prerelease',
    method: 'get',
    handler: async (req) => {
      const version = versionParam(req)
      return first(req, { and: [{ version: { equals: version } }, { preRelease: { equals: true } }] }, 'pre-release')
    },
  },
  {
    // GET /api/releases/download-page: what python.org/downloads lists, newest version first
    path: '/download-page',
    method: 'get',
    handler: async (req) => {
      const rawLimit = req.searchParams.get('limit')
      const limit = rawLimit === null ? 500 : Number(rawLimit)
      if (!/^\d+$/.test(rawLimit ?? '500') || limit < 1 || limit > 1000) {
        throw new APIError('limit: expected a whole number from 1 to 1000', 400, undefined, true)
      }
      const { docs } = await findReleases(
        req,
        { and: [{ showOnDownloadPage: { equals: true } }, { preRelease: { equals: false } }] },
        limit,
      )
      return Response.json({ docs, totalDocs: docs.length })
    },
  },
  {
    // GET /api/releases/rss: the newest published releases
    path: '/rss',
    method: 'get',
    handler: async (req) => {
      const { docs } = await req.payload.find({
        collection: 'releases',
        depth: 0,
        limit: 30,
        overrideAccess: false,
        pagination: false,
        req,
        sort: '-releaseDate',
        where: published,
      })
      const base = siteUrl()
      return rssResponse({
        description: 'The newest Python releases',
        items: docs.map((release) => ({
          description: release.contentHtml ?? undefined,
          guid: `${base}/downloads/release/${release.slug}/`,
          link: `${base}/downloads/release/${release.slug}/`,
          pubDate: release.releaseDate ?? release.createdAt,
          title: release.name,
        })),
        link: `${base}/downloads/`,
        selfUrl: `${base}/api/releases/rss`,
        title: 'Python Releases',
      })
    },
  },
]
