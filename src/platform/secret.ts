import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataRoot } from './paths'

const isProductionRuntime = () =>
  process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'

/**
 * PAYLOAD_SECRET signs sessions and encrypts API keys. Production must be
 * given one; development keeps a generated one in the data folder so logins
 * survive restarts.
 */
export const resolvePayloadSecret = (): string => {
  const fromEnv = process.env.PAYLOAD_SECRET
  if (fromEnv) return fromEnv
  if (isProductionRuntime()) {
    throw new Error('PAYLOAD_SECRET is not set: refusing to start in production without it.')
  }
  const file = path.join(dataRoot(), 'payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
      return secret
    } catch {
      // another process wrote it first: use theirs
      return fs.readFileSync(file, 'utf8').trim()
    }
  }
}
