'use client'

import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * Accept / Decline on a nominee's edit view, through the same endpoints the
 * nominee uses (POST /api/nominees/:id/accept | /decline), so the acceptance
 * workflow decides (who, from which answer, in which election status). Staff
 * answer for a nominee who answered another way, e.g. by email.
 */
export const NomineeAcceptanceActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ isStaff?: boolean; isSuperuser?: boolean }>()
  const acceptance = useFormFields(([fields]) => fields.acceptance?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)

  if (!id || !(user?.isStaff || user?.isSuperuser)) return null

  const answer = async (action: 'accept' | 'decline') => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`/api/nominees/${id}/${action}`, { credentials: 'include', method: 'POST' })
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
        throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      }
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-testid="nominee-acceptance-actions" style={{ marginBottom: '1.5rem' }}>
      <span className="field-label">Answer for the nominee</span>
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <Button
          buttonStyle="primary"
          disabled={busy || acceptance === 'ACCEPTED'}
          onClick={() => void answer('accept')}
          size="small"
        >
          Accept
        </Button>
        <Button
          buttonStyle="secondary"
          disabled={busy || acceptance === 'DECLINED'}
          onClick={() => void answer('decline')}
          size="small"
        >
          Decline
        </Button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}
