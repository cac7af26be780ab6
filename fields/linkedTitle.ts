import type { TextField } from 'payload'

import { isStaffField } from '../access/isStaff'

/**
 * A title for a document that has none of its own (a sponsorship, a
 * nomination), read from a related document (`virtual: 'sponsor.name'`):
 * nothing is stored, and the admin shows it as the document's title in
 * lists, relationship pickers and breadcrumbs (`admin.useAsTitle`). Staff
 * only: the admin panel needs it; API readers have the relationship itself.
 */
export const linkedTitleField = (name: string, path: string, label: string): TextField => ({
  name,
  type: 'text',
  access: { read: isStaffField },
  // nothing to edit: the related document's own field is the one to change
  admin: { components: { Field: false } },
  label,
  virtual: path,
})
