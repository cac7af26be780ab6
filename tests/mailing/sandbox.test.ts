/**
 * The template engine on its own (src/mailing/templates.ts): the sandbox that
 * keeps templates away from the host, and the syntax check that refuses
 * broken templates with their line. No database needed.
 */
import crypto from 'node:crypto'

import { checkTemplateSyntax, renderTemplate } from '../../src/mailing/templates'

const canary = `canary-${crypto.randomBytes(6).toString('hex')}`

type Probe = { __sandboxProbe?: unknown }

beforeAll(() => {
  process.env.MAILING_SANDBOX_CANARY = canary
})
afterAll(() => {
  delete process.env.MAILING_SANDBOX_CANARY
  delete (globalThis as Probe).__sandboxProbe
})

/** Renders, or returns the error: either way, the caller checks nothing leaked. */
const attempt = (source: string, context: Record<string, unknown> = {}, kind: 'html' | 'text' = 'text') => {
  try {
    return { output: renderTemplate(source, context, kind), threw: false }
  } catch (err) {
    return { output: err instanceof Error ? err.message : String(err), threw: true }
  }
}

/** Nothing from the host: no environment value, no process object, no module source. */
const expectNoHostData = (text: string) => {
  expect(text).not.toContain(canary)
  expect(text).not.toContain('[object process]')
  expect(text).not.toMatch(/MAILING_SANDBOX_CANARY/)
  if (process.env.PATH) expect(text).not.toContain(process.env.PATH)
  if (process.env.HOME) expect(text).not.toContain(`${process.env.HOME}`)
  expect(text).not.toMatch(/root:.*:0:0:/)
}

describe('sandbox: no way out to the host', () => {
  const escapes = [
    '{{ "".constructor.constructor("return process")() }}',
    '{{ "".constructor.constructor("return process.env")() }}',
    '{{ range.constructor("return process.env")() }}',
    '{{ range.constructor("return process.env.MAILING_SANDBOX_CANARY")() }}',
    '{{ cycler.constructor("return process")() }}',
    '{{ joiner.constructor("return process.env")() }}',
    '{{ constructor.constructor("return process.env")() }}',
    '{{ valueOf.constructor("return process")() }}',
    '{{ [].constructor.constructor("return process.env")() }}',
    '{{ ({}).constructor.constructor("return process.env")() }}',
    '{{ user.__proto__.constructor.constructor("return process.env")() }}',
    '{{ user["constructor"]["constructor"]("return process.env")() }}',
    '{{ user.greet.constructor("return process.env")() }}',
    '{% macro m() %}x{% endmacro %}{{ m.constructor("return process.env")() }}',
    '{% set f = range.constructor %}{{ f("return process.env")() }}',
    '{% set p = "".constructor.constructor("return process")() %}{{ p.env.MAILING_SANDBOX_CANARY }}',
  ]

  it.each(escapes)('%s throws or renders nothing from the host', (source) => {
    const { output } = attempt(source, { user: { greet: 'hi', name: 'Ann' } })
    expectNoHostData(output)
    // nothing of a function, an object dump or an env map comes out either
    expect(output).not.toMatch(/^\s*\{|\[object Object\]|function anonymous/)
  })

  it('cannot run code on the host (no side effect)', () => {
    const side = [
      '{{ range.constructor("globalThis.__sandboxProbe = 1")() }}',
      '{{ "".constructor.constructor("globalThis.__sandboxProbe = 2")() }}',
      '{{ constructor.constructor("process.env.MAILING_SANDBOX_PWNED = 1")() }}',
      '{% set x = cycler.constructor("globalThis.__sandboxProbe = 3")() %}',
    ]
    for (const source of side) attempt(source)
    expect((globalThis as Probe).__sandboxProbe).toBeUndefined()
    expect(process.env.MAILING_SANDBOX_PWNED).toBeUndefined()
  })

  it('cannot call functions handed in the context (data only)', () => {
    let called = false
    const { output } = attempt('{{ f() }}|{{ obj.method() }}|{{ obj.value }}', {
      f: () => {
        called = true
        return process.env.MAILING_SANDBOX_CANARY
      },
      obj: {
        method: () => {
          called = true
          return canary
        },
        value: 'plain',
      },
    })
    expect(called).toBe(false)
    expectNoHostData(output)
  })

  it.each([
    '{% include "/etc/passwd" %}',
    '{% include "../../package.json" %}',
    '{% import "/etc/passwd" as p %}{{ p }}',
    '{% from "/etc/passwd" import x %}{{ x }}',
    '{% extends "/etc/passwd" %}',
  ])('%s fails: there is no loader', (source) => {
    const { output, threw } = attempt(source)
    expect(threw).toBe(true)
    expect(output).toMatch(/template not found/)
    expect(output).not.toMatch(/root:|"name":\s*"pythondotorg-payload"/)
  })

  it('still renders ordinary Jinja2-style templates', () => {
    const source = [
      'Hello {{ user.name | title }},',
      '{% if items %}You have {{ items | length }} item{% if items | length != 1 %}s{% endif %}:',
      '{% for item in items %}- {{ loop.index }}. {{ item.label }}',
      '{% endfor %}{% else %}Nothing yet.{% endif %}',
      '{{ missing }}{{ user.missing.deeper }}-{{ "abc"[1] }}{{ "abc" | length }}',
    ].join('\n')
    const output = renderTemplate(source, { items: [{ label: 'one' }, { label: 'two' }], user: { name: 'ann lee' } })
    expect(output).toBe('Hello Ann Lee,\nYou have 2 items:\n- 1. one\n- 2. two\n-b3')
  })

  it('autoescapes context values in HTML, and only there', () => {
    const context = { name: '<b>Ann</b> & "co"' }
    expect(renderTemplate('<p>{{ name }}</p>', context, 'html')).toBe('<p>&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;co&quot;</p>')
    expect(renderTemplate('{{ name }}', context, 'text')).toBe('<b>Ann</b> & "co"')
  })
})

describe('checkTemplateSyntax', () => {
  it('accepts a valid template', () => {
    expect(checkTemplateSyntax('Hi {{ name }}\n{% if x %}{{ x | upper }}{% else %}-{% endif %}\n{% for i in l %}{{ i }}{% endfor %}')).toBeNull()
    expect(checkTemplateSyntax('<p>{{ name }}</p>', 'html')).toBeNull()
  })

  it('refuses unknown filters and tests at save time, as Jinja2 does, and knows the built-in ones', () => {
    expect(checkTemplateSyntax('Dear member,\n\n{{ name | shout }}')).toMatchObject({ line: 3, message: 'unknown filter "shout"' })
    expect(checkTemplateSyntax('a\nb\n{% filter shout %}x{% endfilter %}')).toMatchObject({ line: 3 })
    expect(checkTemplateSyntax('a\nb\n{% if x is shouting %}x{% endif %}')).toMatchObject({ line: 3, message: 'unknown test "shouting"' })
    expect(
      checkTemplateSyntax(
        '{{ x | default("-") | upper | title | trim | truncate(9) | replace("a", "b") | join(",") | length | escape | safe }}' +
          '{% filter lower %}X{% endfilter %}{% if x is defined and y is divisibleby(3) and z is string %}{% endif %}',
      ),
    ).toBeNull()
  })

  // every error sits on line 3 of a multi-line body
  it.each([
    ['an unclosed variable at the end', 'Dear member,\n\nHello {{ name '],
    ['an unclosed {% if %} at the end', 'Dear member,\n\n{% if x %}yes'],
    ['an unclosed {% if %} followed by more lines', 'Dear member,\n\n{% if x %}yes\nmore text\nand more'],
    ['an unclosed {% for %} inside a closed block', 'Dear member,\n{% if a %}{% endif %}\n{% for i in l %}{{ i }}\nend'],
    ['an unclosed comment', 'Dear member,\n\n{# note\nstill a note'],
    ['an unterminated string', 'Dear member,\n\n{{ "abc }}\nbye'],
    ['a dangling filter pipe', 'Dear member,\n\n{{ name | }}\nbye'],
    ['a stray {% endif %}', 'Dear member,\n\n  {% endif %}\nbye'],
    ['an unknown tag', 'Dear member,\n\n{% frobnicate %}\nbye'],
  ])('reports %s on line 3', (_, source) => {
    const error = checkTemplateSyntax(source)
    expect(error).not.toBeNull()
    expect(error!.line).toBe(3)
    expect(error!.column).toBeGreaterThanOrEqual(1)
    expect(error!.message).toBeTruthy()
    // the message is clean: no nunjucks path prefix or position repeated
    expect(error!.message).not.toMatch(/unknown path|\[Line/)
    // same answer for the HTML kind
    expect(checkTemplateSyntax(source, 'html')?.line).toBe(3)
  })
})
