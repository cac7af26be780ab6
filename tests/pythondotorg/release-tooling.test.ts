/**
 * CPython's release tooling, unmodified in behaviour (its port in
 * ./releaseTools.ts), against the route handlers: for a 3.14 final, a 3.15
 * alpha and a 3.9 security release, each run twice as release managers do.
 * Its request bodies carry the tool's own slugs ("3141-Windows-installer-64-bit")
 * and whatever files the release directory holds; what python.org stored for
 * them, this project stores, and an editor can still save those files in the
 * admin panel afterwards.
 */
import { adminSave } from '../helpers/assertions'
import type { TestContext } from '../helpers/harness'
import { startTestPayload } from '../helpers/harness'
import { asUser, createFile, createRelease, json, type KeyUser, setUpWorld } from './fixtures'
import {
  addToPydotorg,
  baseVersion,
  buildFileDict,
  DOWNLOAD_ROOT,
  type FtpRoot,
  listFiles,
  makeSlug,
  pythonInt,
  pythonJsonDumps,
  type RunResult,
  SIGSTORE_IDENTITIES,
  SIGSTORE_IDENTITY_39,
  slugFor,
  type Transport,
} from './releaseTools'

let t: TestContext
let staff: KeyUser
let authInfo: string

const ORIGIN = 'http://localhost:3000'
const BASE_URL = `${ORIGIN}/api/v1/`

/** requests' URL to the route handlers, headers and body exactly as sent. */
const transport: Transport = (method, url, { body, headers }) => {
  if (!url.startsWith(`${ORIGIN}/api/`)) throw new Error(`not this server: ${url}`)
  return t.api(method, url.slice(`${ORIGIN}/api/`.length), { auth: undefined, headers, rawBody: body })
}

beforeAll(async () => {
  t = await startTestPayload()
  ;({ staff } = await setUpWorld(t))
  authInfo = `${staff.username}:${staff.key}`
})
afterAll(async () => {
  await t?.close()
})

// ------------------------------------------------------------ release directories

/** Some bytes per file: the tool hashes and measures what is on disk. */
const bytes = (name: string) => Buffer.from(`${name}\n`.repeat(3 + (name.length % 11)))

const SIGNED = ['.crt', '.sig', '.sigstore']
const SIGNED_WITH_SBOM = [...SIGNED, '.spdx.json']

/** One release directory: files with the sidecars listed, and folders (names ending in "/"). */
const releaseDirectory = (entries: [string, string[]?][]): Map<string, Buffer | 'dir'> => {
  const dir = new Map<string, Buffer | 'dir'>()
  for (const [name, sidecars = []] of entries) {
    if (name.endsWith('/')) {
      dir.set(name.slice(0, -1), 'dir')
      continue
    }
    dir.set(name, bytes(name))
    for (const suffix of sidecars) dir.set(`${name}${suffix}`, bytes(`${name}${suffix}`))
  }
  return dir
}

/**
 * A 3.14-era binary release as the FTP directory holds it (no PGP signatures
 * since 3.14): sources, Windows installers, embeddable zips and manifest,
 * the macOS installer, Android and iOS packages, plus what the tool skips:
 * plain and test zips, free-threaded builds ("3.14.1t"), folders, and files
 * of an earlier pre-release in the same directory.
 */
const binaryRelease = (release: string, earlier: string[] = []): [string, string[]?][] => [
  [`Python-${release}.tar.xz`, SIGNED_WITH_SBOM],
  [`Python-${release}.tgz`, SIGNED_WITH_SBOM],
  [`Python-${release}-iOS-XCframework.tar.gz`],
  [`python-${release}-aarch64-linux-android.tar.gz`],
  [`python-${release}-x86_64-linux-android.tar.gz`],
  [`python-${release}-amd64.exe`, SIGNED_WITH_SBOM],
  [`python-${release}-amd64.zip`],
  [`python-${release}-arm64.exe`, SIGNED_WITH_SBOM],
  [`python-${release}-arm64.zip`],
  [`python-${release}-embed-amd64.zip`, SIGNED_WITH_SBOM],
  [`python-${release}-embed-arm64.zip`, SIGNED_WITH_SBOM],
  [`python-${release}-embed-win32.zip`, SIGNED_WITH_SBOM],
  [`python-${release}-embeddable-amd64.zip`],
  [`python-${release}-macos11.pkg`, SIGNED],
  [`python-${release}-test-amd64.zip`],
  [`python-${release}-win32.zip`],
  [`python-${release}.exe`, SIGNED_WITH_SBOM],
  [`python-${release}t-amd64.zip`],
  [`python-${release}t-arm64.zip`],
  [`windows-${release}.json`],
  ['amd64/'],
  ['arm64/'],
  ['win32/'],
  ...earlier.flatMap((old): [string, string[]?][] => [
    [`Python-${old}.tar.xz`, SIGNED_WITH_SBOM],
    [`python-${old}-amd64.exe`, SIGNED_WITH_SBOM],
    [`windows-${old}.json`, SIGNED],
  ]),
]

/** A security release: source tarballs only, with PGP and Sigstore signatures. */
const sourceOnlyRelease = (release: string): [string, string[]?][] => [
  [`Python-${release}.tgz`, ['.asc', ...SIGNED]],
  [`Python-${release}.tar.xz`, ['.asc', ...SIGNED]],
]

const ftp: FtpRoot = new Map([
  ['3.14.1', releaseDirectory(binaryRelease('3.14.1'))],
  ['3.15.0', releaseDirectory(binaryRelease('3.15.0a2', ['3.15.0a1']))],
  ['3.9.25', releaseDirectory(sourceOnlyRelease('3.9.25'))],
])

// ------------------------------------------------------------ reading back

type Stored = Record<string, unknown>

/** A release's files as the system holds them, keyed by slug, without ids. */
const storedFiles = async (releaseId: string): Promise<Record<string, Stored>> => {
  // overrideAccess: the test reads back what was stored
  const { docs } = await t.payload.find({
    collection: 'release-files',
    depth: 1,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    // a related OS is a summary (name, slug) by default: ask for python.org's id
    populate: { 'download-os': { legacyId: true } },
    where: { release: { equals: releaseId } },
  })
  return Object.fromEntries(
    docs.map((doc) => [
      doc.slug,
      {
        description: doc.description ?? '',
        downloadButton: doc.downloadButton,
        filesize: doc.filesize,
        gpgSignatureFile: doc.gpgSignatureFile ?? null,
        isSource: doc.isSource,
        name: doc.name,
        os: (doc.os as { legacyId: number }).legacyId,
        sbomSpdx2File: doc.sbomSpdx2File ?? null,
        sha256Sum: doc.sha256Sum,
        sigstoreBundleFile: doc.sigstoreBundleFile ?? null,
        sigstoreCertFile: doc.sigstoreCertFile ?? null,
        sigstoreSignatureFile: doc.sigstoreSignatureFile ?? null,
        url: doc.url,
      },
    ]),
  )
}

/** What the tool sent, in the same shape: every POST body, keyed by slug. */
const sentFiles = (run: RunResult): Record<string, Stored> =>
  Object.fromEntries(
    run.requests
      .filter((request) => request.method === 'POST')
      .map((request) => {
        const body = JSON.parse(request.body!)
        return [
          body.slug,
          {
            description: body.description,
            downloadButton: body.download_button,
            filesize: body.filesize,
            gpgSignatureFile: body.gpg_signature_file ?? null,
            isSource: body.is_source,
            name: body.name,
            os: pythonInt(body.os.split('/').at(-2)),
            sbomSpdx2File: body.sbom_spdx2_file ?? null,
            sha256Sum: body.sha256_sum,
            sigstoreBundleFile: body.sigstore_bundle_file ?? null,
            sigstoreCertFile: body.sigstore_cert_file ?? null,
            sigstoreSignatureFile: body.sigstore_signature_file ?? null,
            url: body.url,
          },
        ]
      }),
  )

const run = (release: string, identities = SIGSTORE_IDENTITIES) =>
  addToPydotorg({ authInfo, baseUrl: BASE_URL, ftp, identities, release, transport })

const apiGet = async (path: string) => {
  const response = await t.api('GET', path, { auth: undefined, headers: { Authorization: staff.v1 } })
  expect(response.status).toBe(200)
  return json(response)
}

// ------------------------------------------------------------ the port itself

describe('the port of add_to_pydotorg.py', () => {
  it("agrees with the tool's own unit tests", () => {
    // python/release-tools tests/test_add_to_pydotorg.py, at the same commit
    expect(['3.9.0a0', '3.10.0b3', '3.11.0rc2', '3.12.15'].map(slugFor)).toEqual([
      '390-a0',
      '3100-b3',
      '3110-rc2',
      '31215',
    ])
    expect(['3.9.0a0', '3.10.0b3', '3.11.0rc2', '3.12.15', 'Hello, world!'].map(makeSlug)).toEqual([
      '390a0',
      '3100b3',
      '3110rc2',
      '31215',
      'Hello-world',
    ])
    expect(['3.9.0a0', '3.12.15'].map(baseVersion)).toEqual(['3.9.0', '3.12.15'])
    const root: FtpRoot = new Map([
      [
        '3.14.0',
        new Map<string, Buffer | 'dir'>([
          ['test-artifact.txt', Buffer.from('Hello world')],
          ['test-artifact.txt.sigstore', Buffer.from('')],
        ]),
      ],
    ])
    const dict = buildFileDict(
      root,
      '3.14.0rc2',
      'test-artifact.txt',
      12,
      'Test artifact',
      34,
      true,
      'Test description',
    )
    expect(dict).toEqual({
      name: 'Test artifact',
      slug: '3140-rc2-Test-artifact',
      os: '/api/v1/downloads/os/34/',
      release: '/api/v1/downloads/release/12/',
      description: 'Test description',
      is_source: false,
      url: 'https://www.python.org/ftp/python/3.14.0/test-artifact.txt',
      sha256_sum: '64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c',
      filesize: 11,
      download_button: true,
      sigstore_bundle_file: 'https://www.python.org/ftp/python/3.14.0/test-artifact.txt.sigstore',
    })
    // key order and separators as json.dumps writes them
    expect(pythonJsonDumps(dict)).toMatch(/^\{"name": "Test artifact", "slug": "3140-rc2-Test-artifact", "os": /)
    expect(pythonJsonDumps({ description: 'Café' })).toBe('{"description": "Caf\\u00e9"}')
    expect(pythonInt(' 42 ')).toBe(42)
    expect(() => pythonInt('4.2')).toThrow(/ValueError/)
  })

  it('lists what the tool uploads and skips the rest', () => {
    const log: string[] = []
    const listed = listFiles(ftp, '3.15.0a2', log)
    expect(listed.map(([rfile, name, os, button, description]) => [rfile, name, os, button, description])).toEqual([
      ['Python-3.15.0a2-iOS-XCframework.tar.gz', 'iOS XCframework', 'ios', false, ''],
      ['Python-3.15.0a2.tar.xz', 'XZ compressed source tarball', 'source', true, ''],
      ['Python-3.15.0a2.tgz', 'Gzipped source tarball', 'source', false, ''],
      ['python-3.15.0a2-aarch64-linux-android.tar.gz', 'Android embeddable package (aarch64)', 'android', false, ''],
      ['python-3.15.0a2-amd64.exe', 'Windows installer (64-bit)', 'windows', true, 'Recommended'],
      ['python-3.15.0a2-arm64.exe', 'Windows installer (ARM64)', 'windows', false, 'Experimental'],
      ['python-3.15.0a2-embed-amd64.zip', 'Windows embeddable package (64-bit)', 'windows', false, ''],
      ['python-3.15.0a2-embed-arm64.zip', 'Windows embeddable package (ARM64)', 'windows', false, ''],
      ['python-3.15.0a2-embed-win32.zip', 'Windows embeddable package (32-bit)', 'windows', false, ''],
      ['python-3.15.0a2-macos11.pkg', 'macOS installer', 'macos', true, 'for macOS 10.15 and later'],
      ['python-3.15.0a2-x86_64-linux-android.tar.gz', 'Android embeddable package (x86_64)', 'android', false, ''],
      ['python-3.15.0a2.exe', 'Windows installer (32-bit)', 'windows', false, ''],
      ['windows-3.15.0a2.json', 'Windows release manifest', 'windows', false, "Install with 'py install 3.15'"],
    ])
    expect(log).toEqual(
      expect.arrayContaining([
        '    File 3.15.0/Python-3.15.0a1.tar.xz has a different version',
        '    File 3.15.0/python-3.15.0a2t-amd64.zip has a different version',
        '    File 3.15.0/python-3.15.0a2-amd64.zip not recognized',
        '    File 3.15.0/python-3.15.0a2-embeddable-amd64.zip not recognized',
        '    File 3.15.0/python-3.15.0a2-test-amd64.zip not recognized',
      ]),
    )
  })
})

// ------------------------------------------------------------ the flow, three release shapes

describe('a 3.14 final (3.14.1), run twice', () => {
  let releaseId: string
  let legacyId: number
  let first: RunResult

  beforeAll(async () => {
    // a release manager created the release in the admin panel, named exactly "Python 3.14.1"
    const release = await createRelease(t, staff, { name: 'Python 3.14.1', releaseDate: '2025-12-02T00:00:00.000Z' })
    releaseId = release.id
    legacyId = release.legacyId!
    // a file left over from an earlier, interrupted run
    const source = (
      await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'source' } } })
    ).docs[0]!
    await createFile(t, {
      name: 'stale',
      os: source.id,
      release: releaseId,
      url: `${DOWNLOAD_ROOT}3.14.1/Python-3.14.1.tgz`,
    })
    first = await run('3.14.1')
  })

  it('sends exactly the requests the tool sends, with its headers on every one', () => {
    const urls = first.requests.map(({ method, url }) => `${method} ${url.slice(ORIGIN.length)}`)
    expect(urls.slice(0, 7)).toEqual([
      'GET /api/v1/downloads/release/?name=Python+3.14.1',
      'GET /api/v1/downloads/os/?slug=ios',
      'GET /api/v1/downloads/os/?slug=source',
      'GET /api/v1/downloads/os/?slug=android',
      'GET /api/v1/downloads/os/?slug=windows',
      'GET /api/v1/downloads/os/?slug=macos',
      `DELETE /api/v1/downloads/release_file/?release=${legacyId}`,
    ])
    expect(urls.slice(7)).toEqual(Array(13).fill('POST /api/v1/downloads/release_file/'))
    for (const request of first.requests) {
      expect(request.headers).toMatchObject({
        Accept: '*/*',
        Authorization: `ApiKey ${staff.username}:${staff.key}`,
        'Content-Type': 'application/json',
        'User-Agent': 'python-requests/2.33.0',
      })
    }
    // the body as json.dumps wrote it
    expect(first.requests[7]!.body).toMatch(
      /^\{"name": "iOS XCframework", "slug": "3141-iOS-XCframework", "os": "\/api\/v1\/downloads\/os\/5\/", /,
    )
    expect(first.created).toHaveLength(13)
  })

  it("stores every file the tool sent, under the tool's own mixed-case slugs", async () => {
    const stored = await storedFiles(releaseId)
    expect(Object.keys(stored).sort()).toEqual(
      [
        '3141-Android-embeddable-package-aarch64',
        '3141-Android-embeddable-package-x86_64',
        '3141-Gzipped-source-tarball',
        '3141-Windows-embeddable-package-32-bit',
        '3141-Windows-embeddable-package-64-bit',
        '3141-Windows-embeddable-package-ARM64',
        '3141-Windows-installer-32-bit',
        '3141-Windows-installer-64-bit',
        '3141-Windows-installer-ARM64',
        '3141-Windows-release-manifest',
        '3141-XZ-compressed-source-tarball',
        '3141-iOS-XCframework',
        '3141-macOS-installer',
      ].sort(),
    )
    // the stale file went; every stored file is what the tool sent, field by field
    expect(stored).toEqual(sentFiles(first))
    const url = `${DOWNLOAD_ROOT}3.14.1/python-3.14.1-amd64.exe`
    expect(stored['3141-Windows-installer-64-bit']).toEqual({
      description: 'Recommended',
      downloadButton: true,
      filesize: bytes('python-3.14.1-amd64.exe').length,
      gpgSignatureFile: null,
      isSource: false,
      name: 'Windows installer (64-bit)',
      os: 1,
      sbomSpdx2File: `${url}.spdx.json`,
      sha256Sum: expect.stringMatching(/^[0-9a-f]{64}$/),
      sigstoreBundleFile: `${url}.sigstore`,
      sigstoreCertFile: `${url}.crt`,
      sigstoreSignatureFile: `${url}.sig`,
      url,
    })
    // files the tool signed itself carry the signing's three sidecars
    expect(stored['3141-Windows-release-manifest']).toMatchObject({
      description: "Install with 'py install 3.14'",
      sigstoreBundleFile: `${DOWNLOAD_ROOT}3.14.1/windows-3.14.1.json.sigstore`,
    })
    expect(stored['3141-XZ-compressed-source-tarball']).toMatchObject({ downloadButton: true, isSource: true, os: 3 })
    expect(stored['3141-macOS-installer']).toMatchObject({
      description: 'for macOS 10.15 and later',
      downloadButton: true,
      os: 2,
    })
    // one download button per OS
    const buttons = Object.values(stored)
      .filter((file) => file.downloadButton)
      .map((file) => file.os)
    expect(buttons.sort()).toEqual([1, 2, 3])
  })

  it('writes as the key owner, and reads back through the API with integer ids', async () => {
    const listed = await apiGet(`v1/downloads/release_file/?release=${legacyId}&limit=0`)
    expect(listed.meta.total_count).toBe(13)
    const ids = listed.objects.map((object: { resource_uri: string }) =>
      pythonInt(object.resource_uri.split('/').at(-2)!),
    )
    expect(ids.sort((a: number, b: number) => a - b)).toEqual([...first.created].sort((a, b) => a - b))
    const { docs } = await t.payload.find({
      collection: 'release-files',
      depth: 0,
      overrideAccess: false,
      user: await asUser(t, staff),
      where: { release: { equals: releaseId } },
    })
    expect(new Set(docs.map((doc) => doc.creator))).toEqual(new Set([staff.id]))
  })

  it('leaves the same files after a second run, under new ids', async () => {
    const before = await storedFiles(releaseId)
    const second = await run('3.14.1')
    expect(second.requests.filter((request) => request.method === 'POST')).toHaveLength(13)
    expect(await storedFiles(releaseId)).toEqual(before)
    expect(second.created.some((id) => first.created.includes(id))).toBe(false)
    for (const id of first.created.slice(0, 3)) {
      const response = await t.api('GET', `v1/downloads/release_file/${id}/`, {
        auth: undefined,
        headers: { Authorization: staff.v1 },
      })
      expect(response.status).toBe(404)
    }
  })

  it('leaves files an editor can save in the admin panel (their python.org slugs untouched)', async () => {
    const { docs } = await t.payload.find({
      collection: 'release-files',
      overrideAccess: true,
      where: { slug: { equals: '3141-Android-embeddable-package-x86_64' } },
    })
    const file = docs[0]!
    const saved = await adminSave(t, staff, 'release-files', file.id, { description: 'For x86_64 emulators' })
    expect(saved.status).toBe(200)
    expect((await json(saved)).doc).toMatchObject({
      description: 'For x86_64 emulators',
      slug: '3141-Android-embeddable-package-x86_64',
    })
    const release = await adminSave(t, staff, 'releases', releaseId, { isPublished: true })
    expect(release.status).toBe(200)
  })
})

describe('a 3.15 alpha (3.15.0a2), unpublished while its files go up, run twice', () => {
  let releaseId: string
  let legacyId: number

  beforeAll(async () => {
    const release = await createRelease(t, staff, { isPublished: false, name: 'Python 3.15.0a2', preRelease: true })
    releaseId = release.id
    legacyId = release.legacyId!
  })

  it('on a refused upload deletes what that run created, newest first, and reports the error_message', async () => {
    // an editor attached the a2 macOS installer's URL to the a1 release by mistake
    const a1 = await createRelease(t, staff, { name: 'Python 3.15.0a1', preRelease: true })
    const macos = (
      await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'macos' } } })
    ).docs[0]!
    const stray = await createFile(t, {
      name: 'macOS installer',
      os: macos.id,
      release: a1.id,
      url: `${DOWNLOAD_ROOT}3.15.0/python-3.15.0a2-macos11.pkg`,
    })

    let failure: Error | undefined
    const requests: string[] = []
    const recording: Transport = async (method, url, init) => {
      requests.push(`${method} ${url.slice(ORIGIN.length)}`)
      return transport(method, url, init)
    }
    await addToPydotorg({ authInfo, baseUrl: BASE_URL, ftp, release: '3.15.0a2', transport: recording }).catch(
      (error: Error) => {
        failure = error
      },
    )
    expect(failure?.message).toMatch(/^Creating release_file failed: 400\nurl: must be unique/)
    // nine files went up before the installer; they were deleted again, newest first
    const posts = requests.filter((request) => request.startsWith('POST'))
    expect(posts).toHaveLength(10)
    const deletes = requests.filter((request) => /^DELETE \/api\/v1\/downloads\/release_file\/\d+\/$/.test(request))
    expect(deletes).toHaveLength(9)
    const deletedIds = deletes.map((request) => Number(request.split('/').at(-2)))
    expect(deletedIds).toEqual([...deletedIds].sort((a, b) => b - a))
    expect(Object.keys(await storedFiles(releaseId))).toEqual([])

    // the editor removes the stray file (the next runs put everything up)
    await t.payload.delete({ collection: 'release-files', id: stray.id, overrideAccess: true })
  })

  it('uploads the alpha with "3150-a2-" slugs and URLs under 3.15.0/', async () => {
    const first = await run('3.15.0a2')
    expect(first.requests[0]!.url).toBe(`${BASE_URL}downloads/release/?name=Python+3.15.0a2`)
    const stored = await storedFiles(releaseId)
    expect(Object.keys(stored)).toHaveLength(13)
    expect(Object.keys(stored).every((slug) => slug.startsWith('3150-a2-'))).toBe(true)
    expect(stored).toEqual(sentFiles(first))
    expect(stored['3150-a2-Windows-installer-ARM64']).toMatchObject({
      description: 'Experimental',
      url: `${DOWNLOAD_ROOT}3.15.0/python-3.15.0a2-arm64.exe`,
    })
    // the a1 files and the free-threaded builds in the same directory were skipped
    expect(
      Object.values(stored).some((file) => String(file.url).includes('a1') || String(file.url).includes('a2t')),
    ).toBe(false)

    const second = await run('3.15.0a2')
    expect(await storedFiles(releaseId)).toEqual(stored)
    expect(second.created).toHaveLength(13)
    expect((await apiGet(`v1/downloads/release_file/?release=${legacyId}`)).meta.total_count).toBe(13)
  })
})

describe('a 3.9 security release (3.9.25): source files only, run twice', () => {
  let releaseId: string

  beforeAll(async () => {
    releaseId = (await createRelease(t, staff, { name: 'Python 3.9.25', releaseDate: '2025-10-31T00:00:00.000Z' })).id
  })

  it('stops before writing anything with the identity table of today (3.9 has no release manager entry)', async () => {
    const requests: string[] = []
    const recording: Transport = async (method, url, init) => {
      requests.push(`${method} ${url.slice(ORIGIN.length)}`)
      return transport(method, url, init)
    }
    await expect(
      addToPydotorg({ authInfo, baseUrl: BASE_URL, ftp, release: '3.9.25', transport: recording }),
    ).rejects.toThrow('No release manager defined for Python release 3.9.25')
    expect(requests).toEqual(['GET /api/v1/downloads/release/?name=Python+3.9.25'])
  })

  it('uploads both tarballs with their PGP and Sigstore sidecars, the same files on a second run', async () => {
    const identities = { ...SIGSTORE_IDENTITIES, ...SIGSTORE_IDENTITY_39 }
    // --base-url given without its trailing slash: the tool adds it
    const first = await addToPydotorg({
      authInfo,
      baseUrl: BASE_URL.replace(/\/$/, ''),
      ftp,
      identities,
      release: '3.9.25',
      transport,
    })
    expect(first.requests.at(-1)!.url).toBe(`${BASE_URL}downloads/release_file/`)
    const stored = await storedFiles(releaseId)
    expect(stored).toEqual(sentFiles(first))
    const url = `${DOWNLOAD_ROOT}3.9.25/Python-3.9.25.tar.xz`
    expect(stored).toEqual({
      '3925-Gzipped-source-tarball': expect.objectContaining({ downloadButton: false, isSource: true, os: 3 }),
      '3925-XZ-compressed-source-tarball': {
        description: '',
        downloadButton: true,
        filesize: bytes('Python-3.9.25.tar.xz').length,
        gpgSignatureFile: `${url}.asc`,
        isSource: true,
        name: 'XZ compressed source tarball',
        os: 3,
        sbomSpdx2File: null,
        sha256Sum: expect.stringMatching(/^[0-9a-f]{64}$/),
        sigstoreBundleFile: `${url}.sigstore`,
        sigstoreCertFile: `${url}.crt`,
        sigstoreSignatureFile: `${url}.sig`,
        url,
      },
    })
    await run('3.9.25', identities)
    expect(await storedFiles(releaseId)).toEqual(stored)
  })
})
