/**
 * Deleting a row never fails in the database with a 500: no foreign key may
 * answer a delete with SET NULL on a column that cannot be null (the delete
 * would fail on the NOT NULL constraint). Such a reference either goes with
 * the row (CASCADE, a dependent such as a membership) or keeps it
 * (RESTRICT, with a hook that says why in a 409). Checked on the schema the
 * committed migrations build, so a new collection cannot bring the 500 back.
 */
import { query } from '../helpers/assertions'
import { makeActors, type Actors } from '../helpers/actors'
import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
})
afterAll(async () => {
  await t?.close()
})

it('no NOT NULL column has a foreign key that sets it to null', async () => {
  const { rows } = await query(
    t,
    `SELECT src.relname || '.' || a.attname AS "column", target.relname AS "references"
     FROM pg_constraint c
     JOIN pg_class src ON src.oid = c.conrelid
     JOIN pg_class target ON target.oid = c.confrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.confdeltype = 'n' AND a.attnotnull
     ORDER BY 1`,
  )
  expect(rows).toEqual([])
})

it('deleting a user who has a membership deletes the membership with them', async () => {
  const member = await t.makeUser('member')
  // overrideAccess: fixtures written by the system
  const membership = await t.payload.create({
    collection: 'memberships',
    data: { psfCodeOfConduct: true, user: member.id } as never,
    overrideAccess: true,
  })
  const response = await t.api('DELETE', `users/${member.id}`, { auth: actors.superuser })
  expect(response.status).toBe(200)
  expect((await query(t, 'SELECT id FROM memberships WHERE id = $1', [membership.id])).rows).toEqual([])
})

it('a story category with stories is not deleted: a 409 says why, and nothing changes', async () => {
  const category = await t.payload.create({
    collection: 'story-categories',
    data: { name: 'Science' } as never,
    overrideAccess: true,
  })
  await t.payload.create({
    collection: 'success-stories',
    data: {
      category: category.id,
      companyName: 'Acme',
      content: 'We use Python.',
      name: 'Acme and Python',
    } as never,
    overrideAccess: true,
  })
  const response = await t.api('DELETE', `story-categories/${category.id}`, { auth: actors.staff })
  expect(response.status).toBe(409)
  expect(JSON.stringify(await response.json())).toMatch(/used by 1 success story/)
  expect((await query(t, 'SELECT id FROM story_categories WHERE id = $1', [category.id])).rows).toHaveLength(1)
})
