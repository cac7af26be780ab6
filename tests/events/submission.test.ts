/**
 * Members submit events: saved unpublished and unfeatured whatever they
 * send (REST, GraphQL, Local API); every active staff member is emailed
 * through the mailing path (queueEmail -> email-logs -> the sendEmail task
 * -> SMTP, a local sink here) with the seeded `events.submitted` template;
 * the submitter may add times and edit until staff publish it; only staff
 * publish and feature. Staff-created and imported events email nobody.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { EVENT_SUBMITTED_TEMPLATE } from '../../hooks/events/notifyStaffOfEventSubmission'
import { seedEssentials } from '../../seed/seed'
import { makeActors, type Actors } from '../helpers/actors'
import { asRequestUser, expectRefused, json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { addOccurrence, addRule, createCalendar, createEvent, type Json } from './fixtures'

let t: TestContext
let sink: SmtpSink
let dataDir: string
let actors: Actors
let calendar: Json
let staffEmails: string[]

beforeAll(async () => {
  sink = await startSmtpSink()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-events-mail-'))
  t = await startTestPayload({ ...sink.env, PAYLOAD_DATA_DIR: dataDir })
  await seedEssentials(t.payload, () => undefined)
  actors = await makeActors(t)
  calendar = await createCalendar(t, actors.staff, { name: 'Python Events' })
  const { docs } = await t.payload.find({
    collection: 'users',
    overrideAccess: true,
    pagination: false,
    where: {
      and: [{ isActive: { equals: true } }, { or: [{ isStaff: { equals: true } }, { isSuperuser: { equals: true } }] }],
    },
  })
  staffEmails = docs.map((doc) => doc.email.toLowerCase()).sort()
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
  if (dataDir) fs.rmSync(dataDir, { force: true, recursive: true })
})
beforeEach(() => sink.clear())
afterEach(async () => {
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
})

const logsFor = async (eventId: string) =>
  (
    (
      await t.payload.find({
        collection: 'email-logs',
        overrideAccess: true,
        pagination: false,
        where: { templateName: { equals: EVENT_SUBMITTED_TEMPLATE } },
      })
    ).docs as unknown as Json[]
  ).filter((log) => log.context?.eventId === eventId)

describe('a member submits an event', () => {
  it('is saved unpublished and unfeatured, whatever the member sends', async () => {
    const event = await createEvent(t, actors.owner, calendar.id, {
      featured: true,
      isPublished: true,
      title: 'EuroPython 2026',
    })
    expect(event).toMatchObject({ featured: false, isPublished: false })
    const graphql = await t.graphql(
      `mutation ($calendar: String!) { createEvent(data: { title: "GraphQL-submitted", calendar: $calendar, isPublished: true, featured: true }) { id isPublished featured } }`,
      { auth: actors.owner, variables: { calendar: calendar.id } },
    )
    expect(graphql.errors).toBeUndefined()
    expect(graphql.data.createEvent).toMatchObject({ featured: false, isPublished: false })
    const local = await t.payload.create({
      collection: 'events',
      data: { calendar: calendar.id, featured: true, isPublished: true, title: 'Local-submitted' } as never,
      overrideAccess: false,
      user: await asRequestUser(t, actors.owner),
    })
    expect(local).toMatchObject({ featured: false, isPublished: false })
  })

  it('emails every active staff member through the mailing path, with the event in the subject', async () => {
    const event = await createEvent(t, actors.owner, calendar.id, { title: 'PyCon Namibia 2026' })
    const queued = await logsFor(event.id)
    expect(queued.map((log) => log.recipientEmail).sort()).toEqual(staffEmails)
    expect(queued[0]!.context).toMatchObject({
      calendar: 'Python Events',
      eventId: event.id,
      submitter: actors.owner.username,
      title: 'PyCon Namibia 2026',
    })
    await t.payload.jobs.run()
    const messages = await sink.waitFor(staffEmails.length)
    expect(messages.flatMap((message) => message.rcptTo.map((to) => to.toLowerCase())).sort()).toEqual(staffEmails)
    for (const message of messages) {
      expect(message.subject).toBe('Event submitted: PyCon Namibia 2026')
      expect(message.text).toContain(`/admin/collections/events/${event.id}`)
      expect(message.text).toContain(actors.owner.username)
    }
  })

  it('staff-created events email nobody', async () => {
    const event = await createEvent(t, actors.staff, calendar.id, { title: 'Staff event' })
    expect(await logsFor(event.id)).toEqual([])
  })
})

describe('until it is published', () => {
  it('the submitter adds times and edits; others cannot; after publishing, only staff', async () => {
    const event = await createEvent(t, actors.owner, calendar.id, { title: 'Sprint weekend' })
    await addOccurrence(t, actors.owner, event.id, { dtEnd: '2026-09-05T16:00:00Z', dtStart: '2026-09-05T09:00:00Z' })
    await addRule(t, actors.owner, event.id, {
      begin: '2026-09-12T09:00:00Z',
      count: 3,
      duration: 60,
      frequency: 'WEEKLY',
    })
    // another member: neither the event nor its times
    expectRefused(
      await t.api('POST', '/event-occurrences', {
        auth: actors.member,
        body: { dtEnd: '2026-09-06T16:00:00Z', dtStart: '2026-09-06T09:00:00Z', event: event.id },
      }),
    )
    expectRefused(await t.api('PATCH', `/events/${event.id}`, { auth: actors.member, body: { title: 'Hijacked' } }))
    expect(
      (await t.api('PATCH', `/events/${event.id}`, { auth: actors.owner, body: { title: 'Sprint weekend (2 days)' } }))
        .status,
    ).toBe(200)
    // the submitter cannot publish it
    await t.api('PATCH', `/events/${event.id}`, { auth: actors.owner, body: { featured: true, isPublished: true } })
    expect(await t.payload.findByID({ collection: 'events', id: event.id, overrideAccess: true })).toMatchObject({
      featured: false,
      isPublished: false,
    })
    // staff publish and feature
    const published = await t.api('PATCH', `/events/${event.id}`, {
      auth: actors.staff,
      body: { featured: true, isPublished: true },
    })
    expect((await json(published)).doc).toMatchObject({ featured: true, isPublished: true })
    expectRefused(
      await t.api('PATCH', `/events/${event.id}`, { auth: actors.owner, body: { title: 'Changed after publishing' } }),
    )
    expectRefused(
      await t.api('POST', '/event-occurrences', {
        auth: actors.owner,
        body: { dtEnd: '2026-09-06T16:00:00Z', dtStart: '2026-09-06T09:00:00Z', event: event.id },
      }),
    )
    const { docs } = await t.payload.find({
      collection: 'event-recurring-rules',
      overrideAccess: true,
      where: { event: { equals: event.id } },
    })
    expectRefused(
      await t.api('PATCH', `/event-recurring-rules/${docs[0]!.id}`, { auth: actors.owner, body: { count: 5 } }),
    )
    expectRefused(await t.api('DELETE', `/event-recurring-rules/${docs[0]!.id}`, { auth: actors.owner }))
  })

  it('members cannot manage calendars, categories or venues', async () => {
    expectRefused(await t.api('POST', '/calendars', { auth: actors.member, body: { name: 'Mine' } }))
    expectRefused(
      await t.api('POST', '/event-categories', { auth: actors.member, body: { calendar: calendar.id, name: 'Mine' } }),
    )
    expectRefused(await t.api('POST', '/event-locations', { auth: actors.member, body: { name: 'My place' } }))
    expectRefused(
      await t.api('PATCH', `/calendars/${calendar.id}`, { auth: actors.member, body: { name: 'Taken over' } }),
    )
    expect([401, 403]).toContain(
      (await t.api('POST', '/events', { body: { calendar: calendar.id, title: 'Anonymous' } })).status,
    )
  })
})
