import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { userIsStaff } from '../../../access/roles'
import { isSourceContentType, MAX_PREVIEW_SOURCE, SOURCE_CONTENT_TYPES, type SourceContentType } from './contentTypes'
import { convertToRichText } from './convert'
import { renderContent } from './render'
import { renderRichText } from './richText'

/** Bytes of a request body: the source at 4 bytes a character (UTF-8's worst case) and the JSON around it. */
const MAX_BODY_BYTES = MAX_PREVIEW_SOURCE * 4 + 1024

const refuse = (message: string, status: number): never => {
  throw new APIError(message, status, undefined, true)
}

/**
 * The admin panel's markup tools are for the people who edit content in it
 * (staff); a body is `{ contentType, source }` with a source content type and
 * at most MAX_PREVIEW_SOURCE characters of source.
 */
const readSource = async (req: PayloadRequest): Promise<{ contentType: SourceContentType; source: string }> => {
  if (!req.user) refuse('Log in to use the markup preview.', 401)
  if (!userIsStaff(req)) refuse('Only staff edit content in the admin panel.', 403)
  const length = Number(req.headers.get('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) refuse(`source: at most ${MAX_PREVIEW_SOURCE} characters`, 413)
  const body = (await req.json?.().catch(() => null)) as { contentType?: unknown; source?: unknown } | null
  if (!body || typeof body !== 'object' || Array.isArray(body)) refuse('The request body must be a JSON object.', 400)
  const { contentType, source } = body as { contentType?: unknown; source?: unknown }
  if (!isSourceContentType(contentType)) {
    refuse(`contentType: expected one of ${SOURCE_CONTENT_TYPES.join(', ')}`, 400)
  }
  if (typeof source !== 'string') refuse('source: expected text', 400)
  if ((source as string).length > MAX_PREVIEW_SOURCE) refuse(`source: at most ${MAX_PREVIEW_SOURCE} characters`, 413)
  return { contentType: contentType as SourceContentType, source: source as string }
}

/**
 * POST /api/markup/preview { contentType, source } -> { html }: the source
 * rendered and sanitized exactly as saving it would store it (the same
 * renderer as the save path), for the preview beside the source editor.
 * Nothing is written.
 */
const previewEndpoint: Endpoint = {
  path: '/markup/preview',
  method: 'post',
  handler: async (req) => {
    const { contentType, source } = await readSource(req)
    return Response.json({ html: await renderContent(req, { contentType, source }) })
  },
}

/**
 * POST /api/markup/convert { contentType, source } -> { richText, html }: the
 * source converted to the rich text editor's Lexical JSON with the library's
 * converters, and the HTML that rich text would be saved as. Nothing is
 * written: the admin shows the result, and saves it through the document's
 * ordinary save only when the editor confirms.
 */
const convertEndpoint: Endpoint = {
  path: '/markup/convert',
  method: 'post',
  handler: async (req) => {
    const { contentType, source } = await readSource(req)
    const richText = await convertToRichText(req, { contentType, source })
    return Response.json({ html: await renderRichText(req, richText), richText })
  },
}

export const markupEndpoints: Endpoint[] = [previewEndpoint, convertEndpoint]
