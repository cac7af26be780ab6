/**
 * Bad input to the users domain is a client error naming the field, never a
 * 500, and leaves the database as it was: unknown enum values, overlong
 * strings, malformed JSON, values of the wrong type, case-variant duplicates.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'

let t: TestContext

let superuser: TestUser
let staff: TestUser
let member: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  // the first user of a database becomes a superuser: create the real one first
  superuser = await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
})
afterAll(async () => {
  await t?.close()
})

type Json = Record<string, any>
type Slug = 'memberships' | 'user-groups' | 'users'

const json = async (response: Response): Promise<Json> => {
  const text = await response.text()
  try {
    return JSON.parse(text) as Json
  } catch {
    throw new Error(`expected a JSON error body, got ${response.status}: ${text.slice(0, 200)}`)
  }
}

/** Field paths named by a Payload validation error, plus the messages. */
const describeErrors = (body: Json) => ({
  messages: (body.errors ?? []).map((error: Json) => String(error?.message ?? '')),
  paths: (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path)),
})

/** A 4xx whose JSON names `field` (as an error path, or in the message when given as a RegExp). */
const expectClientError = async (response: Response, field?: RegExp | string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const { messages, paths } = describeErrors(body)
  expect(messages.length).toBeGreaterThan(0)
  if (typeof field === 'string') expect(paths).toContain(field)
  if (field instanceof RegExp) expect(messages.join(' ')).toMatch(field)
  return body
}

/** Every row of a collection, as the system sees it, to compare before/after. */
const snapshot = async (collection: Slug) => {
  const { docs } = await t.payload.find({
    collection,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'createdAt',
  })
  return JSON.stringify(docs)
}

/** Runs `attempt` and checks the collection is exactly as it was. */
const unchanged = async (collection: Slug, attempt: () => Promise<void>) => {
  const before = await snapshot(collection)
  const countBefore = (await t.payload.count({ collection, overrideAccess: true })).totalDocs
  await attempt()
  expect((await t.payload.count({ collection, overrideAccess: true })).totalDocs).toBe(countBefore)
  expect(await snapshot(collection)).toBe(before)
}

const signup = (body: Json) => ({
  email: `new-${Math.random().toString(36).slice(2, 8)}@example.org`,
  password: 'pw-new-user-secret',
  username: `new-${Math.random().toString(36).slice(2, 8)}`,
  ...body,
})

describe('users: unknown enum values', () => {
  it('searchVisibility BOGUS on signup and on update (REST)', async () => {
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { body: signup({ searchVisibility: 'BOGUS' }) }), 'searchVisibility')
      await expectClientError(
        await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { searchVisibility: 'BOGUS' } }),
        'searchVisibility',
      )
      await expectClientError(
        await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { emailPrivacy: 'SOMETIMES' } }),
        'emailPrivacy',
      )
    })
  })

  it('is refused by the GraphQL schema and the Local API too', async () => {
    await unchanged('users', async () => {
      const gql = await t.graphql(
        `mutation { updateUser(id: "${member.id}", data: { searchVisibility: BOGUS }) { id } }`,
        { auth: member },
      )
      expect(gql.status).toBeLessThan(500)
      expect(JSON.stringify(gql.errors)).toMatch(/searchVisibility/)
      await expect(
        t.payload.update({
          collection: 'users',
          data: { searchVisibility: 'BOGUS' } as never,
          id: member.id,
          overrideAccess: true,
        }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'searchVisibility' })] } })
    })
  })
})

describe('users: overlong strings', () => {
  it('firstName, lastName and username over 150 characters', async () => {
    await unchanged('users', async () => {
      for (const field of ['firstName', 'lastName', 'username']) {
        await expectClientError(await t.api('POST', '/users', { body: signup({ [field]: 'x'.repeat(151) }) }), field)
        await expectClientError(
          await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { [field]: 'x'.repeat(151) } }),
          field,
        )
      }
      await expectClientError(
        await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { bio: 'x'.repeat(5001) } }),
        'bio',
      )
      const gql = await t.graphql(`mutation { updateUser(id: "${member.id}", data: { firstName: "${'f'.repeat(151)}" }) { id } }`, {
        auth: member,
      })
      expect(gql.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(JSON.stringify(gql.errors)).toMatch(/firstName/)
    })
  })

  it('150 characters is still fine', async () => {
    const response = await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { firstName: 'f'.repeat(150) } })
    expect(response.status).toBe(200)
    expect((await t.payload.findByID({ collection: 'users', id: member.id, overrideAccess: true })).firstName).toHaveLength(150)
  })

  it('an email over 254 characters (otherwise well-formed)', async () => {
    const label = 'a'.repeat(60)
    const email = `${'b'.repeat(60)}@${label}.${label}.${label}.${label}.org`
    expect(email.length).toBeGreaterThan(254)
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { body: signup({ email }) }), 'email')
      await expectClientError(await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { email } }), 'email')
    })
  })

  it('a malformed email', async () => {
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { body: signup({ email: 'not-an-email' }) }), 'email')
      await expectClientError(await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { email: '' } }), 'email')
    })
  })
})

describe('users: malformed JSON and wrong shapes', () => {
  it('a body that is not JSON', async () => {
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { rawBody: '{not json' }), /json/i)
      await expectClientError(await t.api('PATCH', `/users/${member.id}`, { auth: member, rawBody: '{not json' }), /json/i)
      await expectClientError(await t.api('POST', '/users/login', { rawBody: '{not json' }), /json/i)
    })
  })

  it('a JSON body that is not an object', async () => {
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { rawBody: '"hello"' }))
      await expectClientError(await t.api('POST', '/users', { rawBody: '[1, 2]' }))
      await expectClientError(await t.api('PATCH', `/users/${member.id}`, { auth: member, rawBody: '[1, 2]' }))
      await expectClientError(await t.api('PATCH', `/users/${member.id}`, { auth: member, rawBody: '42' }))
    })
  })

  it('values of the wrong type name their field', async () => {
    await unchanged('users', async () => {
      const cases: [string, unknown][] = [
        ['username', 12345],
        ['username', ['alice']],
        ['email', ['someone@example.org']],
        ['email', { address: 'someone@example.org' }],
        ['firstName', { first: 'Ada' }],
        ['bio', 42],
        ['password', 12345678],
        ['publicProfile', 'yes'],
      ]
      for (const [field, value] of cases) {
        await expectClientError(await t.api('POST', '/users', { body: signup({ [field]: value }) }), field)
        if (field !== 'password') {
          await expectClientError(
            await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { [field]: value } }),
            field,
          )
        }
      }
    })
  })

  it('required fields that are missing or emptied', async () => {
    await unchanged('users', async () => {
      await expectClientError(await t.api('POST', '/users', { body: { email: 'nopw@example.org', username: 'nopw' } }), 'password')
      await expectClientError(
        await t.api('PATCH', `/users/${member.id}`, { auth: member, body: { username: null } }),
        'username',
      )
      await expectClientError(await t.api('POST', '/users/login', { body: { username: member.username } }), 'password')
    })
  })

  it('an id that is not a uuid is a 404, not a 500', async () => {
    for (const [method, auth] of [
      ['GET', member],
      ['PATCH', superuser],
      ['DELETE', superuser],
    ] as const) {
      const response = await t.api(method, '/users/not-a-uuid', { auth, body: method === 'PATCH' ? { firstName: 'x' } : undefined })
      expect(response.status).toBe(404)
    }
  })

  it('a query on an unknown operator is a client error', async () => {
    const response = await t.api('GET', '/users?where[username][bogus]=x', { auth: member })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})

describe('users: duplicates differing only in case', () => {
  it('a username or email already taken in another case', async () => {
    await unchanged('users', async () => {
      await expectClientError(
        await t.api('POST', '/users', { body: signup({ username: member.username.toUpperCase() }) }),
        'username',
      )
      await expectClientError(
        await t.api('POST', '/users', { body: signup({ email: member.email.toUpperCase() }) }),
        'email',
      )
      await expectClientError(
        await t.api('PATCH', `/users/${staff.id}`, { auth: staff, body: { username: ` ${member.username.toUpperCase()} ` } }),
        'username',
      )
    })
  })
})

describe('memberships: bad input', () => {
  it('unknown membershipType, wrong types, bad dates, overlong strings', async () => {
    await unchanged('memberships', async () => {
      const create = (body: Json, auth: TestUser = member) =>
        t.api('POST', '/memberships', { auth, body: { psfCodeOfConduct: true, ...body } })
      // only staff choose a membership type (a member's choice is ignored), so staff send the bad value
      await expectClientError(await create({ membershipType: 'PLATINUM', user: member.id }, staff), 'membershipType')
      await expectClientError(await create({ votes: 'maybe' }), 'votes')
      // (lastVoteAffirmation is server-filled: a client's value, well-formed or not, is ignored; see tests/access)
      await expectClientError(await create({ legalName: 'x'.repeat(201) }), 'legalName')
      await expectClientError(await create({ legalName: { first: 'Ada' } }), 'legalName')
      await expectClientError(await create({ emailAddress: 'not-an-email' }), 'emailAddress')
      await expectClientError(await t.api('POST', '/memberships', { auth: member, rawBody: '{not json' }), /json/i)
      await expectClientError(await t.api('POST', '/memberships', { auth: member, rawBody: '"membership"' }))
    })
  })

  it('staff naming a user that is not a uuid, or does not exist, get an error on `user`', async () => {
    await unchanged('memberships', async () => {
      const create = (user: unknown) =>
        t.api('POST', '/memberships', { auth: staff, body: { psfCodeOfConduct: true, user } })
      await expectClientError(await create('not-a-uuid'), 'user')
      await expectClientError(await create('00000000-0000-4000-8000-000000000000'), 'user')
      await expectClientError(await create(12345), 'user')
    })
  })
})

describe('user groups: bad input', () => {
  it('unknown userGroupType, missing name, bad dates, bad slugs, wrong types, malformed JSON', async () => {
    await unchanged('user-groups', async () => {
      const create = (body: Json) => t.api('POST', '/user-groups', { auth: member, body })
      await expectClientError(await create({ name: 'Bogus Type', userGroupType: 'BOGUS' }), 'userGroupType')
      await expectClientError(await create({}), 'name')
      await expectClientError(await create({ name: 'x'.repeat(201) }), 'name')
      await expectClientError(await create({ name: 'Bad Date', startDate: 'not a date' }), 'startDate')
      await expectClientError(await create({ name: 'Bad Slug', slug: 'Not A Slug!' }), 'slug')
      // nothing to generate a slug from
      await expectClientError(await create({ name: '🐍🐍🐍' }), 'slug')
      await expectClientError(await create({ name: ['Python', 'Meetup'] }), 'name')
      await expectClientError(await t.api('POST', '/user-groups', { auth: member, rawBody: '{not json' }), /json/i)
      await expectClientError(await t.api('POST', '/user-groups', { auth: member, rawBody: '[]' }))
    })
  })
})
