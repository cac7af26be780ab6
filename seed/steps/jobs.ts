import { slugify } from '../../fields/slugify'
import { SYSTEM_TRANSITION } from '../../hooks/jobs/enforceJobWorkflow'
import type { User } from '../../payload-types'
import type { JobStatus } from '../../src/jobs/status'
import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import {
  JOB_CATEGORIES,
  JOB_REVIEW_COMMENTS,
  JOB_TYPES,
  type JobSpec,
  JOBS,
  jobDescription,
  jobRequirements,
} from '../data/jobs'

const DAY = 86_400_000

export const jobSlug = (job: Pick<JobSpec, 'company' | 'title'>) => slugify(`${job.title} ${job.company}`)

const domainOf = (company: string) => `${slugify(company)}.example.com`

const vocabulary = async (step: Step, collection: 'job-categories' | 'job-types', names: string[]) => {
  const ids = new Map<string, string>()
  for (const name of names) {
    const slug = slugify(name)
    const { id } = await step.ensure(collection, slug, {
      create: async () => {
        // overrideAccess: staff's vocabulary, written by the system
        const doc = await step.payload.create({
          ...ID_ONLY,
          collection,
          data: { name, slug },
          overrideAccess: true,
          req: await step.req(),
        })
        return String(doc.id)
      },
      find: () => step.findId(collection, { slug: { equals: slug } }),
    })
    ids.set(name, id)
    step.tick()
  }
  return ids
}

/**
 * A job through the review workflow as its people would move it: the owner
 * writes and submits it, staff approve or reject it, the expiry task
 * expires it. Every move goes through enforceJobWorkflow, so only the
 * transitions of src/jobs/status.ts happen, and approval sets `expires`.
 */
const playWorkflow = async (step: Step, id: string, job: JobSpec, owner: User, staff: User) => {
  // overrideAccess on each move: the seed is the system playing the people; the user given is
  // the actor the workflow hook checks (owner, staff, or none for the expiry task)
  const move = async (status: JobStatus, actor: null | User, data: Record<string, unknown> = {}, context = {}) =>
    step.payload.update({
      collection: 'jobs',
      context,
      data: { ...data, status },
      id,
      overrideAccess: true,
      req: await step.req(actor, context),
    })
  let comments = 0
  const comment = async (text: string, by: User) => {
    // overrideAccess: the seed plays the owner or staff commenting on the review
    const doc = await step.payload.create({
      collection: 'job-review-comments',
      data: { comment: text, job: id },
      overrideAccess: true,
      req: await step.req(by),
    })
    comments += 1
    await step.record('job-review-comments', `${jobSlug(job)}#${comments}`, String(doc.id))
  }

  if (job.status === 'DRAFT') return
  if (job.status === 'ARCHIVED' && job.withdrawn) {
    // the owner withdraws a draft they no longer need
    await move('ARCHIVED', owner)
    return
  }
  await move('REVIEW', owner)
  for (const note of JOB_REVIEW_COMMENTS[job.title] ?? []) {
    await comment(note.text, note.by === 'staff' ? staff : owner)
  }
  if (job.status === 'REVIEW') return
  if (job.status === 'REJECTED') {
    await move('REJECTED', staff)
    return
  }
  if (job.status === 'EXPIRED') {
    // approved long enough ago that its listing has run out, then expired by the system's task
    await move('APPROVED', staff, { expires: new Date(step.now.getTime() - 3 * DAY).toISOString() })
    await move('EXPIRED', null, {}, { [SYSTEM_TRANSITION]: true })
    return
  }
  await move('APPROVED', staff, job.featured ? { isFeatured: true } : {})
  if (job.status === 'ARCHIVED') await move('ARCHIVED', staff)
}

export const JOBS_STEP_SIZE = JOB_TYPES.length + JOB_CATEGORIES.length + JOBS.length

/** The job board: its vocabulary and thirty postings in every status, with review comments. */
export const seedJobs = (run: SeedRun) =>
  runStep(run, 'jobs', JOBS_STEP_SIZE, async (step) => {
    const types = await vocabulary(step, 'job-types', JOB_TYPES)
    const categories = await vocabulary(step, 'job-categories', JOB_CATEGORIES)
    const staff = step.actor('maya')
    for (const job of JOBS) {
      const slug = jobSlug(job)
      const owner = step.actor(job.owner)
      const { created } = await step.ensure('jobs', slug, {
        create: async () => {
          // overrideAccess: the system writes the member's posting; the member is its creator
          const doc = await step.payload.create({
            collection: 'jobs',
            data: {
              agencies: !job.remote,
              category: categories.get(job.category),
              city: job.city,
              companyName: job.company,
              contact: `${owner.firstName} ${owner.lastName}`,
              contentType: 'MARKDOWN',
              country: job.country,
              description: jobDescription(job),
              email: `jobs@${domainOf(job.company)}`,
              jobTitle: job.title,
              jobTypes: job.types.map((name) => types.get(name)!),
              region: job.region,
              requirements: jobRequirements(job),
              slug,
              status: 'DRAFT',
              telecommuting: job.remote,
              url: `https://${domainOf(job.company)}/careers/${slugify(job.title)}`,
            },
            overrideAccess: true,
            req: await step.req(owner),
          })
          await playWorkflow(step, String(doc.id), job, owner, staff)
          return String(doc.id)
        },
        find: () => step.findId('jobs', { slug: { equals: slug } }),
      })
      if (!created) await step.skipRecorded('job-review-comments', `${slug}#`)
      step.tick()
    }
  })
