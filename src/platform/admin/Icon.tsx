import React from 'react'

import { PythonMark } from './PythonMark'

/** The navigation's icon (top left, linking to the dashboard). */
export const Icon = () => (
  <span className="python-icon" style={{ display: 'inline-flex' }} title="python.org">
    <PythonMark size={28} />
  </span>
)
