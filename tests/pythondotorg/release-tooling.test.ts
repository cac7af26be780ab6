/**
 * The CPython release tooling's whole flow (python/release-tools
 * add_to_pydotorg.py) against the route handlers, as the contract in
 * docs/pythondotorg-api.md describes it: find the release and
 * the OSes, delete the release's files, upload each file, clean up one.
 */
import { startTestPayload, type TestContext } from '../helpers/harness'
import { asUser, createFile, createRelease, idFromUri, json, type KeyUser, md5, setUpWorld, sha256 } from './fixtures'

let t: TestContext
let staff: KeyUser

beforeAll(async () => {
  t = await startTestPayload()
  ;({ staff } = await setUpWorld(t))
})
afterAll(async () => {
  await t?.close()
})

const VERSION = '3.14.1'
const FTP = `https://www.python.org/ftp/python/${VERSION}`

type Upload = { desc: string; file: string; os: string; button?: boolean; extra?: string; gpg?: boolean; sbom?: boolean; sigstore?: boolean }

/** What the tooling uploads for a release: sources with every sidecar, the installers. */
const UPLOADS: Upload[] = [
  { desc: 'Gzipped source tarball', file: `Python-${VERSION}.tgz`, gpg: true, os: 'source', sbom: true, sigstore: true },
  { button: true, desc: 'XZ compressed source tarball', file: `Python-${VERSION}.tar.xz`, gpg: true, os: 'source', sbom: true, sigstore: true },
  { button: true, desc: 'Windows installer (64-bit)', extra: 'Recommended', file: `python-${VERSION}-amd64.exe`, os: 'windows', sbom: true, sigstore: true },
  { desc: 'Windows installer (ARM64)', extra: 'Experimental', file: `python-${VERSION}-arm64.exe`, os: 'windows', sigstore: true },
  { desc: 'Windows installer (32-bit)', file: `python-${VERSION}.exe`, os: 'windows', sigstore: true },
  { button: true, desc: 'macOS 64-bit universal2 installer', extra: 'for macOS 10.13 and later', file: `python-${VERSION}-macos11.pkg`, gpg: true, os: 'macos' },
]

const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** The JSON body add_to_pydotorg.py builds for one file. */
const bodyFor = (upload: Upload, osIds: Record<string, number>, releaseId: number) => {
  const url = `${FTP}/${upload.file}`
  return {
    name: upload.desc,
    slug: `${slugify(`python-${VERSION}`)}-${slugify(upload.desc)}`.slice(0, 50),
    os: `/api/v1/downloads/os/${osIds[upload.os]}/`,
    release: `/api/v1/downloads/release/${releaseId}/`,
    description: upload.extra ?? '',
    is_source: osIds[upload.os] === 3,
    url,
    md5_sum: md5(upload.file),
    sha256_sum: sha256(upload.file),
    filesize: 20_000_000 + upload.file.length,
    download_button: Boolean(upload.button),
    ...(upload.gpg ? { gpg_signature_file: `${url}.asc` } : {}),
    ...(upload.sigstore
      ? { sigstore_signature_file: `${url}.sig`, sigstore_cert_file: `${url}.crt`, sigstore_bundle_file: `${url}.sigstore` }
      : {}),
    ...(upload.sbom ? { sbom_spdx2_file: `${url}.spdx.json` } : {}),
  }
}

describe('the release tooling flow', () => {
  it('finds the release and OSes, replaces the files, and cleans up one, by integer ids', async () => {
    // a release manager created the release in the admin panel (a staff user, access control on)
    const release = await createRelease(t, staff, { name: `Python ${VERSION}`, releaseDate: '2025-12-02T00:00:00.000Z' })
    // a file left over from an earlier, interrupted run
    const { docs: sourceOS } = await t.payload.find({ collection: 'download-os', overrideAccess: true, where: { slug: { equals: 'source' } } })
    await createFile(t, { name: 'stale', os: sourceOS[0]!.id, release: release.id, url: `${FTP}/Python-${VERSION}.tgz` })

    const headers = { Authorization: staff.v1, 'Content-Type': 'application/json' }
    const call = (method: string, path: string, body?: unknown) => t.api(method, path, { auth: undefined, body, headers })

    // 1. the release by name, `+` for the space
    const found = await call('GET', `v1/downloads/release/?name=Python+${VERSION}`)
    expect(found.status).toBe(200)
    const { objects } = await json(found)
    expect(objects).toHaveLength(1)
    const releaseId = idFromUri(objects[0].resource_uri)
    expect(releaseId).toBe(release.legacyId)

    // 2. the OSes by slug, with python.org's ids
    const osIds: Record<string, number> = {}
    for (const slug of ['source', 'windows', 'macos', 'android', 'ios']) {
      const response = await call('GET', `v1/downloads/os/?slug=${slug}`)
      expect(response.status).toBe(200)
      const body = await json(response)
      expect(body.objects).toHaveLength(1)
      osIds[slug] = idFromUri(body.objects[0].resource_uri)
    }
    expect(osIds).toEqual({ android: 4, ios: 5, macos: 2, source: 3, windows: 1 })

    // 3. the release's files go (the stale one included)
    const cleared = await call('DELETE', `v1/downloads/release_file/?release=${releaseId}`)
    expect(cleared.status).toBe(204)
    expect((await t.payload.count({ collection: 'release-files', overrideAccess: true, where: { release: { equals: release.id } } })).totalDocs).toBe(0)

    // 4. one POST per file: 201 and a Location ending in an integer id
    const created: { id: number; upload: Upload }[] = []
    for (const upload of UPLOADS) {
      const response = await call('POST', 'v1/downloads/release_file/', bodyFor(upload, osIds, releaseId))
      if (response.status !== 201) throw new Error(`${upload.file}: ${response.status} ${await response.text()}`)
      const location = response.headers.get('Location')!
      expect(location).toMatch(/^http:\/\/localhost:3000\/api\/v1\/downloads\/release_file\/\d+\/$/)
      created.push({ id: idFromUri(location), upload })
    }
    expect(new Set(created.map(({ id }) => id)).size).toBe(UPLOADS.length)

    // 5. on a failure the tool deletes what it created, by id
    const dropped = created.find(({ upload }) => upload.file.endsWith('-arm64.exe'))!
    const removed = await call('DELETE', `v1/downloads/release_file/${dropped.id}/`)
    expect(removed.status).toBe(204)
    expect((await call('GET', `v1/downloads/release_file/${dropped.id}/`)).status).toBe(404)

    // 6. what the collection now holds, read through the Local API
    const { docs } = await t.payload.find({
      collection: 'release-files',
      depth: 1,
      limit: 100,
      overrideAccess: false,
      sort: 'legacyId',
      user: await asUser(t, staff),
      where: { release: { equals: release.id } },
    })
    expect(docs.map((doc) => doc.legacyId)).toEqual(created.filter(({ id }) => id !== dropped.id).map(({ id }) => id))
    const byFile = new Map(docs.map((doc) => [doc.url.split('/').at(-1), doc]))
    for (const { upload } of created.filter(({ id }) => id !== dropped.id)) {
      const doc = byFile.get(upload.file)!
      const url = `${FTP}/${upload.file}`
      expect(doc).toMatchObject({
        description: upload.extra ?? null,
        downloadButton: Boolean(upload.button),
        filesize: 20_000_000 + upload.file.length,
        gpgSignatureFile: upload.gpg ? `${url}.asc` : null,
        isSource: upload.os === 'source',
        md5Sum: md5(upload.file),
        name: upload.desc,
        sbomSpdx2File: upload.sbom ? `${url}.spdx.json` : null,
        sha256Sum: sha256(upload.file),
        sigstoreBundleFile: upload.sigstore ? `${url}.sigstore` : null,
        sigstoreCertFile: upload.sigstore ? `${url}.crt` : null,
        sigstoreSignatureFile: upload.sigstore ? `${url}.sig` : null,
      })
      expect((doc.os as { legacyId: number }).legacyId).toBe(osIds[upload.os])
      expect((doc.release as { id: string }).id).toBe(release.id)
      // written as the key's owner, not as "the system"
      expect(typeof doc.creator === 'object' ? doc.creator?.id : doc.creator).toBe(staff.id)
    }
    // one download button per OS
    expect(docs.filter((doc) => doc.downloadButton).map((doc) => (doc.os as { legacyId: number }).legacyId).sort()).toEqual([1, 2, 3])

    // and the API lists them for the release, with URIs
    const listed = await json(await call('GET', `v1/downloads/release_file/?release=${releaseId}&limit=0`))
    expect(listed.meta.total_count).toBe(UPLOADS.length - 1)
    expect(listed.objects[0]).toMatchObject({
      release: `/api/v1/downloads/release/${releaseId}/`,
      resource_uri: `/api/v1/downloads/release_file/${created[0]!.id}/`,
    })
  })

  it('answers a rerun of the same upload (duplicate URL) with a 400 naming the rule, not a 500', async () => {
    const release = await createRelease(t, staff, { name: 'Python 3.14.2' })
    const headers = { Authorization: staff.v1 }
    const body = bodyFor({ ...UPLOADS[1]!, file: `rerun-Python-${VERSION}.tar.xz` }, { source: 3 }, release.legacyId!)
    const first = await t.api('POST', 'v1/downloads/release_file/', { auth: undefined, body: { ...body, slug: 'rerun-1' }, headers })
    expect(first.status).toBe(201)
    const again = await t.api('POST', 'v1/downloads/release_file/', {
      auth: undefined,
      body: { ...body, download_button: false, slug: 'rerun-2' },
      headers,
    })
    expect(again.status).toBe(400)
    expect((await json(again)).error_message).toMatch(/url/)
  })
})
