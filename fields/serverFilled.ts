import type { FieldAccess } from 'payload'

/**
 * Field access for required fields the server fills in (a generated slug,
 * the DRAFT status, a select's default): public read, stated explicitly. Payload's GraphQL makes
 * a required field non-null in mutation inputs unless it has field read
 * access, so without this a GraphQL client could not leave them out as a
 * REST client can.
 */
export const serverFilled: { read: FieldAccess } = { read: () => true }
