import { spawnSync } from 'node:child_process'

import { projectRoot } from '../../src/platform/paths'
import { type BuiltApp, DIST_DIR, ensureBuilt, startBuiltApp, waitForHealth } from '../helpers/builtApp'
import { createTestDatabase } from '../helpers/harness'
import { killTree, productionEnv } from '../helpers/processes'
import { type SmtpSink, startSmtpSink } from '../helpers/smtpSink'

/**
 * The production path end to end: `next build`, then `npm start` on an
 * EMPTY database (it must apply the migrations itself), then what a
 * person does first: sign up, log in, open the admin panel, query GraphQL,
 * and have the jobs queue worker deliver an email.
 */
let sink: SmtpSink
let server: BuiltApp | undefined
let database: Awaited<ReturnType<typeof createTestDatabase>>

beforeAll(async () => {
  await ensureBuilt()
  sink = await startSmtpSink()
  database = await createTestDatabase({ empty: true })
}, 660_000)

afterAll(async () => {
  await killTree(server)
  await sink?.close()
  await database?.drop()
})

describe('the built app (npm start)', () => {
  it('refuses to start in production without PAYLOAD_SECRET', () => {
    const result = spawnSync('npm', ['start'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: productionEnv({ DATABASE_URL: database.databaseUrl, NEXT_DIST_DIR: DIST_DIR, PAYLOAD_SECRET: '' }),
      timeout: 60_000,
    })
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toContain('PAYLOAD_SECRET')
  })

  it('applies migrations, serves admin, REST and GraphQL, and runs the jobs queue', async () => {
    server = await startBuiltApp({ databaseUrl: database.databaseUrl, env: sink.env })
    const base = server.base
    await waitForHealth(server)
    expect(server.output()).toContain('Migrated')

    // the first account on an empty site becomes its superuser
    const signup = await fetch(`${base}/api/users`, {
      body: JSON.stringify({ email: 'first@example.org', password: 'a-long-password', username: 'first' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(signup.status).toBe(201)

    const login = await fetch(`${base}/api/users/login`, {
      body: JSON.stringify({ password: 'a-long-password', username: 'first' }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(login.status).toBe(200)
    const { token, user } = (await login.json()) as { token: string; user: { isSuperuser: boolean } }
    expect(user.isSuperuser).toBe(true)

    const admin = await fetch(`${base}/admin`, { headers: { Cookie: `payload-token=${token}` }, redirect: 'manual' })
    expect(admin.status).toBe(200)
    expect(await admin.text()).toContain('python.org')

    const graphql = await fetch(`${base}/api/graphql`, {
      body: JSON.stringify({ query: '{ Users { totalDocs docs { username isSuperuser } } }' }),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(graphql.status).toBe(200)
    expect(await graphql.json()).toEqual({
      data: { Users: { docs: [{ isSuperuser: true, username: 'first' }], totalDocs: 1 } },
    })

    // the GraphQL playground is a development tool only
    const playground = await fetch(`${base}/api/graphql-playground`)
    expect(playground.status).not.toBe(200)

    const template = await fetch(`${base}/api/email-templates`, {
      body: JSON.stringify({
        contentText: 'Hello {{ name }} from {{ site }}',
        displayName: 'Smoke',
        internalName: 'smoke.hello',
        subject: 'Smoke test for {{ name }}',
      }),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(template.status).toBe(201)
    const send = await fetch(`${base}/api/email-templates/send-test`, {
      body: JSON.stringify({ template: 'smoke.hello', to: 'inbox@example.org' }),
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      method: 'POST',
    })
    expect(send.status).toBe(202)
    // nobody runs the queue by hand here: `npm start`'s worker does
    const [message] = await sink.waitFor(1, 60_000)
    expect(message!.rcptTo).toEqual(['inbox@example.org'])
    expect(message!.subject).toBe('Smoke test for first')
    expect(message!.text).toContain('Hello first from python.org')

    // the email's log, once sent, offers staff a Resend button in the admin panel
    const { emailLog } = (await send.json()) as { emailLog: string }
    const auth = { Authorization: `JWT ${token}` }
    let status = 'QUEUED'
    for (let tries = 0; tries < 100 && status === 'QUEUED'; tries += 1) {
      const log = await fetch(`${base}/api/email-logs/${emailLog}`, { headers: auth })
      status = ((await log.json()) as { status: string }).status
      if (status === 'QUEUED') await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(status).toBe('SENT')
    const view = await fetch(`${base}/admin/collections/email-logs/${emailLog}`, {
      headers: { Cookie: `payload-token=${token}` },
    })
    expect(view.status).toBe(200)
    expect(await view.text()).toContain('data-testid="resend-email-action"')
    const resend = await fetch(`${base}/api/email-logs/${emailLog}/resend`, { headers: auth, method: 'POST' })
    expect(resend.status).toBe(202)
    await sink.waitFor(2, 60_000)
    expect(sink.messagesTo('inbox@example.org')).toHaveLength(2)
  })
})
