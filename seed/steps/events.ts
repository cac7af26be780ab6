import { slugify } from '../../fields/slugify'
import { ID_ONLY, runStep, type SeedRun } from '../context'
import { CALENDARS, demoEvents, VENUES } from '../data/events'

/** Category slugs are unique across calendars: the calendar's slug comes first. */
export const categorySlug = (calendar: string, name: string) => `${calendar}-${slugify(name)}`

/** The event's iCalendar UID: stable, so calendar apps and the ICS import recognise it run after run. */
export const eventUid = (slug: string) => `seed-${slug}@python.org`

export const seedEvents = (run: SeedRun) => {
  const events = demoEvents(run.now)
  const categoryCount = CALENDARS.reduce((sum, calendar) => sum + calendar.categories.length, 0)
  return runStep(run, 'events', CALENDARS.length + categoryCount + VENUES.length + events.length, async (step) => {
    const staff = step.actor('maya')
    const calendars = new Map<string, string>()
    const categories = new Map<string, string>()
    for (const calendar of CALENDARS) {
      const { id } = await step.ensure('calendars', calendar.slug, {
        create: async () => {
          // overrideAccess: staff's calendars, written by the system (no ICS feed: nothing is imported)
          const doc = await step.payload.create({
            collection: 'calendars',
            data: {
              description: calendar.description,
              name: calendar.name,
              slug: calendar.slug,
              timeZone: calendar.timeZone,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
          return String(doc.id)
        },
        find: () => step.findId('calendars', { slug: { equals: calendar.slug } }),
      })
      calendars.set(calendar.slug, id)
      step.tick()
      for (const name of calendar.categories) {
        const slug = categorySlug(calendar.slug, name)
        const category = await step.ensure('event-categories', slug, {
          create: async () => {
            // overrideAccess: staff's vocabulary of the calendar
            const doc = await step.payload.create({
              collection: 'event-categories',
              data: { calendar: id, name, slug },
              ...ID_ONLY,
              overrideAccess: true,
              req: await step.req(staff),
            })
            return String(doc.id)
          },
          find: () => step.findId('event-categories', { slug: { equals: slug } }),
        })
        categories.set(`${calendar.slug}/${name}`, category.id)
        step.tick()
      }
    }

    const venues = new Map<string, string>()
    for (const venue of VENUES) {
      const slug = slugify(venue.name)
      const { id } = await step.ensure('event-locations', slug, {
        create: async () => {
          // overrideAccess: staff's venues; a venue's zone is the clock its events recur on
          const doc = await step.payload.create({
            collection: 'event-locations',
            data: {
              address: venue.address || undefined,
              calendar: venue.calendar ? calendars.get(venue.calendar) : undefined,
              name: venue.name,
              slug,
              timeZone: venue.timeZone ?? undefined,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
          return String(doc.id)
        },
        find: () => step.findId('event-locations', { slug: { equals: slug } }),
      })
      venues.set(venue.name, id)
      step.tick()
    }

    for (const event of events) {
      const author = event.submittedBy ? step.actor(event.submittedBy) : staff
      const { created } = await step.ensure('events', event.slug, {
        create: async () => {
          // overrideAccess: the system writes what staff (or a member submitting it) would; a member's
          // event stays unpublished, and staff are told (that email is not sent by the seed)
          const doc = await step.payload.create({
            collection: 'events',
            data: {
              calendar: calendars.get(event.calendar)!,
              categories: event.categories.map((name) => categories.get(`${event.calendar}/${name}`)!),
              contentType: 'RESTRUCTUREDTEXT',
              description: event.description,
              featured: Boolean(event.featured),
              isPublished: event.published,
              slug: event.slug,
              timeZone: event.timeZone,
              title: event.title,
              uid: eventUid(event.slug),
              venue: venues.get(event.venue),
            },
            overrideAccess: true,
            req: await step.req(author),
          })
          const id = String(doc.id)
          for (const [index, occurrence] of event.occurrences.entries()) {
            // overrideAccess: the author's own occurrences (validated: the end not before the start)
            const row = await step.payload.create({
              collection: 'event-occurrences',
              data: { ...occurrence, event: id },
              ...ID_ONLY,
              overrideAccess: true,
              req: await step.req(author),
            })
            await step.record('event-occurrences', `${event.slug}#${index + 1}`, String(row.id))
          }
          for (const [index, rule] of event.rules.entries()) {
            // overrideAccess: the author's own recurrence rules (validated field by field)
            const row = await step.payload.create({
              collection: 'event-recurring-rules',
              data: { interval: 1, ...rule, event: id },
              ...ID_ONLY,
              overrideAccess: true,
              req: await step.req(author),
            })
            await step.record('event-recurring-rules', `${event.slug}#rule${index + 1}`, String(row.id))
          }
          return id
        },
        find: () => step.findId('events', { slug: { equals: event.slug } }),
      })
      if (!created) {
        await step.skipRecorded('event-occurrences', `${event.slug}#`)
        await step.skipRecorded('event-recurring-rules', `${event.slug}#`)
      }
      step.tick()
    }
  })
}
