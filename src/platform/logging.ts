import { AsyncLocalStorage } from 'node:async_hooks'

import { type Logger, pino } from 'pino'
import PinoPretty from 'pino-pretty'

/**
 * The one logger of the process: Payload's (`logger` in payload.config.ts),
 * the request log and our own code all write through it.
 *
 * - production (or LOG_FORMAT=json): one JSON object per line on stdout, with
 *   ISO time, level name, pid and hostname (several instances write to one
 *   log store);
 * - elsewhere (or LOG_FORMAT=pretty): pino-pretty, one line per entry,
 *   coloured only on a terminal.
 *
 * LOG_LEVEL sets the level (default info; warn under the test suite).
 *
 * Every line written while a request is handled carries its `reqId`
 * (see src/platform/requests.ts). An error whose HTTP status is a 4xx (not
 * found, validation, failed login, refused access) is the client's mistake,
 * not ours: it is logged at info level with its message, without a stack.
 */

export type RequestScope = { requestId: string }

// Next.js bundles each route separately: the process-wide singletons live on
// globalThis so every bundle shares one request scope, one logger.
const shared = globalThis as typeof globalThis & {
  [key: symbol]: unknown
}
const SCOPE = Symbol.for('pythondotorg.requestScope')
const LOGGER = Symbol.for('pythondotorg.logger')

export const requestScope: AsyncLocalStorage<RequestScope> = (shared[SCOPE] ??= new AsyncLocalStorage<RequestScope>()) as
  AsyncLocalStorage<RequestScope>

export const logFormat = (): 'json' | 'pretty' => {
  const chosen = process.env.LOG_FORMAT
  if (chosen === 'json' || chosen === 'pretty') return chosen
  return process.env.NODE_ENV === 'production' ? 'json' : 'pretty'
}

type ErrorLike = { message?: unknown; name?: unknown; originalError?: ErrorLike; status?: unknown }

/** The HTTP status of a 4xx error (a GraphQL error carries it on its originalError). */
const clientErrorStatus = (err: unknown): number | null => {
  const status = (err as ErrorLike | null)?.status ?? (err as ErrorLike | null)?.originalError?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

export const createLogger = (destination: NodeJS.WritableStream = process.stdout): Logger => {
  const json = logFormat() === 'json'
  return pino(
    {
      // JSON lines say "level":"info", which log stores read without a mapping table
      formatters: json ? { level: (label) => ({ level: label }) } : undefined,
      hooks: {
        logMethod(args, method, level) {
          const [first] = args as unknown[]
          const err = first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined
          const status = level >= 50 ? clientErrorStatus(err) : null
          if (status !== null) {
            const { message, name } = err as ErrorLike
            return this.info({ error: String(name ?? 'Error'), status }, String(message ?? 'client error'))
          }
          return method.apply(this, args as Parameters<typeof method>)
        },
      },
      // the test suite makes thousands of requests: only what goes wrong, unless asked
      level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      mixin: () => {
        const scope = requestScope.getStore()
        return scope ? { reqId: scope.requestId } : {}
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    json
      ? destination
      : PinoPretty({
          destination,
          ignore: 'pid,hostname',
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss',
        }),
  )
}

/** The process's logger (created on first use, from the environment of that moment). */
export const logger = (): Logger => (shared[LOGGER] ??= createLogger()) as Logger
