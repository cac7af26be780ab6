import type { NumberField } from 'payload'

import { assignLegacyId } from '../hooks/downloads/assignLegacyId'
import { integerValidator } from './integer'
import { serverFilled } from './serverFilled'

/**
 * python.org's integer id beside the UUID: existing clients parse it out of
 * resource URIs. Assigned from a database sequence on create; an import may
 * carry the original (the system only: clients cannot write it).
 */
export const legacyIdField = (sequence: string): NumberField =>
  serverFilled<NumberField>(
    {
      name: 'legacyId',
      type: 'number',
      admin: { position: 'sidebar' },
      hooks: { beforeChange: [assignLegacyId(sequence)] },
      index: true,
      label: 'python.org id',
      unique: true,
      validate: integerValidator('legacyId', { min: 1 }),
    },
    "python.org's integer id, assigned from a database sequence on create.",
  )
