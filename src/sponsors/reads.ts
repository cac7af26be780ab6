/**
 * GET /api/sponsors/live (and the GraphQL query `sponsorsLive`): the
 * sponsors the site shows, that is those with a live sponsorship (FINALIZED,
 * today by the clock within its period, not overlapped), most generous level
 * first. Each comes as a public summary: name, landing page, level name and
 * the logo in its sizes, nothing else.
 */
import type * as GraphQLModule from 'graphql'
import type { PayloadRequest } from 'payload'

import { liveSponsorships } from '../../access/sponsors'
import { SPONSOR_LOGO_SIZES } from '../../collections/sponsors/SponsorLogos'
import type { SponsorLogo } from '../../payload-types'
import { defineRead } from '../platform/reads'
import { idOf } from './workflow'

type LogoImage = { height: null | number; url: null | string; width: null | number }

export type LiveSponsor = {
  landingPageUrl: null | string
  levelName: null | string
  logo: (LogoImage & { mimeType: null | string; sizes: Record<string, LogoImage> }) | null
  name: string
}

const image = (
  source: { height?: null | number; url?: null | string; width?: null | number } | undefined,
): LogoImage => ({
  height: source?.height ?? null,
  url: source?.url ?? null,
  width: source?.width ?? null,
})

const logoOf = (logo: unknown): LiveSponsor['logo'] => {
  if (!logo || typeof logo !== 'object') return null
  const doc = logo as SponsorLogo
  const sizes = (doc.sizes ?? {}) as Record<string, Parameters<typeof image>[0]>
  return {
    ...image(doc),
    mimeType: doc.mimeType ?? null,
    sizes: Object.fromEntries(SPONSOR_LOGO_SIZES.map(({ name }) => [name, image(sizes[name] ?? undefined)])),
  }
}

/** The live sponsors, read with the caller's own access (whoever asks sees the same public list). */
export const liveSponsors = async (req: PayloadRequest): Promise<LiveSponsor[]> => {
  const { docs: sponsorships } = await req.payload.find({
    collection: 'sponsorships',
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: { level: true, sponsor: true },
    where: liveSponsorships(),
  })
  if (!sponsorships.length) return []
  const ids = (field: 'level' | 'sponsor') =>
    [...new Set(sponsorships.map((doc) => idOf(doc[field])).filter(Boolean))] as string[]
  const [sponsors, levels] = await Promise.all([
    req.payload.find({
      collection: 'sponsors',
      depth: 1,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      select: { landingPageUrl: true, name: true, webLogo: true },
      where: { id: { in: ids('sponsor') } },
    }),
    req.payload.find({
      collection: 'sponsorship-levels',
      depth: 0,
      limit: 0,
      overrideAccess: false,
      pagination: false,
      req,
      select: { name: true, order: true },
      where: { id: { in: ids('level') } },
    }),
  ])
  const sponsorById = new Map(sponsors.docs.map((doc) => [String(doc.id), doc]))
  const levelById = new Map(levels.docs.map((doc) => [String(doc.id), doc]))
  // a sponsor appears once, at its most generous live level
  const best = new Map<
    string,
    { level: (typeof levels.docs)[number] | undefined; sponsor: (typeof sponsors.docs)[number] }
  >()
  for (const sponsorship of sponsorships) {
    const sponsor = sponsorById.get(idOf(sponsorship.sponsor) ?? '')
    if (!sponsor) continue
    const level = levelById.get(idOf(sponsorship.level) ?? '')
    const seen = best.get(String(sponsor.id))
    if (!seen || (level?.order ?? Infinity) < (seen.level?.order ?? Infinity))
      best.set(String(sponsor.id), { level, sponsor })
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        (a.level?.order ?? Infinity) - (b.level?.order ?? Infinity) ||
        a.sponsor.name.localeCompare(b.sponsor.name, 'en'),
    )
    .map(({ level, sponsor }) => ({
      landingPageUrl: sponsor.landingPageUrl ?? null,
      levelName: level?.name ?? null,
      logo: logoOf(sponsor.webLogo),
      name: sponsor.name,
    }))
}

let liveSponsorsType: GraphQLModule.GraphQLOutputType | undefined

const graphQLType = (graphQL: typeof GraphQLModule): GraphQLModule.GraphQLOutputType => {
  if (liveSponsorsType) return liveSponsorsType
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const imageFields = { height: { type: GraphQLInt }, url: { type: GraphQLString }, width: { type: GraphQLInt } }
  const size = new GraphQLObjectType({ fields: imageFields, name: 'LiveSponsorLogoSize' })
  const sizes = new GraphQLObjectType({
    fields: Object.fromEntries(SPONSOR_LOGO_SIZES.map(({ name }) => [name, { type: size }])),
    name: 'LiveSponsorLogoSizes',
  })
  const logo = new GraphQLObjectType({
    fields: { ...imageFields, mimeType: { type: GraphQLString }, sizes: { type: sizes } },
    name: 'LiveSponsorLogo',
  })
  const sponsor = new GraphQLObjectType({
    description: 'A live sponsor, as the public sponsors list shows it.',
    fields: {
      landingPageUrl: { type: GraphQLString },
      levelName: { type: GraphQLString },
      logo: { type: logo },
      name: { type: new GraphQLNonNull(GraphQLString) },
    },
    name: 'LiveSponsor',
  })
  liveSponsorsType = new GraphQLObjectType({
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(sponsor))) },
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
    },
    name: 'SponsorsLive',
  })
  return liveSponsorsType
}

/** GET /api/sponsors/live */
export const sponsorsLive = defineRead({
  args: {},
  description: 'Sponsors with a live sponsorship, most generous level first: name, landing page, level, logo sizes.',
  name: 'sponsorsLive',
  path: '/live',
  resolve: async (req) => {
    const docs = await liveSponsors(req)
    return { docs, totalDocs: docs.length }
  },
  returns: { shape: 'custom', type: (graphQL) => graphQLType(graphQL) },
})

export const sponsorReads = [sponsorsLive]
