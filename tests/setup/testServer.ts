import fs from 'node:fs'
import path from 'node:path'

import { dataRoot } from '../../src/platform/paths'

/**
 * Several `npm test` runs may share the test cluster (two terminals, or
 * helpers working side by side). Each run registers itself; the last one
 * out stops the server.
 */
export const testDataDir = (): string => path.join(dataRoot(), 'test-postgres')
const clientsDir = () => `${testDataDir()}.clients`

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export const registerTestRun = (): void => {
  fs.mkdirSync(clientsDir(), { recursive: true })
  fs.writeFileSync(path.join(clientsDir(), String(process.pid)), '')
}

/** Unregisters this run; true when no other live run still uses the server. */
export const unregisterTestRun = (): boolean => {
  fs.rmSync(path.join(clientsDir(), String(process.pid)), { force: true })
  const others = fs.existsSync(clientsDir())
    ? fs.readdirSync(clientsDir()).filter((name) => {
        if (isAlive(Number(name))) return true
        fs.rmSync(path.join(clientsDir(), name), { force: true })
        return false
      })
    : []
  return others.length === 0
}
