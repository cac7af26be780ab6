import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { reviewCommentsReadable } from '../../access/jobs'
import { parentOwnerOrStaffCreate } from '../../access/parentOwnerOrStaff'
import { creatorField } from '../../fields/contentManageable'
import { notifyReviewComment } from '../../hooks/jobs/notifyReviewComment'

export const JobReviewComments: CollectionConfig = {
  slug: 'job-review-comments',
  access: {
    // the job's owner and staff discuss a job; nobody else
    create: parentOwnerOrStaffCreate({ parentCollection: 'jobs', parentField: 'job' }),
    delete: isStaff,
    read: reviewCommentsReadable,
    update: () => false,
  },
  admin: { defaultColumns: ['job', 'creator', 'createdAt'], group: 'Jobs' },
  dbName: 'job_review_comments',
  defaultSort: 'createdAt',
  fields: [
    { name: 'job', type: 'relationship', index: true, relationTo: 'jobs', required: true },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: 5000,
      required: true,
      validate: (value: null | string | undefined) =>
        typeof value === 'string' && value.trim() ? true : 'comment must not be empty',
    },
    creatorField(),
  ],
  hooks: { afterChange: [notifyReviewComment] },
}
