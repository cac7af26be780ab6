import type { PayloadRequest } from 'payload'

/** The addresses of every active staff member (superusers included): who hears of submissions waiting for review. */
export const activeStaffEmails = async (req: PayloadRequest): Promise<string[]> => {
  // overrideAccess: the system looks up whom to notify; members cannot list staff
  const { docs } = await req.payload.find({
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
  return docs.map((doc) => doc.email).filter((email): email is string => Boolean(email))
}
