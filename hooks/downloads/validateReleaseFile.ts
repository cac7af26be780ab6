import { sql } from '@payloadcms/db-postgres'
import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { execute } from '../../src/platform/db/sql'

/** Each sidecar is the file's URL plus a fixed suffix, as the release tooling uploads them. */
export const SIDECARS = {
  gpgSignatureFile: '.asc',
  sbomSpdx2File: '.spdx.json',
  sigstoreBundleFile: '.sigstore',
  sigstoreCertFile: '.crt',
  sigstoreSignatureFile: '.sig',
} as const

type Problem = { message: string; path: string }

/**
 * The ReleaseFile rules that span fields, checked on the merged document so a
 * PATCH can't slip past them (the checksums' shapes are their fields' own).
 */
export const releaseFileProblems = (doc: Record<string, unknown>): Problem[] => {
  const problems: Problem[] = []
  const url = typeof doc.url === 'string' ? doc.url : ''
  for (const [field, suffix] of Object.entries(SIDECARS)) {
    const value = doc[field]
    if (value && value !== `${url}${suffix}`) {
      problems.push({ message: `${field} must be the file URL plus "${suffix}" (${url}${suffix})`, path: field })
    }
  }
  return problems
}

export const validateReleaseFile: CollectionBeforeValidateHook = async ({ collection, data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...(data ?? {}) }
  const problems = releaseFileProblems(merged)
  const relId = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)
  if (merged.downloadButton && merged.release && merged.os) {
    // concurrent saves for one (release, OS) take turns, so the second sees
    // the first and gets this clear message; the partial unique index
    // release_files_one_download_button is the backstop
    const slot = `release_files.button.${String(relId(merged.release))}.${String(relId(merged.os))}`
    await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext(${slot}))`)
    const clash = await req.payload.count({
      collection: 'release-files',
      overrideAccess: true,
      req,
      where: {
        and: [
          { release: { equals: relId(merged.release) } },
          { os: { equals: relId(merged.os) } },
          { downloadButton: { equals: true } },
          ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
    })
    if (clash.totalDocs) {
      problems.push({
        message: 'downloadButton: this release already has a download button file for this OS',
        path: 'downloadButton',
      })
    }
  }
  if (problems.length) {
    throw new ValidationError({ collection: collection.slug, errors: problems, id: originalDoc?.id }, req.t)
  }
  return data
}
