'use client'

import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * "Resend" on an email log's admin view (POST /api/email-logs/:id/resend):
 * queues a new copy of an email that failed, was sent, or was written to a
 * file, then opens the new log. Staff only; the server checks again.
 */
export const ResendEmailAction: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ isStaff?: boolean; isSuperuser?: boolean }>()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)

  if (!id || !status || status === 'QUEUED' || !(user?.isStaff || user?.isSuperuser)) return null

  const resend = async () => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`/api/email-logs/${id}/resend`, { credentials: 'include', method: 'POST' })
      const body = (await response.json().catch(() => null)) as {
        emailLog?: string
        errors?: { message: string }[]
      } | null
      if (!response.ok || !body?.emailLog) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      // the new log's edit view: same collection, its id in place of this one
      window.location.assign(window.location.pathname.replace(/[^/]+\/?$/, body.emailLog))
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-testid="resend-email-action" style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void resend()} size="small">
        Resend
      </Button>
      <p className="field-description">Queues a new copy of this email to the same recipient.</p>
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}
