/** Shared helpers for the sponsors tests (not a test file itself). */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { setNow } from '../../src/platform/clock'
import {
  adminSave as adminSaveOf,
  asRequestUser,
  json,
  type Json,
  messages,
  query,
  unique,
} from '../helpers/assertions'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'

export { asRequestUser, errorPaths, expectClientError, json, messages, query, unique } from '../helpers/assertions'
export type { Json }

export const SPONSORSHIP_STATUSES = ['APPLIED', 'REJECTED', 'APPROVED', 'FINALIZED'] as const
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number]
export const CONTRACT_STATUSES = ['DRAFT', 'OUTDATED', 'AWAITING_SIGNATURE', 'EXECUTED', 'NULLIFIED'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

/**
 * Payload on a database of this file's own, with uploads (logos, contract
 * PDFs) in a data folder of its own too, removed on close.
 */
export const startSponsorsPayload = async (env: Record<string, string> = {}): Promise<TestContext> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-sponsors-'))
  const t = await startTestPayload({ PAYLOAD_DATA_DIR: dataDir, ...env })
  return {
    ...t,
    close: async () => {
      await t.close()
      fs.rmSync(dataDir, { force: true, recursive: true })
    },
  }
}

/** Every test of this domain runs on a fixed day; the clock moves only where a test says so. */
export const TODAY = '2031-05-14'
export const fixClock = (day: string = TODAY) => setNow(`${day}T10:30:00.000Z`)
export const releaseClock = () => setNow(null)

/** A day relative to TODAY (YYYY-MM-DD). */
export const day = (offset: number, from: string = TODAY) =>
  new Date(new Date(`${from}T00:00:00.000Z`).getTime() + offset * 86_400_000).toISOString().slice(0, 10)

/** A stored date-only value as its day. */
export const dayOf = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : null)

/** A legal clause, written by the system (a fixture, not the behaviour under test). */
export const seedClause = async (t: TestContext, overrides: Json = {}) =>
  t.payload.create({
    collection: 'sponsor-legal-clauses',
    data: {
      clause: `The Sponsor agrees to clause ${crypto.randomBytes(4).toString('hex')} in full.`,
      internalName: unique('clause'),
      order: 0,
      ...overrides,
    } as never,
    overrideAccess: true,
  }) as Promise<Json>

/** A sponsorship level, written by the system. */
export const seedLevel = async (t: TestContext, overrides: Json = {}) =>
  t.payload.create({
    collection: 'sponsorship-levels',
    data: {
      benefits: 'Foundation - Logo on python.org\nPyCon US - Booth space (1)',
      name: unique('Visionary'),
      order: 0,
      sponsorshipAmount: 150000,
      year: 2031,
      ...overrides,
    } as never,
    overrideAccess: true,
  }) as Promise<Json>

/** What a member sends to register their organisation. */
export const sponsorBody = (overrides: Json = {}): Json => {
  const tag = crypto.randomBytes(3).toString('hex')
  return {
    city: 'Wilmington',
    contactEmail: `contact-${tag}@example.org`,
    contactName: `Pat Contact ${tag}`,
    country: 'US',
    description: `Makers of fine Python tooling ${tag}.`,
    landingPageUrl: `https://sponsor-${tag}.example.org/`,
    mailingAddressLine1: `${tag} Market Street`,
    name: `Sponsor ${tag} Inc`,
    postalCode: '19801',
    primaryPhone: '+1 302 555 0100',
    state: 'DE',
    ...overrides,
  }
}

/** A sponsor registered by `owner` through REST (so `creator` is the owner). */
export const createSponsor = async (t: TestContext, owner: TestUser, overrides: Json = {}): Promise<Json> => {
  const response = await t.api('POST', 'sponsors', { auth: owner, body: sponsorBody(overrides) })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`creating a sponsor failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** `owner` applies for `sponsor` at `level` through REST. */
export const apply = (t: TestContext, auth: Auth, sponsor: string, level: string, extra: Json = {}) =>
  t.api('POST', 'sponsorships', { auth, body: { level, sponsor, ...extra } })

export const applied = async (t: TestContext, owner: TestUser, sponsor: string, level: string): Promise<Json> => {
  const response = await apply(t, owner, sponsor, level)
  const body = await json(response)
  if (response.status !== 201) throw new Error(`applying failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

export const PERIOD = { endDate: day(364), startDate: day(0) }

/** A workflow action through its endpoint; throws unless it succeeds. */
export const act = async (
  t: TestContext,
  auth: Auth,
  collection: 'sponsor-contracts' | 'sponsorships',
  id: string,
  action: string,
  body: Json = {},
): Promise<Json> => {
  const response = await t.api('POST', `${collection}/${id}/${action}`, { auth, body })
  const answer = await json(response)
  if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${messages(answer)}`)
  return answer.doc as Json
}

/** The rows as stored. */
export const sponsorshipRow = async (t: TestContext, id: string) =>
  (await query(t, 'SELECT * FROM sponsorships WHERE id = $1', [id])).rows[0] as Json | undefined
export const contractRowOf = async (t: TestContext, sponsorshipId: string) =>
  (await query(t, 'SELECT * FROM sponsor_contracts WHERE sponsorship_id = $1', [sponsorshipId])).rows[0] as
    Json | undefined
export const contractClauses = async (t: TestContext, contractId: string) =>
  (
    await query(t, 'SELECT clause FROM sponsor_contracts_legal_clauses WHERE _parent_id = $1 ORDER BY _order', [
      contractId,
    ])
  ).rows.map((row) => row.clause as string)

/** Everything the domain stores about one sponsorship, to check that a refused change wrote nothing. */
export const snapshot = async (t: TestContext, sponsorshipId: string) => {
  const [sponsorship, contracts, clauses, documents, logs, others] = await Promise.all([
    query(t, 'SELECT * FROM sponsorships WHERE id = $1', [sponsorshipId]),
    query(t, 'SELECT * FROM sponsor_contracts WHERE sponsorship_id = $1', [sponsorshipId]),
    query(
      t,
      'SELECT l.* FROM sponsor_contracts_legal_clauses l JOIN sponsor_contracts c ON c.id = l._parent_id WHERE c.sponsorship_id = $1 ORDER BY l._order',
      [sponsorshipId],
    ),
    query(
      t,
      'SELECT d.* FROM sponsor_contract_documents d JOIN sponsor_contracts c ON c.id = d.contract_id WHERE c.sponsorship_id = $1 ORDER BY d.id',
      [sponsorshipId],
    ),
    query(t, `SELECT * FROM email_logs WHERE context->>'sponsorshipId' = $1 ORDER BY id`, [sponsorshipId]),
    // the sponsor's other sponsorships (overlap marks)
    query(
      t,
      'SELECT id, overlapped_by_id, updated_at FROM sponsorships WHERE sponsor_id = (SELECT sponsor_id FROM sponsorships WHERE id = $1) ORDER BY id',
      [sponsorshipId],
    ),
  ])
  return JSON.stringify({
    clauses: clauses.rows,
    contracts: contracts.rows,
    documents: documents.rows,
    logs: logs.rows,
    others: others.rows,
    sponsorship: sponsorship.rows,
  })
}

/**
 * Actors and fixtures of one sponsorship world: a level with clauses, and
 * `owner`'s sponsorships brought to any status through the real workflow
 * (each on a sponsor of its own, so they never block each other).
 */
export const world = async (t: TestContext, staff: TestUser, owner: TestUser) => {
  const clauses = [
    await seedClause(t, {
      clause: 'Sponsor shall display the PSF logo only as the PSF trademark policy allows.',
      order: 1,
    }),
    await seedClause(t, { clause: 'Either party may end this agreement with thirty days written notice.', order: 2 }),
  ]
  const level = await seedLevel(t, { legalClauses: clauses.map((clause) => clause.id) })

  const sponsorshipIn = async (
    status: SponsorshipStatus,
  ): Promise<{ contract?: Json; sponsor: Json; sponsorship: Json }> => {
    const sponsor = await createSponsor(t, owner)
    const sponsorship = await applied(t, owner, String(sponsor.id), String(level.id))
    const id = String(sponsorship.id)
    if (status === 'APPLIED') return { sponsor, sponsorship }
    if (status === 'REJECTED') return { sponsor, sponsorship: await act(t, staff, 'sponsorships', id, 'reject') }
    await act(t, staff, 'sponsorships', id, 'approve', PERIOD)
    const contract = (await contractRowOf(t, id))!
    if (status === 'FINALIZED') await act(t, staff, 'sponsor-contracts', String(contract.id), 'execute')
    return { contract: (await contractRowOf(t, id))!, sponsor, sponsorship: (await sponsorshipRow(t, id))! }
  }

  const contractIn = async (status: ContractStatus): Promise<{ contract: Json; sponsorship: Json }> => {
    const { contract, sponsorship } = await sponsorshipIn('APPROVED')
    const id = String(contract!.id)
    if (status === 'AWAITING_SIGNATURE' || status === 'NULLIFIED') await act(t, staff, 'sponsor-contracts', id, 'send')
    if (status === 'NULLIFIED') await act(t, staff, 'sponsor-contracts', id, 'nullify')
    if (status === 'EXECUTED') await act(t, staff, 'sponsor-contracts', id, 'execute')
    // nothing reaches OUTDATED through the workflow: an imported contract might be
    if (status === 'OUTDATED') await query(t, `UPDATE sponsor_contracts SET status = 'OUTDATED' WHERE id = $1`, [id])
    return { contract: (await contractRowOf(t, String(sponsorship.id)))!, sponsorship }
  }

  return { clauses, contractIn, level, sponsorshipIn }
}

/** The admin panel's whole-form save (joins and UI fields are not part of the form's data). */
export const adminSave = (
  t: TestContext,
  auth: Auth,
  collection: 'sponsor-contracts' | 'sponsors' | 'sponsorships',
  id: string,
  changes: Json,
) => adminSaveOf(t, auth, collection, id, changes, { omit: ['contract', 'sponsorships'] })

export type Channel = 'admin' | 'graphql' | 'local' | 'rest'
export const CHANNELS: Channel[] = ['rest', 'graphql', 'local', 'admin']

const GRAPHQL_NAMES = {
  'sponsor-contracts': 'SponsorContract',
  sponsors: 'Sponsor',
  sponsorships: 'Sponsorship',
} as const

export type Outcome = { message: string; status: number }

/** One update of a document through one entry point, as `auth`; the outcome as an HTTP status and message. */
export const update = async (
  t: TestContext,
  channel: Channel,
  auth: TestUser | undefined,
  collection: 'sponsor-contracts' | 'sponsors' | 'sponsorships',
  id: string,
  changes: Json,
): Promise<Outcome> => {
  if (channel === 'rest') {
    const response = await t.api('PATCH', `${collection}/${id}`, { auth, body: changes })
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'admin') {
    const response = await adminSave(t, auth, collection, id, changes)
    return { message: messages(await json(response)), status: response.status }
  }
  if (channel === 'graphql') {
    const name = GRAPHQL_NAMES[collection]
    const result = await t.graphql(
      `mutation ($data: mutation${name}UpdateInput!) { update${name}(id: "${id}", data: $data) { id } }`,
      { auth, variables: { data: changes } },
    )
    if (result.errors?.length) {
      const error = result.errors[0]
      const detail = (error.extensions?.data?.errors ?? []).map((e: Json) => e.message).join(' | ')
      return {
        message: [error.message, detail].filter(Boolean).join(' | '),
        status: error.extensions?.statusCode ?? 500,
      }
    }
    return { message: '', status: result.data?.[`update${name}`]?.id === id ? 200 : 500 }
  }
  try {
    await t.payload.update({
      collection,
      data: changes as never,
      id,
      overrideAccess: false,
      ...(auth ? { user: await asRequestUser(t, auth) } : {}),
    })
    return { message: '', status: 200 }
  } catch (err) {
    const error = err as { data?: { errors?: { message: string }[] }; message: string; status?: number }
    const detail = (error.data?.errors ?? []).map((e) => e.message).join(' | ')
    return { message: [error.message, detail].filter(Boolean).join(' | '), status: error.status ?? 500 }
  }
}

/** A small PNG logo. */
export const png = (width = 600, height = 300) =>
  sharp({ create: { background: { b: 171, g: 118, r: 55 }, channels: 3, height, width } })
    .png()
    .toBuffer()
