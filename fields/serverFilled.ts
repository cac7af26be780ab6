import type { Field, FieldAccess } from 'payload'

import { nobodyField } from '../access/nobody'

/** The sentence every server-filled field's admin description ends with. */
export const SERVER_ONLY = 'Only the server sets this field.'

type Configurable = {
  access?: Record<string, FieldAccess | undefined>
  admin?: Record<string, unknown>
}

/**
 * A field only the server writes: a stamp, a date an action sets, a value
 * derived on save, a flag computed on read. No user (not even a superuser)
 * can create or update it through any API; the code that fills it runs in
 * hooks (after field access is applied) or as the system (Local API with
 * overrideAccess). The admin panel shows it read-only, and its description
 * says what fills it (`filledBy`, a sentence).
 */
export const serverFilled = <F extends Field>(field: F, filledBy: string): F => {
  const { access, admin } = field as F & Configurable
  return {
    ...field,
    access: { ...access, create: nobodyField, update: nobodyField },
    admin: { ...admin, description: `${filledBy} ${SERVER_ONLY}`, readOnly: true },
  }
}
