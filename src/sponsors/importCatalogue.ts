/**
 * Loads python.org's sponsorship catalogue (a `dumpdata` of the sponsors
 * app) through the mappers of ./djangoImport.ts: legal clauses, then levels.
 * A row already imported (same python.org id in `legacyId`) is updated, so
 * running it again changes nothing. The general python.org importer can run
 * the same mappers.
 */
import type { Payload } from 'payload'

import type { DjangoRow, ImportContext } from '../platform/djangoImport'
import { sponsorCatalogueMappers } from './djangoImport'

export type CatalogueSummary = {
  created: Record<string, number>
  skipped: { field: string; model: string; pk: DjangoRow['pk']; why: string }[]
  updated: Record<string, number>
}

export const importSponsorCatalogue = async (
  payload: Payload,
  rows: DjangoRow[],
  log: (message: string) => void = (message) => payload.logger.info(message),
): Promise<CatalogueSummary> => {
  const byModel = new Map<string, DjangoRow[]>()
  for (const row of rows) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row])
  const imported = new Map<string, string>()
  const summary: CatalogueSummary = { created: {}, skipped: [], updated: {} }

  const context: ImportContext = {
    resolve: async (model, key) => {
      const known = imported.get(`${model}:${String(key)}`)
      if (known) return known
      const mapper = sponsorCatalogueMappers.find((candidate) => candidate.model === model)
      if (!mapper || typeof key !== 'number') return null
      // overrideAccess: the system imports
      const { docs } = await payload.find({
        collection: mapper.collection,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        where: { legacyId: { equals: key } },
      })
      return docs[0] ? String(docs[0].id) : null
    },
    rows: (model) => byModel.get(model) ?? [],
    // python.org's settings.TIME_ZONE
    siteTimeZone: 'UTC',
    skip: (row, field, why) => summary.skipped.push({ field, model: row.model, pk: row.pk, why }),
  }

  for (const mapper of sponsorCatalogueMappers) {
    const mapperRows = byModel.get(mapper.model) ?? []
    for (const row of mapperRows) {
      const data = { ...(await mapper.toData(row, context)), legacyId: row.pk }
      const existing = await context.resolve(mapper.model, row.pk)
      // overrideAccess: the system writes python.org's data and ids, which no client may
      const doc = (
        existing
          ? await payload.update({
              collection: mapper.collection,
              data: data as never,
              id: existing,
              overrideAccess: true,
            })
          : await payload.create({ collection: mapper.collection, data: data as never, overrideAccess: true })
      ) as { id: number | string }
      imported.set(`${mapper.model}:${String(row.pk)}`, String(doc.id))
      const counts = existing ? summary.updated : summary.created
      counts[mapper.collection] = (counts[mapper.collection] ?? 0) + 1
    }
    log(`${mapper.model} -> ${mapper.collection}: ${mapperRows.length} row(s)`)
  }
  return summary
}
