import type { CollectionConfig } from 'payload'
import { textarea } from 'payload/shared'

import { isStaff } from '../../access/isStaff'
import { reviewCommentsReadable } from '../../access/jobs'
import { parentOwnerOrStaffCreate } from '../../access/parentOwnerOrStaff'
import { creatorField } from '../../fields/contentManageable'
import { notifyReviewComment } from '../../hooks/jobs/notifyReviewComment'
import { REVIEW_COMMENT_MAX_LENGTH } from '../../src/jobs/config'
import { existingIn } from '../../fields/existingIn'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const JobReviewComments: CollectionConfig = {
  slug: 'job-review-comments',
  access: {
    // the job's owner and staff discuss a job; nobody else
    create: parentOwnerOrStaffCreate({
      parentCollection: 'jobs',
      parentField: 'job',
    }),
    delete: isStaff,
    read: reviewCommentsReadable,
    update: () => false,
  },
  admin: { defaultColumns: ['comment', 'job', 'creator', 'createdAt'], group: ADMIN_GROUPS.jobs, useAsTitle: 'comment' },
  dbName: 'job_review_comments',
  // a job's review thread: the comment, who wrote it and when
  defaultPopulate: { comment: true, createdAt: true, creator: true },
  defaultSort: 'createdAt',
  fields: [
    {
      name: 'job',
      type: 'relationship',
      index: true,
      relationTo: 'jobs',
      required: true,
      validate: existingIn('jobs', 'job'),
    },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: REVIEW_COMMENT_MAX_LENGTH,
      required: true,
      // Payload's own checks (maxLength) first, then: not blank
      validate: (value: null | string | undefined, options) => {
        const base = textarea(value, options)
        if (base !== true) return base
        return typeof value === 'string' && value.trim() ? true : 'comment must not be empty'
      },
    },
    creatorField(),
    legacyIdField('job_review_comments_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'JobReviewComments', singularName: 'JobReviewComment' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
    afterChange: [notifyReviewComment],
  },
}
