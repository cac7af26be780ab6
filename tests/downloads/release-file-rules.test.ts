/**
 * The ReleaseFile rules, on create and on update: one download button per
 * (release, OS), unique url, sidecar URLs equal to url plus their suffix,
 * checksums of the right shape, a non-negative whole filesize. A refused
 * write is a 400 naming the field, and leaves the row as it was.
 */
import type { DownloadO, Release } from '../../payload-types'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, fileUrl, json, seedFile, seedOS, seedRelease, unique } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let release: Release
let windows: DownloadO
let macos: DownloadO

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  release = await seedRelease(t, { name: 'Python 3.13.5' })
  windows = await seedOS(t, 'Windows')
  macos = await seedOS(t, 'macOS')
})
afterAll(async () => {
  await t?.close()
})

const post = (body: Record<string, unknown>, auth: TestUser = staff) =>
  t.api('POST', '/release-files', { auth, body: { name: unique('file'), os: windows.id, release: release.id, url: fileUrl(), ...body } })

const created = async (response: Response) => {
  const body = await json(response)
  expect(response.status).toBe(201)
  return body.doc
}

describe('who may write', () => {
  it('a member cannot create a release file', async () => {
    expect((await post({}, member)).status).toBe(403)
  })
})

describe('one download button per release and OS', () => {
  it('refuses a second download-button file for the same release and OS, naming downloadButton', async () => {
    const targetRelease = await seedRelease(t, { name: `Python 3.12.${Math.floor(Math.random() * 1000)}`, slug: unique('btn') })
    await created(await post({ downloadButton: true, release: targetRelease.id }))
    await expectClientError(await post({ downloadButton: true, release: targetRelease.id }), {
      field: 'downloadButton',
      rule: /download button/i,
      status: 400,
    })
    const { totalDocs } = await t.payload.count({
      collection: 'release-files',
      overrideAccess: true,
      where: { and: [{ release: { equals: targetRelease.id } }, { downloadButton: { equals: true } }] },
    })
    expect(totalDocs).toBe(1)
  })

  it('allows one per OS, one per release, and any number of files without the button', async () => {
    const other = await seedRelease(t, { name: 'Python 3.11.9', slug: unique('other') })
    await created(await post({ downloadButton: true, os: macos.id, release: other.id }))
    await created(await post({ downloadButton: true, os: windows.id, release: other.id }))
    await created(await post({ downloadButton: false, os: windows.id, release: other.id }))
    await created(await post({ downloadButton: false, os: windows.id, release: other.id }))
    const another = await seedRelease(t, { name: 'Python 3.11.8', slug: unique('another') })
    await created(await post({ downloadButton: true, os: windows.id, release: another.id }))
  })

  it('refuses a PATCH that would make a second button, and one that moves a file onto a taken slot', async () => {
    const target = await seedRelease(t, { name: 'Python 3.10.14', slug: unique('patch') })
    const button = await created(await post({ downloadButton: true, release: target.id }))
    const plain = await created(await post({ downloadButton: false, release: target.id }))
    await expectClientError(await t.api('PATCH', `/release-files/${plain.id}`, { auth: staff, body: { downloadButton: true } }), {
      field: 'downloadButton',
      status: 400,
    })
    const macButton = await created(await post({ downloadButton: true, os: macos.id, release: target.id }))
    await expectClientError(await t.api('PATCH', `/release-files/${macButton.id}`, { auth: staff, body: { os: windows.id } }), {
      field: 'downloadButton',
      status: 400,
    })
    // the button file itself may be edited freely
    const ok = await t.api('PATCH', `/release-files/${button.id}`, { auth: staff, body: { description: 'The installer' } })
    expect(ok.status).toBe(200)
    // and moving the button works once the old one lets go
    expect((await t.api('PATCH', `/release-files/${button.id}`, { auth: staff, body: { downloadButton: false } })).status).toBe(200)
    expect((await t.api('PATCH', `/release-files/${plain.id}`, { auth: staff, body: { downloadButton: true } })).status).toBe(200)
  })

  it('the partial unique index refuses a second button row written beneath Payload', async () => {
    const target = await seedRelease(t, { name: 'Python 3.10.13', slug: unique('raw') })
    await seedFile(t, target, windows, { downloadButton: true })
    const plain = await seedFile(t, target, windows)
    const { withSql } = await import('./fixtures')
    const error = await withSql(t, (client) =>
      client.query('UPDATE release_files SET download_button = true WHERE id = $1', [plain.id]).then(
        () => null,
        (err: { code?: string; constraint?: string }) => err,
      ),
    )
    expect(error).toMatchObject({ code: '23505', constraint: 'release_files_one_download_button' })
  })
})

describe('url', () => {
  it('must be unique: a second file with the same url is a 400 naming url', async () => {
    const url = fileUrl('exe')
    await created(await post({ url }))
    await expectClientError(await post({ url }), { field: 'url', status: 400 })
  })

  it('must be an http(s) URL', async () => {
    await expectClientError(await post({ url: 'javascript:alert(1)' }), { field: 'url', status: 400 })
  })
})

describe('sidecar URLs', () => {
  const sidecars = [
    ['gpgSignatureFile', '.asc'],
    ['sigstoreSignatureFile', '.sig'],
    ['sigstoreCertFile', '.crt'],
    ['sigstoreBundleFile', '.sigstore'],
    ['sbomSpdx2File', '.spdx.json'],
  ] as const

  it('accepts each sidecar equal to url plus its suffix', async () => {
    const url = fileUrl('tgz')
    const doc = await created(await post({ url, ...Object.fromEntries(sidecars.map(([field, suffix]) => [field, `${url}${suffix}`])) }))
    for (const [field, suffix] of sidecars) expect(doc[field]).toBe(`${url}${suffix}`)
  })

  it.each(sidecars)('refuses a wrong %s (must be url + %s), naming the field and the rule', async (field, suffix) => {
    const url = fileUrl('tgz')
    const wrongSuffix = suffix === '.asc' ? '.sig' : '.asc'
    const escaped = suffix.replace(/\./g, '\\.')
    await expectClientError(await post({ [field]: `${url}${wrongSuffix}`, url }), {
      field,
      rule: new RegExp(`${field}.*${escaped}`),
      status: 400,
    })
    // another file's URL with the right suffix is still wrong
    await expectClientError(await post({ [field]: `${fileUrl('tgz')}${suffix}`, url }), { field, status: 400 })
  })

  it('a PATCH that changes url without its sidecars is refused; changing both is accepted', async () => {
    const url = fileUrl('tgz')
    const doc = await created(await post({ gpgSignatureFile: `${url}.asc`, url }))
    const moved = fileUrl('tgz')
    await expectClientError(await t.api('PATCH', `/release-files/${doc.id}`, { auth: staff, body: { url: moved } }), {
      field: 'gpgSignatureFile',
      status: 400,
    })
    const stored = await t.payload.findByID({ collection: 'release-files', id: doc.id, overrideAccess: true })
    expect(stored.url).toBe(url)
    const both = await t.api('PATCH', `/release-files/${doc.id}`, { auth: staff, body: { gpgSignatureFile: `${moved}.asc`, url: moved } })
    expect(both.status).toBe(200)
  })

  it('a PATCH of one wrong sidecar is refused', async () => {
    const doc = await created(await post({}))
    await expectClientError(
      await t.api('PATCH', `/release-files/${doc.id}`, { auth: staff, body: { sigstoreCertFile: `${doc.url}.pem` } }),
      { field: 'sigstoreCertFile', status: 400 },
    )
  })
})

describe('checksums and size', () => {
  const sha256 = 'a'.repeat(64)
  const md5 = 'B'.repeat(32)

  it('accepts a 64-hex sha256Sum, a 32-hex md5Sum and a whole non-negative filesize', async () => {
    const doc = await created(await post({ filesize: 31_457_280, md5Sum: md5, sha256Sum: sha256 }))
    expect(doc).toMatchObject({ filesize: 31_457_280, md5Sum: md5, sha256Sum: sha256 })
    expect((await created(await post({ filesize: 0 }))).filesize).toBe(0)
  })

  it.each([
    ['sha256Sum', 'a'.repeat(63)],
    ['sha256Sum', 'g'.repeat(64)],
    ['sha256Sum', 'a'.repeat(65)],
    ['md5Sum', 'a'.repeat(31)],
    ['md5Sum', 'z'.repeat(32)],
    ['md5Sum', 'a'.repeat(33)],
    ['filesize', -1],
    ['filesize', 1.5],
    ['filesize', 'big'],
  ])('refuses %s = %p, naming the field', async (field, value) => {
    await expectClientError(await post({ [field]: value }), { field, status: 400 })
  })

  it('a PATCH to a bad checksum or size is refused and changes nothing', async () => {
    const doc = await created(await post({ filesize: 10, md5Sum: md5, sha256Sum: sha256 }))
    for (const [field, value] of [
      ['sha256Sum', 'xyz'],
      ['md5Sum', '0'.repeat(31)],
      ['filesize', -5],
    ] as const) {
      await expectClientError(await t.api('PATCH', `/release-files/${doc.id}`, { auth: staff, body: { [field]: value } }), {
        field,
        status: 400,
      })
    }
    const stored = await t.payload.findByID({ collection: 'release-files', id: doc.id, overrideAccess: true })
    expect(stored).toMatchObject({ filesize: 10, md5Sum: md5, sha256Sum: sha256 })
  })
})
