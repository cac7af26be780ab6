/**
 * Reading a dump: `manage.py dumpdata` writes one JSON array of
 * `{ model, pk, fields }` rows, hundreds of megabytes for python.org's
 * users or downloads. The file is streamed through stream-json (one row in
 * memory at a time), each row's shape is checked, and the rows are spooled
 * into one line-delimited file per model in a scratch folder, so that the
 * import can then take the models in dependency order whatever order the
 * dump has them in, without holding the dump in memory.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { once } from 'node:events'

import streamArray from 'stream-json/streamers/stream-array.js'

import type { DjangoRow } from '../../src/platform/djangoImport'

export type SpooledRow = { index: number; row: DjangoRow }

export type ScannedFile = {
  /** the path as given */
  file: string
  /** the first problem that makes the whole file unimportable */
  malformed: null | { index: null | number; message: string }
  /** the highest integer pk per model */
  maxPk: Map<string, number>
  /** rows per model */
  models: Map<string, number>
  rows: number
  /** per model, the spool of its rows (JSON lines of SpooledRow) */
  spools: Map<string, string>
}

const MODEL = /^[a-z0-9_]+\.[a-z0-9_]+$/

/** What is wrong with a row's shape, or null: python.org's rows are `{ model, pk, fields }`. */
export const rowProblem = (value: unknown): null | string => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'a row must be an object'
  const row = value as Record<string, unknown>
  if (typeof row.model !== 'string' || !MODEL.test(row.model)) {
    return `"model" must be "app_label.modelname" in lowercase, not ${JSON.stringify(row.model)}`
  }
  if (!row.fields || typeof row.fields !== 'object' || Array.isArray(row.fields)) return '"fields" must be an object'
  const pk = row.pk
  const validPk =
    pk === null ||
    pk === undefined ||
    (typeof pk === 'number' && Number.isInteger(pk) && pk > 0) ||
    typeof pk === 'string'
  if (!validPk) return `"pk" must be a positive integer, not ${JSON.stringify(pk)}`
  return null
}

/**
 * Streams `file`, checks every row and spools it by model into `scratch`.
 * `onBytes` reports progress (bytes read so far).
 */
export const scanFile = async (
  file: string,
  scratch: string,
  fileNumber: number,
  onBytes: (bytesRead: number) => void = () => undefined,
): Promise<ScannedFile> => {
  const scanned: ScannedFile = {
    file,
    malformed: null,
    maxPk: new Map(),
    models: new Map(),
    rows: 0,
    spools: new Map(),
  }
  const writers = new Map<string, fs.WriteStream>()
  const writer = (model: string) => {
    let stream = writers.get(model)
    if (!stream) {
      const spool = path.join(scratch, `${fileNumber}-${model}.jsonl`)
      stream = fs.createWriteStream(spool)
      writers.set(model, stream)
      scanned.spools.set(model, spool)
    }
    return stream
  }
  let source: fs.ReadStream | undefined
  try {
    source = fs.createReadStream(file, { highWaterMark: 1 << 20 })
    source.on('data', () => onBytes(source!.bytesRead))
    await pipeline(
      source,
      streamArray.withParserAsStream(),
      async (items: AsyncIterable<{ key: number; value: unknown }>) => {
        for await (const { key, value } of items) {
          const problem = rowProblem(value)
          if (problem) {
            scanned.malformed = { index: key, message: problem }
            return
          }
          const row = value as DjangoRow
          scanned.rows++
          scanned.models.set(row.model, (scanned.models.get(row.model) ?? 0) + 1)
          if (typeof row.pk === 'number')
            scanned.maxPk.set(row.model, Math.max(row.pk, scanned.maxPk.get(row.model) ?? 0))
          const line = `${JSON.stringify({ index: key, row: { fields: row.fields, model: row.model, pk: row.pk ?? null } })}\n`
          const stream = writer(row.model)
          if (!stream.write(line)) await once(stream, 'drain')
        }
      },
    )
  } catch (err) {
    const message = (err as Error).message
    // the parser stops at the first row it cannot read: the one after those it gave
    scanned.malformed ??= {
      index: (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : scanned.rows,
      message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file` : `not valid JSON: ${message}`,
    }
  } finally {
    await Promise.all(
      [...writers.values()].map((stream) => new Promise<void>((resolve) => stream.end(() => resolve()))),
    )
  }
  return scanned
}

/** The rows of one spool, in dump order. */
export async function* readSpool(spool: string): AsyncGenerator<SpooledRow> {
  const lines = readline.createInterface({ crlfDelay: Infinity, input: fs.createReadStream(spool) })
  for await (const line of lines) if (line) yield JSON.parse(line) as SpooledRow
}
