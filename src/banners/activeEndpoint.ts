import { APIError, type Endpoint } from 'payload'

import { startOfTodayUtc } from '../platform/clock'
import { bannerAppliesToPath } from './matchPath'

const TARGETS = new Set(['FRONTEND', 'API'])

/**
 * GET /api/banners/active?path=/downloads/&target=FRONTEND: the banners to
 * show on that path now. One query narrows by flag, target and date window;
 * path patterns are matched here.
 */
export const activeBannersEndpoint: Endpoint = {
  path: '/active',
  method: 'get',
  handler: async (req) => {
    const path = req.searchParams.get('path') ?? '/'
    const target = (req.searchParams.get('target') ?? 'FRONTEND').toUpperCase()
    if (!TARGETS.has(target)) throw new APIError('target: expected FRONTEND or API', 400, undefined, true)
    const today = startOfTodayUtc()
    const tomorrow = new Date(today.getTime() + 24 * 60 * 60 * 1000)
    // the public endpoint answers for active banners only, whoever asks
    const { docs } = await req.payload.find({
      collection: 'banners',
      depth: 0,
      limit: 100,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'createdAt',
      where: {
        and: [
          { isActive: { equals: true } },
          { target: { equals: target } },
          { or: [{ startDate: { exists: false } }, { startDate: { less_than: tomorrow.toISOString() } }] },
          { or: [{ endDate: { exists: false } }, { endDate: { greater_than_equal: today.toISOString() } }] },
        ],
      },
    })
    return Response.json({ docs: docs.filter((banner) => bannerAppliesToPath(banner, path)) })
  },
}
