'use client'

import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

type Report = { created: number; error?: string; failed: number; ok: boolean; unpublished: number; updated: number }

/**
 * "Import now" on a calendar with an ICS URL: runs the import
 * (POST /api/calendars/:id/import) and shows what it did. Staff only; the
 * server checks again. The hourly task imports the same way.
 */
export const ImportCalendarButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ isStaff?: boolean; isSuperuser?: boolean }>()
  const icsUrl = useFormFields(([fields]) => fields.icsUrl?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<null | string>(null)

  if (!id || !icsUrl || !(user?.isStaff || user?.isSuperuser)) return null

  const run = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`/api/calendars/${id}/import`, { credentials: 'include', method: 'POST' })
      const body = (await response.json().catch(() => null)) as (Report & { errors?: { message: string }[] }) | null
      if (!response.ok || !body) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      setMessage(
        body.ok
          ? `Imported: ${body.created} new, ${body.updated} updated, ${body.unpublished} unpublished, ${body.failed} could not be taken.`
          : `The import failed: ${body.error ?? 'unknown error'}`,
      )
    } catch (err) {
      setMessage((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-testid="import-calendar" style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void run()} size="small">
        {busy ? 'Importing…' : 'Import the ICS feed now'}
      </Button>
      {message && <p className="field-description">{message}</p>}
    </div>
  )
}
