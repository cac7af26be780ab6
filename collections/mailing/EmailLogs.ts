import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { isSuperuser } from '../../access/isSuperuser'
import { resendEmailEndpoint } from '../../src/mailing/resendEndpoint'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

/** FILE: written to a file because no SMTP server is configured (SMTP_HOST), so not sent. */
export const EMAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'FILE'] as const

const STATUS_LABELS: Record<(typeof EMAIL_STATUSES)[number], string> = {
  FAILED: 'failed',
  FILE: 'written to file (not sent)',
  QUEUED: 'queued',
  SENT: 'sent',
}

/**
 * One row per email the system sends, written by the one sending path
 * (src/mailing). Nobody writes it through the API; staff resend one with
 * POST /api/email-logs/:id/resend (or the Resend button of its admin view),
 * which writes a new row pointing back at it.
 */
export const EmailLogs: CollectionConfig = {
  slug: 'email-logs',
  access: {
    create: () => false,
    delete: isSuperuser,
    read: isStaff,
    update: () => false,
  },
  admin: {
    defaultColumns: ['subject', 'recipientEmail', 'templateName', 'status', 'createdAt'],
    group: ADMIN_GROUPS.mailing,
    useAsTitle: 'subject',
  },
  dbName: 'email_logs',
  defaultPopulate: { status: true, subject: true, templateName: true },
  defaultSort: '-createdAt',
  endpoints: [resendEmailEndpoint],
  fields: [
    {
      name: 'templateName',
      type: 'text',
      index: true,
      maxLength: 128,
      required: true,
    },
    { name: 'recipientEmail', type: 'email', index: true, required: true },
    { name: 'subject', type: 'text', maxLength: 500 },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'QUEUED',
      index: true,
      options: EMAIL_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      required: true,
    },
    { name: 'errorMessage', type: 'textarea' },
    { name: 'attempts', type: 'number', defaultValue: 0, min: 0 },
    {
      name: 'sentAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'context',
      type: 'json',
      admin: { description: 'The values the template was rendered with.' },
    },
    {
      name: 'attachments',
      type: 'json',
      admin: { description: 'Stored uploads sent along ({ collection, id, filename }), read when sending.' },
    },
    {
      name: 'resendOf',
      type: 'relationship',
      admin: { description: 'The email this one resends.', position: 'sidebar' },
      relationTo: 'email-logs',
    },
    {
      name: 'resentBy',
      type: 'relationship',
      admin: { description: 'The staff member who asked for the resend.', position: 'sidebar' },
      relationTo: 'users',
    },
    {
      name: 'resendAction',
      type: 'ui',
      admin: {
        components: { Field: '/src/mailing/ResendEmailAction#ResendEmailAction' },
        position: 'sidebar',
      },
    },
  ],
  graphQL: { pluralName: 'EmailLogs', singularName: 'EmailLog' },
  timestamps: true,
}
