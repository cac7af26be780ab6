import { REST_POST } from '@payloadcms/next/routes'

import type { Auth, TestContext } from './harness'

export type UploadFile = { data: Buffer; mimetype: string; name: string }

const authHeader = (auth: Auth): Record<string, string> => {
  if (!auth) return {}
  if ('apiKey' in auth) return { Authorization: `users API-Key ${auth.apiKey}` }
  return { Authorization: `JWT ${auth.token}` }
}

/**
 * A multipart upload through Payload's REST route handler, as the admin
 * panel and API clients send it: the file in `file`, the other fields as
 * JSON in `_payload`. No Content-Type header: fetch sets the boundary.
 */
export const uploadThroughRest = async (
  t: TestContext,
  collection: string,
  { auth, data, file }: { auth?: Auth; data: Record<string, unknown>; file: UploadFile },
): Promise<Response> => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify(data))
  const request = new Request(`http://localhost:3000/api/${collection}`, {
    body: form,
    headers: authHeader(auth),
    method: 'POST',
  })
  return REST_POST(t.config)(request, { params: Promise.resolve({ slug: [collection] }) })
}
