import type { FieldHook } from 'payload'

import { slugify } from '../../fields/slugify'
import { releaseSlugPrefix } from '../../src/downloads/version'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const idOf = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' && UUID.test(id) ? id : undefined
}

/**
 * A file's slug left empty is made from its release and its name, as
 * python.org's release tooling makes them (`slug_for(release) + "-" +
 * make_slug(name)[:40]`, e.g. "3141-gzipped-source-tarball"), so every
 * release can have its "Gzipped source tarball". Lowercase, to meet this
 * project's slug rule; a slug that is given (the tooling always sends one,
 * mixed case) is kept as it is.
 */
export const releaseFileSlug: FieldHook = async ({ data, originalDoc, req, value }) => {
  if (typeof value === 'string' && value.trim()) return value.trim()
  const name = typeof data?.name === 'string' ? slugify(data.name).slice(0, 40).replace(/-+$/, '') : ''
  if (!name) return value
  const releaseId = idOf(data?.release ?? originalDoc?.release)
  // overrideAccess: the system reads the release to derive a value; whether the caller may write the
  // file (and so name this release) is decided by the file's own access and validation
  const release = releaseId
    ? await req.payload.findByID({
        collection: 'releases',
        depth: 0,
        disableErrors: true,
        id: releaseId,
        overrideAccess: true,
        req,
        select: { slug: true, versionNumber: true },
      })
    : null
  const prefix = release?.versionNumber ? releaseSlugPrefix(release.versionNumber) : release?.slug
  return prefix ? `${prefix}-${name}` : name
}
