/**
 * Development mail: with no SMTP_HOST, the email adapter writes each message
 * to a readable .eml file under <data dir>/mail. Its own file, because the
 * adapter is chosen when the config loads.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { queueEmail } from '../../src/mailing/queueEmail'
import { mailDir, warnIfMailGoesToFiles } from '../../src/mailing/transport'
import { parseMessage } from '../helpers/smtpSink'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { createTemplate, requestAs, unique } from './fixtures'

let t: TestContext
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-mail-'))
  delete process.env.SMTP_HOST
  delete process.env.SMTP_PORT
  t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir })
  await t.makeUser('superuser') // the first account of a database is a superuser
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(dataDir, { force: true, recursive: true })
})

const emlFiles = () => (fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((name) => name.endsWith('.eml')) : [])

it('mail goes to the data folder, not to the repository', () => {
  expect(mailDir()).toBe(path.join(dataDir, 'mail'))
})

it('writes one readable .eml file per email and logs it FILE, not SENT', async () => {
  const template = await createTemplate(t, {
    contentHtml: '<p>Hi {{ name }}</p>',
    contentText: 'Hi {{ name }},\nyour code is {{ code }}.',
    subject: 'Code for {{ name }}',
  })
  const to = `${unique('dev')}@example.org`
  const log = await queueEmail(await requestAs(t), { context: { code: 'XYZ-42', name: '<Ann>' }, template: template.internalName, to })
  expect(emlFiles()).toHaveLength(0)

  await t.payload.jobs.run()

  const files = emlFiles()
  expect(files).toHaveLength(1)
  const raw = fs.readFileSync(path.join(mailDir(), files[0]!), 'utf8')
  const message = parseMessage(raw)
  expect(message.headers.to).toContain(to)
  expect(message.headers.from).toContain(process.env.EMAIL_FROM ?? 'noreply@python.org')
  expect(message.subject).toBe('Code for <Ann>')
  expect(message.text).toBe('Hi <Ann>,\nyour code is XYZ-42.')
  expect(message.html).toBe('<p>Hi &lt;Ann&gt;</p>')

  const sent = await t.payload.findByID({ collection: 'email-logs', id: log.id, overrideAccess: true })
  expect(sent).toMatchObject({ attempts: 1, status: 'FILE', subject: 'Code for <Ann>' })
})

it('warns, in production only, when mail goes to files (the worker says it once at startup)', () => {
  const warnings: object[] = []
  const logger = { warn: (line: object) => void warnings.push(line) }
  const env = process.env as Record<string, string | undefined>
  const nodeEnv = env.NODE_ENV
  try {
    env.NODE_ENV = 'production'
    warnIfMailGoesToFiles(logger)
    expect(warnings).toEqual([{ msg: expect.stringMatching(/SMTP_HOST is not set: email is written to .*mail/) }])
    process.env.SMTP_HOST = 'smtp.example.org'
    warnIfMailGoesToFiles(logger)
    delete process.env.SMTP_HOST
    env.NODE_ENV = 'development'
    warnIfMailGoesToFiles(logger)
    expect(warnings).toHaveLength(1)
  } finally {
    env.NODE_ENV = nodeEnv
    delete process.env.SMTP_HOST
  }
})
