import type { CollectionConfig, TextareaField, TextField } from 'payload'

import { isStaff } from '../../access/isStaff'
import { sendTestEmailEndpoint } from '../../src/mailing/sendTestEndpoint'
import { checkTemplateSyntax, type TemplateKind } from '../../src/mailing/templates'
import { serverDefaulted } from '../../fields/serverDefaulted'
import { rejectMalformedInput } from '../../hooks/shared/rejectMalformedInput'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'

export const EMAIL_TEMPLATE_TYPES = ['TRANSACTIONAL', 'NOTIFICATION', 'NEWSLETTER', 'MARKETING', 'SYSTEM'] as const

/** Saving a template that does not compile is refused, naming the field and line. */
const templateSyntax =
  (field: string, kind: TemplateKind) =>
  (value: null | string | undefined): string | true => {
    if (!value) return true
    const error = checkTemplateSyntax(value, kind)
    if (!error) return true
    const where = error.line ? ` on line ${error.line}${error.column ? `, column ${error.column}` : ''}` : ''
    return `${field}: template syntax error${where}: ${error.message}`
  }

const templateField = (
  name: string,
  kind: TemplateKind,
  overrides: Partial<TextareaField | TextField> = {},
): TextareaField => ({
  name,
  type: 'textarea',
  validate: (value: null | string | undefined, options: { required?: boolean }) => {
    if (options.required && !value) return `${name} is required`
    return templateSyntax(name, kind)(value)
  },
  ...(overrides as Partial<TextareaField>),
})

export const EmailTemplates: CollectionConfig = {
  slug: 'email-templates',
  access: {
    // templates decide what the PSF sends in its name: staff only, in every direction
    create: isStaff,
    delete: isStaff,
    read: isStaff,
    update: isStaff,
  },
  admin: {
    defaultColumns: ['displayName', 'internalName', 'templateType', 'isActive'],
    description: 'Jinja2-style templates ({{ variable }}, {% if %}...) for every email the site sends.',
    group: ADMIN_GROUPS.mailing,
    useAsTitle: 'displayName',
  },
  dbName: 'email_templates',
  defaultPopulate: { displayName: true, internalName: true },
  endpoints: [sendTestEmailEndpoint],
  fields: [
    {
      name: 'internalName',
      type: 'text',
      admin: { description: 'The code refers to the template by this name.' },
      index: true,
      maxLength: 128,
      required: true,
      unique: true,
      validate: (value: null | string | undefined) =>
        !value || /^[a-z0-9][a-z0-9_.-]*$/.test(value)
          ? true
          : 'internalName may contain only lowercase letters, digits, ".", "_" and "-"',
    },
    { name: 'displayName', type: 'text', maxLength: 200, required: true },
    { name: 'description', type: 'textarea', maxLength: 2000 },
    {
      name: 'templateType',
      type: 'select',
      access: serverDefaulted,
      defaultValue: 'TRANSACTIONAL',
      index: true,
      options: EMAIL_TEMPLATE_TYPES.map((value) => ({
        label: value.toLowerCase(),
        value,
      })),
      required: true,
    },
    templateField('subject', 'text', { maxLength: 500, required: true }),
    templateField('contentText', 'text', { required: true }),
    templateField('contentHtml', 'html'),
    { name: 'isActive', type: 'checkbox', defaultValue: true, index: true },
  ],
  graphQL: { pluralName: 'EmailTemplates', singularName: 'EmailTemplate' },
  hooks: { beforeOperation: [rejectMalformedInput] },
}
