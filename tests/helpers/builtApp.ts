/**
 * The production build, as users run it: `next build` once per `npm test`
 * (whichever smoke test file needs it first builds it; the others wait for
 * it), then `npm start` on a test database.
 *
 * TEST_REUSE_BUILD=1 skips the build when one exists (for re-running a smoke
 * test while working on something the build does not contain, like a test).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'
import { freePort, isAlive, productionEnv, start, type Started } from './processes'

/** The smoke tests' own build folder: a developer's .next is never touched. */
export const DIST_DIR = '.next-smoke'

const distPath = path.join(projectRoot, DIST_DIR)
const stampFile = path.join(distPath, 'built-for-test-run')
const lockDir = `${distPath}.lock`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const readStamp = () => {
  try {
    return fs.readFileSync(stampFile, 'utf8')
  } catch {
    return null
  }
}

/** One builder at a time, across Jest workers and concurrent runs; a dead builder's lock is taken over. */
const tryLock = (): boolean => {
  try {
    fs.mkdirSync(lockDir)
    fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid))
    return true
  } catch {
    let owner = 0
    try {
      owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8') || 0)
    } catch {
      /* released meanwhile, or its owner is writing the pid */
    }
    if (owner && !isAlive(owner)) fs.rmSync(lockDir, { force: true, recursive: true })
    return false
  }
}

const build = () => {
  const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/next'), ['build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: productionEnv({ NEXT_DIST_DIR: DIST_DIR, PAYLOAD_SECRET: 'build-secret' }),
    timeout: 600_000,
  })
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`)
}

/** Builds the app into DIST_DIR unless this test run already did. */
export const ensureBuilt = async (): Promise<void> => {
  if (process.env.TEST_REUSE_BUILD === '1' && fs.existsSync(path.join(distPath, 'BUILD_ID'))) return
  const runId = process.env.TEST_RUN_ID ?? `standalone-${process.pid}`
  for (;;) {
    if (readStamp() === runId) return
    if (tryLock()) {
      try {
        if (readStamp() === runId) return
        build()
        fs.writeFileSync(stampFile, runId)
        return
      } finally {
        fs.rmSync(lockDir, { force: true, recursive: true })
      }
    }
    await sleep(1_000)
  }
}

export type BuiltApp = Started & { base: string; port: number }

/**
 * `npm start -- -p PORT` on `databaseUrl`, as an operator starts it.
 * `detached`: npm leads a process group of its own (to signal the group).
 */
export const startBuiltApp = async ({
  databaseUrl,
  detached = false,
  env = {},
  port,
}: {
  databaseUrl: string
  detached?: boolean
  env?: Record<string, string>
  port?: number
}): Promise<BuiltApp> => {
  const appPort = port ?? (await freePort())
  const base = `http://127.0.0.1:${appPort}`
  const started = start('npm', ['start', '--', '-p', String(appPort)], {
    detached,
    env: productionEnv({
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: DIST_DIR,
      PAYLOAD_SECRET: 'smoke-secret',
      SERVER_URL: base,
      ...env,
    }),
  })
  return { ...started, base, port: appPort }
}

/** Resolves once GET /api/health answers 200 (rejects if the app exits or after `timeoutMs`). */
export const waitForHealth = async (app: BuiltApp, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`the app exited (${app.child.exitCode}):\n${app.output()}`)
    try {
      const response = await fetch(`${app.base}/api/health`)
      if (response.status === 200) return
    } catch {
      /* not listening yet */
    }
    await sleep(500)
  }
  throw new Error(`the app did not become healthy:\n${app.output()}`)
}
