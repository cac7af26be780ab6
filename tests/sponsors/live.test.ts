/**
 * The public list of live sponsors, GET /api/sponsors/live and the GraphQL
 * query sponsorsLive: sponsors with a FINALIZED sponsorship whose period
 * holds today (by the clock, both ends included) and that no newer one
 * overlapped, most generous level first, each as a summary (name, landing
 * page, level name, the logo in its sizes) and nothing else; the same list
 * whoever asks.
 */
import { setNow } from '../../src/platform/clock'
import { type Actors, makeActors } from '../helpers/actors'
import { type Auth, type TestContext } from '../helpers/harness'
import {
  act,
  applied,
  asRequestUser,
  contractRowOf,
  createSponsor,
  day,
  fixClock,
  json,
  type Json,
  png,
  releaseClock,
  seedLevel,
  startSponsorsPayload,
} from './fixtures'

let t: TestContext
let actors: Actors
const levels: Record<string, Json> = {}
let logo: Json

beforeAll(async () => {
  fixClock()
  t = await startSponsorsPayload()
  actors = await makeActors(t)
  levels.visionary = await seedLevel(t, { name: 'Visionary', order: 0 })
  levels.contributing = await seedLevel(t, { name: 'Contributing', order: 3, sponsorshipAmount: 30000 })
  levels.partner = await seedLevel(t, { name: 'Partner', order: 5, sponsorshipAmount: 10000 })
  const data = await png(900, 300)
  logo = (await t.payload.create({
    collection: 'sponsor-logos',
    data: { alt: 'Beta logo' } as never,
    file: { data, mimetype: 'image/png', name: 'beta-logo.png', size: data.length },
    overrideAccess: false,
    user: await asRequestUser(t, actors.owner),
  })) as Json

  /** A sponsor whose sponsorship went as far as `until` over [start, end]. */
  const sponsorWith = async (
    name: string,
    level: Json,
    [start, end]: [number, number],
    until: 'APPROVED' | 'FINALIZED' | 'REJECTED' = 'FINALIZED',
    extra: Json = {},
  ) => {
    const sponsor = await createSponsor(t, actors.owner, {
      landingPageUrl: `https://${name.toLowerCase()}.example.org/`,
      name,
      ...extra,
    })
    const sponsorship = await applied(t, actors.owner, String(sponsor.id), String(level.id))
    if (until === 'REJECTED') {
      await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'reject')
      return sponsor
    }
    await act(t, actors.staff, 'sponsorships', String(sponsorship.id), 'approve', {
      endDate: day(end),
      startDate: day(start),
    })
    if (until === 'FINALIZED') {
      await act(
        t,
        actors.staff,
        'sponsor-contracts',
        String((await contractRowOf(t, String(sponsorship.id)))!.id),
        'execute',
      )
    }
    return sponsor
  }

  await sponsorWith('Beta', levels.contributing!, [-10, 10], 'FINALIZED', { webLogo: logo.id })
  await sponsorWith('Alpha', levels.visionary!, [0, 30])
  await sponsorWith('Gamma', levels.partner!, [-30, 0])
  await sponsorWith('Delta', levels.contributing!, [-5, 5])
  await sponsorWith('Future', levels.visionary!, [1, 30])
  await sponsorWith('Ended', levels.visionary!, [-30, -1])
  await sponsorWith('Unsigned', levels.visionary!, [-5, 5], 'APPROVED')
  await sponsorWith('Declined', levels.visionary!, [-5, 5], 'REJECTED')
  // renewed at a better level: the earlier sponsorship is overlapped, the sponsor listed once, at its new level
  const renewed = await sponsorWith('Renewed', levels.partner!, [-100, 100])
  const renewal = await applied(t, actors.owner, String(renewed.id), String(levels.visionary!.id))
  await act(t, actors.staff, 'sponsorships', String(renewal.id), 'approve', { endDate: day(300), startDate: day(-1) })
  await act(t, actors.staff, 'sponsor-contracts', String((await contractRowOf(t, String(renewal.id)))!.id), 'execute')
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const restNames = async (auth?: Auth) => {
  const response = await t.api('GET', 'sponsors/live', { auth })
  expect(response.status).toBe(200)
  const body = await json(response)
  expect(body.totalDocs).toBe(body.docs.length)
  return body.docs as Json[]
}

const graphqlNames = async (auth?: Auth) => {
  const result = await t.graphql(
    `{ sponsorsLive { totalDocs docs { name landingPageUrl levelName logo { url width height mimeType sizes { small { url width height } medium { url width height } large { url width height } } } } } }`,
    { auth },
  )
  expect(result.errors).toBeUndefined()
  return result.data.sponsorsLive.docs as Json[]
}

describe('the live sponsors', () => {
  it('today: live ones only (both ends of the period count), most generous level first, then by name', async () => {
    const docs = await restNames()
    expect(docs.map((doc) => [doc.levelName, doc.name])).toEqual([
      ['Visionary', 'Alpha'],
      ['Visionary', 'Renewed'],
      ['Contributing', 'Beta'],
      ['Contributing', 'Delta'],
      ['Partner', 'Gamma'],
    ])
  })

  it('each as a summary: name, landing page, level name and the logo in its sizes, nothing else', async () => {
    const docs = await restNames()
    for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(['landingPageUrl', 'levelName', 'logo', 'name'])
    const beta = docs.find((doc) => doc.name === 'Beta')!
    expect(beta.landingPageUrl).toBe('https://beta.example.org/')
    expect(beta.logo).toEqual({
      height: 300,
      mimeType: 'image/png',
      sizes: {
        large: {
          height: 171,
          url: expect.stringMatching(/\/api\/sponsor-logos\/file\/beta-logo-512x171\.png$/),
          width: 512,
        },
        medium: { height: 85, url: expect.stringMatching(/beta-logo-256x85\.png$/), width: 256 },
        small: { height: 43, url: expect.stringMatching(/beta-logo-128x43\.png$/), width: 128 },
      },
      url: expect.stringMatching(/\/api\/sponsor-logos\/file\/beta-logo\.png$/),
      width: 900,
    })
    expect(docs.find((doc) => doc.name === 'Alpha')!.logo).toBeNull()
    // and the logo files are there for anyone
    for (const url of [beta.logo.url, beta.logo.sizes.small.url]) {
      const path = String(url).replace(/^.*\/api\//, '')
      expect((await t.api('GET', path)).status).toBe(200)
    }
  })

  it('GraphQL answers the same list with the same fields', async () => {
    expect(await graphqlNames()).toEqual(await restNames())
  })

  it('is the same list for a member, the applicant and staff', async () => {
    const anonymous = await restNames()
    for (const auth of [actors.member, actors.owner, actors.staff]) {
      expect(await restNames(auth)).toEqual(anonymous)
      expect(await graphqlNames(auth)).toEqual(anonymous)
    }
  })

  it('follows the clock: tomorrow Future starts and Gamma has ended; the day after its end Beta is gone', async () => {
    try {
      setNow(`${day(1)}T00:00:00.000Z`)
      expect((await restNames()).map((doc) => doc.name)).toEqual(['Alpha', 'Future', 'Renewed', 'Beta', 'Delta'])
      setNow(`${day(10)}T23:59:59.999Z`)
      expect((await graphqlNames()).map((doc) => doc.name)).toEqual(['Alpha', 'Future', 'Renewed', 'Beta'])
      setNow(`${day(11)}T00:00:00.000Z`)
      expect((await restNames()).map((doc) => doc.name)).toEqual(['Alpha', 'Future', 'Renewed'])
    } finally {
      fixClock()
    }
  })
})
