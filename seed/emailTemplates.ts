import type { RequiredDataFromCollectionSlug } from 'payload'

/** Templates every installation needs; later domains add theirs here. */
export const EMAIL_TEMPLATES: RequiredDataFromCollectionSlug<'email-templates'>[] = [
  {
    contentHtml: '<p>Hello {{ name }},</p>\n<p>This is a test message from {{ site }}. If you can read it, email works.</p>',
    contentText: 'Hello {{ name }},\n\nThis is a test message from {{ site }}. If you can read it, email works.\n',
    description: 'Sent by maintainers to check the mail configuration.',
    displayName: 'Test message',
    internalName: 'system.test',
    isActive: true,
    subject: 'Test message from {{ site }}',
    templateType: 'SYSTEM',
  },
]
