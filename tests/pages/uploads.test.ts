/**
 * Page images and documents are real uploads: images are resized with sharp
 * into thumbnail/medium/large, documents are stored as they are. Only staff
 * upload. Uploaded files land in PAYLOAD_DATA_DIR/uploads (a temp dir here).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { uploadThroughRest } from '../helpers/upload'
import { json, seedPage } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let dataDir: string
let pageId: string

const png = (width: number, height: number) =>
  sharp({ create: { background: { b: 200, g: 120, r: 40 }, channels: 3, height, width } }).png().toBuffer()

/** A one-page PDF with a correct cross-reference table, as a PDF reader expects it. */
const pdf = (): Buffer => {
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj${object}endobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
const PDF = pdf()

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-uploads-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  pageId = String((await seedPage(t, { isPublished: true })).id)
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

describe('page images', () => {
  it('a PNG uploaded through REST multipart is stored and resized into every size', async () => {
    const response = await uploadThroughRest(t, 'page-images', {
      auth: staff,
      data: { alt: 'A test image', page: pageId },
      file: { data: await png(2000, 1200), mimetype: 'image/png', name: 'banner.png' },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc).toMatchObject({ alt: 'A test image', height: 1200, mimeType: 'image/png', width: 2000 })
    expect(doc.sizes.thumbnail).toMatchObject({ height: 300, mimeType: 'image/png', width: 300 })
    expect(doc.sizes.medium).toMatchObject({ height: 480, width: 800 })
    expect(doc.sizes.large).toMatchObject({ height: 960, width: 1600 })

    // the files are on disk, under the data folder, at the sizes reported
    const dir = path.join(dataDir, 'uploads', 'page-images')
    expect(fs.existsSync(path.join(dir, doc.filename))).toBe(true)
    for (const size of ['thumbnail', 'medium', 'large'] as const) {
      const file = path.join(dir, doc.sizes[size].filename)
      const meta = await sharp(file).metadata()
      expect({ height: meta.height, width: meta.width }).toEqual({ height: doc.sizes[size].height, width: doc.sizes[size].width })
    }
  })

  it('medium and large never enlarge a small image', async () => {
    const response = await uploadThroughRest(t, 'page-images', {
      auth: staff,
      data: { page: pageId },
      file: { data: await png(400, 200), mimetype: 'image/png', name: 'small.png' },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc.sizes.thumbnail).toMatchObject({ height: 300, width: 300 })
    for (const size of ['medium', 'large']) {
      expect(doc.sizes[size].width ?? 0).toBeLessThanOrEqual(400)
    }
  })

  it('can be uploaded through the Local API as staff with access control on', async () => {
    const user = await t.payload.findByID({ collection: 'users', id: staff.id, overrideAccess: true })
    const data = await png(1000, 1000)
    const doc = await t.payload.create({
      collection: 'page-images',
      data: { page: pageId },
      file: { data, mimetype: 'image/png', name: 'local.png', size: data.length },
      overrideAccess: false,
      user,
    })
    expect(doc.sizes?.thumbnail?.width).toBe(300)
    expect(doc.sizes?.medium?.width).toBe(800)
  })

  it('the file itself is served through the API', async () => {
    const { doc } = await json(
      await uploadThroughRest(t, 'page-images', {
        auth: staff,
        data: { page: pageId },
        file: { data: await png(320, 320), mimetype: 'image/png', name: 'served.png' },
      }),
    )
    const response = await t.api('GET', `/page-images/file/${doc.filename}`)
    expect(response.status).toBe(200)
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect(meta).toMatchObject({ format: 'png', height: 320, width: 320 })
  })

  it('refuses files that are not raster images (text, SVG)', async () => {
    const count = (await t.payload.count({ collection: 'page-images', overrideAccess: true })).totalDocs
    for (const file of [
      { data: Buffer.from('just text'), mimetype: 'text/plain', name: 'notes.txt' },
      { data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), mimetype: 'image/svg+xml', name: 'x.svg' },
    ]) {
      const response = await uploadThroughRest(t, 'page-images', { auth: staff, data: { page: pageId }, file })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
    expect((await t.payload.count({ collection: 'page-images', overrideAccess: true })).totalDocs).toBe(count)
  })

  it('a page is required', async () => {
    const response = await uploadThroughRest(t, 'page-images', {
      auth: staff,
      data: {},
      file: { data: await png(100, 100), mimetype: 'image/png', name: 'orphan.png' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await json(response))).toMatch(/page/)
  })

  it('members and anonymous users cannot upload', async () => {
    const count = (await t.payload.count({ collection: 'page-images', overrideAccess: true })).totalDocs
    for (const auth of [member, undefined]) {
      const response = await uploadThroughRest(t, 'page-images', {
        auth,
        data: { page: pageId },
        file: { data: await png(100, 100), mimetype: 'image/png', name: 'nope.png' },
      })
      expect(response.status).toBe(403)
    }
    expect((await t.payload.count({ collection: 'page-images', overrideAccess: true })).totalDocs).toBe(count)
    expect(fs.readdirSync(path.join(dataDir, 'uploads', 'page-images')).some((name) => name.startsWith('nope'))).toBe(false)
  })
})

describe('page documents', () => {
  it('a PDF and a text file are stored as uploaded', async () => {
    for (const file of [
      { data: PDF, mimetype: 'application/pdf', name: 'minutes.pdf' },
      { data: Buffer.from('Plain text notes\n'), mimetype: 'text/plain', name: 'notes.txt' },
    ]) {
      const response = await uploadThroughRest(t, 'page-documents', { auth: staff, data: { page: pageId, title: file.name }, file })
      expect(response.status).toBe(201)
      const { doc } = await json(response)
      expect(doc).toMatchObject({ filesize: file.data.length, mimeType: file.mimetype, title: file.name })
      expect(fs.readFileSync(path.join(dataDir, 'uploads', 'page-documents', doc.filename))).toEqual(file.data)
      const served = await t.api('GET', `/page-documents/file/${doc.filename}`)
      expect(served.status).toBe(200)
      expect(Buffer.from(await served.arrayBuffer())).toEqual(file.data)
    }
  })

  it('refuses file types outside the allowed list, and members', async () => {
    const html = { data: Buffer.from('<script>alert(1)</script>'), mimetype: 'text/html', name: 'x.html' }
    const refused = await uploadThroughRest(t, 'page-documents', { auth: staff, data: { page: pageId }, file: html })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    const byMember = await uploadThroughRest(t, 'page-documents', {
      auth: member,
      data: { page: pageId },
      file: { data: PDF, mimetype: 'application/pdf', name: 'member.pdf' },
    })
    expect(byMember.status).toBe(403)
  })
})
