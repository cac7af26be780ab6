import { formatDate } from '@payloadcms/ui/shared'
import type { CollectionSlug, PayloadRequest } from 'payload'
import React from 'react'

type Option = string | { label?: unknown; value: string }

type Props = {
  field?: {
    admin?: { date?: { displayFormat?: string }; description?: unknown }
    hasMany?: boolean
    label?: unknown
    name?: string
    options?: Option[]
    relationTo?: string | string[]
    type?: string
  }
  req?: PayloadRequest
  /** the field's siblings (Payload's `value` prop reads the top level only, wrong inside a group) */
  siblingData?: Record<string, unknown>
  value?: unknown
}

/** The related document's title (its collection's useAsTitle), read as the editor. */
const titleOf = async (req: PayloadRequest, collection: string, value: unknown): Promise<string> => {
  const id = typeof value === 'object' && value && 'id' in value ? String(value.id) : String(value)
  const config = req.payload.collections[collection as CollectionSlug]?.config
  const useAsTitle = config?.admin.useAsTitle ?? 'id'
  try {
    const doc = (await req.payload.findByID({
      collection: collection as CollectionSlug,
      depth: 0,
      id,
      overrideAccess: false,
      req,
    })) as unknown as Record<string, unknown>
    // users: the username, else the email
    const title = doc[useAsTitle] ?? doc.email
    return title === undefined || title === null || title === '' ? id : String(title)
  } catch {
    // deleted, or not readable by this editor
    return collection === 'users' ? 'a former user' : `(${id})`
  }
}

const shown = async (req: PayloadRequest, field: NonNullable<Props['field']>, value: unknown): Promise<string> => {
  switch (field.type) {
    case 'date':
      return formatDate({
        date: value as string,
        i18n: req.i18n,
        pattern: field.admin?.date?.displayFormat ?? req.payload.config.admin.dateFormat,
      })
    case 'checkbox':
      return value ? 'yes' : 'no'
    case 'select': {
      const option = field.options?.find((o) => (typeof o === 'string' ? o : o.value) === value)
      return typeof option === 'object' && typeof option.label === 'string' ? option.label : String(value)
    }
    case 'relationship':
      return typeof field.relationTo === 'string' ? titleOf(req, field.relationTo, value) : String(value)
    default:
      return String(value)
  }
}

/**
 * A field nobody edits in the admin (a stamp such as creator, last modified
 * by, created, updated; the python.org id; a date the workflow sets; a value
 * derived on save) in the edit view: one read-only line ("Created: 2 Feb
 * 2024, 14:05"), its description as the line's tooltip, and nothing at all
 * while it is empty (a new document), instead of a grey input nobody can
 * type in. Set on such fields by src/platform/admin/fieldDefaults.ts.
 */
export const ReadOnlyField = async ({ field, req, siblingData, value: topLevel }: Props) => {
  const value = field?.name && siblingData ? siblingData[field.name] : topLevel
  if (!req || !field || value === null || value === undefined || value === '') return null
  if (Array.isArray(value) && !value.length) return null
  const label = typeof field.label === 'string' ? field.label : (field.name ?? '')
  const values = Array.isArray(value) ? value : [value]
  const text = (await Promise.all(values.map((item) => shown(req, field, item)))).join(', ')
  const description = typeof field.admin?.description === 'string' ? field.admin.description : undefined
  return (
    <div
      className="field-type read-only-field"
      data-field={field.name}
      style={{ marginBottom: '0.75rem' }}
      title={description}
    >
      <span className="field-label" style={{ display: 'inline', marginRight: '0.35rem' }}>
        {label}:
      </span>
      <span>{text}</span>
    </div>
  )
}
