/**
 * Accounts imported from python.org log in with their python.org password:
 * the Django hash is checked at the first login (REST, as the admin's login
 * form posts it; GraphQL loginUser), replaced by Payload's own hash in that
 * request, and gone afterwards. An unusable Django hash ("!") refuses the
 * login with a message saying to reset the password, which works.
 *
 * The test makes its Django hashes itself, with Django's pbkdf2_sha256
 * encoding written out here (not the code under test): base64 of
 * PBKDF2-HMAC-SHA256(password, salt, iterations), as
 * `pbkdf2_sha256$<iterations>$<salt>$<hash>`.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { MUST_RESET_MESSAGE } from '../../hooks/users/djangoPassword'
import { importPythondotorg } from '../../seed/import/importer'
import { checkDjangoPassword } from '../../src/users/djangoPasswords'
import { json, messages, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { fixturePath } from './dumps'

const djangoPbkdf2Sha256 = (password: string, salt: string, iterations: number) =>
  `pbkdf2_sha256$${iterations}$${salt}$${crypto.pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('base64')}`

let t: TestContext
let scratch: string

const user = (pk: number, username: string, password: string) => ({
  fields: {
    _bio_rendered: '',
    bio: '',
    bio_markup_type: 'markdown',
    date_joined: '2020-01-01T00:00:00Z',
    email: `${username}@example.org`,
    email_privacy: 2,
    first_name: '',
    groups: [],
    is_active: true,
    is_staff: false,
    is_superuser: false,
    last_login: null,
    last_name: '',
    password,
    public_profile: true,
    search_visibility: 1,
    user_permissions: [],
    username,
  },
  model: 'users.user',
  pk,
})

const stored = async (username: string) =>
  (await query(t, 'SELECT hash, salt, django_password_hash FROM users WHERE username = $1', [username])).rows[0] as {
    django_password_hash: null | string
    hash: null | string
    salt: null | string
  }

const restLogin = (login: string, password: string) =>
  t.api('POST', '/users/login', { body: { password, [login.includes('@') ? 'email' : 'username']: login } })

beforeAll(async () => {
  t = await startTestPayload()
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'import-login-'))
  const dump = path.join(scratch, 'accounts.json')
  fs.writeFileSync(
    dump,
    JSON.stringify([
      user(10, 'guido', djangoPbkdf2Sha256('benevolent dictator', 'Xq3sSalt', 1000)),
      user(11, 'barry', djangoPbkdf2Sha256('flufl', 'pepSalt8', 1200)),
      user(12, 'locked-out', '!Cm0WnX0eVx7bm0oQZ4Zp3JXzBydQkRtrbOjXSGk3'),
      user(13, 'tim', djangoPbkdf2Sha256('import this', 'zenSalt1', 1000)),
    ]),
  )
  const summary = await importPythondotorg(t.payload, { files: [fixturePath('users.json'), dump] })
  expect(summary.files.map((file) => file.status)).toEqual(['imported', 'imported'])
})
afterAll(async () => {
  fs.rmSync(scratch, { force: true, recursive: true })
  await t?.close()
})

describe('logging in with a python.org password', () => {
  it('imported accounts keep the Django hash and have no password of ours', async () => {
    expect(await stored('guido')).toEqual({
      django_password_hash: expect.stringMatching(/^pbkdf2_sha256\$1000\$Xq3sSalt\$/),
      hash: null,
      salt: null,
    })
    // nobody reads it back through the API
    const { docs } = await t.payload.find({
      collection: 'users',
      overrideAccess: true,
      where: { username: { equals: 'guido' } },
    })
    expect(docs[0]).not.toHaveProperty('djangoPasswordHash')
  })

  it('python.org’s own fixture account logs in with its password, by username (REST, the admin form’s request)', async () => {
    const response = await restLogin('admin', 'password')
    const body = await json(response)
    expect(response.status).toBe(200)
    expect(body.user.username).toBe('admin')
    expect(body.token).toEqual(expect.any(String))
    const after = await stored('admin')
    expect(after.django_password_hash).toBeNull()
    expect(after.hash).toMatch(/^pbkdf2-sha256-v1:/)
    // the same password goes on working, now against Payload's hash
    expect((await restLogin('admin@example.com', 'password')).status).toBe(200)
  })

  it('a wrong password is refused like any other and leaves the Django hash in place', async () => {
    const response = await restLogin('guido@example.org', 'not it')
    expect(response.status).toBe(401)
    expect(messages(await json(response))).not.toContain('Forgot password')
    expect((await stored('guido')).django_password_hash).toMatch(/^pbkdf2_sha256\$/)
    expect((await stored('guido')).hash).toBeNull()
  })

  it('the right one logs in by email and replaces the hash with Payload’s', async () => {
    const response = await restLogin('guido@example.org', 'benevolent dictator')
    expect(response.status).toBe(200)
    expect(await stored('guido')).toEqual({
      django_password_hash: null,
      hash: expect.stringMatching(/^pbkdf2-sha256-v1:/),
      salt: expect.any(String),
    })
    expect((await restLogin('guido', 'benevolent dictator')).status).toBe(200)
    expect((await restLogin('guido', 'flufl')).status).toBe(401)
  })

  it('GraphQL loginUser migrates the hash the same way', async () => {
    // with username login, Payload's schema asks for both the username and the email
    const login = `mutation ($email: String!, $username: String!, $password: String!) {
      loginUser(email: $email, username: $username, password: $password) { token user { username } }
    }`
    const variables = { email: 'barry@example.org', username: 'barry' }
    const wrong = await t.graphql(login, { variables: { ...variables, password: 'nope' } })
    expect(wrong.errors?.length).toBeGreaterThan(0)
    const result = await t.graphql(login, { variables: { ...variables, password: 'flufl' } })
    expect(result.errors).toBeUndefined()
    expect(result.data.loginUser.user.username).toBe('barry')
    expect((await stored('barry')).django_password_hash).toBeNull()
  })

  it('the Local API login (overrideAccess) goes through the same check', async () => {
    const result = await t.payload.login({ collection: 'users', data: { password: 'import this', username: 'tim' } })
    expect(result.user?.username).toBe('tim')
    expect((await stored('tim')).django_password_hash).toBeNull()
  })

  it('an unusable hash refuses the login and says to reset the password; the reset works', async () => {
    const response = await restLogin('locked-out', 'anything')
    expect(response.status).toBe(401)
    expect(messages(await json(response))).toBe(MUST_RESET_MESSAGE)
    expect((await t.api('POST', '/users/forgot-password', { body: { email: 'locked-out@example.org' } })).status).toBe(
      200,
    )
    // the emailed token, as the reset page receives it
    const token = await t.payload.forgotPassword({
      collection: 'users',
      data: { email: 'locked-out@example.org' },
      disableEmail: true,
    })
    const reset = await t.api('POST', '/users/reset-password', { body: { password: 'a new one, at last', token } })
    expect(reset.status).toBe(200)
    expect((await stored('locked-out')).django_password_hash).toBeNull()
    expect((await restLogin('locked-out', 'a new one, at last')).status).toBe(200)
  })
})

describe('Django’s hashers', () => {
  it('pbkdf2_sha256, pbkdf2_sha1 and scrypt hashes verify (vectors made with Python’s hashlib, as Django does)', async () => {
    // Python: base64(hashlib.pbkdf2_hmac('sha1', b'correct horse', b'sha1salt', 10000))
    const sha1 = 'pbkdf2_sha1$10000$sha1salt$90PAEjOi4dIyo6123J/x5XOFYFw='
    // Python: base64(hashlib.scrypt(b'correct horse', salt=b'pythondotorgsalt', n=2**14, r=8, p=1, dklen=64))
    const scrypt =
      'scrypt$16384$pythondotorgsalt$8$1$LA7fUVegrI4vJg7KJoTrAB3i/Od0hzvk5g+Xvykd+lX68uX7N7ze3iwCcN/0IBNHzTgYQznG1/n56VBKazZ6Jw=='
    expect(await checkDjangoPassword('correct horse', sha1)).toBe('match')
    expect(await checkDjangoPassword('correct horse', scrypt)).toBe('match')
    expect(await checkDjangoPassword('wrong horse', sha1)).toBe('mismatch')
    expect(await checkDjangoPassword('wrong horse', scrypt)).toBe('mismatch')
    expect(await checkDjangoPassword('s3cret', djangoPbkdf2Sha256('s3cret', 'abc', 1000))).toBe('match')
  })

  it('unusable and unsupported hashes cannot be checked', async () => {
    for (const encoded of [
      '!',
      '!abcdef',
      '',
      'md5$salt$0123',
      'argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA',
      null,
    ]) {
      expect(await checkDjangoPassword('anything', encoded)).toBe('unusable')
    }
  })
})
