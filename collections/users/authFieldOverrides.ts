import type { ArrayField, CheckboxField } from 'payload'

import { selfField, selfOrStaffField } from '../../access/users'
import { serverFilled } from '../../fields/serverFilled'

/**
 * Payload adds its own auth fields to the users collection; a field of the
 * same name here is merged over Payload's, which is how we decide who reads
 * them. (Payload's `sessions` read rule compares the user with the document,
 * and lets a `where` through when both are missing, i.e. anonymously; its
 * `enableAPIKey` had no read rule, so anyone reading a profile saw it.)
 * Payload keeps these at the top level, so these must stay there too.
 * The rest of Payload's auth fields are `hidden` (never read through the
 * API, never filterable) or refuse reads already (`apiKey`, `apiKeyIndex`).
 */
export const authFieldOverrides = [
  // login sessions: written by Payload's login, refresh and logout only; read by their user only
  serverFilled<ArrayField>(
    {
      name: 'sessions',
      type: 'array',
      access: { read: selfField },
      admin: { disabled: true },
      fields: [],
    },
    "The user's login sessions, kept by login, token refresh and logout.",
  ),
  // whether the user holds an API key: the user and staff
  { name: 'enableAPIKey', type: 'checkbox', access: { read: selfOrStaffField } } satisfies CheckboxField,
]
