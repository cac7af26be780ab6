import React from 'react'

/**
 * A checkbox in a list or join table: "yes", or a dash, instead of Payload's
 * `true`/`false` code pills. Set on every checkbox by ./fieldDefaults.ts.
 */
export const YesNoCell = ({ cellData }: { cellData?: unknown }) => (
  <span className={cellData ? 'yes-no-cell yes-no-cell--yes' : 'yes-no-cell'}>{cellData ? 'yes' : '–'}</span>
)
