/**
 * Users: case-insensitive uniqueness, profile and email privacy, privilege
 * fields, admin access, API keys and inactive accounts, exercised through
 * REST, GraphQL and the Local API (overrideAccess: false).
 */
import pg from 'pg'

import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'

let t: TestContext

// the first user of a database becomes a superuser: create the real one first
let superuser: TestUser
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Json = Record<string, any>

const json = async (response: Response): Promise<Json> => (await response.json()) as Json

/** The field paths a Payload validation error names. */
const errorPaths = (body: Json): string[] =>
  (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path))

const expectFieldError = async (response: Response, field: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  expect(errorPaths(body)).toContain(field)
  return body
}

/** The stored row, read by the system (not through any user's access). */
const dbUser = (id: string) =>
  t.payload.findByID({ collection: 'users', id, overrideAccess: true, showHiddenFields: true }) as Promise<Json>

/** A user document as `user` for Local API calls. */
const asUser = async (user: TestUser) => ({
  ...(await t.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })),
  collection: 'users' as const,
})

const userCount = async () => (await t.payload.count({ collection: 'users', overrideAccess: true })).totalDocs

const PRIVATE_FIELDS = [
  'isStaff',
  'isSuperuser',
  'isActive',
  'emailVerified',
  'oauthProvider',
  'oauthId',
  'apiKey',
  'apiKeyIndex',
  'hash',
  'salt',
] as const

const me = async (auth: Auth) =>
  (await json(await t.api('GET', '/users/me', { auth }))).user as Json | null

const canAccessAdmin = async (auth?: Auth) => {
  const response = await t.api('GET', '/access', { auth })
  expect(response.status).toBe(200)
  return (await json(response)).canAccessAdmin === true
}

const login = (data: { email?: string; password: string; username?: string }) => t.api('POST', '/users/login', { body: data })

describe('username and email are unique, compared case-insensitively', () => {
  const password = 'correct-horse-battery'

  it('stores a new username and email lowercased', async () => {
    const response = await t.api('POST', '/users', {
      body: { email: 'Alice.Smith@Example.ORG', password, username: 'Alice' },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    const row = await dbUser(doc.id)
    expect(row.username).toBe('alice')
    expect(row.email).toBe('alice.smith@example.org')
  })

  it('refuses a username that differs only in case, naming username (REST)', async () => {
    const before = await userCount()
    const response = await t.api('POST', '/users', {
      body: { email: 'someone-else@example.org', password, username: 'ALICE' },
    })
    await expectFieldError(response, 'username')
    expect(await userCount()).toBe(before)
  })

  it('refuses an email that differs only in case, naming email (REST)', async () => {
    const before = await userCount()
    const response = await t.api('POST', '/users', {
      body: { email: 'ALICE.SMITH@example.org', password, username: 'alice-two' },
    })
    const body = await expectFieldError(response, 'email')
    expect(errorPaths(body)).not.toContain('username')
    expect(await userCount()).toBe(before)
  })

  it('refuses renaming onto another user in another case (PATCH)', async () => {
    const before = await dbUser(member.id)
    await expectFieldError(
      await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { username: 'Alice' } }),
      'username',
    )
    await expectFieldError(
      await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { email: 'Alice.Smith@EXAMPLE.org' } }),
      'email',
    )
    const after = await dbUser(member.id)
    expect(after.username).toBe(before.username)
    expect(after.email).toBe(before.email)
  })

  it('refuses the case-variant duplicate through GraphQL and the Local API too', async () => {
    const before = await userCount()
    const result = await t.graphql(
      // the GraphQL create input requires the defaulted selects too
      `mutation { createUser(data: { username: "aLiCe", email: "graphql-alice@example.org", password: "${password}", searchVisibility: PUBLIC, emailPrivacy: PRIVATE }) { id } }`,
    )
    expect(result.errors?.[0]?.extensions?.name).toBe('ValidationError')
    expect(result.errors?.[0]?.message).toMatch(/username/i)

    await expect(
      t.payload.create({
        collection: 'users',
        data: { email: 'ALICE.smith@example.org', password, username: 'local-alice' } as never,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'email' })] } })
    expect(await userCount()).toBe(before)
  })

  it('logs in with the username or the email, in any case', async () => {
    for (const credentials of [
      { password, username: 'alice' },
      { password, username: 'ALICE' },
      { email: 'alice.smith@example.org', password },
      { email: 'Alice.Smith@Example.org', password },
      // allowEmailLogin: the username box accepts the email too
      { password, username: 'alice.smith@example.org' },
    ]) {
      const response = await login(credentials)
      expect(response.status).toBe(200)
      const body = await json(response)
      expect(body.token).toEqual(expect.any(String))
      expect(body.user.username).toBe('alice')
    }
    const wrong = await login({ password: 'not-the-password', username: 'alice' })
    expect(wrong.status).toBe(401)
  })
})

describe('profile visibility and email privacy', () => {
  let publicEmail: TestUser
  let privateEmail: TestUser
  let neverEmail: TestUser
  let noProfile: TestUser
  let unsearchable: TestUser
  let inactive: TestUser
  let visible: string[]
  let hidden: string[]

  beforeAll(async () => {
    publicEmail = await t.makeUser('member', { emailPrivacy: 'PUBLIC', oauthId: 'gh-1', oauthProvider: 'github' })
    privateEmail = await t.makeUser('member', { emailPrivacy: 'PRIVATE', emailVerified: true })
    neverEmail = await t.makeUser('member', { emailPrivacy: 'NEVER' })
    noProfile = await t.makeUser('member', { emailPrivacy: 'PUBLIC', publicProfile: false })
    unsearchable = await t.makeUser('member', { emailPrivacy: 'PUBLIC', searchVisibility: 'PRIVATE' })
    inactive = await t.makeUser('member', { emailPrivacy: 'PUBLIC', isActive: false })
    // staff is a public profile too: its isStaff = true must not show
    visible = [publicEmail.id, privateEmail.id, neverEmail.id, staff.id]
    hidden = [noProfile.id, unsearchable.id, inactive.id]
  })

  const fixtureIds = () => [...visible, ...hidden]
  const listIds = (docs: Json[]) => docs.map((doc) => doc.id).filter((id: string) => fixtureIds().includes(id)).sort()

  const restList = async (auth?: TestUser) => {
    const response = await t.api('GET', '/users?limit=200&depth=0', { auth })
    expect(response.status).toBe(200)
    return (await json(response)).docs as Json[]
  }

  const expectNoPrivateFields = (doc: Json) => {
    for (const field of PRIVATE_FIELDS) expect(doc).not.toHaveProperty(field)
    expect(doc.sessions ?? []).toEqual([])
  }

  it('anonymous: lists only active, public, searchable profiles; email only when PUBLIC (REST)', async () => {
    const docs = await restList()
    expect(listIds(docs)).toEqual([...visible].sort())
    const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
    expect(byId[publicEmail.id].email).toBe(publicEmail.email)
    expect(byId[privateEmail.id]).not.toHaveProperty('email')
    expect(byId[neverEmail.id]).not.toHaveProperty('email')
    for (const doc of docs) expectNoPrivateFields(doc)
  })

  it('anonymous: reads a visible profile by id and gets 404 for the hidden ones (REST)', async () => {
    for (const id of visible) expect((await t.api('GET', `/users/${id}`)).status).toBe(200)
    for (const id of hidden) expect([403, 404]).toContain((await t.api('GET', `/users/${id}`)).status)
    const publicDoc = await json(await t.api('GET', `/users/${publicEmail.id}`))
    expect(publicDoc.email).toBe(publicEmail.email)
    expectNoPrivateFields(publicDoc)
  })

  it('member: sees the visible profiles and themselves; PUBLIC and PRIVATE emails but never NEVER (REST)', async () => {
    const docs = await restList(member)
    expect(listIds(docs)).toEqual([...visible].sort())
    expect(docs.map((doc) => doc.id)).toContain(member.id)
    const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
    expect(byId[publicEmail.id].email).toBe(publicEmail.email)
    expect(byId[privateEmail.id].email).toBe(privateEmail.email)
    expect(byId[neverEmail.id]).not.toHaveProperty('email')
    for (const doc of docs.filter((doc) => doc.id !== member.id)) expectNoPrivateFields(doc)

    for (const id of hidden) expect([403, 404]).toContain((await t.api('GET', `/users/${id}`, { auth: member })).status)
    const never = await json(await t.api('GET', `/users/${neverEmail.id}`, { auth: member }))
    expect(never).not.toHaveProperty('email')
    expectNoPrivateFields(never)
  })

  it('a user sees their own full profile, even when hidden and NEVER', async () => {
    for (const user of [noProfile, unsearchable, neverEmail]) {
      const response = await t.api('GET', `/users/${user.id}`, { auth: user })
      expect(response.status).toBe(200)
      const doc = await json(response)
      expect(doc.email).toBe(user.email)
      expect(doc.isStaff).toBe(false)
      expect(doc.isSuperuser).toBe(false)
      expect(doc.isActive).toBe(true)
      expect(doc).not.toHaveProperty('apiKey')
      expect(doc).not.toHaveProperty('hash')
    }
    const own = await json(await t.api('GET', `/users/${publicEmail.id}`, { auth: publicEmail }))
    expect(own.oauthProvider).toBe('github')
    expect(own.oauthId).toBe('gh-1')
  })

  it('staff and superusers see every profile with emails and flags (REST)', async () => {
    for (const viewer of [staff, superuser]) {
      const docs = await restList(viewer)
      expect(listIds(docs)).toEqual(fixtureIds().sort())
      const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
      expect(byId[neverEmail.id].email).toBe(neverEmail.email)
      expect(byId[inactive.id].isActive).toBe(false)
      expect(byId[staff.id].isStaff).toBe(true)
      expect(byId[publicEmail.id].oauthId).toBe('gh-1')
      expect(byId[privateEmail.id].emailVerified).toBe(true)
      expect(byId[publicEmail.id]).not.toHaveProperty('apiKey')
      expect(byId[publicEmail.id]).not.toHaveProperty('hash')
    }
  })

  it('GraphQL applies the same rules: anonymous', async () => {
    const result = await t.graphql(
      `{ Users(limit: 200) { docs { id email isStaff isSuperuser isActive emailVerified oauthProvider oauthId apiKey } } }`,
    )
    expect(result.errors).toBeUndefined()
    const docs = result.data.Users.docs as Json[]
    expect(listIds(docs)).toEqual([...visible].sort())
    const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
    expect(byId[publicEmail.id].email).toBe(publicEmail.email)
    expect(byId[privateEmail.id].email).toBeNull()
    expect(byId[neverEmail.id].email).toBeNull()
    expect(byId[staff.id].isStaff).toBeNull()
    expect(byId[publicEmail.id].oauthId).toBeNull()
    expect(byId[publicEmail.id].oauthProvider).toBeNull()
    expect(byId[privateEmail.id].emailVerified).toBeNull()
    for (const doc of docs) {
      expect(doc.isSuperuser).toBeNull()
      expect(doc.isActive).toBeNull()
      expect(doc.apiKey).toBeNull()
    }

    for (const id of hidden) {
      const single = await t.graphql(`{ User(id: "${id}") { id email } }`)
      expect(single.data?.User ?? null).toBeNull()
      expect(['Forbidden', 'NotFound']).toContain(single.errors?.[0]?.extensions?.name)
    }
  })

  it('GraphQL applies the same rules: member', async () => {
    const result = await t.graphql(`{ Users(limit: 200) { docs { id email isStaff isActive } } }`, { auth: member })
    expect(result.errors).toBeUndefined()
    const docs = result.data.Users.docs as Json[]
    expect(listIds(docs)).toEqual([...visible].sort())
    const byId = Object.fromEntries(docs.map((doc) => [doc.id, doc]))
    expect(byId[privateEmail.id].email).toBe(privateEmail.email)
    expect(byId[neverEmail.id].email).toBeNull()
    expect(byId[staff.id].isStaff).toBeNull()
    expect(byId[member.id].isStaff).toBe(false)
    expect(byId[member.id].isActive).toBe(true)
    expect(byId[member.id].email).toBe(member.email)

    const single = await t.graphql(`{ User(id: "${noProfile.id}") { id email } }`, { auth: member })
    expect(single.data?.User ?? null).toBeNull()

    const asStaff = await t.graphql(`{ User(id: "${neverEmail.id}") { id email isActive } }`, { auth: staff })
    expect(asStaff.data.User).toEqual({ email: neverEmail.email, id: neverEmail.id, isActive: true })
  })

  it('the Local API with overrideAccess: false applies the same rules', async () => {
    const anonymous = await t.payload.find({ collection: 'users', limit: 200, overrideAccess: false })
    expect(listIds(anonymous.docs as Json[])).toEqual([...visible].sort())
    const anonymousById = Object.fromEntries(anonymous.docs.map((doc) => [doc.id, doc as Json]))
    expect(anonymousById[privateEmail.id]).not.toHaveProperty('email')

    const user = await asUser(member)
    const asMember = await t.payload.find({ collection: 'users', limit: 200, overrideAccess: false, user })
    expect(listIds(asMember.docs as Json[])).toEqual([...visible].sort())
    const byId = Object.fromEntries(asMember.docs.map((doc) => [doc.id, doc as Json]))
    expect(byId[privateEmail.id].email).toBe(privateEmail.email)
    expect(byId[neverEmail.id]).not.toHaveProperty('email')
    expect(byId[staff.id]).not.toHaveProperty('isStaff')

    for (const id of hidden) {
      await expect(t.payload.findByID({ collection: 'users', id, overrideAccess: false, user })).rejects.toThrow()
    }
    const never = (await t.payload.findByID({
      collection: 'users',
      id: neverEmail.id,
      overrideAccess: false,
      user,
    })) as Json
    expect(never).not.toHaveProperty('email')
    expect(never).not.toHaveProperty('isActive')
  })

  it('counts only what the reader may see', async () => {
    const anonymous = await json(await t.api('GET', '/users/count'))
    const asStaff = await json(await t.api('GET', '/users/count', { auth: staff }))
    // staff count everybody; anonymous readers not the three hidden fixtures
    expect(asStaff.totalDocs - anonymous.totalDocs).toBeGreaterThanOrEqual(hidden.length)
    expect(asStaff.totalDocs).toBe(await userCount())
  })

  it('hidden values cannot be probed through where filters', async () => {
    // filtering on a field the reader may not see is refused, not answered
    const byStaffFlag = await t.api('GET', '/users?where[isStaff][equals]=true', { auth: member })
    expect(byStaffFlag.status).toBeGreaterThanOrEqual(400)
    expect(byStaffFlag.status).toBeLessThan(500)

    const byNeverEmail = await t.api('GET', `/users?where[email][equals]=${encodeURIComponent(neverEmail.email)}`, {
      auth: member,
    })
    if (byNeverEmail.status === 200) {
      expect((await json(byNeverEmail)).docs).toEqual([])
    } else {
      expect(byNeverEmail.status).toBeGreaterThanOrEqual(400)
      expect(byNeverEmail.status).toBeLessThan(500)
    }

    const anonymousByPrivateEmail = await t.api(
      'GET',
      `/users?where[email][equals]=${encodeURIComponent(privateEmail.email)}`,
    )
    if (anonymousByPrivateEmail.status === 200) {
      expect((await json(anonymousByPrivateEmail)).docs).toEqual([])
    } else {
      expect(anonymousByPrivateEmail.status).toBeLessThan(500)
    }

    const byActive = await t.api('GET', '/users?where[isActive][equals]=false')
    expect(byActive.status).toBeGreaterThanOrEqual(400)
    expect(byActive.status).toBeLessThan(500)
  })

  it('a user edits their own profile and privacy settings', async () => {
    const response = await t.api('PATCH', `/users/${privateEmail.id}`, {
      auth: privateEmail,
      body: { bio: 'Pythonista', emailPrivacy: 'NEVER', firstName: 'Priv' },
    })
    expect(response.status).toBe(200)
    const row = await dbUser(privateEmail.id)
    expect(row).toMatchObject({ bio: 'Pythonista', emailPrivacy: 'NEVER', firstName: 'Priv' })
    // NEVER now hides the email from other members
    const seen = await json(await t.api('GET', `/users/${privateEmail.id}`, { auth: member }))
    expect(seen.firstName).toBe('Priv')
    expect(seen).not.toHaveProperty('email')
    await t.payload.update({ collection: 'users', id: privateEmail.id, data: { emailPrivacy: 'PRIVATE' }, overrideAccess: true })
  })
})

describe('privilege fields: only a superuser sets isStaff, isSuperuser or isActive', () => {
  const flags = (row: Json) => ({
    emailVerified: row.emailVerified,
    isActive: row.isActive,
    isStaff: row.isStaff,
    isSuperuser: row.isSuperuser,
    oauthId: row.oauthId,
  })
  const escalation = { emailVerified: true, isActive: false, isStaff: true, isSuperuser: true, oauthId: 'forged' }

  it('a member PATCHing their own flags is silently ignored (REST)', async () => {
    const before = flags(await dbUser(member.id))
    const response = await t.api('PATCH', `/users/${member.id}`, {
      auth: member,
      body: { ...escalation, firstName: 'Still Member' },
    })
    expect(response.status).toBe(200)
    const row = await dbUser(member.id)
    expect(row.firstName).toBe('Still Member')
    expect(flags(row)).toEqual(before)
    expect(before).toMatchObject({ isActive: true, isStaff: false, isSuperuser: false })
    expect(await canAccessAdmin(member)).toBe(false)
  })

  it('a member PATCHing their own flags is silently ignored (GraphQL)', async () => {
    const before = flags(await dbUser(member.id))
    const result = await t.graphql(
      `mutation { updateUser(id: "${member.id}", data: { isStaff: true, isSuperuser: true, isActive: false, lastName: "GQL" }) { id } }`,
      { auth: member },
    )
    expect(result.errors).toBeUndefined()
    const row = await dbUser(member.id)
    expect(row.lastName).toBe('GQL')
    expect(flags(row)).toEqual(before)
  })

  it('a member PATCHing their own flags is silently ignored (Local API)', async () => {
    const before = flags(await dbUser(member.id))
    await t.payload.update({
      collection: 'users',
      id: member.id,
      data: { ...escalation, bio: 'local' } as never,
      overrideAccess: false,
      user: await asUser(member),
    })
    const row = await dbUser(member.id)
    expect(row.bio).toBe('local')
    expect(flags(row)).toEqual(before)
  })

  it('signing up (anonymous or member) cannot grant flags', async () => {
    for (const auth of [undefined, member]) {
      const username = `signup-${auth ? 'member' : 'anon'}`
      const response = await t.api('POST', '/users', {
        auth,
        body: { ...escalation, email: `${username}@example.org`, password: 'pw-signup-secret', username },
      })
      expect(response.status).toBe(201)
      const row = await dbUser((await json(response)).doc.id)
      expect(flags(row)).toEqual({
        emailVerified: false,
        isActive: true,
        isStaff: false,
        isSuperuser: false,
        oauthId: null,
      })
    }
  })

  it('staff (not superuser) cannot grant flags to themselves or others', async () => {
    const ownBefore = flags(await dbUser(staff.id))
    const own = await t.api('PATCH', `/users/${staff.id}`, { auth: staff, body: { isSuperuser: true } })
    expect(own.status).toBe(200)
    expect(flags(await dbUser(staff.id))).toEqual(ownBefore)

    const memberBefore = flags(await dbUser(member.id))
    const other = await t.api('PATCH', `/users/${member.id}`, { auth: staff, body: { isStaff: true } })
    expect([403, 404]).toContain(other.status)
    expect(flags(await dbUser(member.id))).toEqual(memberBefore)

    const created = await t.api('POST', '/users', {
      auth: staff,
      body: { email: 'staff-made@example.org', isStaff: true, isSuperuser: true, password: 'pw-staff-made', username: 'staff-made' },
    })
    expect(created.status).toBe(201)
    const row = await dbUser((await json(created)).doc.id)
    expect(row.isStaff).toBe(false)
    expect(row.isSuperuser).toBe(false)
  })

  it('a superuser grants and revokes flags (REST), on create and update', async () => {
    const target = await t.makeUser('member')
    const grant = await t.api('PATCH', `/users/${target.id}`, { auth: superuser, body: { isStaff: true } })
    expect(grant.status).toBe(200)
    expect((await dbUser(target.id)).isStaff).toBe(true)
    expect(await canAccessAdmin(target)).toBe(true)

    const revoke = await t.api('PATCH', `/users/${target.id}`, { auth: superuser, body: { isStaff: false } })
    expect(revoke.status).toBe(200)
    expect((await dbUser(target.id)).isStaff).toBe(false)
    expect(await canAccessAdmin(target)).toBe(false)

    const created = await t.api('POST', '/users', {
      auth: superuser,
      body: { email: 'su-made@example.org', isStaff: true, isSuperuser: true, password: 'pw-su-made', username: 'su-made' },
    })
    expect(created.status).toBe(201)
    const row = await dbUser((await json(created)).doc.id)
    expect(row.isStaff).toBe(true)
    expect(row.isSuperuser).toBe(true)
  })

  it('a member cannot update another user (REST, GraphQL, Local API)', async () => {
    const victim = await t.makeUser('member')
    const before = await dbUser(victim.id)
    const rest = await t.api('PATCH', `/users/${victim.id}`, { auth: member, body: { firstName: 'Hacked' } })
    expect([403, 404]).toContain(rest.status)
    const gql = await t.graphql(`mutation { updateUser(id: "${victim.id}", data: { firstName: "Hacked" }) { id } }`, {
      auth: member,
    })
    expect(['Forbidden', 'NotFound']).toContain(gql.errors?.[0]?.extensions?.name)
    await expect(
      t.payload.update({
        collection: 'users',
        id: victim.id,
        data: { firstName: 'Hacked' },
        overrideAccess: false,
        user: await asUser(member),
      }),
    ).rejects.toThrow()
    // nor through a bulk update
    const bulk = await t.api('PATCH', `/users?where[id][equals]=${victim.id}`, {
      auth: member,
      body: { firstName: 'Hacked' },
    })
    expect(bulk.status).toBeLessThan(500)
    expect((await dbUser(victim.id)).firstName).toBe(before.firstName ?? null)
  })

  it('only a superuser deletes users', async () => {
    const victim = await t.makeUser('member')
    for (const auth of [undefined, member, victim, staff]) {
      const response = await t.api('DELETE', `/users/${victim.id}`, { auth })
      expect([401, 403, 404]).toContain(response.status)
    }
    const gql = await t.graphql(`mutation { deleteUser(id: "${victim.id}") { id } }`, { auth: staff })
    expect(['Forbidden', 'NotFound']).toContain(gql.errors?.[0]?.extensions?.name)
    await expect(
      t.payload.delete({ collection: 'users', id: victim.id, overrideAccess: false, user: await asUser(staff) }),
    ).rejects.toThrow()
    expect((await dbUser(victim.id)).id).toBe(victim.id)

    const response = await t.api('DELETE', `/users/${victim.id}`, { auth: superuser })
    expect(response.status).toBe(200)
    await expect(dbUser(victim.id)).rejects.toThrow()
  })
})

describe('admin panel access (access.admin)', () => {
  it('is for staff and superusers only', async () => {
    expect(await canAccessAdmin()).toBe(false)
    expect(await canAccessAdmin(member)).toBe(false)
    expect(await canAccessAdmin(staff)).toBe(true)
    expect(await canAccessAdmin(superuser)).toBe(true)
  })

  it('is what the users collection config says, for the Local API too', async () => {
    const adminAccess = t.payload.collections.users.config.access.admin!
    const check = async (user: TestUser) => adminAccess({ req: { user: await asUser(user) } } as never)
    expect(await check(member)).toBe(false)
    expect(await check(staff)).toBe(true)
    expect(await check(superuser)).toBe(true)
  })
})

describe('API keys', () => {
  const rawKeyRow = async (id: string) => {
    const client = new pg.Client({ connectionString: t.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query('select api_key, api_key_index from users where id = $1', [id])
      return rows[0] as { api_key: null | string; api_key_index: null | string }
    } finally {
      await client.end()
    }
  }

  const generate = async (user: TestUser) => {
    const response = await t.api('POST', '/users/api-key', { auth: user })
    expect(response.status).toBe(201)
    const body = await json(response)
    expect(body.apiKey).toEqual(expect.any(String))
    return body.apiKey as string
  }

  it('needs a logged-in user', async () => {
    expect((await t.api('POST', '/users/api-key')).status).toBe(401)
    expect((await t.api('DELETE', '/users/api-key')).status).toBe(401)
  })

  it('is generated once and then authenticates as its owner; it is stored hashed/encrypted', async () => {
    const owner = await t.makeUser('member')
    const apiKey = await generate(owner)
    const user = await me({ apiKey })
    expect(user?.id).toBe(owner.id)

    const raw = await rawKeyRow(owner.id)
    expect(raw.api_key_index).toEqual(expect.any(String))
    expect(raw.api_key).not.toBe(apiKey)
    expect(raw.api_key_index).not.toBe(apiKey)

    // the key acts with its owner's permissions, no more
    expect(await canAccessAdmin({ apiKey })).toBe(false)
    const other = await t.api('PATCH', `/users/${member.id}`, { auth: { apiKey }, body: { firstName: 'Key' } })
    expect([403, 404]).toContain(other.status)
  })

  it('is never readable, not even by its owner or a superuser', async () => {
    const owner = await t.makeUser('member')
    const apiKey = await generate(owner)
    const readers = [{ token: owner.token }, { apiKey }, superuser, staff]
    for (const auth of readers) {
      const doc = await json(await t.api('GET', `/users/${owner.id}`, { auth }))
      expect(doc.id).toBe(owner.id)
      expect(doc).not.toHaveProperty('apiKey')
      expect(doc).not.toHaveProperty('apiKeyIndex')
      expect(JSON.stringify(doc)).not.toContain(apiKey)

      const list = await t.api('GET', `/users?limit=200&where[id][equals]=${owner.id}`, { auth })
      expect(JSON.stringify(await json(list))).not.toContain(apiKey)

      const gql = await t.graphql(`{ User(id: "${owner.id}") { id apiKey apiKeyIndex } }`, { auth })
      expect(gql.data?.User?.apiKey ?? null).toBeNull()
      expect(gql.data?.User?.apiKeyIndex ?? null).toBeNull()
    }
    const meDoc = await me({ apiKey })
    expect(JSON.stringify(meDoc)).not.toContain(apiKey)
    const meGql = await t.graphql(`{ meUser { user { id apiKey } } }`, { auth: { apiKey } })
    expect(meGql.data?.meUser?.user?.id).toBe(owner.id)
    expect(meGql.data.meUser.user.apiKey).toBeNull()

    const local = (await t.payload.findByID({
      collection: 'users',
      id: owner.id,
      overrideAccess: false,
      user: await asUser(owner),
    })) as Json
    expect(local).not.toHaveProperty('apiKey')
  })

  it('cannot be chosen by a member through PATCH', async () => {
    const owner = await t.makeUser('member')
    const chosen = 'my-own-chosen-key-1234567890'
    const response = await t.api('PATCH', `/users/${owner.id}`, {
      auth: owner,
      body: { apiKey: chosen, enableAPIKey: true },
    })
    expect(response.status).toBeLessThan(500)
    expect(await me({ apiKey: chosen })).toBeNull()
    expect((await rawKeyRow(owner.id)).api_key_index).toBeNull()
  })

  it('regenerating replaces the old key', async () => {
    const owner = await t.makeUser('member')
    const first = await generate(owner)
    const second = await generate(owner)
    expect(second).not.toBe(first)
    expect(await me({ apiKey: first })).toBeNull()
    expect((await me({ apiKey: second }))?.id).toBe(owner.id)
  })

  it('is revoked by DELETE (204) and then no longer authenticates', async () => {
    const owner = await t.makeUser('member')
    const apiKey = await generate(owner)
    expect((await me({ apiKey }))?.id).toBe(owner.id)
    const response = await t.api('DELETE', '/users/api-key', { auth: owner })
    expect(response.status).toBe(204)
    expect(await me({ apiKey })).toBeNull()
    const gql = await t.graphql(`{ meUser { user { id } } }`, { auth: { apiKey } })
    expect(gql.data?.meUser?.user ?? null).toBeNull()
    expect((await rawKeyRow(owner.id)).api_key_index).toBeNull()
  })

  it("a staff key carries staff permissions (write-capable API clients)", async () => {
    const staffer = await t.makeUser('staff')
    const apiKey = await generate(staffer)
    expect(await canAccessAdmin({ apiKey })).toBe(true)
  })
})

describe('inactive users cannot authenticate at all', () => {
  let target: TestUser
  let targetKey: string
  let staffer: TestUser

  beforeAll(async () => {
    target = await t.makeUser('member')
    staffer = await t.makeUser('staff')
    const response = await t.api('POST', '/users/api-key', { auth: target })
    targetKey = (await json(response)).apiKey
    expect((await me({ apiKey: targetKey }))?.id).toBe(target.id)
    expect((await me(target))?.id).toBe(target.id)
  })

  it('a member cannot deactivate anyone, a superuser can', async () => {
    await t.api('PATCH', `/users/${target.id}`, { auth: target, body: { isActive: false } })
    expect((await dbUser(target.id)).isActive).toBe(true)

    const response = await t.api('PATCH', `/users/${target.id}`, { auth: superuser, body: { isActive: false } })
    expect(response.status).toBe(200)
    expect((await dbUser(target.id)).isActive).toBe(false)
  })

  it('cannot log in, with username or email (401 with a message)', async () => {
    for (const credentials of [
      { password: target.password, username: target.username },
      { email: target.email, password: target.password },
    ]) {
      const response = await login(credentials)
      expect(response.status).toBe(401)
      const body = await json(response)
      expect(body.token).toBeUndefined()
      expect(body.errors?.[0]?.message).toMatch(/inactive/i)
    }
    await expect(
      t.payload.login({ collection: 'users', data: { email: target.email, password: target.password } }),
    ).rejects.toThrow(/inactive/i)
  })

  it('their existing session token no longer authenticates', async () => {
    expect(await me(target)).toBeNull()
    const gql = await t.graphql(`{ meUser { user { id } } }`, { auth: target })
    expect(gql.data?.meUser?.user ?? null).toBeNull()
    const patch = await t.api('PATCH', `/users/${target.id}`, { auth: target, body: { firstName: 'Ghost' } })
    expect([401, 403, 404]).toContain(patch.status)
    expect((await dbUser(target.id)).firstName).not.toBe('Ghost')
    const refresh = await t.api('POST', '/users/refresh-token', { auth: target })
    expect(refresh.status).not.toBe(200)
    expect((await t.api('POST', '/users/api-key', { auth: target })).status).toBe(401)
  })

  it('their API key no longer authenticates', async () => {
    expect(await me({ apiKey: targetKey })).toBeNull()
    const gql = await t.graphql(`{ meUser { user { id } } }`, { auth: { apiKey: targetKey } })
    expect(gql.data?.meUser?.user ?? null).toBeNull()
  })

  it('a deactivated staff member loses staff powers at once', async () => {
    expect(await canAccessAdmin(staffer)).toBe(true)
    await t.api('PATCH', `/users/${staffer.id}`, { auth: superuser, body: { isActive: false } })
    expect(await canAccessAdmin(staffer)).toBe(false)
    // the inactive target is visible to staff only; the deactivated staffer is nobody now
    expect([403, 404]).toContain((await t.api('GET', `/users/${target.id}`, { auth: staffer })).status)
    expect((await t.api('GET', `/users/${target.id}`, { auth: staff })).status).toBe(200)
  })

  it('reactivation lets them log in again', async () => {
    const response = await t.api('PATCH', `/users/${target.id}`, { auth: superuser, body: { isActive: true } })
    expect(response.status).toBe(200)
    const relogin = await login({ password: target.password, username: target.username })
    expect(relogin.status).toBe(200)
    expect((await me({ apiKey: targetKey }))?.id).toBe(target.id)
  })
})
