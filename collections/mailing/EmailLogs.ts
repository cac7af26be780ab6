import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access/isStaff'
import { isSuperuser } from '../../access/isSuperuser'

export const EMAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED'] as const

/**
 * One row per email the system sends, written by the one sending path
 * (src/mailing). Nobody writes it through the API.
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
    defaultColumns: ['recipientEmail', 'subject', 'templateName', 'status', 'createdAt'],
    group: 'Mailing',
    useAsTitle: 'subject',
  },
  dbName: 'email_logs',
  defaultPopulate: { status: true, subject: true, templateName: true },
  defaultSort: '-createdAt',
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
      options: EMAIL_STATUSES.map((value) => ({
        label: value.toLowerCase(),
        value,
      })),
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
  ],
  timestamps: true,
}
