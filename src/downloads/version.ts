/**
 * "Python 3.14.0rc2" -> "3.14.0rc2". Releases are ordered by what the
 * number means (3.10 after 3.9, 3.14.0rc2 before 3.14.0), so we also derive
 * a sort key that orders correctly as a plain string.
 */
const VERSION = /(\d+)\.(\d+)(?:\.(\d+))?(?:\s*(a|b|rc|alpha|beta|c)\s*(\d+))?/i

export type ParsedVersion = {
  major: number
  micro: number
  minor: number
  serial: number
  stage: 'a' | 'b' | 'final' | 'rc'
}

export const parseVersion = (name: string): ParsedVersion | null => {
  const match = VERSION.exec(name)
  if (!match) return null
  const stageRaw = (match[4] ?? '').toLowerCase()
  const stage = stageRaw === '' ? 'final' : stageRaw.startsWith('a') ? 'a' : stageRaw.startsWith('b') ? 'b' : 'rc'
  return {
    major: Number(match[1]),
    micro: Number(match[3] ?? 0),
    minor: Number(match[2]),
    serial: Number(match[5] ?? 0),
    stage,
  }
}

/** The version as python.org writes it: "3.14.0rc2", "3.13.1", "2.7". */
export const versionNumber = (name: string): null | string => {
  const match = VERSION.exec(name)
  if (!match) return null
  const parsed = parseVersion(name)!
  const base =
    match[3] === undefined ? `${parsed.major}.${parsed.minor}` : `${parsed.major}.${parsed.minor}.${parsed.micro}`
  return parsed.stage === 'final' ? base : `${base}${parsed.stage}${parsed.serial}`
}

const STAGE_ORDER = { a: 0, b: 1, final: 3, rc: 2 } as const
const pad = (value: number) => String(value).padStart(5, '0')

/** "00003.00014.00000.2.00002" for 3.14.0rc2: string order is version order. */
export const versionSortKey = (name: string): null | string => {
  const parsed = parseVersion(name)
  if (!parsed) return null
  return [pad(parsed.major), pad(parsed.minor), pad(parsed.micro), STAGE_ORDER[parsed.stage], pad(parsed.serial)].join(
    '.',
  )
}

/** "3.14.0rc2" -> "3.14": the minor series a release belongs to. */
export const versionSeries = (name: string): null | string => {
  const parsed = parseVersion(name)
  return parsed ? `${parsed.major}.${parsed.minor}` : null
}

export type PythonVersion = 'PYMANAGER' | 'PYTHON1' | 'PYTHON2' | 'PYTHON3'
export type ReleaseStatus = 'BUGFIX' | 'EOL' | 'PRERELEASE' | 'SECURITY'

const INSTALL_MANAGER = /\binstall(?:ation)?\s+manager\b|\bpymanager\b/i

/**
 * The version a release's name tells: the Python install manager by name
 * ("Python install manager 25.0"), else Python 1, 2 or 3 by the major
 * number; null when the name tells neither (e.g. a Python 4).
 */
export const pythonVersionOf = (name: string): null | PythonVersion => {
  if (INSTALL_MANAGER.test(name)) return 'PYMANAGER'
  const parsed = parseVersion(name)
  if (!parsed) return null
  return parsed.major === 1 || parsed.major === 2 || parsed.major === 3 ? `PYTHON${parsed.major}` : null
}

/** An alpha, beta or release candidate ("Python 3.14.0rc2"): a pre-release. */
export const isPrereleaseName = (name: string): boolean => {
  const parsed = parseVersion(name)
  return Boolean(parsed && parsed.stage !== 'final')
}

/** The status a name tells: PRERELEASE for a pre-release, else BUGFIX (SECURITY and EOL are editors' calls). */
export const releaseStatusOf = (name: string): ReleaseStatus => (isPrereleaseName(name) ? 'PRERELEASE' : 'BUGFIX')

/**
 * python.org's release tooling's `slug_for(release)`: the version's digits
 * without dots, and a pre-release's tag after a hyphen ("3.14.1" -> "3141",
 * "3.14.0rc2" -> "3140-rc2").
 */
export const releaseSlugPrefix = (number: string): string => {
  const match = /^(\d+(?:\.\d+)*)(.*)$/.exec(number)
  if (!match) return number
  const [, base, rest] = match
  return base!.replaceAll('.', '') + (rest ? `-${rest}` : '')
}
