/**
 * Every email the system sends has a seeded template. The calls are found
 * in the code itself, not listed by hand: every call of queueEmail (the one
 * sending path) is located with the TypeScript compiler, and the type
 * checker says which template names its `template` argument can be (the
 * hooks pass constants, so their types are the literal names). Then the
 * seed runs and each of those names must be an active template.
 */
import fs from 'node:fs'
import path from 'node:path'

import ts from 'typescript'

import { seedEssentials } from '../../seed/seed'
import { ALL_EMAIL_TEMPLATES } from '../../seed/steps/mailing'
import { projectRoot } from '../../src/platform/paths'
import { startTestPayload, type TestContext } from '../helpers/harness'

/** Callers whose template is chosen at run time, and where that choice comes from. */
const RUN_TIME_TEMPLATES: Record<string, string> = {
  // staff pick any template to test (default below), and it must exist and be active to be queued
  'src/mailing/sendTestEndpoint.ts': 'the template staff ask for',
  // a resend uses the template of the email it resends, refused when that template is gone
  'src/mailing/resendEndpoint.ts': 'the resent email’s own template',
}
/** The template the test endpoint sends when staff name none. */
const TEST_ENDPOINT_DEFAULT = 'system.test'

const SKIP = new Set(['node_modules', 'tests', '.next', '.next-smoke', '.data', '.git', 'tmp'])

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return []
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })

type Call = { file: string; line: number; templates: null | string[] }

/** Every queueEmail(req, { template }) call outside the tests, with the names its template can have (null: decided at run time). */
const queueEmailCalls = (): Call[] => {
  const files = sourceFiles(projectRoot).filter((file) => fs.readFileSync(file, 'utf8').includes('queueEmail('))
  const configFile = ts.readConfigFile(path.join(projectRoot, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, projectRoot)
  const program = ts.createProgram(files, { ...options, incremental: false, noEmit: true })
  const checker = program.getTypeChecker()
  const calls: Call[] = []
  for (const file of files) {
    const source = program.getSourceFile(file)!
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'queueEmail') {
        const declaration = checker.getSymbolAtLocation(node.expression)
        const target =
          declaration &&
          (declaration.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(declaration) : declaration)
        const definedIn = target?.declarations?.[0]?.getSourceFile().fileName ?? ''
        if (definedIn.endsWith(path.join('src', 'mailing', 'queueEmail.ts'))) {
          const args = node.arguments[1]
          const property =
            args && ts.isObjectLiteralExpression(args)
              ? args.properties.find((prop) => prop.name && ts.isIdentifier(prop.name) && prop.name.text === 'template')
              : undefined
          const at = property
            ? ts.isShorthandPropertyAssignment(property)
              ? property.name
              : ts.isPropertyAssignment(property)
                ? property.initializer
                : undefined
            : undefined
          const type = at ? checker.getTypeAtLocation(at) : undefined
          const parts = type ? (type.isUnion() ? type.types : [type]) : []
          const literals = parts.every((part) => part.isStringLiteral())
            ? parts.map((part) => (part as ts.StringLiteralType).value)
            : null
          calls.push({
            file: path.relative(projectRoot, file),
            line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            templates: parts.length && literals ? literals : null,
          })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return calls
}

let t: TestContext
let calls: Call[]

beforeAll(async () => {
  calls = queueEmailCalls()
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('the email templates the seed installs', () => {
  it('are found for every queueEmail call in the code', () => {
    // the hooks of jobs, sponsors, elections, events and success stories, and the two mailing endpoints
    expect(calls.length).toBeGreaterThanOrEqual(10)
    const dynamic = calls.filter((call) => call.templates === null).map((call) => call.file)
    // a new caller must pass a constant template name (or be listed above, with where its name comes from)
    expect([...new Set(dynamic)].sort()).toEqual(Object.keys(RUN_TIME_TEMPLATES).sort())
    const names = new Set(calls.flatMap((call) => call.templates ?? []))
    expect(names.size).toBeGreaterThanOrEqual(10)
    const seeded = new Set(ALL_EMAIL_TEMPLATES.map((template) => template.internalName))
    const missing = [...names, TEST_ENDPOINT_DEFAULT].filter((name) => !seeded.has(name))
    expect(missing).toEqual([])
  })

  it('are created, active, by the seed', async () => {
    await seedEssentials(t.payload, () => undefined)
    const names = [...new Set([...calls.flatMap((call) => call.templates ?? []), TEST_ENDPOINT_DEFAULT])]
    const { docs } = await t.payload.find({
      collection: 'email-templates',
      limit: 100,
      overrideAccess: true,
      pagination: false,
      where: { and: [{ internalName: { in: names } }, { isActive: { equals: true } }] },
    })
    expect(docs.map((doc) => doc.internalName).sort()).toEqual(names.sort())
  })
})
