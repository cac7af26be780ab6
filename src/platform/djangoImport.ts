/**
 * The shapes python.org's data arrives in: Django `manage.py dumpdata` JSON
 * (a list of `{ model, pk, fields }`). Each domain maps its own models in
 * `src/<domain>/djangoImport.ts` with `ModelMapper`s; the importer (seed/)
 * streams the files, orders the mappers by `dependsOn`, resolves foreign keys
 * through `ImportContext` and writes each document with its python.org
 * primary key kept as `legacyId`.
 */
import type { CollectionSlug } from 'payload'

export type DjangoRow = {
  fields: Record<string, unknown>
  /** the row's primary key: an integer for python.org's models (null for natural-key dumps) */
  pk: null | number | string
  /** `app_label.modelname`, lowercase, e.g. `events.event` */
  model: string
}

export type ImportContext = {
  /**
   * The id of the document imported for another model's row, given the
   * Django foreign key as it appears in the dump (an integer pk, or a
   * natural key such as `["admin"]` for a user); null when it is not there.
   */
  resolve: (model: string, key: unknown) => Promise<null | string>
  /**
   * Every row of another model in the dump, for a mapper that folds rows of
   * several models into one document (a sponsorship level's benefits text
   * comes from python.org's benefit, program and tier rows).
   */
  rows?: (model: string) => DjangoRow[]
  /** the IANA time zone python.org's site ran in (`settings.TIME_ZONE`), for naive datetimes */
  siteTimeZone: string
  /** a field the mapper could not carry across: listed in the import summary */
  skip: (row: DjangoRow, field: string, why: string) => void
}

export type ModelMapper = {
  collection: CollectionSlug
  /** models whose rows must be imported first (their ids are resolved by this one) */
  dependsOn?: string[]
  /** the Django model, e.g. `events.event` */
  model: string
  /** the collection data for one row (without `legacyId`, which the importer sets from `pk`) */
  toData: (row: DjangoRow, context: ImportContext) => Promise<Record<string, unknown>> | Record<string, unknown>
}
