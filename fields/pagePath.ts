import type { TextField } from 'payload'

import { exceedsMaxLength } from './maxLength'

/** "/About/PSF/" -> "about/psf": lowercase, no leading or trailing slash. */
export const normalizePagePath = (value: string): string =>
  value
    .trim()
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '')

export const PAGE_PATH_PATTERN = /^[a-z0-9.-]+(?:\/[a-z0-9.-]+)*$/

/** A page's URL path: unique, indexed, normalized on save. */
export const pagePathField = (): TextField => ({
  name: 'path',
  type: 'text',
  admin: { description: 'URL path without leading or trailing slash, e.g. "about/psf".' },
  // `where[path][equals]=/About/PSF/` finds "about/psf" in REST, GraphQL and the Local API alike
  custom: { normalizeQueryValue: normalizePagePath },
  hooks: {
    beforeValidate: [({ value }) => (typeof value === 'string' ? normalizePagePath(value) : value)],
  },
  index: true,
  maxLength: 500,
  required: true,
  unique: true,
  validate: (value: null | string | undefined, { maxLength }: { maxLength?: number } = {}) => {
    if (!value) return 'path is required'
    const tooLong = exceedsMaxLength('path', value, maxLength)
    if (tooLong) return tooLong
    if (!PAGE_PATH_PATTERN.test(value)) {
      return 'path must be segments of lowercase letters, digits, "-" and "." separated by "/"'
    }
    return true
  },
})
