/**
 * `npm start` as a container platform or a supervisor runs it: the jobs
 * queue works from startup with no HTTP request, and SIGTERM sent to npm
 * alone (npm as PID 1, or a pid-based supervisor) or to its whole process
 * group stops everything cleanly: the request in flight is answered, the job
 * running finishes, the port is freed, no process is left, and the exit code
 * says "terminated by SIGTERM" (143).
 */
import pg from 'pg'

import { queueEmail } from '../../src/mailing/queueEmail'
import { type BuiltApp, ensureBuilt, startBuiltApp, waitForHealth } from '../helpers/builtApp'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { descendants, isAlive, killTree, portAccepts, waitForExit } from '../helpers/processes'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, requestAs, sleep, unique } from '../mailing/fixtures'

let t: TestContext
let sink: SmtpSink
let app: BuiltApp | undefined
let templateName: string

beforeAll(async () => {
  await ensureBuilt()
  sink = await startSmtpSink()
  // a Payload of the test's own on the app's database, to queue email beside it
  t = await startTestPayload(sink.env)
  await t.makeUser('superuser') // the first account of a database is a superuser
  templateName = (await createTemplate(t, { contentText: 'Hi {{ name }}', subject: 'For {{ name }}' })).internalName
}, 660_000)
afterAll(async () => {
  await killTree(app)
  await t?.close()
  await sink?.close()
})

const queue = async () => {
  const to = `${unique('ops')}@example.org`
  const log = await queueEmail(await requestAs(t), { context: { name: 'Op' }, template: templateName, to })
  return { id: String(log.id), to }
}

/** The log once the worker has recorded the outcome (the sink hears of the email a moment before). */
const settledLog = async (id: string) => {
  for (let tries = 0; tries < 100; tries += 1) {
    const log = await t.payload.findByID({ collection: 'email-logs', id, overrideAccess: true })
    if (log.status !== 'QUEUED') return log
    await sleep(100)
  }
  throw new Error(`email log ${id} still QUEUED`)
}

const waitUntil = async (condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(100)
  }
}

describe('npm start, from startup to SIGTERM', () => {
  it('works the jobs queue from startup: an email queued before any HTTP request goes out', async () => {
    app = await startBuiltApp({ databaseUrl: t.databaseUrl, env: { ...sink.env, JOBS_POLL_SECONDS: '1' } })
    // queued by another instance; nobody sends the app a request
    const email = await queue()
    const [message] = await sink.waitFor(1, 120_000)
    expect(message!.rcptTo).toEqual([email.to])
    expect(await settledLog(email.id)).toMatchObject({ attempts: 1, status: 'SENT' })
  })

  it('SIGTERM to npm alone: request in flight answered, running job finished, port freed, exit 143', async () => {
    await waitForHealth(app!)
    const npmPid = app!.child.pid!
    const tree = [npmPid, ...descendants(npmPid)]
    // npm, run.ts, the Next.js server and the queue worker
    expect(tree.length).toBeGreaterThanOrEqual(4)

    // a request in flight: its query waits on a table lock the test holds
    const locker = new pg.Client({ connectionString: t.databaseUrl })
    await locker.connect()
    sink.clear()
    const hold = sink.hold()
    try {
      await locker.query('BEGIN')
      await locker.query('LOCK TABLE pages IN ACCESS EXCLUSIVE MODE')
      const inFlight = fetch(`${app!.base}/api/pages/by-path?path=/ops-check/`)
      await waitUntil(async () => {
        const { rows } = await locker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
        return rows[0].n > 0
      }, 'the request waits on the lock')
      // a job running: the SMTP server holds its message unanswered
      const email = await queue()
      await sink.waitForHeld(1, 60_000)

      process.kill(npmPid, 'SIGTERM')

      // no new connections; what is under way goes on
      await waitUntil(async () => !(await portAccepts(app!.port)), 'the port refuses new connections')
      expect(tree.filter(isAlive).length).toBeGreaterThan(0)

      await locker.query('ROLLBACK')
      // answered by the endpoint (no page there), not cut off
      const answer = await inFlight
      expect(answer.status).toBe(404)
      expect(await answer.json()).toHaveProperty('errors')

      hold.release()
      expect(await waitForExit(app!, 60_000)).toEqual({ code: 143, signal: null })
      expect(sink.messagesTo(email.to)).toHaveLength(1)
      expect(await settledLog(email.id)).toMatchObject({ attempts: 1, status: 'SENT' })
    } finally {
      hold.release()
      await locker.end()
    }
    expect(tree.filter(isAlive)).toEqual([])
    expect(await portAccepts(app!.port)).toBe(false)
  })

  it('starts again on the same port, and SIGTERM to the whole process group stops it the same way', async () => {
    const port = app!.port
    app = await startBuiltApp({ databaseUrl: t.databaseUrl, detached: true, env: sink.env, port })
    await waitForHealth(app)
    const npmPid = app.child.pid!
    const tree = [npmPid, ...descendants(npmPid)]
    expect(tree.length).toBeGreaterThanOrEqual(4)

    // what `docker stop` does with an init process that signals the group
    process.kill(-npmPid, 'SIGTERM')

    expect(await waitForExit(app, 60_000)).toEqual({ code: 143, signal: null })
    expect(tree.filter(isAlive)).toEqual([])
    expect(await portAccepts(port)).toBe(false)
  })
})
