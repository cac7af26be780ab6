import nunjucks from 'nunjucks'
// the compiled templates call into this module for every `a.b` lookup
// @ts-expect-error nunjucks ships no types for its runtime module
import runtime from 'nunjucks/src/runtime.js'

/**
 * Jinja2-compatible email templates (nunjucks), rendered in a sandbox:
 * no loader (so no include/import/extends of files), and member lookups
 * limited to the context's own data, so `"".constructor.constructor(...)`
 * and friends cannot reach the host.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'])

const sandboxedMemberLookup = (obj: unknown, key: unknown): unknown => {
  if (obj === undefined || obj === null) return undefined
  const name = String(key)
  if (FORBIDDEN_KEYS.has(name)) return undefined
  if (typeof obj === 'string' || Array.isArray(obj)) {
    return name === 'length' || /^\d+$/.test(name) ? (obj as unknown as Record<string, unknown>)[name] : undefined
  }
  if (typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, name)) {
    const value = (obj as Record<string, unknown>)[name]
    return typeof value === 'function' ? undefined : value
  }
  return undefined
}
;(runtime as unknown as { memberLookup: typeof sandboxedMemberLookup }).memberLookup = sandboxedMemberLookup

const makeEnv = (autoescape: boolean) => {
  const env = new nunjucks.Environment([], { autoescape, throwOnUndefined: false, trimBlocks: true })
  return env
}
const textEnv = makeEnv(false)
const htmlEnv = makeEnv(true)

export type TemplateKind = 'html' | 'text'

/** Data only: functions and class instances in a context are dropped before rendering. */
const plainData = (context: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(context ?? {})) as Record<string, unknown>

export const renderTemplate = (source: string, context: Record<string, unknown>, kind: TemplateKind = 'text'): string =>
  nunjucks.compile(source, kind === 'html' ? htmlEnv : textEnv).render(plainData(context))

export type TemplateSyntaxError = { column?: number; line?: number; message: string }

/** Compiles without rendering; returns the first syntax error with its line. */
export const checkTemplateSyntax = (source: string, kind: TemplateKind = 'text'): TemplateSyntaxError | null => {
  try {
    // eagerCompile: parse now rather than at first render
    new nunjucks.Template(source, kind === 'html' ? htmlEnv : textEnv, undefined, true)
    return null
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err)
    const position = /\[Line (\d+), Column (\d+)\]/.exec(raw)
    const message = raw
      .replace(/^Template render error: \(unknown path\)\s*/, '')
      .replace(/\[Line \d+, Column \d+\]\s*/, '')
      .replace(/^Error:\s*/, '')
      .trim()
    return position
      ? { column: Number(position[2]), line: Number(position[1]), message }
      : { message }
  }
}
