/**
 * Runs `ModelMapper`s (src/<domain>/djangoImport.ts) over Django dumpdata
 * rows the way the importer does: mappers in `dependsOn` order, foreign keys
 * resolved to the documents imported for them (users by natural key
 * ["username"] among existing users), each row written by the system with
 * its pk as `legacyId` and its content-managed stamps kept. Not a test file.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug } from 'payload'

import { PRESERVE_CONTENT_MANAGED } from '../../fields/contentManageable'
import type { DjangoRow, ImportContext, ModelMapper } from '../../src/platform/djangoImport'
import { projectRoot } from '../../src/platform/paths'
import type { TestContext } from './harness'

export const readDump = (name: string): DjangoRow[] =>
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'tests/fixtures/pythondotorg', name), 'utf8')) as DjangoRow[]

export type ImportedRows = {
  /** the document id imported for `model`'s row `pk` */
  idOf: (model: string, pk: unknown) => string
  skipped: { field: string; model: string; pk: unknown; why: string }[]
}

const ordered = (mappers: ModelMapper[]): ModelMapper[] => {
  const byModel = new Map(mappers.map((mapper) => [mapper.model, mapper]))
  const done = new Set<string>()
  const result: ModelMapper[] = []
  const visit = (mapper: ModelMapper) => {
    if (done.has(mapper.model)) return
    done.add(mapper.model)
    for (const dependency of mapper.dependsOn ?? []) {
      const other = byModel.get(dependency)
      if (other) visit(other)
    }
    result.push(mapper)
  }
  mappers.forEach(visit)
  return result
}

export const importDjangoRows = async (
  t: TestContext,
  mappers: ModelMapper[],
  rows: DjangoRow[],
  { siteTimeZone = 'UTC' }: { siteTimeZone?: string } = {},
): Promise<ImportedRows> => {
  const ids = new Map<string, string>()
  const skipped: ImportedRows['skipped'] = []
  const key = (model: string, pk: unknown) => `${model}:${JSON.stringify(pk)}`
  const context: ImportContext = {
    resolve: async (model, value) => {
      if (value === null || value === undefined) return null
      if (model === 'users.user' && Array.isArray(value)) {
        // overrideAccess: the importer resolves natural keys as the system
        const { docs } = await t.payload.find({
          collection: 'users',
          depth: 0,
          limit: 1,
          overrideAccess: true,
          where: { username: { equals: String(value[0]) } },
        })
        return docs[0] ? String(docs[0].id) : null
      }
      return ids.get(key(model, value)) ?? null
    },
    siteTimeZone,
    skip: (row, field, why) => skipped.push({ field, model: row.model, pk: row.pk, why }),
  }
  for (const mapper of ordered(mappers)) {
    for (const row of rows.filter((candidate) => candidate.model === mapper.model)) {
      const data = await mapper.toData(row, context)
      // overrideAccess: the importer is the system carrying python.org's data over
      const doc = await t.payload.create({
        collection: mapper.collection as CollectionSlug,
        context: { [PRESERVE_CONTENT_MANAGED]: true, skipNotifications: true },
        data: { ...data, legacyId: row.pk } as never,
        depth: 0,
        overrideAccess: true,
      })
      ids.set(key(row.model, row.pk), String(doc.id))
    }
  }
  return {
    idOf: (model, pk) => {
      const id = ids.get(key(model, pk))
      if (!id) throw new Error(`nothing imported for ${model} ${String(pk)}`)
      return id
    },
    skipped,
  }
}
