/** Helpers for the pages tests (not a test file itself); the general ones live in tests/content/fixtures.ts. */
import { seed, type Json } from '../content/fixtures'
import type { TestContext } from '../helpers/harness'

export { expectClientError, json, snapshot, type Json } from '../content/fixtures'

let counter = 0

/** A unique path segment, so tests in one file never collide. */
export const uniquePath = (prefix = 'page'): string => {
  counter += 1
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

/** A page written by the system (no user): fixtures for read tests. */
export const seedPage = (t: TestContext, data: Json) => seed(t, 'pages', { path: uniquePath(), title: 'A page', ...data })
