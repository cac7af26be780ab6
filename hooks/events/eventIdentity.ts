import crypto from 'node:crypto'

import type { FieldHook, TextFieldSingleValidation } from 'payload'

import { slugify } from '../../fields/slugify'

const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/**
 * The ICS UID: what calendar apps and our import recognise an event by.
 * Kept once set; an event created without one gets its own, so every event
 * in an exported feed has a stable UID.
 */
export const assignUid: FieldHook = ({ operation, originalDoc, value }) => {
  if (typeof value === 'string' && value.trim()) return value.trim()
  if (operation === 'update' && originalDoc?.uid) return originalDoc.uid
  return `${crypto.randomUUID()}@python.org`
}

/** Unique within the calendar (the database's compound index holds it under concurrency; this names the field). */
export const uidUniqueInCalendar: TextFieldSingleValidation = async (value, options) => {
  if (typeof value === 'string' && value.length > 255) return 'uid must be at most 255 characters'
  const calendar = idOf((options.siblingData as Record<string, unknown>)?.calendar)
  if (typeof value !== 'string' || !value.trim() || typeof calendar !== 'string' || options.event === 'onChange') {
    return true
  }
  // overrideAccess: a clash with an event the user cannot read is still a clash
  const { totalDocs } = await options.req.payload.count({
    collection: 'events',
    overrideAccess: true,
    req: options.req,
    where: {
      and: [
        { uid: { equals: value.trim() } },
        { calendar: { equals: calendar } },
        ...(options.id ? [{ id: { not_equals: options.id } }] : []),
      ],
    },
  })
  return totalDocs ? 'uid: another event of this calendar has this UID' : true
}

/**
 * A slug given, or made from `from` (title, name). Many events share a title
 * (a yearly conference, a monthly meetup) and venues their name: a generated
 * slug that is taken gets a short random tail instead of failing the save.
 */
export const uniqueSlugFrom =
  (collection: 'event-locations' | 'events', from: string): FieldHook =>
  async ({ data, originalDoc, req, value }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    if (originalDoc?.slug) return originalDoc.slug
    const source = data?.[from]
    if (typeof source !== 'string' || !source.trim()) return value
    const base = slugify(source).slice(0, 180) || collection.replace(/s$/, '')
    // overrideAccess: any document holding the slug makes it taken
    const { totalDocs } = await req.payload.count({
      collection,
      overrideAccess: true,
      req,
      where: { slug: { equals: base } },
    })
    return totalDocs ? `${base}-${crypto.randomBytes(3).toString('hex')}` : base
  }
