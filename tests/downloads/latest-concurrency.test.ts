/**
 * Concurrent "make latest" requests on different releases of one version
 * never leave two (or zero) latest releases: after every round exactly one
 * release of that version is latest, and it is one the requests named.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { latestIds, seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser

const ROUNDS = 15
const CONCURRENT = 10

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

describe('concurrent make-latest requests', () => {
  it(`${ROUNDS} rounds of ${CONCURRENT} concurrent PATCHes leave exactly one latest release each time`, async () => {
    const releases = []
    for (let index = 0; index < CONCURRENT; index += 1) {
      releases.push(await seedRelease(t, { isLatest: index === 0, name: `Python ${unique('race')} 3.${index}.0`, version: 'PYTHON3' }))
    }
    const bystander = await seedRelease(t, { isLatest: true, name: `Python ${unique('by')} 2.7.0`, version: 'PYTHON2' })
    const ids = new Set(releases.map((release) => release.id))

    for (let round = 0; round < ROUNDS; round += 1) {
      // all ten ask at once, the current latest among them
      const statuses = await Promise.all(
        releases.map(async (release) => {
          const response = await t.api('PATCH', `/releases/${release.id}`, { auth: staff, body: { isLatest: true } })
          await response.text()
          return response.status
        }),
      )
      // the requests take turns: every one succeeds, the last to commit holds the flag
      expect(statuses).toEqual(releases.map(() => 200))

      const latest = await latestIds(t, 'PYTHON3')
      expect(latest).toHaveLength(1)
      expect(ids.has(latest[0]!)).toBe(true)

      // and the API agrees with the table
      const { totalDocs } = await t.payload.count({
        collection: 'releases',
        overrideAccess: true,
        where: { and: [{ version: { equals: 'PYTHON3' } }, { isLatest: { equals: true } }] },
      })
      expect(totalDocs).toBe(1)
    }
    expect(await latestIds(t, 'PYTHON2')).toEqual([bystander.id])
  })

  it('concurrent creates of new latest releases also leave exactly one', async () => {
    for (let round = 0; round < 5; round += 1) {
      const responses = await Promise.all(
        Array.from({ length: CONCURRENT }, async (_, index) => {
          const response = await t.api('POST', '/releases', {
            auth: staff,
            body: { isLatest: true, name: `Python ${unique('new')} 1.${round}.${index}`, version: 'PYTHON1' },
          })
          await response.text()
          return response.status
        }),
      )
      expect(responses).toEqual(responses.map(() => 201))
      expect(await latestIds(t, 'PYTHON1')).toHaveLength(1)
    }
  })

  it('an edit of the current latest that does not mention isLatest never takes the flag back from a concurrent make-latest', async () => {
    const releases = []
    for (let index = 0; index < 4; index += 1) {
      releases.push(await seedRelease(t, { isLatest: index === 0, name: `Python ${unique('edit')} 2.${index}.0`, version: 'PYMANAGER' }))
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const [current] = await latestIds(t, 'PYMANAGER')
      const challenger = releases.find((release) => release.id !== current)!
      const [edit, takeOver] = await Promise.all([
        t.api('PATCH', `/releases/${current}`, { auth: staff, body: { releaseNotesUrl: `https://docs.python.org/${round}` } }),
        t.api('PATCH', `/releases/${challenger.id}`, { auth: staff, body: { isLatest: true } }),
      ])
      await Promise.all([edit.text(), takeOver.text()])
      // both succeed: the edit neither fails on the index nor reinstates its stale flag
      expect([edit.status, takeOver.status]).toEqual([200, 200])
      expect(await latestIds(t, 'PYMANAGER')).toEqual([challenger.id])
      const edited = await t.payload.findByID({ collection: 'releases', id: current!, overrideAccess: true })
      expect(edited).toMatchObject({ isLatest: false, releaseNotesUrl: `https://docs.python.org/${round}` })
    }
  })
})
