import type { FieldHook } from 'payload'

import { sanitize } from '../../src/platform/markup/sanitize'

/** Stores only safe HTML: what an API consumer receives never carries script. */
export const sanitizeHtmlField: FieldHook = ({ value }) => (typeof value === 'string' ? sanitize(value) : value)
