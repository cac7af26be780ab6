import type { Field, Plugin } from 'payload'

import { ADMIN_DATE_FORMAT, ADMIN_DATE_TIME_FORMAT } from './dates'

type DateAdmin = { date?: { displayFormat?: string; pickerAppearance?: string } }

const FORMAT_BY_APPEARANCE: Record<string, string> = {
  dayAndTime: ADMIN_DATE_TIME_FORMAT,
  dayOnly: ADMIN_DATE_FORMAT,
  default: ADMIN_DATE_FORMAT,
}

// src/platform/admin/ReadOnlyField.tsx: one line of text, nothing while empty
const READ_ONLY_FIELD = '/src/platform/admin/ReadOnlyField#ReadOnlyField'
const YES_NO_CELL = '/src/platform/admin/YesNoCell#YesNoCell'
const SHOWN_AS_TEXT = new Set(['checkbox', 'date', 'email', 'number', 'relationship', 'select', 'text'])

type Shown = { admin?: { components?: { Field?: unknown }; hidden?: boolean; readOnly?: boolean }; type: string }

/** A read-only value field without a component of its own (a textarea or code keeps its box). */
const asText = (field: Field, insideReadOnly: boolean): Field => {
  const { admin, type } = field as Shown
  if (!(admin?.readOnly || insideReadOnly) || admin?.hidden || !SHOWN_AS_TEXT.has(type)) return field
  if (admin?.components && 'Field' in admin.components) return field
  return { ...field, admin: { ...admin, components: { ...admin?.components, Field: READ_ONLY_FIELD } } } as Field
}

// a join lists documents that point at this one: a document being created has none, and none can be added yet
const savedDocumentsOnly = (data: Record<string, unknown> | undefined) => Boolean(data?.id)

/** `insideReadOnly`: the fields of a read-only group (a computed next occurrence) are read-only too. */
const withDefaults = (fields: Field[], insideReadOnly = false): Field[] =>
  fields.map((input) => {
    const field = asText(input, insideReadOnly)
    const readOnly = insideReadOnly || Boolean((field as Shown).admin?.readOnly)
    if (field.type === 'checkbox' && !field.admin?.components?.Cell) {
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Cell: YES_NO_CELL } } }
    }
    if (field.type === 'date') {
      const admin = (field.admin ?? {}) as DateAdmin
      const appearance = admin.date?.pickerAppearance ?? 'default'
      const format = FORMAT_BY_APPEARANCE[appearance]
      if (admin.date?.displayFormat || !format) return field
      return { ...field, admin: { ...field.admin, date: { ...admin.date, displayFormat: format } } } as Field
    }
    if (field.type === 'join') {
      if (field.admin?.condition) return field
      return { ...field, admin: { ...field.admin, condition: savedDocumentsOnly } }
    }
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withDefaults(tab.fields, readOnly) })) }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: withDefaults(block.fields, readOnly) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withDefaults(field.fields, readOnly) } as Field
    }
    return field
  })

/**
 * Admin defaults every field of the config gets unless it sets its own:
 * - a read-only value (a stamp, the python.org id, a date a workflow sets,
 *   a value derived on save) is one line of text, and nothing while empty,
 *   not a grey input nobody can type in;
 * - a date shows its year, in the list and in its picker (Payload's picker
 *   defaults are "Feb 02" for a day and "02/01/2024", ambiguous between
 *   countries);
 * - a checkbox shows as "yes" or a dash in lists, not as `true`/`false`;
 * - a join table (a page's images, a release's files) shows once the
 *   document is saved, not as an empty "No results" table on a new one.
 */
export const adminFieldDefaults = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    fields: withDefaults(collection.fields),
  })),
  globals: (config.globals ?? []).map((global) => ({ ...global, fields: withDefaults(global.fields) })),
})
