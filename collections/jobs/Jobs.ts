import crypto from 'node:crypto'

import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isStaff, isStaffField } from '../../access/isStaff'
import { jobsReadable } from '../../access/jobs'
import { ownerOrStaff } from '../../access/ownerOrStaff'
import { creatorField } from '../../fields/contentManageable'
import { validateEmailLength } from '../../fields/email'
import { markupFields } from '../../fields/markup'
import { slugField } from '../../fields/slug'
import { slugify } from '../../fields/slugify'
import { httpUrlValidator } from '../../fields/url'
import { deleteDependents } from '../../hooks/shared/deleteDependents'
import { enforceJobWorkflow } from '../../hooks/jobs/enforceJobWorkflow'
import { notifyJobStatusChange } from '../../hooks/jobs/notifyJobStatusChange'
import { jobEndpoints } from '../../src/jobs/endpoints'
import { jobReads } from '../../src/jobs/reads'
import { readEndpoints } from '../../src/platform/reads'
import { JOB_STATUSES } from '../../src/jobs/status'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { existingIn } from '../../fields/existingIn'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { legacyIdField } from '../../fields/legacyId'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const Jobs: CollectionConfig = {
  slug: 'jobs',
  access: {
    // members post jobs; they start as drafts owned by them
    create: authenticated,
    delete: isStaff,
    // public: approved and unexpired; owners: their own in any status; staff: all
    read: jobsReadable,
    // owners and staff; what each may change is decided by the workflow hook
    update: ownerOrStaff('creator'),
  },
  admin: {
    defaultColumns: ['jobTitle', 'companyName', 'status', 'expires', 'creator'],
    group: ADMIN_GROUPS.jobs,
    listSearchableFields: ['jobTitle', 'companyName'],
    useAsTitle: 'jobTitle',
  },
  dbName: 'jobs',
  defaultPopulate: { companyName: true, jobTitle: true, slug: true },
  defaultSort: '-createdAt',
  endpoints: [...readEndpoints(jobReads), ...jobEndpoints],
  fields: [
    { name: 'jobTitle', type: 'text', maxLength: 200, required: true },
    { name: 'companyName', type: 'text', maxLength: 200, required: true },
    slugField({
      from: 'jobTitle',
      overrides: {
        admin: {
          description: 'Made from the title and company when left empty.',
        },
        hooks: {
          // many jobs share a title: a short random tail keeps generated slugs unique
          beforeValidate: [
            ({ data, value }) =>
              typeof value === 'string' && value.trim()
                ? value.trim()
                : data?.jobTitle
                  ? `${slugify(`${data.jobTitle} ${data.companyName ?? ''}`).slice(0, 180)}-${crypto.randomBytes(3).toString('hex')}`
                  : value,
          ],
        },
      },
    }),
    {
      name: 'status',
      type: 'select',
      access: serverDefaulted,
      admin: {
        description: 'Moves only along the review workflow.',
        position: 'sidebar',
      },
      defaultValue: 'DRAFT',
      index: true,
      options: JOB_STATUSES.map((value) => ({
        label: value.toLowerCase(),
        value,
      })),
      required: true,
    },
    {
      name: 'reviewActions',
      type: 'ui',
      admin: {
        components: { Field: '/src/jobs/JobReviewActions#JobReviewActions' },
        position: 'sidebar',
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', index: true, maxLength: 100 },
        { name: 'region', type: 'text', index: true, maxLength: 100 },
        {
          name: 'country',
          type: 'text',
          index: true,
          maxLength: 100,
          required: true,
        },
      ],
    },
    ...markupFields({
      sources: [
        { name: 'description', maxLength: 20000, required: true },
        { name: 'requirements', maxLength: 20000 },
      ],
      sourceContentType: 'MARKDOWN',
    }),
    {
      name: 'contact',
      type: 'text',
      admin: { description: 'Contact person.' },
      maxLength: 200,
    },
    {
      name: 'url',
      type: 'text',
      maxLength: 1000,
      validate: httpUrlValidator('url'),
    },
    {
      name: 'email',
      type: 'email',
      admin: { description: 'Contact email.' },
      required: true,
      validate: validateEmailLength,
    },
    {
      name: 'category',
      type: 'relationship',
      index: true,
      relationTo: 'job-categories',
      validate: existingIn('job-categories', 'job category'),
    },
    {
      name: 'jobTypes',
      type: 'relationship',
      hasMany: true,
      relationTo: 'job-types',
      validate: existingIn('job-types', 'job type'),
    },
    {
      name: 'telecommuting',
      type: 'checkbox',
      defaultValue: false,
      index: true,
    },
    {
      name: 'agencies',
      type: 'checkbox',
      admin: { description: 'Agencies may respond.' },
      defaultValue: true,
    },
    {
      name: 'isFeatured',
      type: 'checkbox',
      access: { create: isStaffField, update: isStaffField },
      admin: { position: 'sidebar' },
      defaultValue: false,
      index: true,
    },
    {
      name: 'expires',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayOnly' },
        description: 'Set to 90 days ahead on approval when empty.',
        position: 'sidebar',
      },
      index: true,
    },
    {
      name: 'reviewComments',
      type: 'join',
      collection: 'job-review-comments',
      on: 'job',
    },
    creatorField(),
    legacyIdField('jobs_legacy_id_seq'),
  ],
  graphQL: { pluralName: 'Jobs', singularName: 'Job' },
  hooks: {
    beforeOperation: [rejectMalformedInput],
    afterChange: [notifyJobStatusChange],
    beforeChange: [enforceJobWorkflow],
    beforeDelete: [deleteDependents([{ collection: 'job-review-comments', field: 'job' }])],
  },
}
