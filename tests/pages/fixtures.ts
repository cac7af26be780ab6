/** Shared helpers for the pages tests (not a test file itself). */
import type { TestContext } from '../helpers/harness'

export type Json = Record<string, any>

let counter = 0

/** A unique path segment, so tests in one file never collide. */
export const uniquePath = (prefix = 'page'): string => {
  counter += 1
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

export const json = async (response: Response): Promise<Json> => {
  const text = await response.text()
  try {
    return JSON.parse(text) as Json
  } catch {
    throw new Error(`expected a JSON body, got ${response.status}: ${text.slice(0, 200)}`)
  }
}

/** Field paths named by a Payload error response, plus its messages. */
export const describeErrors = (body: Json) => ({
  messages: (body.errors ?? []).map((error: Json) => String(error?.message ?? '')),
  paths: (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path)),
})

/** A 4xx (never a 500) whose body names `field` as an error path. */
export const expectClientError = async (response: Response, field?: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const { messages, paths } = describeErrors(body)
  expect(messages.length).toBeGreaterThan(0)
  if (field) expect(paths).toContain(field)
  return body
}

/** A page written by the system (no user): fixtures for read tests. */
export const seedPage = async (t: TestContext, data: Json) =>
  t.payload.create({
    collection: 'pages',
    data: { path: uniquePath(), title: 'A page', ...data } as never,
    overrideAccess: true,
  })

/** Every row of a collection as the system sees it, to compare before and after. */
export const snapshot = async (t: TestContext, collection: 'banners' | 'code-samples' | 'minutes' | 'pages' | 'work-groups') => {
  const { docs } = await t.payload.find({ collection, depth: 0, limit: 0, overrideAccess: true, pagination: false, sort: 'createdAt' })
  return JSON.stringify(docs)
}

/**
 * Checks that HTML carries no script: no <script> element, no on* event
 * handler attribute and no javascript: (or vbscript:/data:) URL in any tag.
 */
export const expectNoScript = (html: unknown) => {
  expect(typeof html).toBe('string')
  const text = html as string
  expect(text).not.toMatch(/<\s*script/i)
  const tags = text.match(/<[a-z][^>]*>/gi) ?? []
  for (const tag of tags) {
    expect(tag).not.toMatch(/[\s/"']on[a-z]+\s*=/i)
    expect(tag).not.toMatch(/=\s*["']?\s*(?:javascript|vbscript|data):/i)
    expect(tag).not.toMatch(/<\s*(?:iframe|object|embed|style)\b/i)
  }
}
