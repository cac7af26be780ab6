import type { RelationshipFieldValidation } from 'payload'

import { existingIn } from '../../fields/existingIn'

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? ((value as { id?: unknown; value?: unknown }).id ?? (value as { value?: unknown }).value)
    : value

const checkCategories = existingIn('event-categories', 'event category')
const checkCalendar = existingIn('calendars', 'calendar')

/**
 * events.categories: existing categories, every one of the event's own
 * calendar (python.org lists a category's events under its calendar).
 */
export const eventCategoriesValidator: RelationshipFieldValidation = async (value, options) => {
  const base = await checkCategories(value, options)
  if (base !== true) return base
  const ids = (Array.isArray(value) ? value : value ? [value] : []).map(idOf)
  if (!ids.length || options.event === 'onChange') return true
  const calendar = idOf((options.siblingData as Record<string, unknown>)?.calendar)
  if (typeof calendar !== 'string') return 'categories need the event’s calendar to be set'
  // overrideAccess: a consistency check over vocabulary rows, not a read for the user
  const { totalDocs } = await options.req.payload.count({
    collection: 'event-categories',
    overrideAccess: true,
    req: options.req,
    where: { and: [{ id: { in: ids } }, { calendar: { not_equals: calendar } }] },
  })
  return totalDocs ? 'categories must belong to the event’s calendar' : true
}

/** event-categories.calendar: a category used by events cannot move to another calendar than theirs. */
export const categoryCalendarValidator: RelationshipFieldValidation = async (value, options) => {
  const base = await checkCalendar(value, options)
  if (base !== true) return base
  const calendar = idOf(value)
  if (options.operation !== 'update' || !options.id || typeof calendar !== 'string' || options.event === 'onChange')
    return true
  // overrideAccess: events of every status count, whoever may read them
  const { totalDocs } = await options.req.payload.count({
    collection: 'events',
    overrideAccess: true,
    req: options.req,
    where: { and: [{ categories: { equals: options.id } }, { calendar: { not_equals: calendar } }] },
  })
  return totalDocs
    ? `calendar: ${totalDocs} event(s) of another calendar use this category; take it off them first`
    : true
}
