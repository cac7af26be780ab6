import type { Access, Where } from 'payload'

import { startOfTodayUtc } from '../src/platform/clock'
import { userId, userIsStaff } from './roles'

/** Publicly visible: APPROVED and not past its `expires` date. */
export const publicJobs = (): Where => ({
  and: [
    { status: { equals: 'APPROVED' } },
    { or: [{ expires: { exists: false } }, { expires: { greater_than_equal: startOfTodayUtc().toISOString() } }] },
  ],
})

/** Staff see every job; owners also their own in any status; everyone else the public ones. */
export const jobsReadable: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  return id ? { or: [publicJobs(), { creator: { equals: id } }] } : publicJobs()
}

/** Review comments: the job's owner and staff only. */
export const reviewCommentsReadable: Access = ({ req }) => {
  if (userIsStaff(req)) return true
  const id = userId(req)
  return id ? { 'job.creator': { equals: id } } : false
}
