import type { CollectionAfterChangeHook } from 'payload'

import { userIsStaff } from '../../access/roles'
import type { Event } from '../../payload-types'
import { queueEmail } from '../../src/mailing/queueEmail'
import { activeStaffEmails } from '../../src/mailing/staffRecipients'

export const EVENT_SUBMITTED_TEMPLATE = 'events.submitted'

/**
 * An event a member submits (not one staff or the ICS import create) waits
 * unpublished; every active staff member is told through the mailing path,
 * in the same transaction as the event.
 */
export const notifyStaffOfEventSubmission: CollectionAfterChangeHook<Event> = async ({
  context,
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || context.skipNotifications || !req.user || userIsStaff(req)) return doc
  const submitter = req.user as { email?: string; username?: string }
  const calendarId = doc.calendar && typeof doc.calendar === 'object' ? doc.calendar.id : doc.calendar
  // overrideAccess: calendars are public; the system names the one the event was submitted to
  const calendar = calendarId
    ? (
        await req.payload.findByID({
          collection: 'calendars',
          depth: 0,
          id: calendarId,
          overrideAccess: true,
          req,
          select: { name: true },
        })
      ).name
    : undefined
  for (const to of await activeStaffEmails(req)) {
    await queueEmail(req, {
      context: {
        calendar: calendar ?? '',
        eventId: String(doc.id),
        submitter: submitter.username ?? submitter.email ?? 'a member',
        title: doc.title,
      },
      template: EVENT_SUBMITTED_TEMPLATE,
      to,
    })
  }
  return doc
}
