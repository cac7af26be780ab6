/** src/downloads/version.ts: the version number, series and sort key derived from a release name. */
import {
  isPrereleaseName,
  parseVersion,
  pythonVersionOf,
  releaseSlugPrefix,
  releaseStatusOf,
  versionNumber,
  versionSeries,
  versionSortKey,
} from '../../src/downloads/version'
import { slugFor } from '../pythondotorg/releaseTools'

describe('versionNumber', () => {
  it.each([
    ['Python 3.14.0rc2', '3.14.0rc2'],
    ['Python 3.13.1', '3.13.1'],
    ['Python 2.7', '2.7'],
    ['Python 3.14.0a1', '3.14.0a1'],
    ['Python 3.14.0b3', '3.14.0b3'],
    ['Python 3.14.0 rc 1', '3.14.0rc1'],
    ['Python 3.9.0 beta 4', '3.9.0b4'],
    ['Python 3.9.0 alpha 2', '3.9.0a2'],
    ['Python 2.6c1', '2.6rc1'],
    ['Python 3.10.12', '3.10.12'],
    ['Python install manager 25.0', '25.0'],
    ['Python 1.6.1', '1.6.1'],
  ])('%s -> %s', (name, expected) => {
    expect(versionNumber(name)).toBe(expected)
  })

  it('is null when the name carries no version', () => {
    expect(versionNumber('Python Launcher')).toBeNull()
    expect(versionSortKey('Python Launcher')).toBeNull()
    expect(versionSeries('Python Launcher')).toBeNull()
    expect(parseVersion('no digits here')).toBeNull()
  })
})

describe('parseVersion and versionSeries', () => {
  it('splits the parts, a missing micro being 0 and a missing stage final', () => {
    expect(parseVersion('Python 3.14.0rc2')).toEqual({ major: 3, micro: 0, minor: 14, serial: 2, stage: 'rc' })
    expect(parseVersion('Python 2.7')).toEqual({ major: 2, micro: 0, minor: 7, serial: 0, stage: 'final' })
    expect(parseVersion('Python 3.12.0b1')).toMatchObject({ serial: 1, stage: 'b' })
    expect(parseVersion('Python 3.12.0a7')).toMatchObject({ serial: 7, stage: 'a' })
  })

  it('names the minor series', () => {
    expect(versionSeries('Python 3.14.0rc2')).toBe('3.14')
    expect(versionSeries('Python 3.13.1')).toBe('3.13')
    expect(versionSeries('Python 2.7')).toBe('2.7')
    expect(versionSeries('Python 3.9.18')).toBe('3.9')
  })
})

describe('versionSortKey', () => {
  const ascending = [
    'Python 2.7',
    'Python 2.7.18',
    'Python 3.9.0',
    'Python 3.9.10',
    'Python 3.10.0a1',
    'Python 3.10.0',
    'Python 3.10.2',
    'Python 3.14.0a1',
    'Python 3.14.0a2',
    'Python 3.14.0b1',
    'Python 3.14.0rc1',
    'Python 3.14.0rc2',
    'Python 3.14.0',
    'Python 3.14.1',
    'Python 10.0.0',
  ]

  it('orders as a plain string in version order (3.10 after 3.9, pre-releases before the final)', () => {
    const keys = ascending.map((name) => versionSortKey(name)!)
    const shuffled = [...keys].reverse().sort()
    expect(shuffled).toEqual(keys)
    // and every key differs from the next (no ties in this list except 2.7 == 2.7.0)
    for (let index = 1; index < keys.length; index += 1) expect(keys[index]! > keys[index - 1]!).toBe(true)
  })

  it('puts a1 < b1 < rc1 < final for one release', () => {
    const [a, b, rc, final] = ['3.14.0a1', '3.14.0b1', '3.14.0rc1', '3.14.0'].map((v) => versionSortKey(`Python ${v}`)!)
    expect(a! < b!).toBe(true)
    expect(b! < rc!).toBe(true)
    expect(rc! < final!).toBe(true)
  })

  it('does not use string order of the number itself (3.10 > 3.9, 3.9.10 > 3.9.9)', () => {
    expect(versionSortKey('Python 3.10.0')! > versionSortKey('Python 3.9.0')!).toBe(true)
    expect(versionSortKey('Python 3.9.10')! > versionSortKey('Python 3.9.9')!).toBe(true)
    expect(versionSortKey('Python 3.14.0rc10')! > versionSortKey('Python 3.14.0rc9')!).toBe(true)
  })

  it('treats "2.7" and "2.7.0" as the same version', () => {
    expect(versionSortKey('Python 2.7')).toBe(versionSortKey('Python 2.7.0'))
  })
})

describe('version, pre-release and status a name tells', () => {
  it.each([
    ['Python 2.7.18', 'PYTHON2', false, 'BUGFIX'],
    ['Python 1.6.1', 'PYTHON1', false, 'BUGFIX'],
    ['Python 3.14.0rc2', 'PYTHON3', true, 'PRERELEASE'],
    ['Python 3.9.0 beta 4', 'PYTHON3', true, 'PRERELEASE'],
    ['Python 2.6c1', 'PYTHON2', true, 'PRERELEASE'],
    ['Python install manager 25.0', 'PYMANAGER', false, 'BUGFIX'],
    ['pymanager 25.1', 'PYMANAGER', false, 'BUGFIX'],
    ['Python 4.0.0', null, false, 'BUGFIX'],
    ['Python Launcher', null, false, 'BUGFIX'],
  ])('%s -> %s, pre-release %s, %s', (name, version, prerelease, status) => {
    expect(pythonVersionOf(name)).toBe(version)
    expect(isPrereleaseName(name)).toBe(prerelease)
    expect(releaseStatusOf(name)).toBe(status)
  })
})

describe('releaseSlugPrefix: the release tooling slug_for', () => {
  it.each(['3.14.1', '3.14.0rc2', '3.15.0a1', '3.9.25', '2.7.18'])('%s as the tooling writes it', (number) => {
    expect(releaseSlugPrefix(number)).toBe(slugFor(number))
  })
  it('also for numbers the tooling never sees', () => {
    expect(releaseSlugPrefix('2.7')).toBe('27')
    expect(releaseSlugPrefix('25.0')).toBe('250')
  })
})
