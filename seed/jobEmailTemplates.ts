import type { RequiredDataFromCollectionSlug } from 'payload'

import { JOB_TEMPLATES } from '../hooks/jobs/notifyJobStatusChange'

const site = '{{ site | default("https://www.python.org") }}'

/** The job board's emails (hooks/jobs): submitted, approved, rejected, review comment. */
export const JOB_EMAIL_TEMPLATES: RequiredDataFromCollectionSlug<'email-templates'>[] = [
  {
    contentText: `A job was submitted for review:\n\n  {{ jobTitle }} at {{ companyName }}\n\nReview it in the admin panel: ${site}/admin/collections/jobs/{{ jobId }}\n`,
    description: 'To the job-board team when a job enters REVIEW.',
    displayName: 'Job submitted for review',
    internalName: JOB_TEMPLATES.submitted,
    isActive: true,
    subject: 'Job submitted for review: {{ jobTitle }} ({{ companyName }})',
    templateType: 'NOTIFICATION',
  },
  {
    contentText: `Your job posting "{{ jobTitle }}" at {{ companyName }} has been approved and is now listed on the Python Job Board:\n\n${site}/jobs/{{ slug }}/\n`,
    description: 'To the job contact and the team when staff approve a job.',
    displayName: 'Job approved',
    internalName: JOB_TEMPLATES.approved,
    isActive: true,
    subject: 'Job approved: {{ jobTitle }} ({{ companyName }})',
    templateType: 'TRANSACTIONAL',
  },
  {
    contentText: `Your job posting "{{ jobTitle }}" at {{ companyName }} was not approved. See the review comments, edit the posting and submit it again.\n`,
    description: 'To the job contact and the team when staff reject a job.',
    displayName: 'Job rejected',
    internalName: JOB_TEMPLATES.rejected,
    isActive: true,
    subject: 'Job not approved: {{ jobTitle }} ({{ companyName }})',
    templateType: 'TRANSACTIONAL',
  },
  {
    contentText: `New review comment on "{{ jobTitle }}" at {{ companyName }}:\n\n{{ comment }}\n`,
    description: 'A staff comment goes to the job contact; an owner comment to the team.',
    displayName: 'Job review comment',
    internalName: JOB_TEMPLATES.comment,
    isActive: true,
    subject: 'Review comment on {{ jobTitle }} ({{ companyName }})',
    templateType: 'NOTIFICATION',
  },
]
