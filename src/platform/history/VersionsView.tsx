import { Gutter, SetDocumentStepNav } from '@payloadcms/ui'
import { formatDate } from '@payloadcms/ui/shared'
import type { DocumentViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { SAVED_BY_FIELD } from './withHistory'

const PER_PAGE = 20

type SavedBy = { email?: string; id?: string; username?: string } | string | null | undefined

const nameOf = (user: SavedBy): string => {
  if (!user) return 'unknown (imported or saved by the system)'
  if (typeof user === 'string') return 'a former user'
  return user.username || user.email || String(user.id)
}

/**
 * The Versions tab of a document that keeps a history
 * (src/platform/history/withHistory.ts): one row per saved version, newest
 * first, with when it was saved, WHO saved it (the version's
 * `lastModifiedBy` stamp), whether the document was published then, and its
 * title. A row opens Payload's own version view, which compares it with any
 * other version field by field and restores it.
 */
export const VersionsView = async (props: DocumentViewServerProps) => {
  const { collectionConfig, docID, req } = props.initPageResult
  if (!collectionConfig || docID === undefined) return null
  const slug = collectionConfig.slug
  const useAsTitle = collectionConfig.admin.useAsTitle ?? 'id'
  const rawPage = Number(props.searchParams?.page ?? 1)
  const page = Number.isSafeInteger(rawPage) && rawPage > 0 ? rawPage : 1

  // as the editor: readVersions decides (staff only)
  const versions = await req.payload.findVersions({
    collection: slug,
    depth: 1,
    limit: PER_PAGE,
    overrideAccess: false,
    page,
    populate: { users: { email: true, username: true } },
    req,
    sort: '-updatedAt',
    where: { parent: { equals: docID } },
  })

  const { admin: adminRoute } = req.payload.config.routes
  const pattern = req.payload.config.admin.dateFormat
  const pageLink = (to: number) =>
    formatAdminURL({ adminRoute, path: `/collections/${slug}/${docID}/versions?page=${to}` })
  const titleField = collectionConfig.flattenedFields.find((field) => field.name === useAsTitle)
  const titleLabel =
    titleField && 'label' in titleField && typeof titleField.label === 'string'
      ? titleField.label
      : useAsTitle.charAt(0).toUpperCase() + useAsTitle.slice(1)
  const pluralLabel =
    typeof collectionConfig.labels.plural === 'string' ? collectionConfig.labels.plural : collectionConfig.slug

  return (
    <>
      <SetDocumentStepNav
        collectionSlug={slug}
        id={docID}
        pluralLabel={pluralLabel}
        useAsTitle={useAsTitle}
        view="Versions"
      />
      <main className="versions history-versions">
        <Gutter className="versions__wrap">
          <p style={{ margin: '1rem 0' }}>
            Every save is kept ({versions.totalDocs} {versions.totalDocs === 1 ? 'version' : 'versions'}). Open one to
            compare it with another version and to restore it; restoring keeps the document&apos;s current published
            state.
          </p>
          {versions.docs.length === 0 ? (
            <p>No versions yet.</p>
          ) : (
            <div className="table">
              <table cellPadding="0" cellSpacing="0" data-testid="history-versions">
                <thead>
                  <tr>
                    <th>Saved</th>
                    <th>Saved by</th>
                    <th>Published</th>
                    <th>{titleLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.docs.map((version, index) => {
                    const data = version.version as unknown as Record<string, unknown>
                    const isCurrent = page === 1 && index === 0
                    return (
                      <tr className="history-versions__row" data-version-id={String(version.id)} key={String(version.id)}>
                        <td>
                          <a
                            href={formatAdminURL({
                              adminRoute,
                              path: `/collections/${slug}/${docID}/versions/${version.id}`,
                            })}
                          >
                            {formatDate({ date: version.updatedAt, i18n: req.i18n, pattern })}
                          </a>
                          {isCurrent ? ' (current)' : ''}
                        </td>
                        <td className="history-versions__saved-by">{nameOf(data[SAVED_BY_FIELD] as SavedBy)}</td>
                        <td>{'isPublished' in data ? (data.isPublished ? 'yes' : 'no') : ''}</td>
                        <td>{String(data[useAsTitle] ?? '')}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
          {versions.totalPages > 1 ? (
            <p style={{ display: 'flex', gap: '1rem', margin: '1rem 0' }}>
              {versions.hasPrevPage ? <a href={pageLink(page - 1)}>Newer</a> : null}
              <span>
                Page {page} of {versions.totalPages}
              </span>
              {versions.hasNextPage ? <a href={pageLink(page + 1)}>Older</a> : null}
            </p>
          ) : null}
        </Gutter>
      </main>
    </>
  )
}
