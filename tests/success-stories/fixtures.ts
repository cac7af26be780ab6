/** Shared helpers for the success-stories tests (not a test file itself). */
import type { Auth, TestContext, TestUser } from '../helpers/harness'
import {
  errorPaths,
  expectClientError,
  expectRefused,
  expectUnchanged,
  json,
  snapshot,
  unique,
  userDoc,
  type Json,
} from '../helpers/assertions'

export { errorPaths, expectClientError, expectRefused, expectUnchanged, json, snapshot, unique, userDoc, type Json }

/** A story category, created by staff through REST. */
export const createCategory = async (t: TestContext, staff: TestUser, name = unique('Category')): Promise<Json> => {
  const response = await t.api('POST', '/story-categories', { auth: staff, body: { name } })
  if (response.status !== 201)
    throw new Error(`creating a category failed: ${response.status} ${await response.text()}`)
  return (await json(response)).doc as Json
}

export const storyData = (category: string, overrides: Json = {}): Json => ({
  category,
  companyName: 'ACME Corp',
  companyUrl: 'https://acme.example.org/',
  content: 'We use *Python* everywhere.',
  name: unique('How ACME uses Python'),
  ...overrides,
})

/** A story submitted through REST by `auth`; the created document. */
export const submitStory = async (
  t: TestContext,
  auth: Auth,
  category: string,
  overrides: Json = {},
): Promise<Json> => {
  const response = await t.api('POST', '/success-stories', { auth, body: storyData(category, overrides) })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`submitting a story failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** The stored row, as the system sees it. */
export const readStory = async (t: TestContext, id: string) =>
  // overrideAccess: the test checks what was stored
  (await t.payload.findByID({ collection: 'success-stories', depth: 0, id, overrideAccess: true })) as unknown as Json
