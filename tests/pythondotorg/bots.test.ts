/**
 * The bots and scripts that read python.org's release list, with their own
 * requests and their own parsing:
 * - Renovate's `python-version` datasource (renovatebot/renovate,
 *   lib/modules/datasource/python-version: `GET /api/v2/downloads/release/`,
 *   every element checked against its zod schema, which refuses the WHOLE
 *   list if one release has a null `release_date` or `release_notes_url`);
 * - woodruffw/cpython-release-tracker's fetcher (the v2 release list, then
 *   per OS id `GET /api/v1/downloads/release_file/?os=N&format=json&release__slug=<slug>`);
 * - the common one-liners: `?is_published=true` (or `=1`),
 *   `?pre_release=false`, `?version=3&pre_release=false`, `?format=json`,
 *   and `&limit=1`, which the unpaginated v2 list ignores.
 * (mise and asdf install Python through pyenv's python-build definitions and
 * do not read this API.)
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { createFile, createRelease, type KeyUser, setUpWorld } from './fixtures'

let t: TestContext
let staff: KeyUser

beforeAll(async () => {
  t = await startTestPayload()
  const world = await setUpWorld(t)
  staff = world.staff
  const source = (await world.os('source')).id
  const windows = (await world.os('windows')).id
  const macos = (await world.os('macos')).id
  const stable = await createRelease(t, staff, {
    isLatest: true,
    name: 'Python 3.12.2',
    releaseDate: '2024-02-06T21:40:35.000Z',
    releaseNotesUrl: 'https://docs.python.org/release/3.12.2/whatsnew/changelog.html#python-3-12-2',
  })
  // no release date, no release notes: python.org never showed null for either
  await createRelease(t, staff, { name: 'Python 3.12.0a1', preRelease: true })
  await createRelease(t, staff, { name: 'Python 3.7.8', releaseDate: '2020-06-27T12:55:01.000Z' })
  await createRelease(t, staff, { isPublished: false, name: 'Python 3.13.0a1', preRelease: true })
  await createRelease(t, staff, {
    name: 'Python install manager 25.0',
    releaseDate: '2025-10-08T00:00:00.000Z',
    version: 'PYMANAGER',
  })
  const ftp = 'https://www.python.org/ftp/python/3.12.2'
  await createFile(t, {
    description: 'Recommended',
    md5Sum: 'e7c178b97bf8f7ccd677b94d614f7b3c',
    name: 'Windows installer (64-bit)',
    os: windows,
    release: stable.id,
    sigstoreBundleFile: `${ftp}/python-3.12.2-amd64.exe.sigstore`,
    url: `${ftp}/python-3.12.2-amd64.exe`,
  })
  await createFile(t, {
    name: 'XZ compressed source tarball',
    os: source,
    release: stable.id,
    sha256Sum: 'b'.repeat(64),
    url: `${ftp}/Python-3.12.2.tar.xz`,
  })
  await createFile(t, {
    name: 'macOS 64-bit universal2 installer',
    os: macos,
    release: stable.id,
    url: `${ftp}/python-3.12.2-macos11.pkg`,
  })
})
afterAll(async () => {
  await t?.close()
})

const ORIGIN = 'http://localhost:3000'

const fetchJson = async (url: string, headers: Record<string, string>) => {
  const response = await t.api('GET', url.slice(`${ORIGIN}/api/`.length), { auth: undefined, headers })
  expect(response.status).toBe(200)
  return response.json()
}

describe("Renovate's python-version datasource", () => {
  const headers = {
    Accept: 'application/json',
    'User-Agent': 'RenovateBot/39.0.0 (https://github.com/renovatebot/renovate)',
  }

  /** Its schema, field by field (z.string(), z.number(), z.boolean(), nullable release_page, a timestamp). */
  const schemaProblems = (release: Record<string, unknown>): string[] => {
    const problems: string[] = []
    const check = (field: string, ok: boolean) => (ok ? undefined : problems.push(field))
    for (const field of ['name', 'slug', 'release_notes_url', 'resource_uri'])
      check(field, typeof release[field] === 'string')
    check('version', typeof release.version === 'number')
    for (const field of ['is_latest', 'is_published', 'pre_release', 'show_on_download_page']) {
      check(field, typeof release[field] === 'boolean')
    }
    check('release_page', release.release_page === null || typeof release.release_page === 'string')
    check(
      'release_date',
      typeof release.release_date === 'string' && !Number.isNaN(Date.parse(release.release_date as string)),
    )
    return problems
  }

  it('parses every release of the list, and keeps the stable ones with their timestamps', async () => {
    const releases = (await fetchJson(`${ORIGIN}/api/v2/downloads/release/`, headers)) as Record<string, unknown>[]
    expect(Array.isArray(releases)).toBe(true)
    expect(releases.flatMap(schemaProblems)).toEqual([])
    // its transform: the version from the name, stable when pre_release is false
    const stable = releases
      .filter((release) => release.pre_release === false)
      .map((release) => ({
        releaseTimestamp: new Date(release.release_date as string).toISOString(),
        version: String(release.name).replace('Python', '').trim(),
      }))
    expect(stable).toEqual([
      { releaseTimestamp: '2024-02-06T21:40:35.000Z', version: '3.12.2' },
      { releaseTimestamp: '2020-06-27T12:55:01.000Z', version: '3.7.8' },
      { releaseTimestamp: '2025-10-08T00:00:00.000Z', version: 'install manager 25.0' },
    ])
    // unpublished releases are not in it
    expect(releases.map((release) => release.name)).not.toContain('Python 3.13.0a1')
    expect(releases.find((release) => release.name === 'Python 3.12.0a1')).toMatchObject({
      release_notes_url: '',
      release_page: null,
    })
  })
})

describe("cpython-release-tracker's fetcher", () => {
  const headers = { 'Accept-Encoding': 'identity', 'User-Agent': 'python-urllib3/2.3.0' }

  it("finds each release's files per OS through v1, by the release's slug", async () => {
    const releases = (await fetchJson(`${ORIGIN}/api/v2/downloads/release/`, headers)) as {
      name: string
      slug: string
    }[]
    const named = releases.filter((release) => !release.name.includes('install manager'))
    expect(named.map((release) => release.name.split(' ')[1])).toEqual(['3.12.0a1', '3.12.2', '3.7.8'])
    const slug = named.find((release) => release.name === 'Python 3.12.2')!.slug
    const artifacts: Record<string, unknown>[] = []
    for (const os of [1, 2, 3, 4, 5]) {
      const data = await fetchJson(
        `${ORIGIN}/api/v1/downloads/release_file/?os=${os}&format=json&release__slug=${slug}`,
        headers,
      )
      for (const obj of data.objects) {
        artifacts.push({
          description: obj.description || null,
          filesize: obj.filesize,
          md5: obj.md5_sum || null,
          sha256: obj.sha256_sum || null,
          sigstore:
            obj.sigstore_bundle_file && obj.sigstore_bundle_file.endsWith('.sigstore')
              ? obj.sigstore_bundle_file
              : null,
          url: obj.url,
        })
      }
    }
    expect(artifacts).toEqual([
      {
        description: 'Recommended',
        filesize: 0,
        md5: 'e7c178b97bf8f7ccd677b94d614f7b3c',
        sha256: null,
        sigstore: 'https://www.python.org/ftp/python/3.12.2/python-3.12.2-amd64.exe.sigstore',
        url: 'https://www.python.org/ftp/python/3.12.2/python-3.12.2-amd64.exe',
      },
      expect.objectContaining({
        description: null,
        md5: null,
        url: 'https://www.python.org/ftp/python/3.12.2/python-3.12.2-macos11.pkg',
      }),
      expect.objectContaining({
        sha256: 'b'.repeat(64),
        url: 'https://www.python.org/ftp/python/3.12.2/Python-3.12.2.tar.xz',
      }),
    ])
    // the other relation lookups Tastypie allowed on release files
    const byName = await fetchJson(
      `${ORIGIN}/api/v1/downloads/release_file/?release__name=Python+3.12.2&os__slug=source`,
      headers,
    )
    expect(byName.objects.map((obj: { url: string }) => obj.url)).toEqual([
      'https://www.python.org/ftp/python/3.12.2/Python-3.12.2.tar.xz',
    ])
  })
})

describe('one-liners reading the v2 release list', () => {
  const names = async (query: string) =>
    (
      (await fetchJson(`${ORIGIN}/api/v2/downloads/release/${query}`, {
        Accept: '*/*',
        'User-Agent': 'curl/8.5.0',
      })) as { name: string }[]
    ).map((release) => release.name)

  it.each([
    ['?is_published=true', ['Python 3.12.0a1', 'Python 3.12.2', 'Python 3.7.8', 'Python install manager 25.0']],
    ['?is_published=1', ['Python 3.12.0a1', 'Python 3.12.2', 'Python 3.7.8', 'Python install manager 25.0']],
    ['?is_published=true&limit=1', ['Python 3.12.0a1', 'Python 3.12.2', 'Python 3.7.8', 'Python install manager 25.0']],
    ['?pre_release=false', ['Python 3.12.2', 'Python 3.7.8', 'Python install manager 25.0']],
    ['?version=3&pre_release=false', ['Python 3.12.2', 'Python 3.7.8']],
    [
      '?is_published=true&format=json',
      ['Python 3.12.0a1', 'Python 3.12.2', 'Python 3.7.8', 'Python install manager 25.0'],
    ],
  ])('%s', async (query, expected) => {
    expect(await names(query)).toEqual(expected)
  })
})
