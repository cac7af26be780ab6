/**
 * A page's images and documents are readable exactly when the page is:
 * anonymous users and members cannot list, read, count or download the
 * attachments of a draft page; once staff publish the page they can, and
 * after unpublishing they cannot again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { startTestPayload, type Auth, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedPage, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
let member: TestUser
let dataDir: string
let page: Json
let image: Json
let document: Json

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-attachments-'))
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  staff = await t.makeUser('staff')
  member = await t.makeUser('member')
  const user = await t.payload.findByID({ collection: 'users', id: staff.id, overrideAccess: true })
  page = await seedPage(t, { isPublished: false, title: 'Draft with attachments' })
  const data = await sharp({ create: { background: '#336699', channels: 3, height: 600, width: 900 } }).png().toBuffer()
  image = await t.payload.create({
    collection: 'page-images',
    data: { alt: 'draft image', page: page.id },
    file: { data, mimetype: 'image/png', name: 'draft.png', size: data.length },
    overrideAccess: false,
    user,
  })
  const text = Buffer.from('draft document\n')
  document = await t.payload.create({
    collection: 'page-documents',
    data: { page: page.id, title: 'draft document' },
    file: { data: text, mimetype: 'text/plain', name: 'draft.txt', size: text.length },
    overrideAccess: false,
    user,
  })
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const setPublished = async (isPublished: boolean) => {
  const response = await t.api('PATCH', `/pages/${page.id}`, { auth: staff, body: { isPublished } })
  expect(response.status).toBe(200)
}

/** 403 and 404 both refuse without saying more; anything else is reported as it is. */
const outcome = (response: Response) => ([403, 404].includes(response.status) ? 'denied' : response.status)

/** What `auth` can see of the attachments, through every read path. */
const visibility = async (auth: Auth) => {
  const imageList = await json(await t.api('GET', '/page-images?limit=100', { auth }))
  const documentList = await json(await t.api('GET', '/page-documents?limit=100', { auth }))
  const gql = await t.graphql(`{ PageImages { docs { id } } PageDocuments { docs { id } } countPageImages { totalDocs } }`, { auth })
  const files = [
    image.filename,
    image.sizes.thumbnail.filename,
    image.sizes.medium.filename,
  ]
  return {
    documentById: outcome(await t.api('GET', `/page-documents/${document.id}`, { auth })),
    documentFile: outcome(await t.api('GET', `/page-documents/file/${document.filename}`, { auth })),
    documentListed: documentList.docs.some((doc: Json) => doc.id === document.id),
    gqlCount: gql.data.countPageImages.totalDocs,
    gqlDocumentListed: gql.data.PageDocuments.docs.some((doc: Json) => doc.id === document.id),
    gqlImageListed: gql.data.PageImages.docs.some((doc: Json) => doc.id === image.id),
    imageById: outcome(await t.api('GET', `/page-images/${image.id}`, { auth })),
    imageCount: (await json(await t.api('GET', '/page-images/count', { auth }))).totalDocs,
    imageFiles: await Promise.all(files.map(async (file) => outcome(await t.api('GET', `/page-images/file/${file}`, { auth })))),
    imageListed: imageList.docs.some((doc: Json) => doc.id === image.id),
  }
}

const hidden = {
  documentById: 'denied',
  documentFile: 'denied',
  documentListed: false,
  gqlCount: 0,
  gqlDocumentListed: false,
  gqlImageListed: false,
  imageById: 'denied',
  imageCount: 0,
  imageFiles: ['denied', 'denied', 'denied'],
  imageListed: false,
}

const visible = {
  documentById: 200,
  documentFile: 200,
  documentListed: true,
  gqlCount: 1,
  gqlDocumentListed: true,
  gqlImageListed: true,
  imageById: 200,
  imageCount: 1,
  imageFiles: [200, 200, 200],
  imageListed: true,
}

describe('page attachments follow their page', () => {
  it('are hidden from anonymous users and members while the page is a draft', async () => {
    expect(await visibility(undefined)).toEqual(hidden)
    expect(await visibility(member)).toEqual(hidden)
  })

  it('are visible to staff while the page is a draft', async () => {
    expect(await visibility(staff)).toEqual(visible)
  })

  it('become readable when the page is published, and hidden again when it is unpublished', async () => {
    await setPublished(true)
    expect(await visibility(undefined)).toEqual(visible)
    expect(await visibility(member)).toEqual(visible)
    await setPublished(false)
    expect(await visibility(undefined)).toEqual(hidden)
    expect(await visibility(member)).toEqual(hidden)
  })
})
