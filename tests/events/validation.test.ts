/**
 * Every validation rule of the events domain refuses bad input with a 4xx
 * naming the field, through every entry point: REST create and update,
 * GraphQL, the admin panel's own save (adminSave) and the Local API with
 * overrideAccess: false; and nothing is written. Rules: a rule's finish
 * after its begin, interval >= 1, duration > 0, monthly-only options; an
 * occurrence not ending before it starts; an event's categories from its
 * own calendar (also when its calendar changes, or a category moves); IANA
 * time zones on calendars, venues and events.
 */
import { ValidationError } from 'payload'

import { makeActors, type Actors } from '../helpers/actors'
import { adminSave, asRequestUser, expectClientError, expectUnchanged, json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { addOccurrence, addRule, createCalendar, createCategory, createEvent, createVenue, type Json } from './fixtures'

let t: TestContext
let actors: Actors
let docs: Record<string, Json> = {}

beforeAll(async () => {
  t = await startTestPayload()
  actors = await makeActors(t)
  const calendar = await createCalendar(t, actors.staff, { timeZone: 'Europe/Berlin' })
  const other = await createCalendar(t, actors.staff)
  const ownCategory = await createCategory(t, actors.staff, calendar.id)
  const otherCategory = await createCategory(t, actors.staff, other.id)
  const venue = await createVenue(t, actors.staff, { timeZone: 'Europe/Berlin' })
  const event = await createEvent(t, actors.staff, calendar.id, { categories: [ownCategory.id] })
  const rule = await addRule(t, actors.staff, event.id, {
    begin: '2026-03-05T17:00:00Z',
    duration: 60,
    finish: '2026-06-01T00:00:00Z',
    frequency: 'WEEKLY',
  })
  const occurrence = await addOccurrence(t, actors.staff, event.id, {
    dtEnd: '2026-04-01T12:00:00Z',
    dtStart: '2026-04-01T10:00:00Z',
  })
  docs = { calendar, event, occurrence, other, otherCategory, ownCategory, rule, venue }
})
afterAll(async () => {
  await t?.close()
})

type Collection = 'calendars' | 'event-locations' | 'event-occurrences' | 'event-recurring-rules' | 'events'

type Case = {
  collection: Collection
  /** the document changed (a key of `docs`) */
  doc: string
  /** the field the refusal must name */
  field: string
  message: RegExp
  /** the bad change */
  change: () => Json
  /** valid data for a create that the change then spoils */
  create: () => Json
  /** GraphQL names */
  graphql: { create: string; input: string; update: string }
}

const ruleNames = {
  create: 'createEventRecurringRule',
  input: 'EventRecurringRule',
  update: 'updateEventRecurringRule',
}
const ruleData = () => ({ begin: '2026-03-05T17:00:00Z', duration: 30, event: docs.event!.id, frequency: 'WEEKLY' })

const CASES: Record<string, Case> = {
  'a rule finishing before it begins': {
    change: () => ({ finish: '2026-01-01T00:00:00Z' }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'finish',
    graphql: ruleNames,
    message: /finish must be after begin/,
  },
  'a rule finishing exactly when it begins': {
    change: () => ({ finish: '2026-03-05T17:00:00Z' }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'finish',
    graphql: ruleNames,
    message: /finish must be after begin/,
  },
  'an interval of 0': {
    change: () => ({ interval: 0 }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'interval',
    graphql: ruleNames,
    message: /interval must be at least 1/,
  },
  'a duration of 0': {
    change: () => ({ duration: 0 }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'duration',
    graphql: ruleNames,
    message: /duration must be more than 0/,
  },
  'a count of 0': {
    change: () => ({ count: 0 }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'count',
    graphql: ruleNames,
    message: /count must be at least 1/,
  },
  'a week of the month on a weekly rule': {
    change: () => ({ byWeekday: ['TU'], weekOfMonth: 2 }),
    collection: 'event-recurring-rules',
    create: ruleData,
    doc: 'rule',
    field: 'weekOfMonth',
    graphql: ruleNames,
    message: /MONTHLY/,
  },
  'an occurrence ending before it starts': {
    change: () => ({ dtEnd: '2026-04-01T09:00:00Z' }),
    collection: 'event-occurrences',
    create: () => ({ dtEnd: '2026-05-01T12:00:00Z', dtStart: '2026-05-01T10:00:00Z', event: docs.event!.id }),
    doc: 'occurrence',
    field: 'dtEnd',
    graphql: { create: 'createEventOccurrence', input: 'EventOccurrence', update: 'updateEventOccurrence' },
    message: /dtEnd must not be before dtStart/,
  },
  'a category of another calendar': {
    change: () => ({ categories: [docs.otherCategory!.id] }),
    collection: 'events',
    create: () => ({ calendar: docs.calendar!.id, title: 'Categorised' }),
    doc: 'event',
    field: 'categories',
    graphql: { create: 'createEvent', input: 'Event', update: 'updateEvent' },
    message: /categories must belong to the event’s calendar/,
  },
  'moving an event away from its categories’ calendar': {
    change: () => ({ calendar: docs.other!.id }),
    collection: 'events',
    create: () => ({ calendar: docs.calendar!.id, categories: [docs.ownCategory!.id], title: 'Moved' }),
    doc: 'event',
    field: 'categories',
    graphql: { create: 'createEvent', input: 'Event', update: 'updateEvent' },
    message: /categories must belong to the event’s calendar/,
  },
  'an unknown time zone on a calendar': {
    change: () => ({ timeZone: 'Mars/Olympus_Mons' }),
    collection: 'calendars',
    create: () => ({ name: 'Zoned calendar' }),
    doc: 'calendar',
    field: 'timeZone',
    graphql: { create: 'createCalendar', input: 'Calendar', update: 'updateCalendar' },
    message: /IANA time zone/,
  },
  'a misspelt time zone on a venue': {
    change: () => ({ timeZone: 'Europe/Berlinn' }),
    collection: 'event-locations',
    create: () => ({ name: 'Zoned venue' }),
    doc: 'venue',
    field: 'timeZone',
    graphql: { create: 'createEventLocation', input: 'EventLocation', update: 'updateEventLocation' },
    message: /IANA time zone/,
  },
  'a UTC offset instead of a zone on an event': {
    change: () => ({ timeZone: '+01:00' }),
    collection: 'events',
    create: () => ({ calendar: docs.calendar!.id, title: 'Offset event' }),
    doc: 'event',
    field: 'timeZone',
    graphql: { create: 'createEvent', input: 'Event', update: 'updateEvent' },
    message: /IANA time zone/,
  },
}

const ALL: Collection[] = ['calendars', 'event-locations', 'event-occurrences', 'event-recurring-rules', 'events']

describe.each(Object.entries(CASES))('%s', (_name, rule) => {
  const id = () => docs[rule.doc]!.id as string

  it('REST create and update: a 4xx naming the field, nothing written', async () => {
    await expectUnchanged(t, ALL, async () => {
      const created = await t.api('POST', `/${rule.collection}`, {
        auth: actors.staff,
        body: { ...rule.create(), ...rule.change() },
      })
      const body = await expectClientError(created, rule.field)
      expect(JSON.stringify(body)).toMatch(rule.message)
      await expectClientError(
        await t.api('PATCH', `/${rule.collection}/${id()}`, { auth: actors.staff, body: rule.change() }),
        rule.field,
      )
    })
  })

  it('the admin panel’s save: refused naming the field', async () => {
    await expectUnchanged(t, ALL, async () => {
      const response = await adminSave(t, actors.staff, rule.collection, id(), rule.change())
      const body = await expectClientError(response, rule.field)
      expect(JSON.stringify(body)).toMatch(rule.message)
    })
  })

  it('GraphQL: refused naming the field', async () => {
    await expectUnchanged(t, ALL, async () => {
      const update = await t.graphql(
        `mutation ($id: String!, $data: mutation${rule.graphql.input}UpdateInput!) { ${rule.graphql.update}(id: $id, data: $data) { id } }`,
        { auth: actors.staff, variables: { data: rule.change(), id: id() } },
      )
      expect(update.data?.[rule.graphql.update] ?? null).toBeNull()
      expect(JSON.stringify(update.errors)).toContain(rule.field)
      expect(JSON.stringify(update.errors)).toMatch(rule.message)
      const create = await t.graphql(
        `mutation ($data: mutation${rule.graphql.input}Input!) { ${rule.graphql.create}(data: $data) { id } }`,
        { auth: actors.staff, variables: { data: { ...rule.create(), ...rule.change() } } },
      )
      expect(create.data?.[rule.graphql.create] ?? null).toBeNull()
      expect(JSON.stringify(create.errors)).toContain(rule.field)
    })
  })

  it('the Local API with access on: a ValidationError on the field', async () => {
    const user = await asRequestUser(t, actors.staff)
    await expectUnchanged(t, ALL, async () => {
      const attempt = t.payload.update({
        collection: rule.collection,
        data: rule.change() as never,
        id: id(),
        overrideAccess: false,
        user,
      })
      await expect(attempt).rejects.toThrow(ValidationError)
      await attempt.catch((err: ValidationError) => {
        expect(err.data.errors.map((problem) => problem.path)).toContain(rule.field)
        expect(err.data.errors.map((problem) => problem.message).join(' ')).toMatch(rule.message)
      })
    })
  })
})

describe('a category moving to another calendar', () => {
  it('is refused while events of its calendar use it', async () => {
    await expectUnchanged(t, ALL, async () => {
      const response = await t.api('PATCH', `/event-categories/${docs.ownCategory!.id}`, {
        auth: actors.staff,
        body: { calendar: docs.other!.id },
      })
      const body = await expectClientError(response, 'calendar')
      expect(JSON.stringify(body)).toMatch(/use this category/)
    })
    const unused = await createCategory(t, actors.staff, docs.calendar!.id)
    const moved = await t.api('PATCH', `/event-categories/${unused.id}`, {
      auth: actors.staff,
      body: { calendar: docs.other!.id },
    })
    expect(moved.status).toBe(200)
  })
})

describe('valid input', () => {
  it('the admin panel saves a whole event form (derived and joined fields included)', async () => {
    const response = await adminSave(t, actors.staff, 'events', docs.event!.id, { title: 'Renamed in the admin' })
    expect(response.status).toBe(200)
    expect((await t.payload.findByID({ collection: 'events', id: docs.event!.id, overrideAccess: true })).title).toBe(
      'Renamed in the admin',
    )
  })

  it('is accepted and spelled canonically', async () => {
    const response = await t.api('PATCH', `/calendars/${docs.calendar!.id}`, {
      auth: actors.staff,
      body: { timeZone: 'america/new_york' },
    })
    expect((await json(response)).doc.timeZone).toBe('America/New_York')
    const rule = await t.api('PATCH', `/event-recurring-rules/${docs.rule!.id}`, {
      auth: actors.staff,
      body: { frequency: 'MONTHLY', byWeekday: ['TU'], weekOfMonth: -1 },
    })
    expect(rule.status).toBe(200)
  })
})
