/**
 * Works the jobs queue in a process of its own: the queue half of `npm start`
 * (run.ts starts it beside `next start`), or alone with `npm run worker`.
 *
 * It polls from the moment it starts: no HTTP request has to wake Payload
 * first, as one did while the queue lived inside the Next.js server. On
 * SIGTERM or SIGINT it stops polling, lets the jobs it is running finish (at
 * most SHUTDOWN_TIMEOUT_MS), and exits 0, or 1 when it had to abandon a job
 * (another instance picks that job up once its claim goes stale).
 */
import { getPayload, type Payload } from 'payload'

import config from '../../../payload.config'
import { warnIfMailGoesToFiles } from '../../mailing/transport'
import { shutdownTimeoutMs } from '../shutdown'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let payload: Payload | null = null
let stopping = false

const stop = async (signal: NodeJS.Signals) => {
  // npm, the process group and run.ts may each deliver the same signal
  if (stopping) return
  stopping = true
  if (!payload) process.exit(0) // still starting: nothing runs yet
  const timeoutMs = shutdownTimeoutMs()
  // Payload's autoRun crons: stopped, a poll under way (and the jobs it
  // runs) keeps going; isBusy() says when it is over
  const crons = payload.crons.splice(0)
  for (const cron of crons) cron.stop()
  const busy = () => crons.some((cron) => cron.isBusy())
  if (busy()) payload.logger.info({ msg: `${signal}: finishing the running jobs (at most ${timeoutMs} ms)`, signal })
  const deadline = Date.now() + timeoutMs
  while (busy() && Date.now() < deadline) await sleep(50)
  const abandoned = busy()
  if (abandoned) {
    payload.logger.error({ msg: `${signal}: jobs still running after ${timeoutMs} ms, abandoned`, signal })
  } else {
    payload.logger.info({ msg: `${signal}: the jobs queue worker stopped`, signal })
  }
  await payload.destroy().catch(() => undefined)
  process.exit(abandoned ? 1 : 0)
}

const main = async () => {
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  payload = await getPayload({ config, cron: true })
  if (!payload.crons.length) {
    payload.logger.info('This instance does not work the jobs queue (PAYLOAD_JOBS_AUTORUN=false)')
    await payload.destroy()
    process.exit(0)
  }
  warnIfMailGoesToFiles(payload.logger)
  payload.logger.info('Working the jobs queue')
}

main().catch((err: unknown) => {
  // before Payload's logger exists
  const reason = err instanceof Error ? err.stack : String(err)
  process.stderr.write(`[pythondotorg] the jobs queue worker failed: ${reason}\n`)
  process.exit(1)
})
