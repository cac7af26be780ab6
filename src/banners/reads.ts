/**
 * The banners a page shows now (GET /api/banners/active?path=/downloads/&target=FRONTEND,
 * GraphQL `activeBanners(path, target)`). The `Banners` list is every banner
 * a caller may read, expired ones included; this is the one to show.
 */
import { startOfTodayUtc } from '../platform/clock'
import { defineRead } from '../platform/reads'
import { bannerAppliesToPath } from './matchPath'
import { BANNER_TARGETS } from './options'

const DAY_MS = 24 * 60 * 60 * 1000

export const activeBanners = defineRead({
  args: {
    path: { description: 'the page path, e.g. /downloads/ (default /)', maxLength: 2000, type: 'string' },
    target: { description: 'FRONTEND (the default) or API', type: 'enum', values: BANNER_TARGETS },
  },
  description:
    'Banners to show on a path now: active, within their start/end dates, sitewide or matching the path, for the target.',
  name: 'activeBanners',
  path: '/active',
  resolve: async (req, { path, target }, { depth }) => {
    const today = startOfTodayUtc()
    const tomorrow = new Date(today.getTime() + DAY_MS)
    // one query narrows by flag, target and date window; path patterns are matched here
    const { docs } = await req.payload.find({
      collection: 'banners',
      depth,
      limit: 100,
      overrideAccess: false,
      pagination: false,
      req,
      sort: 'createdAt',
      where: {
        and: [
          // active ones only, whoever asks (staff may read inactive banners, but they are not shown)
          { isActive: { equals: true } },
          { target: { equals: target ?? 'FRONTEND' } },
          { or: [{ startDate: { exists: false } }, { startDate: { less_than: tomorrow.toISOString() } }] },
          { or: [{ endDate: { exists: false } }, { endDate: { greater_than_equal: today.toISOString() } }] },
        ],
      },
    })
    return { docs: docs.filter((banner) => bannerAppliesToPath(banner, path ?? '/')) }
  },
  returns: { collection: 'banners', shape: 'list' },
})

export const bannerReads = [activeBanners]
