import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `fn` in the request's transaction: one of its own, committed once
 * `fn` returns, unless the request already has one (the caller's then
 * decides). Whatever `fn` wrote is rolled back when it throws, so a refused
 * action leaves nothing half-written.
 */
export const inTransaction = async <T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> => {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await fn()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}
