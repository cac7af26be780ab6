import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'

const resolveSecretIn = (env: Record<string, string>) =>
  spawnSync(
    path.join(projectRoot, 'node_modules/.bin/tsx'),
    ['-e', `import('./src/platform/secret.ts').then((m) => process.stdout.write(m.resolvePayloadSecret()))`],
    { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PAYLOAD_SECRET: '', ...env } },
  )

describe('PAYLOAD_SECRET', () => {
  it('in development, is generated once into the data folder and reused', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-secret-'))
    const first = resolveSecretIn({ NODE_ENV: 'development', PAYLOAD_DATA_DIR: dataDir })
    const second = resolveSecretIn({ NODE_ENV: 'development', PAYLOAD_DATA_DIR: dataDir })
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/^[0-9a-f]{64}$/)
    expect(second.stdout).toBe(first.stdout)
    expect(fs.readFileSync(path.join(dataDir, 'payload-secret'), 'utf8')).toBe(first.stdout)
    fs.rmSync(dataDir, { force: true, recursive: true })
  })

  it('in production, is required', () => {
    const result = resolveSecretIn({ NODE_ENV: 'production' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('PAYLOAD_SECRET is not set')
  })
})
