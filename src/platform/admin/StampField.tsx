import { formatDate } from '@payloadcms/ui/shared'
import type { PayloadRequest } from 'payload'
import React from 'react'

type Props = {
  field?: { label?: unknown; name?: string; type?: string }
  req?: PayloadRequest
  value?: unknown
}

const userName = async (req: PayloadRequest, id: string): Promise<string> => {
  try {
    const user = (await req.payload.findByID({
      collection: 'users',
      depth: 0,
      id,
      overrideAccess: false,
      req,
      select: { email: true, username: true },
    })) as { email?: string; username?: string }
    return user.username || user.email || id
  } catch {
    // a deleted account, or one this editor may not read
    return 'a former user'
  }
}

/**
 * A server-filled stamp (creator, last modified by, created, updated, the
 * python.org id) in the edit view's sidebar: one read-only line ("Created:
 * 2 Feb 2024, 14:05"), and nothing at all while it is empty (a new
 * document), instead of a grey input nobody can type in.
 */
export const StampField = async ({ field, req, value }: Props) => {
  if (!req || value === null || value === undefined || value === '') return null
  const label = typeof field?.label === 'string' ? field.label : (field?.name ?? '')
  let shown: string
  if (field?.type === 'date') {
    shown = formatDate({ date: value as string, i18n: req.i18n, pattern: req.payload.config.admin.dateFormat })
  } else if (field?.type !== 'relationship') {
    shown = String(value)
  } else {
    const id = typeof value === 'object' && value && 'id' in value ? String(value.id) : String(value)
    shown = await userName(req, id)
  }
  return (
    <div className="field-type stamp-field" data-stamp={field?.name} style={{ marginBottom: '0.75rem' }}>
      <span className="field-label" style={{ display: 'inline', marginRight: '0.35rem' }}>
        {label}:
      </span>
      <span>{shown}</span>
    </div>
  )
}
