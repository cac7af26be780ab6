/**
 * python.org's job board (apps/jobs/models.py) for the Django dump importer
 * (src/platform/djangoImport.ts):
 * - jobs.jobtype, jobs.jobcategory -> job-types, job-categories
 * - jobs.job              -> jobs, in the status python.org had it in (the import does
 *   not walk it through the review workflow); "removed" is ARCHIVED here
 * - jobs.jobreviewcomment -> job-review-comments
 * Descriptions and requirements are rendered as Markdown here; python.org
 * defaulted to reStructuredText, which mostly reads the same.
 */
import { slugify } from '../../fields/slugify'
import type { DjangoRow, ImportContext, ModelMapper } from '../platform/djangoImport'
import { unimportable } from '../platform/djangoImport'
import {
  bool,
  choice,
  CONTENT_MANAGEABLE,
  dateTime,
  fit,
  markupField,
  resolveMany,
  stamps,
  str,
  text,
} from '../platform/djangoValues'

const STATUS: Record<string, string> = {
  approved: 'APPROVED',
  archived: 'ARCHIVED',
  draft: 'DRAFT',
  expired: 'EXPIRED',
  rejected: 'REJECTED',
  removed: 'ARCHIVED',
  review: 'REVIEW',
}

const vocabulary = (model: string, collection: 'job-categories' | 'job-types'): ModelMapper => ({
  collection,
  fields: ['name', 'slug', 'active'],
  model,
  toData: (row, context) => {
    if (row.fields.active === false) context.skip(row, 'active', 'no inactive types or categories here: kept as usable')
    return { name: str(row.fields.name), slug: str(row.fields.slug) }
  },
})

export const jobTypeMapper = vocabulary('jobs.jobtype', 'job-types')
export const jobCategoryMapper = vocabulary('jobs.jobcategory', 'job-categories')

/** A job's markup field, noting a markup that is not the Markdown rendered here. */
const markdownOf = (row: DjangoRow, name: string, context: ImportContext, max: number) => {
  const source = text(row.fields[name])
  const type = row.fields[`${name}_markup_type`]
  if (source && typeof type === 'string' && type !== 'markdown') {
    context.skip(row, `${name}_markup_type`, `rendered as Markdown here, python.org had ${type}`)
  }
  return fit(row, name, source, max, context)
}

export const jobMapper: ModelMapper = {
  collection: 'jobs',
  dependsOn: ['users.user', 'jobs.jobtype', 'jobs.jobcategory'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'category',
    'job_types',
    'other_job_type',
    'company_name',
    ...markupField('company_description'),
    'job_title',
    'city',
    'region',
    'country',
    'location_slug',
    'country_slug',
    ...markupField('description'),
    ...markupField('requirements'),
    'contact',
    'email',
    'url',
    'submitted_by',
    'status',
    'expires',
    'telecommuting',
    'agencies',
    'is_featured',
  ],
  model: 'jobs.job',
  toData: async (row, context) => {
    const { fields } = row
    if (text(fields.other_job_type)) context.skip(row, 'other_job_type', 'free-text job types are not kept')
    if (text(fields.company_description)) context.skip(row, 'company_description', 'company descriptions are not kept')
    if (fields.status === 'removed') context.skip(row, 'status', '"removed" is ARCHIVED here')
    const { createdAt, creator } = await stamps(fields, context, { lastModified: false })
    return {
      agencies: bool(fields.agencies, true),
      category: fields.category ? await context.resolve('jobs.jobcategory', fields.category) : null,
      city: fit(row, 'city', text(fields.city), 100, context),
      companyName:
        fit(row, 'company_name', text(fields.company_name), 200, context) ??
        unimportable(row, 'it has no company name'),
      contact: fit(row, 'contact', text(fields.contact), 200, context),
      country: fit(row, 'country', str(fields.country), 100, context),
      ...(createdAt ? { createdAt } : {}),
      // python.org recorded the poster twice (creator and submitted_by)
      creator: creator ?? (fields.submitted_by ? await context.resolve('users.user', fields.submitted_by) : null),
      description: markdownOf(row, 'description', context, 20000),
      email: str(fields.email),
      expires: dateTime(fields.expires, context),
      isFeatured: bool(fields.is_featured),
      jobTitle: fit(row, 'job_title', str(fields.job_title), 200, context),
      jobTypes: await resolveMany(context, 'jobs.jobtype', fields.job_types),
      region: fit(row, 'region', text(fields.region), 100, context),
      requirements: markdownOf(row, 'requirements', context, 20000),
      // python.org addressed jobs by pk: the pk keeps a slug made from shared titles unique
      slug: `${slugify(`${str(fields.job_title)} ${str(fields.company_name)}`).slice(0, 180)}-${String(row.pk)}`,
      status: choice(row, 'status', STATUS, 'REVIEW', context),
      telecommuting: bool(fields.telecommuting),
      url: text(fields.url),
    }
  },
}

export const jobReviewCommentMapper: ModelMapper = {
  collection: 'job-review-comments',
  dependsOn: ['users.user', 'jobs.job'],
  fields: [...CONTENT_MANAGEABLE, 'job', ...markupField('comment')],
  model: 'jobs.jobreviewcomment',
  toData: async (row, context) => {
    const { createdAt, creator } = await stamps(row.fields, context, { lastModified: false })
    return {
      comment: fit(row, 'comment', str(row.fields.comment), 5000, context),
      ...(createdAt ? { createdAt } : {}),
      creator,
      job: await context.resolve('jobs.job', row.fields.job),
    }
  },
}

export const jobMappers: ModelMapper[] = [jobTypeMapper, jobCategoryMapper, jobMapper, jobReviewCommentMapper]
