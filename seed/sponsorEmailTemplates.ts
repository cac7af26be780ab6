import type { RequiredDataFromCollectionSlug } from 'payload'

import { SPONSOR_TEMPLATES } from '../src/sponsors/config'

const site = '{{ site | default("https://www.python.org") }}'
const fee = '{{ fee or "to be agreed" }}'
const period = '{% if startDate %}{{ startDate }} to {{ endDate }}{% else %}to be agreed{% endif %}'

/** The sponsorship emails (hooks/sponsors): new application, approved, rejected, contract sent. */
export const SPONSOR_EMAIL_TEMPLATES: RequiredDataFromCollectionSlug<'email-templates'>[] = [
  {
    contentText: `A new sponsorship application has been submitted:\n\n  Sponsor: {{ sponsorName }}\n  Level: {{ levelName }} ({{ year }})\n  Fee: ${fee}\n\nReview it in the admin panel: ${site}/admin/collections/sponsorships/{{ sponsorshipId }}\n`,
    description: 'To the sponsorship team (SPONSORS_TEAM_EMAIL) when a member applies.',
    displayName: 'Sponsorship application submitted',
    internalName: SPONSOR_TEMPLATES.applied,
    isActive: true,
    subject: 'New sponsorship application from {{ sponsorName }}',
    templateType: 'NOTIFICATION',
  },
  {
    contentText: `Dear {{ sponsorName }},\n\nThank you for sponsoring the Python Software Foundation. Your application has been approved:\n\n  Level: {{ levelName }} ({{ year }})\n  Fee: ${fee}\n  Term: ${period}\n\nWe are preparing the contract and will send it to you for signature shortly.\n\nPython Software Foundation\n`,
    description: 'To the applicant when staff approve the application.',
    displayName: 'Sponsorship approved',
    internalName: SPONSOR_TEMPLATES.approved,
    isActive: true,
    subject: 'Your sponsorship application was approved ({{ sponsorName }})',
    templateType: 'TRANSACTIONAL',
  },
  {
    contentText: `Dear {{ sponsorName }},\n\nThank you for your interest in sponsoring the Python Software Foundation. We are unable to accept your application for the {{ levelName }} level at this time. Please write to sponsors@python.org if you would like to discuss other options.\n\nPython Software Foundation\n`,
    description: 'To the applicant when staff reject the application.',
    displayName: 'Sponsorship rejected',
    internalName: SPONSOR_TEMPLATES.rejected,
    isActive: true,
    subject: 'Your sponsorship application ({{ sponsorName }})',
    templateType: 'TRANSACTIONAL',
  },
  {
    contentText: `Dear {{ sponsorName }},\n\nAttached is your sponsorship agreement (revision {{ revision }}) for the {{ levelName }} level:\n\n  Fee: ${fee}\n  Term: ${period}\n\nPlease review it, sign it and return it to sponsors@python.org.\n\nPython Software Foundation\n`,
    description: 'To the applicant when staff send the contract; the PDF is attached.',
    displayName: 'Sponsorship contract sent',
    internalName: SPONSOR_TEMPLATES.contractSent,
    isActive: true,
    subject: 'Sponsorship agreement for {{ sponsorName }}',
    templateType: 'TRANSACTIONAL',
  },
]
