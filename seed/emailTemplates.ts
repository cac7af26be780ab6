import type { RequiredDataFromCollectionSlug } from 'payload'

import { NOMINATED_TEMPLATE } from '../hooks/elections/notifyNominee'
import { EVENT_SUBMITTED_TEMPLATE } from '../hooks/events/notifyStaffOfEventSubmission'
import { SUCCESS_STORY_SUBMITTED_TEMPLATE } from '../hooks/success-stories/notifyStaffOfSubmission'

const site = '{{ site | default("https://www.python.org") }}'

/** Templates every installation needs; later domains add theirs here. */
export const EMAIL_TEMPLATES: RequiredDataFromCollectionSlug<'email-templates'>[] = [
  {
    contentHtml:
      '<p>Hello {{ name }},</p>\n<p>This is a test message from {{ site }}. If you can read it, email works.</p>',
    contentText: 'Hello {{ name }},\n\nThis is a test message from {{ site }}. If you can read it, email works.\n',
    description: 'Sent by maintainers to check the mail configuration.',
    displayName: 'Test message',
    internalName: 'system.test',
    isActive: true,
    subject: 'Test message from {{ site }}',
    templateType: 'SYSTEM',
  },
  {
    contentHtml: [
      '<p>{{ submitter }} submitted a success story for review:</p>',
      '<p><strong>{{ name }}</strong> ({{ companyName }})</p>',
      `<p><a href="${site}/admin/collections/success-stories/{{ storyId }}">Review it in the admin panel</a>; it stays unpublished until staff publish it.</p>`,
    ].join('\n'),
    contentText: `{{ submitter }} submitted a success story for review:\n\n  {{ name }} ({{ companyName }})\n\nReview it in the admin panel: ${site}/admin/collections/success-stories/{{ storyId }}\nIt stays unpublished until staff publish it.\n`,
    description: 'To every active staff member when a member submits a success story (hooks/success-stories).',
    displayName: 'Success story submitted',
    internalName: SUCCESS_STORY_SUBMITTED_TEMPLATE,
    isActive: true,
    subject: 'Success story submitted: {{ name }} ({{ companyName }})',
    templateType: 'NOTIFICATION',
  },
  {
    contentHtml: [
      '<p>Hello {{ nomineeName }},</p>',
      '<p>{{ nominatorName }} nominated you in the <strong>{{ electionName }}</strong>.</p>',
      '<p><a href="{{ acceptUrl }}">Accept or decline the nomination</a> while nominations are open. You appear on the list of nominees only if you accept.</p>',
    ].join('\n'),
    contentText:
      'Hello {{ nomineeName }},\n\n{{ nominatorName }} nominated you in the {{ electionName }}.\n\nAccept or decline the nomination while nominations are open:\n{{ acceptUrl }}\n\nYou appear on the list of nominees only if you accept.\n',
    description:
      'To a user someone else nominated in a PSF election, with the link to accept (hooks/elections/notifyNominee).',
    displayName: 'Nominated in an election',
    internalName: NOMINATED_TEMPLATE,
    isActive: true,
    subject: 'You have been nominated: {{ electionName }}',
    templateType: 'NOTIFICATION',
  },
  {
    contentHtml: [
      '<p>{{ submitter }} submitted an event for review:</p>',
      '<p><strong>{{ title }}</strong>{% if calendar %} ({{ calendar }}){% endif %}</p>',
      `<p><a href="${site}/admin/collections/events/{{ eventId }}">Review it in the admin panel</a>; it stays unpublished until staff publish it.</p>`,
    ].join('\n'),
    contentText: `{{ submitter }} submitted an event for review:\n\n  {{ title }}{% if calendar %} ({{ calendar }}){% endif %}\n\nReview it in the admin panel: ${site}/admin/collections/events/{{ eventId }}\nIt stays unpublished until staff publish it.\n`,
    description: 'To every active staff member when a member submits an event (hooks/events).',
    displayName: 'Event submitted',
    internalName: EVENT_SUBMITTED_TEMPLATE,
    isActive: true,
    subject: 'Event submitted: {{ title }}',
    templateType: 'NOTIFICATION',
  },
]
