'use client'

import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * Approve / Reject in one click on a job under review, with an optional
 * comment saved as a review comment in the same transaction
 * (POST /api/jobs/:id/review). Staff only; the server checks again.
 */
export const JobReviewActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ isStaff?: boolean; isSuperuser?: boolean }>()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)

  if (!id || status !== 'REVIEW' || !(user?.isStaff || user?.isSuperuser)) return null

  const review = async (action: 'approve' | 'reject') => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`/api/jobs/${id}/review`, {
        body: JSON.stringify({ action, comment }),
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
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
    <div className="field-type" data-testid="job-review-actions" style={{ marginBottom: '1.5rem' }}>
      <label className="field-label" htmlFor="job-review-comment">
        Review
      </label>
      <textarea
        id="job-review-comment"
        onChange={(event) => setComment(event.target.value)}
        placeholder="Optional comment to the poster"
        rows={3}
        style={{ marginBottom: '0.5rem', width: '100%' }}
        value={comment}
      />
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <Button buttonStyle="primary" disabled={busy} onClick={() => void review('approve')} size="small">
          Approve
        </Button>
        <Button buttonStyle="secondary" disabled={busy} onClick={() => void review('reject')} size="small">
          Reject
        </Button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}
