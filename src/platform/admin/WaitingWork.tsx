import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { countWaitingWork } from './waitingWork'

type Props = { payload?: Payload; user?: TypedUser | null }

/**
 * The top of the admin dashboard: what waits for staff (./waitingWork.ts),
 * each a count and a link to the filtered list. Counted on the server, as
 * the signed-in user, when the dashboard is rendered.
 */
export const WaitingWork = async ({ payload, user }: Props) => {
  if (!payload || !user) return null
  const items = await countWaitingWork(payload, user)
  if (!items.length) return null
  const waiting = items.reduce((sum, item) => sum + item.count, 0)
  return (
    <section className="waiting-work" data-testid="waiting-work" style={{ marginBottom: '2rem' }}>
      <h2 style={{ marginBottom: '0.5rem' }}>Waiting for you</h2>
      <p style={{ marginBottom: '0.75rem', opacity: 0.75 }}>
        {waiting ? `${waiting} ${waiting === 1 ? 'item needs' : 'items need'} a look.` : 'Nothing waits: all clear.'}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li
            className="waiting-work__item"
            data-collection={item.collection}
            data-count={item.count}
            key={`${item.collection}-${item.label}`}
            style={{
              alignItems: 'baseline',
              borderBottom: '1px solid var(--theme-elevation-100)',
              display: 'flex',
              gap: '1rem',
              opacity: item.count ? 1 : 0.6,
              padding: '0.4rem 0',
            }}
          >
            <strong style={{ minWidth: '3ch', textAlign: 'right' }}>{item.count}</strong>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
