import { seedEssentials } from '../../seed/seed'
import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext

beforeAll(async () => {
  process.env.SEED_ADMIN_USERNAME = 'Maintainer'
  process.env.SEED_ADMIN_EMAIL = 'maintainer@example.org'
  delete process.env.SEED_ADMIN_PASSWORD
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

/** `npm run seed -- --essentials` (the full seed: tests/seed/). */
describe('npm run seed -- --essentials', () => {
  it('creates a superuser with a generated password printed once, and is safe to run twice', async () => {
    const lines: string[] = []
    const first = await seedEssentials(t.payload, (line) => lines.push(line))
    expect(first.createdSuperuser).toBe(true)
    expect(first.generatedPassword).toEqual(expect.any(String))
    expect(lines.join('\n')).toContain(first.generatedPassword!)

    const login = await t.api('POST', '/users/login', {
      body: { password: first.generatedPassword, username: 'maintainer' },
    })
    expect(login.status).toBe(200)
    const { user } = (await login.json()) as { user: { isStaff: boolean; isSuperuser: boolean } }
    expect(user).toMatchObject({ isStaff: true, isSuperuser: true })

    const again: string[] = []
    const second = await seedEssentials(t.payload, (line) => again.push(line))
    expect(second.createdSuperuser).toBe(false)
    expect(again.join('\n')).not.toContain(first.generatedPassword!)
    expect(second.summary['email-templates']).toEqual({ created: 0, skipped: first.summary['email-templates']!.created })

    const users = await t.payload.count({ collection: 'users', overrideAccess: true })
    expect(users.totalDocs).toBe(1)
    const templates = await t.payload.count({ collection: 'email-templates', overrideAccess: true })
    expect(templates.totalDocs).toBe(first.summary['email-templates']!.created)
  })
})
