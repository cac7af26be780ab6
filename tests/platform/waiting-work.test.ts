/**
 * The admin dashboard's "Waiting for you" list (src/platform/admin/waitingWork.ts):
 * each entry counts what waits in one domain, as the signed-in user may list
 * it, and links to the admin list filtered the same way. A count never
 * includes what the user could not list: it equals what the linked list's
 * query returns to that same user through REST.
 */
import type { CollectionSlug } from 'payload'

import { countWaitingWork, WAITING_WORK, type WaitingCount } from '../../src/platform/admin/waitingWork'
import { makeActors, type Actors } from '../helpers/actors'
import { asRequestUser, json, query, unique, type Json } from '../helpers/assertions'
import { type Auth, startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { createCalendar, createEvent } from '../events/fixtures'
import { createPost } from '../community/fixtures'
import { createJob, jobIn } from '../jobs/fixtures'
import { applied, createSponsor, fixClock, releaseClock, seedLevel } from '../sponsors/fixtures'

let t: TestContext
let actors: Actors

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  fixClock()
})
afterAll(async () => {
  releaseClock()
  await t?.close()
})

const countsFor = async (user: TestUser): Promise<WaitingCount[]> =>
  countWaitingWork(t.payload, await asRequestUser(t, user))

const countOf = (counts: WaitingCount[], collection: CollectionSlug) => counts.find((c) => c.collection === collection)

/** The REST list the entry links to (its query string), as `auth`. */
const linkedList = async (item: WaitingCount, auth: Auth): Promise<Json> => {
  const search = item.href.slice(item.href.indexOf('?'))
  const response = await t.api('GET', `/${item.collection}${search}&depth=0`, { auth })
  const body = await json(response)
  expect([item.collection, response.status, body.errors]).toEqual([item.collection, 200, undefined])
  return body
}

it('lists every domain that has a queue, one entry each, with links into the admin lists', () => {
  expect(WAITING_WORK.map((item) => item.collection)).toEqual([
    'jobs',
    'success-stories',
    'community-posts',
    'events',
    'sponsorships',
    'email-logs',
    'feeds',
  ])
})

describe('each entry counts exactly what waits', () => {
  // one item waiting and one that is not, per domain; the staff count grows by exactly one
  const cases: Record<string, { notWaiting: () => Promise<unknown>; waiting: () => Promise<unknown> }> = {
    jobs: {
      notWaiting: () => createJob(t, actors.owner),
      waiting: () => jobIn(t, actors.owner, 'REVIEW'),
    },
    'success-stories': {
      notWaiting: async () => {
        const category = await json(await t.api('POST', '/story-categories', { auth: actors.staff, body: { name: unique('C') } }))
        return t.api('POST', '/success-stories', {
          auth: actors.staff,
          body: { category: category.doc.id, companyName: 'ACME', content: 'x', isPublished: true, name: unique('S') },
        })
      },
      waiting: async () => {
        const category = await json(await t.api('POST', '/story-categories', { auth: actors.staff, body: { name: unique('C') } }))
        const response = await t.api('POST', '/success-stories', {
          auth: actors.owner,
          body: { category: category.doc.id, companyName: 'ACME', content: 'x', name: unique('S') },
        })
        expect(response.status).toBe(201)
      },
    },
    'community-posts': {
      notWaiting: () => createPost(t, actors.owner, {}, actors.staff),
      waiting: () => createPost(t, actors.owner),
    },
    events: {
      notWaiting: async () => {
        const calendar = await createCalendar(t, actors.staff)
        // a staff member's unpublished event is their own draft, not a submission
        await createEvent(t, actors.staff, calendar.id)
        await createEvent(t, actors.staff, calendar.id, { isPublished: true })
      },
      waiting: async () => createEvent(t, actors.owner, (await createCalendar(t, actors.staff)).id),
    },
    sponsorships: {
      notWaiting: async () => {
        const sponsor = await createSponsor(t, actors.owner)
        const sponsorship = await applied(t, actors.owner, sponsor.id, (await seedLevel(t)).id)
        // fixture: a decided application, as staff would leave it
        await query(t, `UPDATE sponsorships SET status = 'REJECTED' WHERE id = $1`, [sponsorship.id])
      },
      waiting: async () => applied(t, actors.owner, (await createSponsor(t, actors.owner)).id, (await seedLevel(t)).id),
    },
    'email-logs': {
      notWaiting: () => emailLog('SENT'),
      waiting: () => emailLog('FAILED'),
    },
    feeds: {
      notWaiting: () => feed(null),
      waiting: () => feed('HTTP 500 from the blog'),
    },
  }

  it.each(Object.keys(cases))('%s', async (collection) => {
    const before = countOf(await countsFor(actors.staff), collection as CollectionSlug)!
    await cases[collection]!.notWaiting()
    await cases[collection]!.waiting()
    const after = countOf(await countsFor(actors.staff), collection as CollectionSlug)!
    expect(after.count).toBe(before.count + 1)
    // the link's list shows the same documents to the same user
    expect((await linkedList(after, actors.staff)).totalDocs).toBe(after.count)
    expect(after.href).toMatch(new RegExp(`^/admin/collections/${collection}\\?`))
  })
})

const emailLog = (status: 'FAILED' | 'SENT') =>
  // overrideAccess: the mailing path writes these rows, never a user
  t.payload.create({
    collection: 'email-logs',
    data: { recipientEmail: 'someone@example.org', status, subject: unique('Subject'), templateName: 'x' } as never,
    overrideAccess: true,
  })

const feed = async (lastError: null | string) => {
  // overrideAccess: the feed fetcher records failures, never a user
  const created = await t.payload.create({
    collection: 'feeds',
    data: { feedUrl: `https://${unique('blog')}.example.org/feed`, name: unique('Blog') } as never,
    overrideAccess: true,
  })
  if (lastError) await query(t, 'UPDATE feeds SET last_error = $2 WHERE id = $1', [created.id, lastError])
}

describe('a count never includes what the user could not list', () => {
  it.each(['member', 'owner', 'staff'] as const)('as %s: each count is what the linked list shows them', async (name) => {
    const user = actors[name]
    // something waiting in every domain, some of it the owner's
    await jobIn(t, actors.owner, 'REVIEW')
    await jobIn(t, actors.member, 'REVIEW')
    await createPost(t, actors.owner)
    await emailLog('FAILED')
    await feed('timed out')
    const counts = await countsFor(user)
    for (const item of counts) {
      expect([item.collection, (await linkedList(item, user)).totalDocs]).toEqual([item.collection, item.count])
    }
    const staffCounts = await countsFor(actors.staff)
    if (name === 'staff') {
      expect(counts.map((item) => item.collection)).toEqual(WAITING_WORK.map((item) => item.collection))
    } else {
      // members see their own jobs only, never the mailing log or why a feed failed
      const ownJobs = await t.payload.count({
        collection: 'jobs',
        overrideAccess: true,
        where: { and: [{ creator: { equals: user.id } }, { status: { equals: 'REVIEW' } }] },
      })
      expect(countOf(counts, 'jobs')!.count).toBe(ownJobs.totalDocs)
      expect(countOf(counts, 'jobs')!.count).toBeLessThan(countOf(staffCounts, 'jobs')!.count)
      expect(countOf(counts, 'email-logs')).toBeUndefined()
      expect(countOf(counts, 'feeds')).toBeUndefined()
    }
  })
})
