'use client'

import { useSearchParams } from 'next/navigation'
import React from 'react'

import { ELECTION_STATUSES } from './status'

const PARAM = 'where[status][equals]'

/**
 * Status filter above the elections list. `status` is computed, so Payload's
 * own filter builder does not offer it; these links put the same
 * `where[status][equals]=...` in the URL, which the list's query answers
 * (hooks/elections/rewriteStatusQuery.ts turns it into date conditions).
 */
export const ElectionStatusFilter: React.FC = () => {
  const params = useSearchParams()
  const current = params?.get(PARAM) ?? null
  const link = (status: null | string) => {
    const next = new URLSearchParams(params?.toString() ?? '')
    for (const key of [...next.keys()]) if (key.startsWith('where[')) next.delete(key)
    next.delete('page')
    if (status) next.set(PARAM, status)
    const query = next.toString()
    return query ? `?${query}` : '?'
  }
  const item = (status: null | string, label: string) => (
    <a
      aria-current={current === status ? 'page' : undefined}
      href={link(status)}
      key={label}
      style={{ fontWeight: current === status ? 700 : 400, marginRight: '1rem' }}
    >
      {label}
    </a>
  )
  return (
    <nav aria-label="Filter by status" data-testid="election-status-filter" style={{ marginBottom: '1rem' }}>
      <span style={{ marginRight: '1rem' }}>Status:</span>
      {item(null, 'all')}
      {ELECTION_STATUSES.map((status) => item(status, status.toLowerCase().replace(/_/g, ' ')))}
    </nav>
  )
}
