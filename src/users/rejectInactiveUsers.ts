import type { Payload } from 'payload'

/**
 * Payload's built-in strategies (JWT session, API key) find the user but do
 * not look at our `isActive` flag. Wrapping them once at init means a
 * deactivated account is anonymous on every entry point, at once, without
 * waiting for its sessions or keys to be revoked.
 */
export const rejectInactiveUsers = (payload: Payload): void => {
  payload.authStrategies = payload.authStrategies.map((strategy) => ({
    ...strategy,
    authenticate: async (args) => {
      const result = await strategy.authenticate(args)
      if (result.user && (result.user as { isActive?: boolean }).isActive === false) {
        return { ...result, user: null }
      }
      return result
    },
  }))
}
