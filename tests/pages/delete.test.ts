import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { seedPage } from './fixtures'

let t: TestContext
let staff: TestUser
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-page-delete-'))

beforeAll(async () => {
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

describe('deleting a page', () => {
  it('deletes its images (with their files) and documents in the same request', async () => {
    const page = await seedPage(t, { isPublished: true })
    const png = await sharp({
      create: { background: '#3776ab', channels: 3, height: 40, width: 60 },
    })
      .png()
      .toBuffer()
    const image = await t.payload.create({
      collection: 'page-images',
      data: { page: page.id },
      file: {
        data: png,
        mimetype: 'image/png',
        name: 'logo.png',
        size: png.length,
      },
      overrideAccess: true,
    })
    await t.payload.create({
      collection: 'page-documents',
      data: { page: page.id },
      file: {
        data: Buffer.from('minutes'),
        mimetype: 'text/plain',
        name: 'notes.txt',
        size: 7,
      },
      overrideAccess: true,
    })
    const stored = path.join(dataDir, 'uploads', 'page-images', image.filename!)
    expect(fs.existsSync(stored)).toBe(true)

    const response = await t.api('DELETE', `/pages/${page.id}`, {
      auth: staff,
    })
    expect(response.status).toBe(200)
    for (const collection of ['pages', 'page-images', 'page-documents'] as const) {
      const left = await t.payload.count({
        collection,
        overrideAccess: true,
        where: collection === 'pages' ? { id: { equals: page.id } } : { page: { equals: page.id } },
      })
      expect(left.totalDocs).toBe(0)
    }
    expect(fs.existsSync(stored)).toBe(false)
  })
})
