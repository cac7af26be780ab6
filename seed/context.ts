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

import type { User } from '../payload-types'
import { execute } from '../src/platform/db/sql'
import type { Progress } from './progress'

export type SQLQuery = ReturnType<typeof sql>
export type Row = Record<string, unknown>
export type SeedLog = (message: string) => void

export type Counts = { created: number; skipped: number }

/** What the run did, per collection: rows it created, and rows it found already there. */
export class Tally {
  readonly counts = new Map<string, Counts>()

  private entry(collection: string): Counts {
    let counts = this.counts.get(collection)
    if (!counts) {
      counts = { created: 0, skipped: 0 }
      this.counts.set(collection, counts)
    }
    return counts
  }

  created(collection: string, amount = 1) {
    this.entry(collection).created += amount
  }

  skipped(collection: string, amount = 1) {
    this.entry(collection).skipped += amount
  }

  total(): Counts {
    let created = 0
    let skipped = 0
    for (const counts of this.counts.values()) {
      created += counts.created
      skipped += counts.skipped
    }
    return { created, skipped }
  }

  toJSON(): Record<string, Counts> {
    return Object.fromEntries([...this.counts.entries()].map(([key, value]) => [key, { ...value }]))
  }
}

/** The run as a whole: who acts, what time it is, how much to make. */
export type SeedRun = {
  /** the demo users by username, as `req.user` carries them (the workflows' actors) */
  actors: Map<string, User>
  log: SeedLog
  /** the clock's now when the run started: every date relative to today derives from it */
  now: Date
  payload: Payload
  progress: Progress
  scale: number
  tally: Tally
}

export type Ensured = { created: boolean; id: string }

/** One step of the run, in a transaction of its own. */
export type Step = SeedRun & {
  /** a Local API request in this step's transaction, acting as `user` (none: the system itself) */
  req: (user?: null | User, context?: Record<string, unknown>) => Promise<PayloadRequest>
  /** raw SQL in this step's transaction */
  query: (statement: SQLQuery) => Promise<Row[]>
  /**
   * The row the seed knows as `key` in `collection`: the one it recorded
   * earlier, or one already there by its natural key (`find`), or a new
   * one (`create`), recorded as the seed's.
   */
  ensure: (
    collection: CollectionSlug,
    key: string,
    how: { create: () => Promise<string>; find?: () => Promise<null | string> },
  ) => Promise<Ensured>
  /** the id of the row recorded as `key` in `collection`, if it still exists */
  recorded: (collection: CollectionSlug, key: string) => Promise<null | string>
  /** records a row the seed's workflows created along the way (a contract, a nominee) */
  record: (collection: CollectionSlug, key: string, id: string) => Promise<void>
  /** counts as skipped the rows recorded under `keyPrefix` (what a skipped row's workflow made the first time) */
  skipRecorded: (collection: CollectionSlug, keyPrefix: string) => Promise<void>
  /** the id of the first row matching `where` (any row: the seed's or not) */
  findId: (collection: CollectionSlug, where: Where) => Promise<null | string>
  /** the user named `username` (a demo user or the superuser) */
  actor: (username: string) => User
  /** progress of this step */
  tick: (amount?: number) => void
}

/** The table a collection lives in (its dbName). */
export const tableOf = (payload: Payload, collection: string): string => {
  const map = (payload.db as unknown as { tableNameMap: Map<string, string> }).tableNameMap
  const table = map.get(collection.replace(/-/g, '_'))
  if (!table) throw new Error(`no table for collection ${collection}`)
  return table
}

/**
 * The workflows the seed plays send notifications (a job submitted, a
 * contract sent): those emails were queued in this transaction and are
 * dropped with their log rows before it commits. A seeded site mails nobody:
 * the demo addresses are made up, and the team addresses are real.
 * (`xmin` is the transaction that wrote the row: only this step's rows.)
 */
const dropQueuedEmails = async (req: PayloadRequest) =>
  execute(
    req,
    sql`WITH dropped AS (
          DELETE FROM email_logs WHERE status = 'QUEUED' AND xmin::text::bigint = txid_current() % 4294967296 RETURNING id
        )
        DELETE FROM payload_jobs WHERE task_slug = 'sendEmail' AND input->>'emailLog' IN (SELECT id::text FROM dropped)`,
  )

/**
 * Runs `body` as one step: one transaction (nothing of a failed step
 * stays), a progress line (a bar when it takes a while), and a note of what
 * it created and skipped.
 */
export const runStep = async <T>(
  run: SeedRun,
  name: string,
  total: number,
  body: (step: Step) => Promise<T>,
): Promise<T> => {
  const { payload, tally } = run
  const base = await createLocalReq({}, payload)
  await initTransaction(base)
  const progress = run.progress.step(name, total)
  const before = tally.total()

  const req: Step['req'] = async (user = null, context = {}) => {
    // a request of its own per call: Payload merges a call's context into
    // its req for good, and one actor's flags must not leak into the next call
    const local = await createLocalReq({ context, user: (user ?? undefined) as never }, payload)
    local.transactionID = base.transactionID
    return local
  }
  const query: Step['query'] = (statement) => execute(base, statement)

  const record: Step['record'] = async (collection, key, id) => {
    await query(sql`INSERT INTO seed_records (collection, key, doc_id) VALUES (${collection}, ${key}, ${id})
                    ON CONFLICT (collection, key) DO UPDATE SET doc_id = EXCLUDED.doc_id, created_at = now()`)
    tally.created(collection)
  }

  const findId: Step['findId'] = async (collection, where) => {
    // overrideAccess: the seed looks for a row whoever may read it
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req: await req(),
      where,
    })
    return docs[0] ? String(docs[0].id) : null
  }

  const recorded: Step['recorded'] = async (collection, key) => {
    const table = tableOf(payload, collection)
    const [known] = await query(
      sql`SELECT r.doc_id FROM seed_records r JOIN ${sql.identifier(table)} t ON t.id = r.doc_id
          WHERE r.collection = ${collection} AND r.key = ${key}`,
    )
    return known ? String(known.doc_id) : null
  }

  const ensure: Step['ensure'] = async (collection, key, { create, find }) => {
    const known = await recorded(collection, key)
    if (known) {
      tally.skipped(collection)
      return { created: false, id: known }
    }
    const found = find ? await find() : null
    if (found) {
      tally.skipped(collection)
      return { created: false, id: found }
    }
    const id = await create()
    await record(collection, key, id)
    return { created: true, id }
  }

  const skipRecorded: Step['skipRecorded'] = async (collection, keyPrefix) => {
    const table = tableOf(payload, collection)
    const [row] = await query(
      sql`SELECT count(*)::integer AS n FROM seed_records r JOIN ${sql.identifier(table)} t ON t.id = r.doc_id
          WHERE r.collection = ${collection} AND starts_with(r.key, ${keyPrefix})`,
    )
    const count = Number(row?.n ?? 0)
    if (count) tally.skipped(collection, count)
  }

  const actor: Step['actor'] = (username) => {
    const user = run.actors.get(username)
    if (!user) throw new Error(`the seed has no user "${username}" (the users step runs first)`)
    return user
  }

  const step: Step = {
    ...run,
    actor,
    ensure,
    findId,
    query,
    record,
    recorded,
    req,
    skipRecorded,
    tick: (amount) => progress.tick(amount),
  }
  try {
    const result = await body(step)
    await dropQueuedEmails(base)
    await commitTransaction(base)
    const after = tally.total()
    progress.done(`${after.created - before.created} created, ${after.skipped - before.skipped} skipped`)
    return result
  } catch (error) {
    await killTransaction(base)
    progress.done('failed, rolled back')
    throw error
  }
}

/**
 * Local API options for writes whose answer the seed needs only the id of:
 * reading the whole document back (joins, relationships, afterRead hooks)
 * costs several times the write itself. Only for collections without
 * afterChange hooks, which would see the trimmed document. (A select
 * always returns the id; `createdAt` is a field every collection has.)
 */
export const ID_ONLY: { depth: number; select: { createdAt: true } } = { depth: 0, select: { createdAt: true } }
