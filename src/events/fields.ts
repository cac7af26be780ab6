import type { TextField } from 'payload'

import { canonicalTimeZone, timeZoneValidator } from './timeZones'

/** An IANA time zone name ("Europe/Berlin"), validated against the platform's zone data and stored canonically spelled. */
export const timeZoneField = (description: string): TextField => ({
  name: 'timeZone',
  type: 'text',
  admin: { description, placeholder: 'Europe/Berlin' },
  hooks: {
    beforeValidate: [
      ({ value }) => {
        if (typeof value !== 'string') return value
        const trimmed = value.trim()
        if (!trimmed) return null
        return canonicalTimeZone(trimmed) ?? trimmed
      },
    ],
  },
  maxLength: 64,
  validate: timeZoneValidator('timeZone'),
})
