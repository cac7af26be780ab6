import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { stringify } from 'qs-esm'

/**
 * What waits for staff, shown at the top of the admin dashboard
 * (./WaitingWork.tsx): each entry a count and a link to the list filtered
 * the same way. A domain that gains a queue adds ONE line here.
 */
export type WaitingItem = {
  collection: CollectionSlug
  /** what the count means, as the dashboard shows it */
  label: string
  where: Where
}

// member-created: not by staff and not by the ICS import (which leaves no creator)
const byMember: Where = { and: [{ 'creator.isStaff': { equals: false } }, { 'creator.isSuperuser': { equals: false } }] }

export const WAITING_WORK: WaitingItem[] = [
  { collection: 'jobs', label: 'Jobs waiting for review', where: { status: { equals: 'REVIEW' } } },
  { collection: 'success-stories', label: 'Success stories not yet published', where: { isPublished: { equals: false } } },
  { collection: 'community-posts', label: 'Community posts not yet published', where: { isPublished: { equals: false } } },
  {
    collection: 'events',
    label: 'Events submitted by members, not yet published',
    where: { and: [{ isPublished: { equals: false } }, byMember] },
  },
  { collection: 'sponsorships', label: 'Sponsorship applications to decide', where: { status: { equals: 'APPLIED' } } },
  { collection: 'email-logs', label: 'Emails that failed to send', where: { status: { equals: 'FAILED' } } },
  { collection: 'feeds', label: 'Blog feeds whose last fetch failed', where: { lastError: { exists: true } } },
]

export type WaitingCount = WaitingItem & { count: number; href: string }

/** The admin list of `item`'s collection, filtered by its `where`. */
export const listHref = (adminRoute: string, item: WaitingItem): string =>
  formatAdminURL({
    adminRoute,
    path: `/collections/${item.collection}?${stringify({ limit: 10, page: 1, where: item.where }, { addQueryPrefix: false })}`,
  })

/**
 * Each item's count as `user` may list it (overrideAccess: false): a count
 * never includes what the user could not see in the list it links to. An
 * item whose collection the user may not read at all is left out.
 */
export const countWaitingWork = async (
  payload: Payload,
  user: TypedUser | null,
  items: WaitingItem[] = WAITING_WORK,
): Promise<WaitingCount[]> => {
  const adminRoute = payload.config.routes.admin
  const counted = await Promise.all(
    items.map(async (item) => {
      try {
        const { totalDocs } = await payload.count({
          collection: item.collection,
          overrideAccess: false,
          user,
          // a copy: Payload adds the related collections' access constraints to the where it is given
          where: structuredClone(item.where),
        })
        return { ...item, count: totalDocs, href: listHref(adminRoute, item) }
      } catch {
        // no read access to the collection (or to a field the filter names): nothing to show
        return null
      }
    }),
  )
  return counted.filter((item): item is WaitingCount => item !== null)
}
