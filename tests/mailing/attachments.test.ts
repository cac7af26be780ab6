/**
 * Attachments on the one sending path: queueEmail records references to
 * stored uploads (collection + id), not their bytes, so the log row and the
 * queued job stay small; the sendEmail task reads the files when it sends.
 * A reference it cannot resolve fails the attempt, recorded on the log.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import PDFDocument from 'pdfkit'

import { queueEmail } from '../../src/mailing/queueEmail'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, findJobs, requestAs, unique } from './fixtures'

let t: TestContext
let sink: SmtpSink
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-mail-attachments-'))
  sink = await startSmtpSink()
  t = await startTestPayload({ ...sink.env, PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser')
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})
beforeEach(() => sink.clear())
afterEach(async () => {
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
})

/** A real (small) PDF: uploads are checked by their content, not their name. */
const pdf = (text: string) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument()
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.text(text)
    doc.end()
  })

/** A stored upload (a page's document), written by the system as a fixture. */
const storedDocument = async (content: Buffer, name: string, mimetype = 'application/pdf') => {
  const page = await t.payload.create({
    collection: 'pages',
    data: { path: `/${unique('p')}/`, title: 'Attachments' } as never,
    overrideAccess: true,
  })
  return t.payload.create({
    collection: 'page-documents',
    data: { page: page.id } as never,
    file: { data: content, mimetype, name, size: content.length },
    overrideAccess: true,
  })
}

const getLog = (id: string) => t.payload.findByID({ collection: 'email-logs', id, overrideAccess: true })

describe('attachments that refer to stored uploads', () => {
  it('are queued as references and sent with the stored bytes, under the name given', async () => {
    const template = await createTemplate(t)
    const content = await pdf('The agreement')
    const document = await storedDocument(content, `${unique('agreement')}.pdf`)
    const to = `${unique('to')}@example.org`
    const log = await queueEmail(await requestAs(t), {
      attachments: [{ collection: 'page-documents', filename: 'Contract.pdf', id: String(document.id) }],
      context: { name: 'Ann' },
      template: template.internalName,
      to,
    })

    // the queue and the log hold the reference only
    expect((await getLog(String(log.id))).attachments).toEqual([
      { collection: 'page-documents', filename: 'Contract.pdf', id: String(document.id) },
    ])
    const [job] = await findJobs(t, String(log.id))
    expect(job!.input).toEqual({ emailLog: String(log.id) })

    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.rcptTo).toEqual([to])
    expect(message!.text).toBe('Hello Ann')
    expect(message!.attachments).toHaveLength(1)
    expect(message!.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: 'Contract.pdf' })
    expect(message!.attachments[0]!.content.equals(content)).toBe(true)
    expect((await getLog(String(log.id))).status).toBe('SENT')
  })

  it('without a name, the attachment keeps the stored file name', async () => {
    const template = await createTemplate(t)
    const name = `${unique('notes')}.txt`
    const document = await storedDocument(Buffer.from('plain notes\n'), name, 'text/plain')
    await queueEmail(await requestAs(t), {
      attachments: [{ collection: 'page-documents', id: String(document.id) }],
      context: { name: 'Bo' },
      template: template.internalName,
      to: `${unique('to')}@example.org`,
    })
    await t.payload.jobs.run()
    const [message] = await sink.waitFor(1)
    expect(message!.attachments.map((attachment) => [attachment.filename, attachment.content.toString()])).toEqual([
      [name, 'plain notes\n'],
    ])
  })

  it('a file gone from storage, or a reference to a collection without files, fails the attempt and is logged; nothing is sent', async () => {
    const template = await createTemplate(t)
    const document = await storedDocument(await pdf('Gone'), `${unique('gone')}.pdf`)
    fs.rmSync(path.join(dataDir, 'uploads', 'page-documents', String(document.filename)))
    const missing = await queueEmail(await requestAs(t), {
      attachments: [{ collection: 'page-documents', id: String(document.id) }],
      template: template.internalName,
      to: `${unique('to')}@example.org`,
    })
    const notUpload = await queueEmail(await requestAs(t), {
      attachments: [{ collection: 'email-templates', id: String(template.id) }],
      template: template.internalName,
      to: `${unique('to')}@example.org`,
    })
    await t.payload.jobs.run()
    expect(sink.messages).toHaveLength(0)
    const failed = await getLog(String(missing.id))
    expect(failed).toMatchObject({ attempts: 1, status: 'FAILED' })
    expect(failed.errorMessage).toMatch(/ENOENT|no such file/)
    const refused = await getLog(String(notUpload.id))
    expect(refused).toMatchObject({ attempts: 1, status: 'FAILED' })
    expect(refused.errorMessage).toMatch(/email-templates is not an upload collection/)
  })
})
