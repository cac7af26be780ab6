import type { Field, Plugin } from 'payload'

import { ADMIN_DATE_FORMAT, ADMIN_DATE_TIME_FORMAT } from './dates'

type DateAdmin = { date?: { displayFormat?: string; pickerAppearance?: string } }

const FORMAT_BY_APPEARANCE: Record<string, string> = {
  dayAndTime: ADMIN_DATE_TIME_FORMAT,
  dayOnly: ADMIN_DATE_FORMAT,
  default: ADMIN_DATE_FORMAT,
}

const withFormats = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'date') {
      const admin = (field.admin ?? {}) as DateAdmin
      const appearance = admin.date?.pickerAppearance ?? 'default'
      const format = FORMAT_BY_APPEARANCE[appearance]
      if (admin.date?.displayFormat || !format) return field
      return { ...field, admin: { ...field.admin, date: { ...admin.date, displayFormat: format } } } as Field
    }
    if (field.type === 'tabs') {
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withFormats(tab.fields) })) }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: withFormats(block.fields) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: withFormats(field.fields) } as Field
    return field
  })

/**
 * Every date field of the config shows its year in the admin panel, in the
 * list and in its picker: Payload's picker defaults are "Feb 02" (a day) and
 * "02/01/2024" (ambiguous between countries). A field that sets its own
 * `admin.date.displayFormat` keeps it.
 */
export const adminDateFormats = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    fields: withFormats(collection.fields),
  })),
  globals: (config.globals ?? []).map((global) => ({ ...global, fields: withFormats(global.fields) })),
})
