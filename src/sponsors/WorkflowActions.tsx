'use client'

import { Button, useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

type Collection = 'sponsor-contracts' | 'sponsorships'

type ActionSpec = {
  action: string
  label: string
  /** shown when the document is in one of these statuses */
  from?: string[]
  /** shown when the sponsorship is locked */
  whenLocked?: boolean
  confirm?: string
  primary?: boolean
}

/** The explicit workflow actions staff use instead of editing a status (same list as src/sponsors/status.ts). */
const ACTIONS: Record<Collection, ActionSpec[]> = {
  'sponsor-contracts': [
    {
      action: 'send',
      from: ['DRAFT'],
      label: 'Send contract',
      primary: true,
      confirm: 'Render the contract as a PDF and email it to the applicant?',
    },
    {
      action: 'execute',
      from: ['DRAFT', 'AWAITING_SIGNATURE'],
      label: 'Execute contract',
      confirm: 'Mark the contract signed and finalize the sponsorship?',
    },
    {
      action: 'nullify',
      from: ['AWAITING_SIGNATURE'],
      label: 'Nullify',
      confirm: 'Nullify the contract sent for signature?',
    },
    { action: 'redraft', from: ['NULLIFIED'], label: 'Back to draft' },
  ],
  sponsorships: [
    { action: 'approve', from: ['APPLIED'], label: 'Approve', primary: true },
    {
      action: 'reject',
      from: ['APPLIED'],
      label: 'Reject',
      confirm: 'Reject this application and email the applicant?',
    },
    { action: 'unlock', label: 'Unlock', whenLocked: true },
  ],
}

/**
 * Approve, reject, unlock a sponsorship; send, execute, nullify a contract
 * or take it back to draft: each button calls the action's endpoint
 * (POST /api/<collection>/:id/<action>), which saves through the workflow
 * hook like any other change. Approving sends the period as entered in the
 * form. Staff only; the server checks again.
 */
export const WorkflowActions: React.FC<{ collection: Collection }> = ({ collection }) => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ isStaff?: boolean; isSuperuser?: boolean }>()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const locked = useFormFields(([fields]) => fields.locked?.value as boolean | undefined)
  const startDate = useFormFields(([fields]) => fields.startDate?.value as string | undefined)
  const endDate = useFormFields(([fields]) => fields.endDate?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<null | string>(null)

  if (!id || !(user?.isStaff || user?.isSuperuser)) return null
  const available = ACTIONS[collection].filter((spec) =>
    spec.whenLocked ? Boolean(locked) : Boolean(status && spec.from?.includes(status)),
  )
  if (!available.length) return null

  const run = async (spec: ActionSpec) => {
    if (spec.confirm && !window.confirm(spec.confirm)) return
    setBusy(true)
    setError(null)
    try {
      const body = spec.action === 'approve' ? { endDate: endDate || undefined, startDate: startDate || undefined } : {}
      const response = await fetch(`/api/${collection}/${id}/${spec.action}`, {
        body: JSON.stringify(body),
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as {
          errors?: { data?: { errors?: { message: string }[] }; message: string }[]
        } | null
        const first = answer?.errors?.[0]
        throw new Error(first?.data?.errors?.[0]?.message ?? first?.message ?? `HTTP ${response.status}`)
      }
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-testid="sponsor-workflow-actions" style={{ marginBottom: '1.5rem' }}>
      <label className="field-label">Workflow</label>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
        {available.map((spec) => (
          <Button
            buttonStyle={spec.primary ? 'primary' : 'secondary'}
            disabled={busy}
            key={spec.action}
            onClick={() => void run(spec)}
            size="small"
          >
            {spec.label}
          </Button>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </div>
  )
}
