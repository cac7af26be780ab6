import type { CheckboxField } from 'payload'

import { isStaffField } from '../access/isStaff'

/** The publish flag: indexed, and only staff may publish or unpublish. */
export const isPublishedField = (overrides: Partial<CheckboxField> = {}): CheckboxField => ({
  name: 'isPublished',
  type: 'checkbox',
  access: { create: isStaffField, update: isStaffField },
  admin: { position: 'sidebar' },
  defaultValue: false,
  index: true,
  label: 'Published',
  ...overrides,
})
