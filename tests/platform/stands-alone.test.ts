/**
 * The project stands alone: people clone it on its own, so no committed file
 * may point at the specification folder it was built from, at the folder
 * this project was developed in, or at anybody's home directory. The rules
 * the project implements are written in docs/ instead.
 *
 * The patterns below are written with escapes, so this file does not match
 * itself; the self-check builds the forbidden strings at run time.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

// a path segment may not precede the match: hooks/shared/ and example.org/work/ are not what is meant
const NOT_IN_A_PATH = String.raw`(?:^|[^\w./-])`

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.\.\/shared\//, why: 'points into the sibling shared folder' },
  { pattern: new RegExp(`${NOT_IN_A_PATH}shared\\/(?:spec|fixtures)\\b`), why: 'names the specification or fixtures folder' },
  { pattern: new RegExp(`${NOT_IN_A_PATH}\\/work\\/`), why: 'an absolute path of the development machine' },
  { pattern: /\bbusiness-rules\.md\b/, why: 'names a specification file (say docs/rules/<domain>.md)' },
  { pattern: /\bDOMAIN_MODELS\.md\b/, why: 'names a specification file (say docs/rules/<domain>.md)' },
  { pattern: new RegExp(`${NOT_IN_A_PATH}\\/(?:home|Users)\\/[\\w.-]+\\/`), why: 'a home directory' },
  { pattern: new RegExp(`${NOT_IN_A_PATH}\\/root\\/`), why: "root's home directory" },
  { pattern: /\b[A-Za-z]:\\(?:Users|Documents and Settings)\\/, why: 'a Windows home directory' },
]

/** The files git tracks (what a clone gets), minus the lock file, which only lists registry URLs. */
const trackedFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file && file !== 'package-lock.json' && !file.split('/').includes('node_modules'))

type Problem = { file: string; line: number; text: string; why: string }

const problemsIn = (file: string, text: string): Problem[] => {
  const problems: Problem[] = []
  text.split('\n').forEach((line, index) => {
    for (const { pattern, why } of FORBIDDEN) {
      if (pattern.test(line)) problems.push({ file, line: index + 1, text: line.trim().slice(0, 160), why })
    }
  })
  return problems
}

const readText = (file: string): null | string => {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(path.join(root, file))
  } catch {
    // deleted in the working tree but not yet committed: nothing to read
    return null
  }
  // binary files (images in fixtures) carry no references
  return bytes.subarray(0, 8000).includes(0) ? null : bytes.toString('utf8')
}

describe('the project stands alone', () => {
  it('the check recognises each forbidden reference, and leaves the project’s own paths alone', () => {
    const up = '..'
    const bad = [
      `see ${up}/${'shared'}/spec/x.md`,
      `fixtures in ${'shared'}/fixtures/pythondotorg`,
      `as ${'shared'}/spec says`,
      `open /${'work'}/main/README.md`,
      `(business-rules${'.md'}, Jobs)`,
      `DOMAIN_MODELS${'.md'}`,
      `cd /${'home'}/alice/project`,
      `/${'Users'}/bob/src/app.ts`,
      `/${'root'}/.npm`,
      `C:${'\\'}Users${'\\'}carol${'\\'}project`,
    ]
    for (const line of bad) expect({ line, found: problemsIn('x', line).length > 0 }).toEqual({ line, found: true })

    const fine = [
      "import { deleteDependents } from '../../hooks/shared/deleteDependents'",
      'hooks/shared/rejectMalformedInput.ts',
      "import { makeActors } from '../helpers/actors'",
      'tests/fixtures/pythondotorg/releases.json',
      'docs/pythondotorg-api.md and docs/rules/jobs.md',
      'https://example.org/work/ and /api/work-groups/',
      "executablePath: '/usr/bin/chromium'",
      'the home page at /',
    ]
    for (const line of fine) expect({ line, found: problemsIn('x', line) }).toEqual({ line, found: [] })
  })

  it('no tracked file points outside the project or at a machine’s paths', () => {
    const files = trackedFiles()
    // a sanity check that git answered for this repository
    expect(files).toEqual(expect.arrayContaining(['package.json', 'payload.config.ts']))
    const problems = files.flatMap((file) => {
      const text = readText(file)
      return text === null ? [] : problemsIn(file, text)
    })
    expect(problems.map(({ file, line, text, why }) => `${file}:${line}: ${why}: ${text}`)).toEqual([])
  })
})
