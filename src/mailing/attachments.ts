import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

/**
 * An attachment as queued: a stored upload (a collection and document id),
 * not its bytes, so the log row and the queue stay small. The sending task
 * reads the file when it sends.
 */
export type EmailAttachmentRef = {
  collection: CollectionSlug
  /** the name the recipient sees; the stored file's name when left out */
  filename?: string
  id: string
}

export type ResolvedAttachment = { contentType?: string; filename: string; path: string }

const isRef = (value: unknown): value is EmailAttachmentRef =>
  Boolean(value) &&
  typeof (value as EmailAttachmentRef).collection === 'string' &&
  typeof (value as EmailAttachmentRef).id === 'string'

/** The files behind the references, for nodemailer; a missing one fails the attempt (and the task retries). */
export const resolveAttachments = async (payload: Payload, refs: unknown): Promise<ResolvedAttachment[]> => {
  if (!Array.isArray(refs)) return []
  const resolved: ResolvedAttachment[] = []
  for (const ref of refs.filter(isRef)) {
    const staticDir = payload.collections[ref.collection]?.config.upload?.staticDir
    if (!staticDir) throw new Error(`attachment: ${ref.collection} is not an upload collection`)
    // overrideAccess: the system sends what it queued
    const doc = (await payload.findByID({
      collection: ref.collection,
      depth: 0,
      id: ref.id,
      overrideAccess: true,
    })) as {
      filename?: null | string
      mimeType?: null | string
    }
    if (!doc.filename) throw new Error(`attachment: ${ref.collection} ${ref.id} has no stored file`)
    resolved.push({
      contentType: doc.mimeType ?? undefined,
      filename: ref.filename ?? doc.filename,
      path: path.resolve(staticDir, doc.filename),
    })
  }
  return resolved
}
