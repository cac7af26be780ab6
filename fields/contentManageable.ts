import type { DateField, Field, FieldAccess, FieldHook, RelationshipField } from 'payload'

import { userId } from '../access/roles'

/**
 * The system may carry historical values (an import from python.org) by
 * setting this context flag; nobody else can write these fields.
 */
export const PRESERVE_CONTENT_MANAGED = 'preserveContentManaged'

const serverOnly = { create: () => false, update: () => false }

const keepImported = (value: unknown, context: Record<string, unknown>) =>
  context[PRESERVE_CONTENT_MANAGED] && value !== undefined && value !== null

const stampCreator: FieldHook = ({ context, operation, originalDoc, req, value }) => {
  if (keepImported(value, context)) return value
  if (operation === 'create') return userId(req)
  return originalDoc?.creator ?? null
}

const stampModifier: FieldHook = ({ context, req, value }) => (keepImported(value, context) ? value : userId(req))

const stampCreated: FieldHook = ({ context, operation, originalDoc, value }) => {
  if (keepImported(value, context)) return value
  return operation === 'create' ? new Date().toISOString() : (originalDoc?.created ?? new Date().toISOString())
}

const stampUpdated: FieldHook = ({ context, value }) =>
  keepImported(value, context) ? value : new Date().toISOString()

const userStamp = (name: string, label: string, hook: FieldHook, read?: FieldAccess): RelationshipField => ({
  name,
  type: 'relationship',
  access: read ? { ...serverOnly, read } : serverOnly,
  admin: { position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [hook] },
  index: true,
  label,
  relationTo: 'users',
})

const dateStamp = (name: string, hook: FieldHook): DateField => ({
  name,
  type: 'date',
  access: serverOnly,
  admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [hook] },
})

/**
 * ContentManageableMixin: who created and last changed a document, and when,
 * stamped from `req.user` on the server. Clients cannot forge them.
 * `created`/`updated` are kept apart from Payload's createdAt/updatedAt so an
 * import can carry python.org's own dates.
 */
export const contentManageableFields = ({
  creator = true,
  readUsers,
}: {
  creator?: boolean
  /** who may read the two user stamps (default: whoever reads the document) */
  readUsers?: FieldAccess
} = {}): Field[] => [
  ...(creator ? [userStamp('creator', 'Creator', stampCreator, readUsers)] : []),
  userStamp('lastModifiedBy', 'Last modified by', stampModifier, readUsers),
  dateStamp('created', stampCreated),
  dateStamp('updated', stampUpdated),
]

/** Only the `creator` stamp, for models that have a creator but no mixin. */
export const creatorField = (): Field => userStamp('creator', 'Creator', stampCreator)
