import type { TextField } from 'payload'

import { anyoneField } from '../access/anyone'

/**
 * A title for a document that has none of its own (a sponsorship, a
 * nomination), read from a related document (`virtual: 'sponsor.name'`):
 * nothing is stored, and the admin shows it as the document's title in
 * lists, relationship pickers and breadcrumbs (`admin.useAsTitle`). As
 * readable as the document it titles: whoever may read a sponsorship may
 * read its sponsor's name.
 */
export const linkedTitleField = (name: string, path: string, label: string): TextField => ({
  name,
  type: 'text',
  access: { read: anyoneField },
  // nothing to edit: the related document's own field is the one to change
  admin: { components: { Field: false } },
  label,
  virtual: path,
})
