import fs from 'node:fs'
import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'
import nodemailer from 'nodemailer'

import { dataRoot } from '../platform/paths'

/** Where development mail goes when no SMTP server is configured. */
export const mailDir = (): string => path.join(dataRoot(), 'mail')

/**
 * A nodemailer transport that writes each message, whole, to a readable
 * .eml file instead of the network.
 */
const fileTransport = () =>
  nodemailer.createTransport({
    name: 'file',
    send: (mail: any, callback: (err: Error | null, info?: unknown) => void) => {
      const dir = mailDir()
      fs.mkdirSync(dir, { recursive: true })
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.eml`,
      )
      const out = fs.createWriteStream(file)
      mail.message
        .createReadStream()
        .pipe(out)
        .on('finish', () =>
          callback(null, { envelope: mail.message.getEnvelope(), file, messageId: mail.message.messageId() }),
        )
        .on('error', (err: Error) => callback(err))
    },
    version: '1',
  } as never)

/** True when the message was written to a file (no SMTP_HOST) rather than sent: the log says FILE, not SENT. */
export const writtenToFile = (info: unknown): boolean =>
  typeof info === 'object' && info !== null && typeof (info as { file?: unknown }).file === 'string'

/**
 * Production without SMTP_HOST writes every email to files nobody reads:
 * said once, when the process that sends mail (the queue worker) starts.
 */
export const warnIfMailGoesToFiles = (logger: { warn: (obj: object) => void }): void => {
  if (process.env.NODE_ENV !== 'production' || process.env.SMTP_HOST) return
  logger.warn({
    msg: `SMTP_HOST is not set: email is written to ${mailDir()} instead of being sent (email logs say FILE)`,
  })
}

/** SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE) select real SMTP. */
export const emailAdapter = (): Promise<EmailAdapter> | EmailAdapter => {
  const host = process.env.SMTP_HOST
  const transport = host
    ? nodemailer.createTransport({
        auth: process.env.SMTP_USER ? { pass: process.env.SMTP_PASSWORD, user: process.env.SMTP_USER } : undefined,
        host,
        port: Number(process.env.SMTP_PORT ?? 587),
        secure: process.env.SMTP_SECURE === 'true',
        // a local sink (tests, mailpit) speaks plain SMTP
        ignoreTLS: process.env.SMTP_SECURE !== 'true' && process.env.SMTP_REQUIRE_TLS !== 'true',
      })
    : fileTransport()
  return nodemailerAdapter({
    defaultFromAddress: process.env.EMAIL_FROM ?? 'noreply@python.org',
    defaultFromName: process.env.EMAIL_FROM_NAME ?? 'Python.org',
    skipVerify: true,
    transport,
  })
}
