import type { Access, FieldAccess } from 'payload'

export const anyone: Access = () => true

/** Field-level: readable (or writable) by everyone, on purpose; a `where` on the field is allowed too. */
export const anyoneField: FieldAccess = () => true
