import React from 'react'

import { PythonMark } from './PythonMark'

/** The login page's logo: the snakes and python.org's name. */
export const Logo = () => (
  <div
    aria-label="python.org content admin"
    className="python-logo"
    style={{ alignItems: 'center', display: 'flex', gap: '0.75rem' }}
  >
    <PythonMark size={56} />
    <div style={{ lineHeight: 1.1 }}>
      <div style={{ fontSize: '2rem', fontWeight: 600 }}>python.org</div>
      <div style={{ fontSize: '0.95rem', opacity: 0.7 }}>content admin</div>
    </div>
  </div>
)
