import type { AddressInfo } from 'node:net'

import { SMTPServer, type SMTPServerAddress } from 'smtp-server'

/**
 * A local SMTP server for tests: it accepts every message (or refuses them
 * on demand) and keeps them in memory, raw and roughly parsed.
 *
 *   const sink = await startSmtpSink()
 *   t = await startTestPayload(sink.env)   // SMTP_HOST / SMTP_PORT for the email adapter
 *   ...
 *   const [message] = await sink.waitFor(1)
 *   await sink.close()
 */

export type SinkAttachment = { content: Buffer; contentType: string; filename?: string }

export type SinkMessage = {
  /** parts sent as attachments (Content-Disposition: attachment), decoded */
  attachments: SinkAttachment[]
  /** the AUTH user name, when the client authenticated */
  authUser?: string
  /** the decoded text/html part, if any (line ends as \n) */
  html?: string
  /** header names lower-cased; repeated headers joined with ", " */
  headers: Record<string, string>
  /** MAIL FROM */
  mailFrom: string
  /** the whole message as received (after DATA) */
  raw: string
  receivedAt: Date
  /** RCPT TO, in order */
  rcptTo: string[]
  /** the decoded Subject header (RFC 2047 words decoded) */
  subject: string
  /** the decoded text/plain part, if any (line ends as \n) */
  text?: string
}

export type SmtpFailure = { code: number; message: string }

export type SmtpSink = {
  /** env for `startTestPayload`: points the email adapter at this sink */
  env: Record<string, string>
  host: string
  /** every message received so far, oldest first */
  messages: SinkMessage[]
  /** the messages that have `address` among their recipients */
  messagesTo: (address: string) => SinkMessage[]
  port: number
  /** forget the messages received so far */
  clear: () => void
  /** stops listening; the port can be reused by `startSmtpSink({ port })` */
  close: () => Promise<void>
  /**
   * Refuse every following message with this SMTP reply (e.g. 451 to make
   * the sender retry, 550 for a permanent refusal); `null` accepts again.
   */
  failWith: (failure: null | SmtpFailure) => void
  /**
   * Keeps every following message waiting after its DATA, unanswered (the
   * sender's send is still running), until `release()` accepts them.
   */
  hold: () => { release: () => void }
  /** resolves once at least `count` messages arrived (rejects after `timeoutMs`) */
  waitFor: (count: number, timeoutMs?: number) => Promise<SinkMessage[]>
  /** resolves once at least `count` messages are being held (rejects after `timeoutMs`) */
  waitForHeld: (count: number, timeoutMs?: number) => Promise<void>
}

export type SmtpSinkOptions = { host?: string; port?: number }

// --- a small MIME reader: enough for what nodemailer writes -----------------

const splitHeadAndBody = (raw: string): [string, string] => {
  const match = /\r?\n\r?\n/.exec(raw)
  return match ? [raw.slice(0, match.index), raw.slice(match.index + match[0].length)] : [raw, '']
}

const parseHeaders = (head: string): Record<string, string> => {
  const headers: Record<string, string> = {}
  // unfold continuation lines
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
  }
  return headers
}

const decodeQuotedPrintable = (input: string): string => {
  const softBreaksRemoved = input.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < softBreaksRemoved.length; i += 1) {
    const char = softBreaksRemoved[i]!
    const hex = softBreaksRemoved.slice(i + 1, i + 3)
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(char, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

const decodeBody = (body: string, encoding = ''): string => {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    case 'quoted-printable':
      return decodeQuotedPrintable(body)
    default:
      return body
  }
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`). */
const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )

const headerParam = (value: string | undefined, param: string): string | undefined => {
  const match = new RegExp(`${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '')
  return match ? (match[1] ?? match[2]) : undefined
}

/**
 * Walks the MIME tree and returns the first text/plain and text/html leaves,
 * with \n line ends, and every attachment. (The line end SMTP puts before its final "." is not
 * part of a single-part body.)
 */
type Found = { attachments: SinkAttachment[]; html?: string; text?: string }

const readParts = (raw: string, found: Found = { attachments: [] }, top = true) => {
  const [head, rawBody] = splitHeadAndBody(raw)
  const body = top ? rawBody.replace(/\r?\n$/, '') : rawBody
  const headers = parseHeaders(head)
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase()
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(headers['content-type'], 'boundary')
    if (!boundary) return found
    const sections = body.split(
      new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`),
    )
    // the preamble and the epilogue are not parts
    for (const section of sections.slice(1, -1)) readParts(section, found, false)
    return found
  }
  const disposition = headers['content-disposition'] ?? ''
  if (/^attachment/i.test(disposition)) {
    const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase()
    found.attachments.push({
      content:
        encoding === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
          : Buffer.from(decodeBody(body, encoding)),
      contentType: type.split(';')[0]!.trim(),
      filename: headerParam(disposition, 'filename') ?? headerParam(headers['content-type'], 'name'),
    })
    return found
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']).replace(/\r\n/g, '\n')
  if (type.startsWith('text/html')) found.html ??= decoded
  else if (type.startsWith('text/plain')) found.text ??= decoded
  return found
}

export const parseMessage = (
  raw: string,
): Pick<SinkMessage, 'attachments' | 'headers' | 'html' | 'subject' | 'text'> => {
  const [head] = splitHeadAndBody(raw)
  const headers = parseHeaders(head)
  const { attachments, html, text } = readParts(raw)
  return { attachments, headers, html, subject: decodeWords(headers.subject ?? ''), text }
}

// --- the server --------------------------------------------------------------

const addressOf = (address: false | SMTPServerAddress) => (address ? address.address : '')

export const startSmtpSink = async ({ host = '127.0.0.1', port = 0 }: SmtpSinkOptions = {}): Promise<SmtpSink> => {
  const messages: SinkMessage[] = []
  const waiters = new Set<() => void>()
  let failure: null | SmtpFailure = null
  let holding: null | Promise<void> = null
  let held = 0

  const refusal = () => {
    if (!failure) return null
    return Object.assign(new Error(failure.message), { responseCode: failure.code })
  }

  const server = new SMTPServer({
    // a client that sends credentials (SMTP_USER) is let in, whatever they are
    allowInsecureAuth: true,
    authOptional: true,
    // close() waits at most this long for a client that still holds a connection
    closeTimeout: 1000,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    secure: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onRcptTo: (_address, _session, callback) => callback(refusal()),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (err) => callback(err))
      stream.on('end', () => {
        const answer = () => {
          const refused = refusal()
          if (refused) return callback(refused)
          const raw = Buffer.concat(chunks).toString('utf8')
          messages.push({
            ...parseMessage(raw),
            authUser: typeof session.user === 'string' ? session.user : undefined,
            mailFrom: addressOf(session.envelope.mailFrom),
            raw,
            rcptTo: session.envelope.rcptTo.map(addressOf),
            receivedAt: new Date(),
          })
          for (const wake of waiters) wake()
          callback()
        }
        if (!holding) return answer()
        held += 1
        for (const wake of waiters) wake()
        void holding.then(() => {
          held -= 1
          answer()
        })
      })
    },
  })
  server.on('error', () => undefined)

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(port, host, () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const boundPort = (server.server.address() as AddressInfo).port

  /** resolves with `read()` once `ready()` holds (after each message), rejects after `timeoutMs` */
  const waitUntil = <T>(ready: () => boolean, read: () => T, timeoutMs: number, failure: () => string) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        if (!ready()) return
        cleanup()
        resolve(read())
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(failure()))
      }, timeoutMs)
      const cleanup = () => {
        clearTimeout(timer)
        waiters.delete(check)
      }
      waiters.add(check)
      check()
    })

  const waitFor: SmtpSink['waitFor'] = (count, timeoutMs = 10_000) =>
    waitUntil(
      () => messages.length >= count,
      () => [...messages],
      timeoutMs,
      () => `SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`,
    )

  const waitForHeld: SmtpSink['waitForHeld'] = (count, timeoutMs = 10_000) =>
    waitUntil(
      () => held >= count,
      () => undefined,
      timeoutMs,
      () => `SMTP sink: expected ${count} held message(s) within ${timeoutMs} ms, got ${held}`,
    )

  return {
    env: { SMTP_HOST: host, SMTP_PORT: String(boundPort) },
    host,
    messages,
    messagesTo: (address) =>
      messages.filter((message) => message.rcptTo.some((rcpt) => rcpt.toLowerCase() === address.toLowerCase())),
    port: boundPort,
    clear: () => {
      messages.length = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    failWith: (next) => {
      failure = next
    },
    hold: () => {
      let release = () => undefined as void
      holding = new Promise<void>((resolve) => {
        release = () => {
          holding = null
          resolve()
        }
      })
      return { release }
    },
    waitFor,
    waitForHeld,
  }
}
