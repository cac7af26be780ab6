/** Shared helpers for the content tests (not a test file itself). */
import type { TestContext } from '../helpers/harness'
import { json, unique } from '../helpers/assertions'

export { json, unique } from '../helpers/assertions'

export type Json = Record<string, any>
export type ContentSlug = 'banners' | 'code-samples' | 'minutes' | 'pages' | 'work-groups'

/** A 4xx (never a 500) whose body names `field` as an error path. */
export const expectClientError = async (response: Response, field?: string) => {
  const body = await json(response)
  expect(response.status).toBeGreaterThanOrEqual(400)
  expect(response.status).toBeLessThan(500)
  const messages = (body.errors ?? []).map((error: Json) => String(error?.message ?? ''))
  const paths = (body.errors ?? []).flatMap((error: Json) => (error?.data?.errors ?? []).map((item: Json) => item.path))
  expect(messages.length).toBeGreaterThan(0)
  if (field) expect(paths).toContain(field)
  return body
}

/** Every row of a collection as the system sees it, to compare before and after. */
export const snapshot = async (t: TestContext, collection: ContentSlug) => {
  const { docs } = await t.payload.find({
    collection,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'createdAt',
  })
  return JSON.stringify(docs)
}

/** Runs `attempt` and checks the collection is exactly as it was. */
export const expectUnchanged = async (t: TestContext, collection: ContentSlug, attempt: () => Promise<void>) => {
  const before = await snapshot(t, collection)
  await attempt()
  expect(await snapshot(t, collection)).toBe(before)
}

let counter = 0
/** A distinct day per call (from 2001 on), so minutes never share a date or slug. */
export const uniqueDay = (): string => {
  counter += 1
  const day = new Date(Date.UTC(2001, 0, 1) + (counter * 37 + Math.floor(Math.random() * 9000)) * 86_400_000)
  return day.toISOString().slice(0, 10)
}

/** Minimal valid data for each staff-managed content collection, with `marker` in its text. */
export const contentData = (collection: 'code-samples' | 'minutes' | 'pages', marker: string): Json => {
  switch (collection) {
    case 'pages':
      return { content: `Page body ${marker}`, path: unique('page'), title: `Page ${marker}` }
    case 'minutes':
      return { content: `Minutes ${marker}`, date: uniqueDay() }
    case 'code-samples':
      return { code: `print("${marker}")`, description: `Sample ${marker}`, title: unique('sample') }
  }
}

/** A document written by the system (no user), as fixtures for read tests. */
export const seed = async (t: TestContext, collection: ContentSlug, data: Json) =>
  (await t.payload.create({ collection, data: data as never, overrideAccess: true })) as unknown as Json

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
