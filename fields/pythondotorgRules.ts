import type { PayloadRequest } from 'payload'

/**
 * Set on `req.context` by python.org's compatibility API
 * (src/downloads/pythondotorg) for every write it makes.
 */
export const PYTHONDOTORG_API_WRITE = 'pythondotorgApiWrite'

type RuleOptions = { previousValue?: unknown; req?: PayloadRequest }

export const isPythondotorgApiWrite = (req: PayloadRequest | undefined): boolean =>
  Boolean(req?.context?.[PYTHONDOTORG_API_WRITE])

/**
 * Some of this project's field rules are stricter than python.org's were (a
 * lowercase slug, a hexadecimal checksum). The clients of python.org's API
 * rely on the old rules, so a value may be held to python.org's rule instead
 * when it arrives through that API, or when it is the value the document
 * already holds: an editor who re-saves, in the admin panel, a document that
 * API created is not stopped by a field they did not touch.
 */
export const mayKeepPythondotorgValue = (value: unknown, { previousValue, req }: RuleOptions): boolean =>
  isPythondotorgApiWrite(req) || (previousValue !== undefined && previousValue !== null && value === previousValue)

type Check<V> = (value: V, options: any) => Promise<string | true> | string | true

/**
 * A field validator: new content meets `strict`; what
 * `mayKeepPythondotorgValue` lets through needs only meet `pythondotorg`
 * (and a refusal then names that rule, the one the caller had to meet).
 */
export const strictOrPythondotorg =
  <V>(strict: Check<V>, pythondotorg: Check<V>) =>
  async (value: V, options: any): Promise<string | true> => {
    const result = await strict(value, options)
    if (result === true || !mayKeepPythondotorgValue(value, options ?? {})) return result
    return pythondotorg(value, options)
  }
