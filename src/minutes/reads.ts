/** PSF board minutes by meeting date (GET /api/minutes/by-date/2024-01-15, GraphQL `minutesByDate`). */
import { defineRead } from '../platform/reads'

const DAY_MS = 24 * 60 * 60 * 1000

export const minutesByDate = defineRead({
  args: { date: { description: 'the meeting day, YYYY-MM-DD', required: true, type: 'date' } },
  description: 'The minutes of the board meeting on a day (published ones only, unless the caller is staff).',
  name: 'minutesByDate',
  notFound: ({ date }) => `No minutes for ${date}`,
  path: '/by-date/:date',
  resolve: async (req, { date }, { depth }) => {
    const start = new Date(`${date}T00:00:00.000Z`)
    const end = new Date(start.getTime() + DAY_MS)
    const { docs } = await req.payload.find({
      collection: 'minutes',
      depth,
      limit: 1,
      overrideAccess: false,
      pagination: false,
      req,
      where: {
        and: [{ date: { greater_than_equal: start.toISOString() } }, { date: { less_than: end.toISOString() } }],
      },
    })
    return docs[0] ?? null
  },
  returns: { collection: 'minutes', shape: 'doc' },
})

export const minutesReads = [minutesByDate]
