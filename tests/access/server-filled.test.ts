/**
 * Server-filled fields (stamps, dates an action sets, values derived on
 * save, flags computed on read) are written by the code that fills them and
 * by no user, not even a superuser; the admin panel shows them read-only and
 * their description says what fills them. This walks every field of the
 * running config: a field no user may write, and every computed (virtual)
 * field, must be built with `serverFilled` (fields/serverFilled.ts).
 */
import type { FlattenedField } from 'payload'

import { nobodyField } from '../../access/nobody'
import { SERVER_ONLY } from '../../fields/serverFilled'
import { declaredIn } from '../../src/platform/access/explicitAccess'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { asRequestUser, type Json } from '../helpers/assertions'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

type Found = { field: Json; label: string; slug: string }

/** Every field with its `collection.path`, Payload's API-hidden ones (hash, salt, tokens...) left out. */
const allFields = (): Found[] => {
  const found: Found[] = []
  const walk = (slug: string, fields: FlattenedField[], prefix: string) => {
    for (const field of fields as Json[]) {
      if (field.hidden) continue
      const label = `${slug}.${prefix}${field.name}`
      found.push({ field, label, slug })
      if (field.flattenedFields) walk(slug, field.flattenedFields, `${prefix}${field.name}.`)
    }
  }
  for (const collection of t.config.collections) walk(collection.slug, collection.flattenedFields, '')
  return found
}

const refusesSuperuser = async (access: unknown, req: unknown) =>
  typeof access === 'function' && !(await access({ data: {}, doc: {}, req, siblingData: {} }))

const isServerFilled = ({ field }: Found) =>
  field.access?.create === nobodyField &&
  field.access?.update === nobodyField &&
  field.admin?.readOnly === true &&
  typeof field.admin?.description === 'string' &&
  field.admin.description.endsWith(SERVER_ONLY) &&
  // it says what fills it, not only that the server does
  field.admin.description.length > SERVER_ONLY.length + 10

describe('server-filled fields', () => {
  it('every field no user may write (not even a superuser) is built with serverFilled', async () => {
    const req = { payload: t.payload, user: await asRequestUser(t, actors.superuser) }
    const unwritable: Found[] = []
    for (const found of allFields()) {
      const { access } = found.field
      if ((await refusesSuperuser(access?.create, req)) && (await refusesSuperuser(access?.update, req))) {
        unwritable.push(found)
      }
    }
    // the walk finds them (it would pass vacuously otherwise)
    expect(unwritable.map(({ label }) => label)).toEqual(
      expect.arrayContaining([
        'memberships.lastVoteAffirmation',
        'pages.creator',
        'pages.lastModifiedBy',
        'pages.created',
        'pages.updated',
        'pages.contentHtml',
        'releases.versionNumber',
        'feeds.lastFetched',
        'related-blogs.lastEntryTitle',
        'users.sessions',
      ]),
    )
    expect(unwritable.filter((found) => !isServerFilled(found)).map(({ label }) => label)).toEqual([])
  })

  it("every computed (virtual) field of the project's collections is server-filled too", () => {
    // Payload's own collections (the jobs queue...) are closed to writes as a whole
    const own = declaredIn(t.config).collections
    const computed = allFields().filter(({ field, slug }) => field.virtual === true && own[slug])
    expect(computed.map(({ label }) => label)).toEqual(
      expect.arrayContaining(['memberships.needsVoteAffirmation', 'releases.url']),
    )
    // Payload's own virtual hasAPIKey is read-only by construction (no column) and shown by Payload's own UI
    const ours = computed.filter(({ label }) => label !== 'users.hasAPIKey')
    expect(ours.filter((found) => !isServerFilled(found)).map(({ label }) => label)).toEqual([])
  })

  it('no user writes a server-filled field: its create and update rules refuse a superuser', async () => {
    const req = { payload: t.payload, user: await asRequestUser(t, actors.superuser) }
    const serverFilled = allFields().filter(isServerFilled)
    expect(serverFilled.length).toBeGreaterThan(20)
    for (const { field, label } of serverFilled) {
      expect([label, await refusesSuperuser(field.access.create, req)]).toEqual([label, true])
      expect([label, await refusesSuperuser(field.access.update, req)]).toEqual([label, true])
    }
  })

  it('a superuser writing stamps through REST changes nothing', async () => {
    const { superuser } = actors
    const response = await t.api('POST', '/pages', {
      auth: superuser,
      body: {
        content: 'Body',
        contentHtml: '<p>forged</p>',
        created: '1999-01-01T00:00:00.000Z',
        creator: actors.member.id,
        lastModifiedBy: actors.member.id,
        legacyId: 999999,
        path: `stamps-${Date.now().toString(36)}`,
        title: 'Stamps',
        updated: '1999-01-01T00:00:00.000Z',
      },
    })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as Json
    // overrideAccess: the stored row, read by the system
    const row = (await t.payload.findByID({ collection: 'pages', depth: 0, id: doc.id, overrideAccess: true })) as Json
    expect(row.creator).toBe(superuser.id)
    expect(row.lastModifiedBy).toBe(superuser.id)
    expect(row.created).not.toBe('1999-01-01T00:00:00.000Z')
    expect(row.updated).not.toBe('1999-01-01T00:00:00.000Z')
    expect(row.legacyId).not.toBe(999999)
    expect(row.contentHtml).not.toContain('forged')
  })
})
