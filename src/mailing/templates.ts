import nunjucks from 'nunjucks'
// the compiled templates call into this module for every `a.b` lookup
// @ts-expect-error nunjucks ships no types for its runtime module
import runtime from 'nunjucks/src/runtime.js'
// @ts-expect-error nor for its lexer, used to place end-of-file syntax errors
import lexer from 'nunjucks/src/lexer.js'
// @ts-expect-error nor for its nodes and parser, used to find unknown filters and tests
import nodes from 'nunjucks/src/nodes.js'
// @ts-expect-error (same)
import parser from 'nunjucks/src/parser.js'

/**
 * Jinja2-compatible email templates (nunjucks), rendered in a sandbox:
 * no loader (so no include/import/extends of files), and member lookups
 * limited to the context's own data, so `"".constructor.constructor(...)`
 * and friends cannot reach the host.
 */
const FORBIDDEN_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
])

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

// Fail closed: should a bundler ever give the compiled templates another copy
// of the runtime than the one patched above, refuse to load rather than render unsandboxed.
if (nunjucks.compile('{{ "".constructor }}', textEnv).render({}) !== '') {
  throw new Error('src/mailing/templates: the nunjucks sandbox is not in effect')
}

export type TemplateKind = 'html' | 'text'

/** Data only: functions and class instances in a context are dropped before rendering. */
const plainData = (context: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(context ?? {})) as Record<string, unknown>

export const renderTemplate = (source: string, context: Record<string, unknown>, kind: TemplateKind = 'text'): string =>
  nunjucks.compile(source, kind === 'html' ? htmlEnv : textEnv).render(plainData(context))

export type TemplateSyntaxError = { column?: number; line?: number; message: string }

type Token = { colno: number; lineno: number; type: string; value: string }

/** Tags that need a matching `{% end... %}` (a `{% set %}` only in its block form). */
const BLOCK_TAGS = new Set([
  'asyncAll',
  'asyncEach',
  'block',
  'call',
  'filter',
  'for',
  'if',
  'macro',
  'raw',
  'set',
  'verbatim',
])

/**
 * nunjucks gives no position for errors found at the end of the source (an
 * unclosed `{{`, `{%` or `{#`, a missing `{% endif %}`...). Place them where the
 * construct left open starts; failing that, on the last line.
 */
const endOfFilePosition = (source: string): { column: number; line: number } => {
  const stack: { column: number; line: number; name: string }[] = []
  let open: { column: number; line: number } | null = null
  const tokens: Token[] = []
  try {
    const tokenizer = lexer.lex(source, {}) as { nextToken: () => null | Token }
    for (let tok = tokenizer.nextToken(); tok; tok = tokenizer.nextToken()) tokens.push(tok)
  } catch {
    // an unclosed comment: the lexer gives up at the end of the source
    const comment = source.lastIndexOf('{#')
    if (comment >= 0 && source.indexOf('#}', comment) < 0) {
      const before = source.slice(0, comment).split('\n')
      return { column: before[before.length - 1]!.length + 1, line: before.length }
    }
  }
  const significant = tokens.filter((tok) => tok.type !== 'whitespace')
  for (const [index, tok] of significant.entries()) {
    const at = { column: tok.colno + 1, line: tok.lineno + 1 }
    if (tok.type === 'variable-start' || tok.type === 'block-start') open = at
    if (tok.type === 'variable-end' || tok.type === 'block-end') open = null
    if (tok.type !== 'block-start') continue
    const name = significant[index + 1]?.type === 'symbol' ? significant[index + 1]!.value : ''
    if (name.startsWith('end')) {
      const closes = stack.map((entry) => entry.name).lastIndexOf(name.slice(3))
      if (closes >= 0) stack.length = closes
    } else if (BLOCK_TAGS.has(name)) {
      // `{% set x = 1 %}` is complete; `{% set x %}...{% endset %}` is a block
      const rest = significant.slice(index + 2)
      const end = rest.findIndex((t) => t.type === 'block-end')
      if (
        name !== 'set' ||
        !rest.slice(0, end < 0 ? undefined : end).some((t) => t.type === 'operator' && t.value === '=')
      ) {
        stack.push({ ...at, name })
      }
    }
  }
  const innermost = open ?? stack[stack.length - 1]
  if (innermost) return { column: innermost.column, line: innermost.line }
  const lines = source.split('\n')
  return { column: lines[lines.length - 1]!.length + 1, line: lines.length }
}

type AstNode = { colno: number; lineno: number; name?: AstNode; right?: AstNode; value?: unknown }

/**
 * nunjucks looks filters (`x | name`) and tests (`x is name`) up only when it
 * renders; Jinja2 refuses unknown ones when it compiles. So do we, or a typo
 * would save fine and fail every send.
 */
const unknownFilterOrTest = (source: string, env: nunjucks.Environment): TemplateSyntaxError | null => {
  const root = parser.parse(source, [], {}) as { findAll: (type: unknown) => AstNode[] }
  const known = env as unknown as { filters: Record<string, unknown>; tests: Record<string, unknown> }
  const problems: TemplateSyntaxError[] = []
  for (const node of root.findAll(nodes.Filter)) {
    const name = String(node.name?.value)
    if (!known.filters[name])
      problems.push({ column: node.name!.colno + 1, line: node.name!.lineno + 1, message: `unknown filter "${name}"` })
  }
  for (const node of root.findAll(nodes.Is)) {
    const test = node.right?.name ?? node.right
    const name = String(test?.value)
    if (test && !known.tests[name])
      problems.push({ column: test.colno + 1, line: test.lineno + 1, message: `unknown test "${name}"` })
  }
  problems.sort((a, b) => a.line! - b.line! || a.column! - b.column!)
  return problems[0] ?? null
}

/** Compiles without rendering; returns the first syntax error with its line. */
export const checkTemplateSyntax = (source: string, kind: TemplateKind = 'text'): TemplateSyntaxError | null => {
  const env = kind === 'html' ? htmlEnv : textEnv
  try {
    // eagerCompile: parse now rather than at first render
    new nunjucks.Template(source, env, undefined, true)
    return unknownFilterOrTest(source, env)
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err)
    const position = /\[Line (\d+)(?:, Column (\d+))?\]/.exec(raw)
    const message = raw
      .replace(/^Template render error:\s*/, '')
      .replace(/^\(unknown path\)\s*/, '')
      .replace(/^\[Line \d+(, Column \d+)?\]\s*/, '')
      .replace(/^Error:\s*/, '')
      .trim()
    if (position) return { column: position[2] ? Number(position[2]) : undefined, line: Number(position[1]), message }
    return { ...endOfFilePosition(source), message }
  }
}
