/**
 * CPython's release tooling as it talks to python.org, for the tests (not a
 * test file itself).
 *
 * This mirrors python/release-tools `add_to_pydotorg.py` at commit
 * a25ec43b9da1f461bb3cf3e994f1e7888bd0880d, function by function and with
 * its quirks, so that the tests send what release managers send:
 * - one `requests.Session` whose headers are `Authorization: ApiKey
 *   <AUTH_INFO>` and `Content-Type: application/json` on EVERY request (GETs
 *   and DELETEs too), beside requests' own defaults;
 * - query strings glued together by hand, unencoded: the release is looked up
 *   as `?name=Python+3.14.1` (`+` for the space);
 * - bodies from `json.dumps` (Python's `", "`/`": "` separators, ASCII only);
 * - ids parsed with `int(uri.strip("/").split("/")[-1])` from `resource_uri`
 *   and from the `Location` header;
 * - file slugs `slug_for(release) + "-" + make_slug(description)[:40]`:
 *   mixed case and underscores ("3141-Android-embeddable-package-x86_64");
 * - `list_files`' filters (sidecars, wrong prefix, another version such as
 *   free-threaded `python-3.15.0a2t-amd64.zip`, unrecognized names, folders);
 * - Sigstore signing of every file not yet signed (which adds `.sig`, `.crt`
 *   and `.sigstore` beside it) and the identity check that stops a release
 *   whose minor version has no release manager entry;
 * - no retries; on a failed upload, the files this run created are deleted
 *   again, newest first, and the error is raised.
 *
 * The FTP directory is an in-memory listing (`FtpRoot`), and the signing and
 * verification commands are not run: their only effect the API sees is the
 * three sidecar files signing leaves behind.
 */
import crypto from 'node:crypto'

/** What python.org's API answers; `url` is absolute, as requests sends it. */
export type Transport = (
  method: string,
  url: string,
  init: { body?: string; headers: Record<string, string> },
) => Promise<Response>

export type SentRequest = { body?: string; headers: Record<string, string>; method: string; url: string }

/** One release directory of the FTP root: file names to contents; a name ending in "/" is a folder. */
export type FtpRoot = Map<string, Map<string, Buffer | 'dir'>>

export const DOWNLOAD_ROOT = 'https://www.python.org/ftp/python/'

const GITHUB_OIDC_PROVIDER = 'https://github.com/login/oauth'
const GOOGLE_OIDC_PROVIDER = 'https://accounts.google.com'

/** `release_to_sigstore_identity_and_oidc_issuer` at the named commit. */
export const SIGSTORE_IDENTITIES: Record<string, [string, string]> = {
  '3.10': ['pablogsal@python.org', GOOGLE_OIDC_PROVIDER],
  '3.11': ['pablogsal@python.org', GOOGLE_OIDC_PROVIDER],
  '3.12': ['thomas@python.org', GOOGLE_OIDC_PROVIDER],
  '3.13': ['thomas@python.org', GOOGLE_OIDC_PROVIDER],
  '3.14': ['hugo@python.org', GITHUB_OIDC_PROVIDER],
  '3.15': ['hugo@python.org', GITHUB_OIDC_PROVIDER],
  '3.16': ['savannah@python.org', GITHUB_OIDC_PROVIDER],
  '3.17': ['savannah@python.org', GITHUB_OIDC_PROVIDER],
}

/** The entry commit 1d5829f removed once 3.9 reached its end of life; 3.9 releases ran with it. */
export const SIGSTORE_IDENTITY_39: Record<string, [string, string]> = {
  '3.9': ['lukasz@langa.pl', GITHUB_OIDC_PROVIDER],
}

/** `requests.Session()` headers (requests 2.33, as pinned) after the tool's `session.headers.update`. */
export const sessionHeaders = (authInfo: string): Record<string, string> => ({
  'User-Agent': 'python-requests/2.33.0',
  'Accept-Encoding': 'gzip, deflate',
  Accept: '*/*',
  Connection: 'keep-alive',
  Authorization: `ApiKey ${authInfo}`,
  'Content-Type': 'application/json',
})

// ---------------------------------------------------------------- Python semantics

/** Python's `int(str)`: surrounding whitespace, a sign, digits with single underscores. */
export const pythonInt = (text: string): number => {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) throw new Error(`ValueError: invalid literal for int(): '${text}'`)
  return Number(text.trim().replace(/_/g, ''))
}

/** `str.strip("/")` */
const stripSlashes = (text: string) => text.replace(/^\/+|\/+$/g, '')

/** `json.dumps(value)` with its defaults: `", "` and `": "`, non-ASCII escaped, keys in insertion order. */
export const pythonJsonDumps = (value: unknown): string => {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(item)}`)
    .join(', ')}}`
}

// ---------------------------------------------------------------- add_to_pydotorg.py

const TAG_CRE = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?:([ab]|rc)(\d+))?$/

const tagGroups = (release: string) => {
  const match = TAG_CRE.exec(release)
  if (!match) throw new Error(`AssertionError: Invalid release: ${release}`)
  return match.slice(1)
}

export const baseVersion = (release: string): string => {
  const [major, minor, micro] = tagGroups(release)
  // ".".join() of a None is a TypeError in Python
  if (minor === undefined || micro === undefined) throw new Error(`TypeError: no micro version in ${release}`)
  return [major, minor, micro].join('.')
}

export const baseVersionTuple = (release: string): [number, number, number] => {
  const [major, minor, micro] = tagGroups(release)
  return [Number(major), Number(minor), Number(micro)]
}

export const minorVersion = (release: string): string => tagGroups(release).slice(0, 2).join('.')

const atLeast = (version: [number, number, number], [major, minor]: [number, number]) =>
  version[0] > major || (version[0] === major && version[1] >= minor)

export const macosDescription = (version: [number, number, number]): string =>
  atLeast(version, [3, 14]) ? 'for macOS 10.15 and later' : 'for macOS 10.13 and later'

/** (file "name", OS slug, download button, file "description") */
export type FileInfo = [string, string, boolean, string]

/** `get_file_descriptions`: the first pattern that `search`es the file name wins. */
export const getFileDescriptions = (release: string): [RegExp, FileInfo][] => {
  const v = baseVersionTuple(release)
  return [
    [/\.tgz$/, ['Gzipped source tarball', 'source', false, '']],
    [/\.tar\.xz$/, ['XZ compressed source tarball', 'source', true, '']],
    [/windows-.+\.json/, ['Windows release manifest', 'windows', false, `Install with 'py install ${v[0]}.${v[1]}'`]],
    [/-embed-amd64\.zip$/, ['Windows embeddable package (64-bit)', 'windows', false, '']],
    [/-embed-arm64\.zip$/, ['Windows embeddable package (ARM64)', 'windows', false, '']],
    [/-arm64\.exe$/, ['Windows installer (ARM64)', 'windows', false, 'Experimental']],
    [/-amd64\.exe$/, ['Windows installer (64-bit)', 'windows', true, 'Recommended']],
    [/-embed-win32\.zip$/, ['Windows embeddable package (32-bit)', 'windows', false, '']],
    [/\.exe$/, ['Windows installer (32-bit)', 'windows', false, '']],
    [/-macos(x)?1[1-9](\.[0-9]*)?\.pkg$/, ['macOS installer', 'macos', true, macosDescription(v)]],
    [/-aarch64-linux-android.tar.gz$/, ['Android embeddable package (aarch64)', 'android', false, '']],
    [/-x86_64-linux-android.tar.gz$/, ['Android embeddable package (x86_64)', 'android', false, '']],
    [/-iOS-XCframework.tar.gz$/, ['iOS XCframework', 'ios', false, '']],
  ]
}

export const slugFor = (release: string): string => {
  const base = baseVersion(release)
  const rest = release.slice(base.length)
  return base.replaceAll('.', '') + (rest ? `-${rest}` : '')
}

export const sigfileFor = (release: string, rfile: string): string => `${DOWNLOAD_ROOT}${release}/${rfile}.asc`

/** `re.sub("[^a-zA-Z0-9_-]", "", text.replace(" ", "-"))` */
export const makeSlug = (text: string): string => text.replaceAll(' ', '-').replace(/[^a-zA-Z0-9_-]/g, '')

const SIDECAR_SUFFIXES = ['.asc', '.sig', '.crt', '.sigstore', '.spdx.json']

const directory = (ftp: FtpRoot, release: string) => {
  const dir = ftp.get(baseVersion(release))
  if (!dir) throw new Error(`FileNotFoundError: ${baseVersion(release)}`)
  return dir
}

const isFile = (dir: Map<string, Buffer | 'dir'>, name: string) => {
  const entry = dir.get(name)
  return entry !== undefined && entry !== 'dir'
}

const contents = (dir: Map<string, Buffer | 'dir'>, name: string): Buffer => {
  const entry = dir.get(name)
  if (!entry || entry === 'dir') throw new Error(`FileNotFoundError: ${name}`)
  return entry
}

export type FileDict = Record<string, boolean | number | string>

/** `build_file_dict`: the JSON body of one ReleaseFile, keys in the tool's order. */
export const buildFileDict = (
  ftp: FtpRoot,
  release: string,
  rfile: string,
  relPk: number,
  fileDesc: string,
  osPk: number,
  addDownload: boolean,
  addDesc: string,
): FileDict => {
  const dir = directory(ftp, release)
  const base = baseVersion(release)
  const file = contents(dir, rfile)
  const d: FileDict = {
    name: fileDesc,
    slug: `${slugFor(release)}-${makeSlug(fileDesc).slice(0, 40)}`,
    os: `/api/v1/downloads/os/${osPk}/`,
    release: `/api/v1/downloads/release/${relPk}/`,
    description: addDesc,
    is_source: osPk === 3,
    url: `${DOWNLOAD_ROOT}${base}/${rfile}`,
    sha256_sum: crypto.createHash('sha256').update(file).digest('hex'),
    filesize: file.length,
    download_button: addDownload,
  }
  if (dir.has(`${rfile}.asc`)) d.gpg_signature_file = sigfileFor(base, rfile)
  if (dir.has(`${rfile}.sig`)) d.sigstore_signature_file = `${DOWNLOAD_ROOT}${base}/${rfile}.sig`
  if (dir.has(`${rfile}.crt`)) d.sigstore_cert_file = `${DOWNLOAD_ROOT}${base}/${rfile}.crt`
  if (dir.has(`${rfile}.sigstore`)) d.sigstore_bundle_file = `${DOWNLOAD_ROOT}${base}/${rfile}.sigstore`
  if (dir.has(`${rfile}.spdx.json`)) d.sbom_spdx2_file = `${DOWNLOAD_ROOT}${base}/${rfile}.spdx.json`
  return d
}

export type ListedFile = [string, ...FileInfo]

/** `list_files`: the release's download files, by sorted name, and what the tool skips (it prints those). */
export const listFiles = (ftp: FtpRoot, release: string, log: string[] = []): ListedFile[] => {
  const dir = directory(ftp, release)
  const reldir = baseVersion(release)
  const listed: ListedFile[] = []
  // Python sorts str by code point; these names are ASCII
  for (const rfile of [...dir.keys()].sort()) {
    if (!isFile(dir, rfile)) continue
    if (SIDECAR_SUFFIXES.some((suffix) => rfile.endsWith(suffix))) continue
    const dash = rfile.indexOf('-')
    const prefix = dash === -1 ? rfile : rfile.slice(0, dash)
    const rest = dash === -1 ? '' : rfile.slice(dash + 1)
    if (!['python', 'windows'].includes(prefix.toLowerCase())) {
      log.push(`    File ${reldir}/${rfile} has wrong prefix`)
      continue
    }
    if (!rest.startsWith(`${release}-`) && !rest.startsWith(`${release}.`)) {
      log.push(`    File ${reldir}/${rfile} has a different version`)
      continue
    }
    const found = getFileDescriptions(release).find(([rx]) => rx.test(rfile))
    if (!found) {
      log.push(`    File ${reldir}/${rfile} not recognized`)
      continue
    }
    listed.push([rfile, ...found[1]])
  }
  return listed
}

/**
 * `sign_release_files_with_sigstore`, for what the API sees: every file
 * without a bundle (or a signature and certificate) gets the three files
 * `python3 -m sigstore sign` writes; then the release manager's identity is
 * looked up for verification, and a minor version without one stops the run.
 */
export const signReleaseFilesWithSigstore = (
  ftp: FtpRoot,
  release: string,
  releaseFiles: ListedFile[],
  identities: Record<string, [string, string]>,
): void => {
  const dir = directory(ftp, release)
  const signed = (rfile: string) => dir.has(`${rfile}.sigstore`) || (dir.has(`${rfile}.sig`) && dir.has(`${rfile}.crt`))
  for (const [rfile] of releaseFiles) {
    if (signed(rfile)) continue
    for (const suffix of ['.crt', '.sig', '.sigstore'])
      dir.set(`${rfile}${suffix}`, Buffer.from(`${suffix} of ${rfile}`))
  }
  if (!identities[minorVersion(release)]) {
    // error() prints and sys.exit(1)s before anything is sent
    throw new Error(`No release manager defined for Python release ${release}`)
  }
}

/** `parse_args`' `ensure_trailing_slash`, the type of `--base-url` and `--ftp-root`. */
export const ensureTrailingSlash = (s: string): string => (s.endsWith('/') ? s : `${s}/`)

export type RunOptions = {
  /** `AUTH_INFO`: "username:api_key" */
  authInfo: string
  /** `--base-url` as given on the command line */
  baseUrl: string
  ftp: FtpRoot
  identities?: Record<string, [string, string]>
  release: string
  transport: Transport
}

export type RunResult = { created: number[]; log: string[]; requests: SentRequest[] }

/** `main()`: one run of `python add_to_pydotorg.py <release>`. Throws what the tool raises. */
export const addToPydotorg = async ({
  authInfo,
  baseUrl: givenBaseUrl,
  ftp,
  identities = SIGSTORE_IDENTITIES,
  release,
  transport,
}: RunOptions): Promise<RunResult> => {
  const baseUrl = ensureTrailingSlash(givenBaseUrl)
  const requests: SentRequest[] = []
  const log: string[] = []
  const created: number[] = []
  const headers = sessionHeaders(authInfo)

  const send = async (method: string, url: string, body?: string) => {
    const sent = {
      body,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) },
      method,
      url,
    }
    requests.push(sent)
    return transport(method, url, { body, headers: sent.headers })
  }

  const cache = new Map<string, number>()
  /** `query_object` (functools.cache'd): the first object's id, parsed from its resource_uri. */
  const queryObject = async (objtype: string, params: Record<string, string>): Promise<number> => {
    const key = JSON.stringify([objtype, params])
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const uri = `${baseUrl}downloads/${objtype}/?${Object.entries(params)
      .map(([k, v]) => `${k}=${v}`)
      .join('&')}`
    const resp = await send('GET', uri)
    const text = await resp.text()
    if (resp.status !== 200 || !JSON.parse(text).objects.length) {
      throw new Error(`no object for ${objtype} params=${JSON.stringify(params)}`)
    }
    const pk = pythonInt(stripSlashes(JSON.parse(text).objects[0].resource_uri).split('/').at(-1)!)
    cache.set(key, pk)
    return pk
  }

  /** `post_object`: 201 and the id from `Location`, or an error carrying error_message and traceback. */
  const postObject = async (objtype: string, datadict: FileDict): Promise<number> => {
    const resp = await send('POST', `${baseUrl}downloads/${objtype}/`, pythonJsonDumps(datadict))
    if (resp.status !== 201) {
      const messages = [`Creating ${objtype} failed: ${resp.status}`]
      const text = await resp.text()
      try {
        const info = JSON.parse(text)
        if (info && typeof info === 'object' && !Array.isArray(info)) {
          if (info.error_message) messages.push(String(info.error_message))
          if (info.traceback) messages.push(String(info.traceback))
        }
      } catch {
        /* json.JSONDecodeError: pass */
      }
      throw new Error(messages.join('\n'))
    }
    const newloc = resp.headers.get('Location')
    if (newloc === null) throw new Error("KeyError: 'Location'")
    return pythonInt(stripSlashes(newloc).split('/').at(-1)!)
  }

  const deleteObject = async (objtype: string, pk: number) => {
    const resp = await send('DELETE', `${baseUrl}downloads/${objtype}/${pk}/`)
    if (resp.status !== 204) throw new Error(`Deleting ${objtype} ${pk} failed: ${resp.status}`)
  }

  /** `create_release_files`: on a failure, this run's rows go again, newest first. */
  const createReleaseFiles = async (fileDicts: FileDict[]) => {
    try {
      for (const fileDict of fileDicts) {
        const filePk = await postObject('release_file', fileDict)
        created.push(filePk)
        log.push(`Created as id = ${filePk}`)
      }
    } catch (createError) {
      const cleanupErrors: string[] = []
      for (const filePk of [...created].reverse()) {
        try {
          await deleteObject('release_file', filePk)
        } catch (cleanupError) {
          cleanupErrors.push(`${filePk}: ${(cleanupError as Error).message}`)
        }
      }
      if (cleanupErrors.length) {
        throw new Error(`Failed to clean up partially created release files:\n${cleanupErrors.join('\n')}`, {
          cause: createError,
        })
      }
      throw createError
    }
    return created.length
  }

  log.push(`Querying python.org for release ${release}`)
  const relPk = await queryObject('release', { name: `Python+${release}` })
  log.push(`Found Release object: id = ${relPk}`)

  const releaseFiles = listFiles(ftp, release, log)
  signReleaseFilesWithSigstore(ftp, release, releaseFiles, identities)
  const fileDicts = new Map<string, FileDict>()
  for (const [rfile, fileDesc, osSlug, addDownload, addDesc] of releaseFiles) {
    if (!osSlug) continue
    const osPk = await queryObject('os', { slug: osSlug })
    const fileDict = buildFileDict(ftp, release, rfile, relPk, fileDesc, osPk, addDownload, addDesc)
    const key = String(fileDict.slug)
    log.push(`Creating ReleaseFile object for ${rfile} ${key}`)
    if (fileDicts.has(key)) throw new Error(`duplicate slug generated: ${key}`)
    fileDicts.set(key, fileDict)
  }
  log.push('Deleting previous release files')
  const resp = await send('DELETE', `${baseUrl}downloads/release_file/?release=${relPk}`)
  if (resp.status !== 204) throw new Error(`deleting previous releases failed: ${resp.status}`)
  const n = await createReleaseFiles([...fileDicts.values()])
  log.push(`Done - ${n} files added`)
  return { created, log, requests }
}
