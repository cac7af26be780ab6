import type { Access, FieldAccess } from 'payload'

/** No user, whatever their role: only the system (hooks, the Local API with overrideAccess) writes or reads it. */
export const nobody: Access = () => false

export const nobodyField: FieldAccess = () => false
