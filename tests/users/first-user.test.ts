/**
 * The first account of an empty database becomes an active superuser, so that
 * somebody can reach the admin panel to grant roles. This file's database
 * starts with no users at all.
 */
import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

type Json = Record<string, any>

const json = async (response: Response): Promise<Json> => (await response.json()) as Json
const userCount = async () => (await t.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
const dbUser = (id: string) => t.payload.findByID({ collection: 'users', id, overrideAccess: true }) as Promise<Json>
const removeAllUsers = () =>
  t.payload.delete({ collection: 'users', overrideAccess: true, where: { id: { exists: true } } })

describe('the first user ever created', () => {
  it('the database starts without users', async () => {
    expect(await userCount()).toBe(0)
  })

  it('registered through POST /api/users/first-register becomes an active superuser', async () => {
    const response = await t.api('POST', '/users/first-register', {
      // whatever the request says, the first account is an active superuser
      body: {
        email: 'Founder@Example.org',
        isActive: false,
        isStaff: false,
        isSuperuser: false,
        password: 'pw-founder-secret',
        username: 'Founder',
      },
    })
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body.token).toEqual(expect.any(String))
    const row = await dbUser(body.user.id)
    expect(row).toMatchObject({
      email: 'founder@example.org',
      isActive: true,
      isStaff: true,
      isSuperuser: true,
      username: 'founder',
    })
    // and may use the admin panel straight away
    const access = await json(await t.api('GET', '/access', { auth: { token: body.token } }))
    expect(access.canAccessAdmin).toBe(true)
  })

  it('first-register is refused once a user exists', async () => {
    const before = await userCount()
    const response = await t.api('POST', '/users/first-register', {
      body: { email: 'second@example.org', password: 'pw-second-secret', username: 'second' },
    })
    expect(response.status).toBe(403)
    expect(await userCount()).toBe(before)
  })

  it('the second account is an ordinary member', async () => {
    const response = await t.api('POST', '/users', {
      body: { email: 'member@example.org', password: 'pw-member-secret', username: 'member' },
    })
    expect(response.status).toBe(201)
    const row = await dbUser((await json(response)).doc.id)
    expect(row).toMatchObject({ isActive: true, isStaff: false, isSuperuser: false })
  })

  it('an anonymous POST /api/users on an empty database also makes an active superuser', async () => {
    await removeAllUsers()
    expect(await userCount()).toBe(0)
    const response = await t.api('POST', '/users', {
      body: {
        email: 'bootstrap@example.org',
        isActive: false,
        isSuperuser: false,
        password: 'pw-bootstrap-secret',
        username: 'bootstrap',
      },
    })
    expect(response.status).toBe(201)
    const row = await dbUser((await json(response)).doc.id)
    expect(row).toMatchObject({ isActive: true, isStaff: true, isSuperuser: true })

    const next = await t.api('POST', '/users', {
      body: { email: 'next@example.org', isSuperuser: true, password: 'pw-next-secret', username: 'next' },
    })
    expect(next.status).toBe(201)
    expect(await dbUser((await json(next)).doc.id)).toMatchObject({ isStaff: false, isSuperuser: false })
  })

  it('the Local API (overrideAccess: false, no user) follows the same rule', async () => {
    await removeAllUsers()
    const first = await t.payload.create({
      collection: 'users',
      data: { email: 'local-first@example.org', password: 'pw-local-first', username: 'local-first' } as never,
      overrideAccess: false,
    })
    expect(await dbUser(first.id)).toMatchObject({ isActive: true, isStaff: true, isSuperuser: true })
    const second = await t.payload.create({
      collection: 'users',
      data: { email: 'local-second@example.org', password: 'pw-local-second', username: 'local-second' } as never,
      overrideAccess: false,
    })
    expect(await dbUser(second.id)).toMatchObject({ isStaff: false, isSuperuser: false })
  })
})
