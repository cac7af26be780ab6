import type { DateField, Field, FieldAccess, FieldHook, RelationshipField } from 'payload'

import { userId } from '../access/roles'
import { serverFilled } from './serverFilled'

/**
 * The system may carry historical values (an import from python.org) by
 * setting this context flag; nobody else can write these fields.
 */
export const PRESERVE_CONTENT_MANAGED = 'preserveContentManaged'

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

const userStamp = (name: string, label: string, hook: FieldHook, filledBy: string, read?: FieldAccess) =>
  serverFilled<RelationshipField>(
    {
      name,
      type: 'relationship',
      ...(read ? { access: { read } } : {}),
      admin: { position: 'sidebar' },
      hooks: { beforeChange: [hook] },
      index: true,
      label,
      relationTo: 'users',
    },
    filledBy,
  )

const dateStamp = (name: string, label: string, hook: FieldHook, filledBy: string): DateField =>
  serverFilled<DateField>(
    {
      name,
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar' },
      hooks: { beforeChange: [hook] },
      label,
    },
    filledBy,
  )

const CREATOR = 'The logged-in user who created the document, stamped on create.'
const MODIFIER = 'The logged-in user who saved last, stamped on every save.'

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
  ...(creator ? [userStamp('creator', 'Creator', stampCreator, CREATOR, readUsers)] : []),
  lastModifiedByField(readUsers),
  dateStamp('created', 'Created', stampCreated, 'When the document was created, stamped on create.'),
  dateStamp('updated', 'Updated', stampUpdated, 'When the document was last saved, stamped on every save.'),
]

/** Who saved last (each saved version carries it: the version history shows it as the version's author). */
export const lastModifiedByField = (readUsers?: FieldAccess): Field =>
  userStamp('lastModifiedBy', 'Last modified by', stampModifier, MODIFIER, readUsers)

/** Only the `creator` stamp, for models that have a creator but no mixin. */
export const creatorField = (): Field => userStamp('creator', 'Creator', stampCreator, CREATOR)
