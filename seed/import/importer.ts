/**
 * python.org's Django data into this project (`npm run import:pythondotorg`).
 *
 * 1. Every file is streamed once (./read.ts): its rows' shape is checked and
 *    they are spooled by model; a file that is not a dump (bad JSON, a row
 *    without model or fields) is reported with its index and not imported.
 * 2. The files are grouped and ordered so that foreign keys always point
 *    at rows already written (./plan.ts); each group is one transaction.
 * 3. Within a group the models go in dependency order, each row through its
 *    domain's ModelMapper (src/<domain>/djangoImport.ts), written with the
 *    Local API as the system: overrideAccess, because python.org's data
 *    carries values no client may write (ids, stamps, workflow states), and
 *    the context flags below, because the workflow hooks must accept the
 *    states python.org's rows are in (an APPROVED job, a FINALIZED
 *    sponsorship) instead of walking them through the workflow, and no
 *    email may go out for things that happened years ago.
 *
 * Rows are matched by python.org's pk (`legacyId`): a second run updates
 * instead of duplicating. What a row became is recorded in
 * `pythondotorg_import_rows` (a hash of the mapped data): a row whose data
 * is unchanged is not written again, so re-running an unchanged dump
 * changes nothing at all (not even `updatedAt`).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import {
  type CollectionSlug,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import { PYTHONDOTORG_API_WRITE } from '../../fields/pythondotorgRules'
import { execute } from '../../src/platform/db/sql'
import { type DjangoRow, type ImportContext, type ModelMapper, UnimportableRow } from '../../src/platform/djangoImport'
import { allMappers } from './mappers'
import { orderMappers, planGroups } from './plan'
import { type Progress, progressBars } from './progress'
import { readSpool, type ScannedFile, scanFile } from './read'

/**
 * The importer's request context. PRESERVE_CONTENT_MANAGED is the import
 * flag every domain's hooks honour (python.org's stamps and workflow states
 * kept, no emails: src/mailing/queueEmail.ts sends nothing under it);
 * PYTHONDOTORG_API_WRITE holds values to python.org's own field rules (a
 * Django slug with capitals), which its data met; skipNotifications is what
 * the submission notices check.
 */
export const IMPORT_CONTEXT = {
  [PRESERVE_CONTENT_MANAGED]: true,
  [PYTHONDOTORG_API_WRITE]: true,
  skipNotifications: true,
}

export type ImportOptions = {
  files: string[]
  /** the mappers to run (default: every domain's) */
  mappers?: ModelMapper[]
  /** a copy of python.org's MEDIA_ROOT, for the uploads (page images and documents, photos) */
  media?: string
  /** log lines (default: none) */
  log?: (line: string) => void
  /** where the progress bars go (only drawn on a terminal) */
  progress?: NodeJS.WriteStream
  /** python.org's settings.TIME_ZONE, for naive datetimes */
  siteTimeZone?: string
}

export type RowRef = { file: string; index: number; model: string; pk: DjangoRow['pk'] }

export type FileReport = {
  file: string
  /** the row that made the file fail, and why */
  error?: Partial<RowRef> & { message: string }
  models: Record<string, number>
  rows: number
  status: 'failed' | 'imported'
  /** the other files imported in the same transaction (they depend on each other) */
  together: string[]
}

export type Counts = { created: number; unchanged: number; updated: number }

export type SkippedField = { count: number; examples: DjangoRow['pk'][]; field: string; model: string; why: string }

export type ImportSummary = {
  collections: Record<string, Counts>
  files: FileReport[]
  /** rows a mapper could not carry across, and why (the rest of their file is imported) */
  notImported: (RowRef & { why: string })[]
  /** models only read into other documents (a level's benefits), with their row counts */
  readInto: Record<string, number>
  /** fields not carried across, by model, field and reason */
  skipped: SkippedField[]
  /** documents created here that held a python.org id the import needed: they got new ones */
  renumbered: { collection: string; from: number; to: number }[]
  /** models this project has no equivalent for, with their row counts */
  unknownModels: Record<string, number>
}

const CACHE_LIMIT = 200_000

const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

const digest = (value: unknown) => crypto.createHash('sha256').update(stable(value)).digest('hex')

/** What a Payload or database error says, with the fields a validation error names. */
export const describeError = (err: unknown): string => {
  const error = err as {
    cause?: { detail?: string }
    data?: { errors?: { message: string; path: string }[] }
    detail?: string
    message?: string
  }
  const fields = error.data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ')
  const detail = error.detail ?? error.cause?.detail
  return [fields || error.message || String(err), detail].filter(Boolean).join(' ')
}

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/** A stored value and a mapped one compared as the database holds them (ids, instants). */
const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(comparable)
  const id = idOf(value)
  if (typeof id === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(id)) return new Date(id).getTime()
  return id === undefined || id === '' ? null : id
}

export const importPythondotorg = async (payload: Payload, options: ImportOptions): Promise<ImportSummary> => {
  const log = options.log ?? (() => undefined)
  const mappers = orderMappers(options.mappers ?? allMappers)
  const byModel = new Map(mappers.map((mapper) => [mapper.model, mapper]))
  const readOnly = new Set(mappers.flatMap((mapper) => mapper.reads ?? []))
  const summary: ImportSummary = {
    collections: {},
    files: [],
    notImported: [],
    readInto: {},
    renumbered: [],
    skipped: [],
    unknownModels: {},
  }
  const skipped = new Map<string, SkippedField>()
  const count = (collection: string, what: keyof Counts) => {
    summary.collections[collection] ??= { created: 0, unchanged: 0, updated: 0 }
    summary.collections[collection][what]++
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pythondotorg-import-'))
  const progress: Progress = progressBars(options.progress)
  try {
    // 1. read every file once
    const scanned: ScannedFile[] = []
    for (const [number, file] of options.files.entries()) {
      const bar = progress.bar(path.basename(file))
      const size = fs.existsSync(file) ? fs.statSync(file).size : 0
      bar.phase('reading', size)
      const result = await scanFile(file, scratch, number, (bytes) => bar.update(bytes))
      bar.done()
      scanned.push(result)
      for (const [model, rows] of result.models) {
        if (byModel.has(model)) continue
        if (readOnly.has(model)) summary.readInto[model] = (summary.readInto[model] ?? 0) + rows
        else summary.unknownModels[model] = (summary.unknownModels[model] ?? 0) + rows
      }
      log(
        result.malformed
          ? `${file}: not a dump python.org's dumpdata writes (${result.malformed.index === null ? '' : `row ${result.malformed.index}: `}${result.malformed.message}); not imported`
          : `${file}: ${result.rows} rows of ${result.models.size} models`,
      )
    }
    const readable = scanned.filter((file) => !file.malformed)
    for (const file of scanned.filter((candidate) => candidate.malformed)) {
      summary.files.push({
        error: { file: file.file, index: file.malformed!.index ?? undefined, message: file.malformed!.message },
        file: file.file,
        models: Object.fromEntries(file.models),
        rows: file.rows,
        status: 'failed',
        together: [],
      })
    }

    // rows of models read into other documents, from every file
    const rowsCache = new Map<string, DjangoRow[]>()
    const rowsOf = async (model: string) => {
      if (!rowsCache.has(model)) {
        const rows: DjangoRow[] = []
        for (const file of readable) {
          const spool = file.spools.get(model)
          if (spool) for await (const { row } of readSpool(spool)) rows.push(row)
        }
        rowsCache.set(model, rows)
      }
      return rowsCache.get(model)!
    }
    for (const model of readOnly) await rowsOf(model)

    // ids of rows imported in earlier groups (committed), and of this group's (until it commits)
    const cache = new Map<string, string>()
    const remember = (key: string, id: string) => {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
      cache.set(key, id)
    }
    const keyOf = (model: string, key: unknown) => `${model}:${JSON.stringify(key)}`

    // 2. and 3. group by group, one transaction each
    for (const group of planGroups(
      readable.map((file) => ({ models: [...file.models.keys()] })),
      mappers,
    )) {
      const files = group.map((number) => readable[number]!)
      const pending = new Map<string, string>()
      const groupCounts: [string, keyof Counts][] = []
      const groupNotImported: ImportSummary['notImported'] = []
      const groupRenumbered: ImportSummary['renumbered'] = []
      const groupSkips: [DjangoRow, string, string][] = []
      let current: null | RowRef = null
      let currentRow: DjangoRow | null = null

      const req: PayloadRequest = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, payload)
      await initTransaction(req)

      const findId = async (collection: CollectionSlug, where: Where): Promise<null | string> => {
        // overrideAccess: the importer looks up what it imported, whoever may read it
        const { docs } = await payload.find({
          collection,
          depth: 0,
          limit: 1,
          overrideAccess: true,
          pagination: false,
          req,
          select: {},
          where,
        })
        return docs[0] ? String(docs[0].id) : null
      }

      const lookup = async (model: string, key: unknown): Promise<null | string> => {
        const mapper = byModel.get(model)
        if (!mapper || mapper.patches || key === null || key === undefined) return null
        const cacheKey = keyOf(model, key)
        const known = pending.get(cacheKey) ?? cache.get(cacheKey)
        if (known) return known
        let id: null | string = null
        if (Array.isArray(key)) {
          // Django's natural keys: python.org's users are dumped as ["username"] (compared case-insensitively there)
          if (model === 'users.user' && typeof key[0] === 'string') {
            id = await findId('users', { username: { equals: key[0].toLowerCase() } })
          }
        } else if (Number.isInteger(Number(key)) && Number(key) > 0) {
          id = await findId(mapper.collection, { legacyId: { equals: Number(key) } })
        }
        if (id) remember(cacheKey, id)
        return id
      }

      const skip = (row: DjangoRow, field: string, why: string) => groupSkips.push([row, field, why])

      const context: ImportContext = {
        ensure: async (collection, where, data) => {
          const existing = await findId(collection, where)
          if (existing) return existing
          // overrideAccess: a supporting document the system creates for python.org's data
          const doc = await payload.create({ collection, data: data as never, depth: 0, overrideAccess: true, req })
          return String(doc.id)
        },
        resolve: async (model, key) => {
          const id = await lookup(model, key)
          if (!id && key !== null && key !== undefined && currentRow && byModel.has(model)) {
            const field =
              Object.entries(currentRow.fields).find(
                ([, value]) =>
                  JSON.stringify(value) === JSON.stringify(key) ||
                  (Array.isArray(value) && value.some((item) => JSON.stringify(item) === JSON.stringify(key))),
              )?.[0] ?? model
            skip(
              currentRow,
              field,
              `refers to ${model} ${JSON.stringify(key)}, in no dump given and not imported before`,
            )
          }
          return id
        },
        rows: (model) => rowsCache.get(model) ?? [],
        siteTimeZone: options.siteTimeZone ?? 'UTC',
        skip,
      }

      const ledger = async (model: string, pk: DjangoRow['pk']): Promise<null | string> => {
        const [row] = await execute(
          req,
          sql`SELECT data_hash FROM pythondotorg_import_rows WHERE model = ${model} AND pk = ${String(pk)}`,
        )
        return row ? String(row.data_hash) : null
      }
      const record = (model: string, pk: DjangoRow['pk'], hash: string) =>
        execute(
          req,
          sql`INSERT INTO pythondotorg_import_rows (model, pk, data_hash, imported_at)
              VALUES (${model}, ${String(pk)}, ${hash}, now())
              ON CONFLICT (model, pk) DO UPDATE SET data_hash = EXCLUDED.data_hash, imported_at = EXCLUDED.imported_at`,
        )

      const mediaFile = (relative: null | string): null | string => {
        if (!relative || !options.media) return null
        const root = path.resolve(options.media)
        const full = path.resolve(root, relative)
        return full.startsWith(root + path.sep) && fs.existsSync(full) ? full : null
      }

      const checkShape = (mapper: ModelMapper, row: DjangoRow) => {
        if (!mapper.fields) return
        const expected = new Set(mapper.fields)
        for (const field of Object.keys(row.fields)) {
          if (!expected.has(field))
            skip(row, field, `not a field of python.org's ${row.model} as this importer knows it: not imported`)
        }
        for (const field of mapper.fields) {
          if (!(field in row.fields)) skip(row, field, 'missing from the dump: left empty (or its default)')
        }
      }

      const writeRow = async (mapper: ModelMapper, row: DjangoRow, ref: RowRef) => {
        const notImported = (why: string) => groupNotImported.push({ ...ref, why })
        if (row.pk === null) {
          notImported('no pk: dump without --natural-primary, so that rows keep their python.org ids')
          return
        }
        checkShape(mapper, row)
        let data: Record<string, unknown>
        let target: null | string = null
        try {
          data = await mapper.toData(row, context)
          if (mapper.patches) target = await mapper.patches(row, context)
        } catch (err) {
          // the mapper's word on a row this project cannot represent (a bug shows here too, named)
          notImported(
            err instanceof UnimportableRow ? err.message.replace(/^.*?: not imported: /, '') : describeError(err),
          )
          return
        }
        const collection = mapper.collection

        if (mapper.patches) {
          if (!target) {
            notImported(`the ${collection} document it completes was not imported`)
            return
          }
          const hash = digest({ collection, data, target })
          if ((await ledger(row.model, row.pk)) === hash) {
            groupCounts.push([collection, 'unchanged'])
            return
          }
          // overrideAccess: the system completes a document from python.org's data
          await payload.update({ collection, data: data as never, depth: 0, id: target, overrideAccess: true, req })
          await record(row.model, row.pk, hash)
          groupCounts.push([collection, 'updated'])
          return
        }

        let filePath: string | undefined
        if (mapper.file) {
          const relative = mapper.file(row)
          const found = mediaFile(relative)
          if (!found) {
            notImported(
              relative
                ? `its file ${relative} is not in the media folder${options.media ? ` ${options.media}` : ' (give --media: a copy of python.org’s MEDIA_ROOT)'}`
                : 'it has no file',
            )
            return
          }
          filePath = found
        }
        const fileStat = filePath ? fs.statSync(filePath) : null
        const hash = digest({ collection, data, file: fileStat ? [path.basename(filePath!), fileStat.size] : null })
        let existing = await findId(collection, { legacyId: { equals: row.pk } })
        const recorded = existing ? await ledger(row.model, row.pk) : null
        if (existing && recorded === null) {
          // a document created here holds python.org's id (its sequence ran before the import): python.org's
          // clients know the id as python.org's row's, so the local document takes the next free one
          const [moved] = await execute(
            req,
            sql`UPDATE ${sql.identifier(tableOf(collection))} SET legacy_id = nextval(${sequenceOf(collection)}::regclass)
                WHERE id = ${existing} RETURNING legacy_id`,
          )
          groupRenumbered.push({ collection, from: Number(row.pk), to: Number(moved!.legacy_id) })
          existing = null
        }
        let id: string
        if (existing && recorded === hash) {
          groupCounts.push([collection, 'unchanged'])
          pending.set(keyOf(row.model, row.pk), existing)
          return
        }
        if (existing) {
          // overrideAccess: the system writes python.org's data, ids and states, which no client may
          await payload.update({
            collection,
            data: data as never,
            depth: 0,
            filePath,
            id: existing,
            overrideAccess: true,
            req,
          })
          groupCounts.push([collection, 'updated'])
          id = existing
        } else {
          const doc = await payload.create({
            collection,
            data: { ...data, legacyId: row.pk } as never,
            depth: 0,
            filePath,
            overrideAccess: true,
            req,
          })
          groupCounts.push([collection, 'created'])
          id = String(doc.id)
        }
        await record(row.model, row.pk, hash)
        pending.set(keyOf(row.model, row.pk), id)
      }

      const linkRow = async (mapper: ModelMapper, row: DjangoRow) => {
        const id = await lookup(row.model, row.pk)
        if (!id) return
        const changes = await mapper.link!(row, context, id)
        if (!changes || !Object.keys(changes).length) return
        // overrideAccess: the system reads back what it wrote
        const doc = (await payload.findByID({
          collection: mapper.collection,
          depth: 0,
          id,
          overrideAccess: true,
          req,
        })) as unknown as Record<string, unknown>
        const changed = Object.keys(changes).some(
          (key) => stable(comparable(changes[key])) !== stable(comparable(doc[key])),
        )
        if (!changed) return
        await payload.update({
          collection: mapper.collection,
          data: changes as never,
          depth: 0,
          id,
          overrideAccess: true,
          req,
        })
      }

      const bars = new Map(files.map((file) => [file.file, progress.bar(path.basename(file.file))]))
      const done = new Map(files.map((file) => [file.file, 0]))
      for (const file of files) {
        const known = [...file.models].filter(([model]) => byModel.has(model)).reduce((sum, [, rows]) => sum + rows, 0)
        bars.get(file.file)!.phase('importing', known)
      }
      const together = files.map((file) => file.file)
      log(
        together.length > 1
          ? `importing ${together.join(', ')} together (they refer to each other)`
          : `importing ${together[0]}`,
      )

      const sequenceOf = (collection: CollectionSlug) =>
        `${(payload.collections[collection].config.dbName as string | undefined) ?? collection.replace(/-/g, '_')}_legacy_id_seq`
      const tableOf = (collection: CollectionSlug) =>
        (payload.collections[collection].config.dbName as string | undefined) ?? collection.replace(/-/g, '_')

      try {
        for (const mapper of mappers) {
          const holding = files.filter((file) => file.spools.has(mapper.model))
          const maxPk = Math.max(0, ...holding.map((file) => file.maxPk.get(mapper.model) ?? 0))
          if (holding.length && !mapper.patches && maxPk > 0) {
            // python.org's ids are taken as they are: the sequence hands out only ids above them from now on
            const sequence = sequenceOf(mapper.collection)
            await execute(
              req,
              sql`SELECT setval(${sequence}::regclass, GREATEST(${maxPk}::bigint, (SELECT last_value FROM ${sql.identifier(sequence)})))`,
            )
          }
          for (const file of holding) {
            for await (const { index, row } of readSpool(file.spools.get(mapper.model)!)) {
              current = { file: file.file, index, model: row.model, pk: row.pk }
              currentRow = row
              await writeRow(mapper, row, current)
              done.set(file.file, done.get(file.file)! + 1)
              bars.get(file.file)!.update(done.get(file.file)!)
            }
          }
          if (mapper.link) {
            for (const file of holding) {
              for await (const { index, row } of readSpool(file.spools.get(mapper.model)!)) {
                current = { file: file.file, index, model: row.model, pk: row.pk }
                currentRow = row
                await linkRow(mapper, row)
              }
            }
          }
        }
        current = null
        currentRow = null
        // checks deferred to commit (a FINALIZED sponsorship's EXECUTED contract) run now, where a failure can be reported
        await execute(req, sql`SET CONSTRAINTS ALL IMMEDIATE`)
        await commitTransaction(req)
      } catch (err) {
        await killTransaction(req)
        const message = describeError(err)
        const at = current as null | RowRef
        for (const file of files) {
          summary.files.push({
            error:
              at && at.file === file.file
                ? { ...at, message }
                : {
                    message: at
                      ? `not imported: ${at.file} (imported together with this file) failed`
                      : `at commit: ${message}`,
                  },
            file: file.file,
            models: Object.fromEntries(file.models),
            rows: file.rows,
            status: 'failed',
            together: together.filter((other) => other !== file.file),
          })
        }
        log(
          at
            ? `${at.file}: row ${at.index} (${at.model} ${String(at.pk)}): ${message}; nothing of ${together.join(', ')} imported`
            : `${together.join(', ')}: ${message}; nothing imported`,
        )
        continue
      } finally {
        for (const bar of bars.values()) bar.done()
      }

      // committed: what the group did becomes part of the summary
      for (const [key, id] of pending) remember(key, id)
      for (const [collection, what] of groupCounts) count(collection, what)
      summary.notImported.push(...groupNotImported)
      summary.renumbered.push(...groupRenumbered)
      for (const [row, field, why] of groupSkips) {
        const key = `${row.model}\u0000${field}\u0000${why}`
        const entry = skipped.get(key) ?? { count: 0, examples: [], field, model: row.model, why }
        entry.count++
        if (entry.examples.length < 5) entry.examples.push(row.pk)
        skipped.set(key, entry)
      }
      for (const file of files) {
        summary.files.push({
          file: file.file,
          models: Object.fromEntries(file.models),
          rows: file.rows,
          status: 'imported',
          together: together.filter((other) => other !== file.file),
        })
      }
      log(`${together.join(', ')}: imported`)
    }
  } finally {
    progress.stop()
    fs.rmSync(scratch, { force: true, recursive: true })
  }
  summary.skipped = [...skipped.values()]
  summary.files.sort((a, b) => options.files.indexOf(a.file) - options.files.indexOf(b.file))
  return summary
}
