import type { CollectionAfterChangeHook } from 'payload'

import { userIsStaff } from '../../access/roles'
import type { SuccessStory } from '../../payload-types'
import { queueEmail } from '../../src/mailing/queueEmail'

export const SUCCESS_STORY_SUBMITTED_TEMPLATE = 'successstories.submitted'

/**
 * A story submitted by a member (not created by staff) is announced to every
 * active staff member through the mailing path, in the same transaction.
 */
export const notifyStaffOfSubmission: CollectionAfterChangeHook<SuccessStory> = async ({
  context,
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || context.skipNotifications || !req.user || userIsStaff(req)) return doc
  // overrideAccess: the system looks up whom to notify; members cannot list staff
  const staff = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 500,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true },
    where: {
      and: [{ isActive: { equals: true } }, { or: [{ isStaff: { equals: true } }, { isSuperuser: { equals: true } }] }],
    },
  })
  const submitter = req.user as { email?: string; username?: string }
  for (const member of staff.docs) {
    if (!member.email) continue
    await queueEmail(req, {
      context: {
        companyName: doc.companyName,
        name: doc.name,
        storyId: String(doc.id),
        submitter: submitter.username ?? submitter.email ?? 'a member',
      },
      template: SUCCESS_STORY_SUBMITTED_TEMPLATE,
      to: member.email,
    })
  }
  return doc
}
