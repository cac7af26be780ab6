/** Shared helpers for the community tests (not a test file itself). */
import sharp from 'sharp'

import type { TestContext, TestUser } from '../helpers/harness'
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

/** A post written by `author` through REST, then (optionally) published by `publisher` (staff). */
export const createPost = async (
  t: TestContext,
  author: TestUser,
  data: Json = {},
  publisher?: TestUser,
): Promise<Json> => {
  const response = await t.api('POST', '/community-posts', {
    auth: author,
    body: { content: 'Hello **community**', title: unique('Post'), ...data },
  })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`creating a post failed: ${response.status} ${JSON.stringify(body)}`)
  if (!publisher) return body.doc as Json
  const published = await json(
    await t.api('PATCH', `/community-posts/${body.doc.id}`, { auth: publisher, body: { isPublished: true } }),
  )
  if (published.doc?.isPublished !== true) throw new Error(`publishing failed: ${JSON.stringify(published)}`)
  return published.doc as Json
}

/** A PNG image of the given size, made with sharp. */
export const png = (width = 400, height = 300) =>
  sharp({ create: { background: { b: 171, g: 118, r: 55 }, channels: 3, height, width } })
    .png()
    .toBuffer()

/** Uploads a photo for `post` through the Local API as `user`, access control on. */
export const uploadPhoto = async (t: TestContext, user: TestUser, post: string, data: Json = {}) => {
  const file = await png()
  return t.payload.create({
    collection: 'community-photos',
    data: { post, ...data } as never,
    file: { data: file, mimetype: 'image/png', name: `${unique('photo')}.png`, size: file.length },
    overrideAccess: false,
    user: await userDoc(t, user),
  })
}
