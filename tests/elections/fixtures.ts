/** Shared fixtures for the elections tests (not a test file itself). */
import { setNow } from '../../src/platform/clock'
import { adminSave, asRequestUser, json, type Json, query, unique } from '../helpers/assertions'
import type { Auth, TestContext, TestUser } from '../helpers/harness'

export {
  adminCreate,
  adminSave,
  asRequestUser,
  errorPaths,
  expectClientError,
  expectRefused,
  json,
  messages,
  query,
  unique,
} from '../helpers/assertions'
export type { Json }

/** The per-field messages of a Payload validation error body, joined. */
export const fieldMessages = (body: Json): string =>
  (body.errors ?? [])
    .flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => String(item.message)))
    .join(' | ')

export const DAY_MS = 24 * 60 * 60 * 1000

export type Dates = { nominationsClose: string; nominationsOpen: string; votingClose: string; votingOpen: string }

/** An election's four dates as days (YYYY-MM-DD). */
export const dates = (
  nominationsOpen: string,
  nominationsClose: string,
  votingOpen: string,
  votingClose: string,
): Dates => ({
  nominationsClose,
  nominationsOpen,
  votingClose,
  votingOpen,
})

/** Midnight UTC of a day, plus `ms`: the boundary instants the status turns at. */
export const at = (day: string, ms = 0) => new Date(new Date(`${day}T00:00:00.000Z`).getTime() + ms)

/** An election created by staff through REST. */
export const createElection = async (t: TestContext, staff: TestUser, days: Dates, data: Json = {}): Promise<Json> => {
  const name = data.name ?? unique('Board election')
  const response = await t.api('POST', 'elections', { auth: staff, body: { name, ...days, ...data } })
  const body = await json(response)
  if (response.status !== 201)
    throw new Error(`creating an election failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** A nomination made through REST by `nominator`, of `nominated`, at the clock's current instant. */
export const nominate = async (
  t: TestContext,
  nominator: TestUser,
  election: Json,
  nominated: TestUser,
  data: Json = {},
): Promise<Json> => {
  const response = await t.api('POST', 'nominations', {
    auth: nominator,
    body: {
      election: election.id,
      nomineeUser: nominated.id,
      statement: `${nominated.username} would serve well.`,
      ...data,
    },
  })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`nominating failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** POST /api/nominees/:id/accept | decline as `auth`. */
export const answer = (t: TestContext, auth: Auth, nomineeId: string, action: 'accept' | 'decline') =>
  t.api('POST', `nominees/${nomineeId}/${action}`, { auth })

/** A row as the database has it (the system's view). */
export const row = async (t: TestContext, table: 'elections' | 'nominations' | 'nominees', id: string) =>
  (await query(t, `SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0] as Json | undefined

/** Runs `fn` with the clock at `instant`, then puts it back to `restore` (null: real time). */
export const withClock = async <T>(instant: Date, fn: () => Promise<T>, restore: Date | null = null): Promise<T> => {
  setNow(instant)
  try {
    return await fn()
  } finally {
    setNow(restore)
  }
}

export { asRequestUser as userDoc }

/** The nominee's admin-form save (join fields are not part of the form). */
export const adminSaveNominee = (t: TestContext, auth: Auth, id: string, changes: Json) =>
  adminSave(t, auth, 'nominees', id, changes, { omit: ['nominations'] })

export const adminSaveElection = (t: TestContext, auth: Auth, id: string, changes: Json) =>
  adminSave(t, auth, 'elections', id, changes, { omit: ['nominees'] })
