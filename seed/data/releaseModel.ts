import { slugify } from '../../fields/slugify'
import { parseVersion, type ParsedVersion, versionSortKey } from '../../src/downloads/version'
import { CPYTHON_RELEASES, CPYTHON_SERIES, type SeriesStatus } from './releases'

export type ReleaseSpec = {
  content: string
  eolDate?: string
  /** whether the seed gives it files (recent releases) */
  hasFiles: boolean
  isLatest: boolean
  name: string
  /** "3.14.0rc2": the version as the file names write it */
  number: string
  parsed: ParsedVersion
  preRelease: boolean
  releaseDate: string
  releaseNotesUrl?: string
  series: string
  showOnDownloadPage: boolean
  slug: string
  sourceOnly: boolean
  status: SeriesStatus
  version: 'PYTHON1' | 'PYTHON2' | 'PYTHON3'
}

/** The first source-only (security) release of each series that has had one. */
const SECURITY_SINCE: Record<string, string> = { '3.10': '3.10.12', '3.11': '3.11.10', '3.12': '3.12.11' }

/** Releases from here on get files: the current bugfix and security lines, and the newest pre-releases. */
const FILES_FROM_FINAL = versionSortKey('3.12.0')!
const FILES_FROM_PRERELEASE = versionSortKey('3.14.5rc1')!

const STAGE_NAMES = { a: 'alpha', b: 'beta', rc: 'release candidate' } as const
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`

const formatDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    year: 'numeric',
  })

/** "2.7rc1" -> "2.7.0rc1": every release named with three numbers, as python.org names its release pages. */
export const fullNumber = (parsed: ParsedVersion): string =>
  `${parsed.major}.${parsed.minor}.${parsed.micro}${parsed.stage === 'final' ? '' : `${parsed.stage}${parsed.serial}`}`

const describe = (spec: Omit<ReleaseSpec, 'content'>): string => {
  const { parsed, series } = spec
  const lines: string[] = []
  if (spec.preRelease) {
    const stage = STAGE_NAMES[parsed.stage as keyof typeof STAGE_NAMES]
    lines.push(
      `This is the ${ordinal(parsed.serial)} ${stage} of Python ${parsed.major}.${parsed.minor}.${parsed.micro}, a preview release for testing.`,
      '',
      'Pre-releases are not recommended for production environments. Please report any problems you find to the issue tracker.',
    )
  } else if (parsed.micro === 0) {
    lines.push(`Python ${spec.number} is the first release of the ${series} series.`)
  } else if (spec.sourceOnly) {
    lines.push(
      `Python ${spec.number} is a security release of Python ${series}.`,
      '',
      `The ${series} series gets security fixes only, published as source code: no binary installers are provided.`,
    )
  } else {
    lines.push(`Python ${spec.number} is the ${ordinal(parsed.micro)} maintenance release of Python ${series}.`)
  }
  lines.push('', `Release date: ${formatDay(spec.releaseDate.slice(0, 10))}`)
  if (spec.releaseNotesUrl) lines.push('', `See the \`full changelog <${spec.releaseNotesUrl}>\`_.`)
  return lines.join('\n')
}

/** The history of CPython as release documents: names, statuses and flags as python.org keeps them. */
export const cpythonReleaseSpecs = (): ReleaseSpec[] => {
  const parsed = CPYTHON_RELEASES.map(([number, date]) => ({ date, number, version: parseVersion(number)! }))
  // the newest final release of each major version is its latest
  const latest = new Map<number, string>()
  for (const { number, version } of parsed) {
    if (version.stage !== 'final') continue
    const current = latest.get(version.major)
    if (!current || versionSortKey(number)! > versionSortKey(current)!) latest.set(version.major, number)
  }
  const developmentSeries = Object.entries(CPYTHON_SERIES).find(([, series]) => series.status === 'PRERELEASE')?.[0]
  const specs = parsed.map(({ date, number: given, version }): ReleaseSpec => {
    const number = fullNumber(version)
    const series = `${version.major}.${version.minor}`
    const preRelease = version.stage !== 'final'
    const seriesFacts = CPYTHON_SERIES[series]
    const sortKey = versionSortKey(number)!
    const securityFrom = SECURITY_SINCE[series]
    const sourceOnly = !preRelease && securityFrom !== undefined && sortKey >= versionSortKey(securityFrom)!
    const base = {
      eolDate: !preRelease && seriesFacts?.eol ? `${seriesFacts.eol}T00:00:00.000Z` : undefined,
      hasFiles: preRelease ? sortKey >= FILES_FROM_PRERELEASE : sortKey >= FILES_FROM_FINAL,
      isLatest: latest.get(version.major) === given,
      name: `Python ${number}`,
      number,
      parsed: version,
      preRelease,
      releaseDate: `${date}T00:00:00.000Z`,
      releaseNotesUrl:
        version.major === 3 && !preRelease
          ? `https://docs.python.org/release/${number}/whatsnew/changelog.html`
          : undefined,
      series,
      // old pre-releases leave the download page; the series in development keeps its previews there
      showOnDownloadPage: !preRelease || series === developmentSeries,
      slug: slugify(`Python ${number}`),
      sourceOnly,
      status: preRelease ? ('PRERELEASE' as const) : (seriesFacts?.status ?? 'EOL'),
      version: `PYTHON${version.major}` as ReleaseSpec['version'],
    }
    return { ...base, content: describe(base) }
  })
  const slugs = new Set(specs.map((spec) => spec.slug))
  if (slugs.size !== specs.length) throw new Error('two seeded releases share a slug')
  return specs
}
