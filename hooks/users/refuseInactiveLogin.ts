import { APIError, type CollectionBeforeLoginHook } from 'payload'

/** Deactivated accounts cannot log in (their API keys and sessions are refused in src/auth). */
export const refuseInactiveLogin: CollectionBeforeLoginHook = ({ user }) => {
  if ((user as { isActive?: boolean }).isActive === false) {
    throw new APIError('This account is inactive: it cannot log in.', 401, undefined, true)
  }
  return user
}
