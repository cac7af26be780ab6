import type { FieldAccess } from 'payload'

import { anyoneField } from '../access/anyone'

/**
 * Field access for required fields a client may set and the server fills in
 * when left out (a generated slug, the DRAFT status, a select's default):
 * public read, stated explicitly. Payload's GraphQL makes a required field
 * non-null in mutation inputs unless it has field read access, so without
 * this a GraphQL client could not leave them out as a REST client can.
 * (Fields only the server writes are `serverFilled`.)
 */
export const serverDefaulted: { read: FieldAccess } = { read: anyoneField }
