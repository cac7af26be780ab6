/**
 * Exactly one release per Python version is the latest. Making a release
 * latest (REST, GraphQL, Local API with access control) clears the flag on
 * the other releases of that version and leaves other versions alone; the
 * database itself refuses a second latest row.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, latestIds, seedRelease, unique, withSql } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Version = 'PYMANAGER' | 'PYTHON1' | 'PYTHON2' | 'PYTHON3'

/** Fresh releases of one version, the first of them latest, plus a latest release of `other`. */
const family = async (version: Version, other: Version) => {
  const releases = []
  for (let index = 0; index < 3; index += 1) {
    releases.push(await seedRelease(t, { isLatest: index === 0, name: `Python ${unique('rel')} 9.${index}.0`, version }))
  }
  const otherLatest = await seedRelease(t, { isLatest: true, name: `Python ${unique('other')} 8.0.0`, version: other })
  return { otherLatest, releases }
}

describe('one latest release per version', () => {
  it('a new latest release (created by staff over REST) takes the flag from the previous one', async () => {
    const { otherLatest, releases } = await family('PYTHON2', 'PYTHON3')
    expect(await latestIds(t, 'PYTHON2')).toEqual([releases[0]!.id])

    const response = await t.api('POST', '/releases', {
      auth: staff,
      body: { isLatest: true, name: `Python ${unique('new')} 2.7.18`, version: 'PYTHON2' },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc.isLatest).toBe(true)
    expect(await latestIds(t, 'PYTHON2')).toEqual([doc.id])
    expect(await latestIds(t, 'PYTHON3')).toEqual([otherLatest.id])
  })

  it('REST PATCH by staff moves the flag within the version only', async () => {
    const { otherLatest, releases } = await family('PYMANAGER', 'PYTHON1')
    const response = await t.api('PATCH', `/releases/${releases[2]!.id}`, { auth: staff, body: { isLatest: true } })
    expect(response.status).toBe(200)
    expect((await json(response)).doc.isLatest).toBe(true)
    expect(await latestIds(t, 'PYMANAGER')).toEqual([releases[2]!.id])
    expect(await latestIds(t, 'PYTHON1')).toEqual([otherLatest.id])

    // the previous latest reads as not latest through the API too
    const previous = await json(await t.api('GET', `/releases/${releases[0]!.id}?depth=0`, { auth: staff }))
    expect(previous.isLatest).toBe(false)
  })

  it('a member cannot make a release latest', async () => {
    const { releases } = await family('PYTHON1', 'PYMANAGER')
    const response = await t.api('PATCH', `/releases/${releases[1]!.id}`, { auth: member, body: { isLatest: true } })
    expect(response.status).toBe(403)
    expect(await latestIds(t, 'PYTHON1')).toEqual([releases[0]!.id])
  })

  it('a GraphQL mutation by staff moves the flag within the version only', async () => {
    const { otherLatest, releases } = await family('PYTHON3', 'PYTHON2')
    const result = await t.graphql(
      `mutation ($id: String!) { updateRelease(id: $id, data: { isLatest: true }) { id isLatest } }`,
      { auth: staff, variables: { id: releases[1]!.id } },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.updateRelease).toEqual({ id: releases[1]!.id, isLatest: true })
    expect(await latestIds(t, 'PYTHON3')).toEqual([releases[1]!.id])
    expect(await latestIds(t, 'PYTHON2')).toEqual([otherLatest.id])
  })

  it('the Local API with access control moves the flag within the version only', async () => {
    const { otherLatest, releases } = await family('PYTHON2', 'PYMANAGER')
    const staffUser = await t.payload.findByID({ collection: 'users', id: staff.id, overrideAccess: true })
    const updated = await t.payload.update({
      collection: 'releases',
      data: { isLatest: true },
      id: releases[2]!.id,
      overrideAccess: false,
      user: staffUser,
    })
    expect(updated.isLatest).toBe(true)
    expect(await latestIds(t, 'PYTHON2')).toEqual([releases[2]!.id])
    expect(await latestIds(t, 'PYMANAGER')).toEqual([otherLatest.id])
  })

  it('moving a latest release to another version clears the latest of that version, and leaves its old version with none', async () => {
    const { otherLatest, releases } = await family('PYTHON1', 'PYTHON2')
    const response = await t.api('PATCH', `/releases/${releases[0]!.id}`, { auth: staff, body: { version: 'PYTHON2' } })
    expect(response.status).toBe(200)
    expect(await latestIds(t, 'PYTHON2')).toEqual([releases[0]!.id])
    expect(await latestIds(t, 'PYTHON1')).toEqual([])
    const previous = await t.payload.findByID({ collection: 'releases', id: otherLatest.id, overrideAccess: true })
    expect(previous.isLatest).toBe(false)
  })

  it('an update refused by the database after the hook ran leaves the previous latest in place (same transaction)', async () => {
    const { releases } = await family('PYTHON3', 'PYTHON1')
    const current = await latestIds(t, 'PYTHON3')
    expect(current).toEqual([releases[0]!.id])
    // the slug clash is only found by the unique index, after the flag was cleared
    const response = await t.api('PATCH', `/releases/${releases[2]!.id}`, {
      auth: staff,
      body: { isLatest: true, slug: releases[1]!.slug },
    })
    expect(response.status).toBe(400)
    expect(await latestIds(t, 'PYTHON3')).toEqual(current)
  })
})

describe('the database backs the rule', () => {
  it('a raw UPDATE making a second release of a version latest fails on the partial unique index', async () => {
    const { releases } = await family('PYMANAGER', 'PYTHON3')
    const error = await withSql(t, (client) =>
      client.query('UPDATE releases SET is_latest = true WHERE id = $1', [releases[1]!.id]).then(
        () => null,
        (err: { code?: string; constraint?: string }) => err,
      ),
    )
    expect(error).toMatchObject({ code: '23505', constraint: 'releases_one_latest_per_version' })
    expect(await latestIds(t, 'PYMANAGER')).toEqual([releases[0]!.id])
  })

  it('rows that are not latest are not limited', async () => {
    const before = await withSql(t, async (client) => (await client.query("SELECT count(*)::int AS n FROM releases WHERE version = 'PYTHON3' AND NOT is_latest")).rows[0].n)
    await seedRelease(t, { isLatest: false, name: `Python ${unique('a')} 3.1.0`, version: 'PYTHON3' })
    await seedRelease(t, { isLatest: false, name: `Python ${unique('b')} 3.1.1`, version: 'PYTHON3' })
    const after = await withSql(t, async (client) => (await client.query("SELECT count(*)::int AS n FROM releases WHERE version = 'PYTHON3' AND NOT is_latest")).rows[0].n)
    expect(after).toBe(before + 2)
  })
})
