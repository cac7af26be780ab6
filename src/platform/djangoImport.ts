/**
 * The shapes python.org's data arrives in: Django `manage.py dumpdata` JSON
 * (a list of `{ model, pk, fields }`). Each domain maps its own models in
 * `src/<domain>/djangoImport.ts` with `ModelMapper`s; the importer
 * (seed/import/) streams the files, orders the mappers by `dependsOn`,
 * resolves foreign keys through `ImportContext` and writes each document
 * with its python.org primary key kept as `legacyId`.
 */
import type { CollectionSlug, Where } from 'payload'

export type DjangoRow = {
  fields: Record<string, unknown>
  /** the row's primary key: an integer for python.org's models (null for natural-key dumps) */
  pk: null | number | string
  /** `app_label.modelname`, lowercase, e.g. `events.event` */
  model: string
}

export type ImportContext = {
  /**
   * A supporting document python.org kept in another shape (a related
   * blog's feed, a logo): the existing one matching `where`, else one
   * created from `data`, in the importer's transaction. Importer only.
   */
  ensure?: (collection: CollectionSlug, where: Where, data: Record<string, unknown>) => Promise<string>
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
  /**
   * Models whose rows must be written in the same transaction as this
   * one's, because a check deferred to commit needs both (a FINALIZED
   * sponsorship and its EXECUTED contract). The importer imports the files
   * holding them together.
   */
  commitsWith?: string[]
  /** models whose rows must be imported first (their ids are resolved by this one) */
  dependsOn?: string[]
  /**
   * Every field python.org's model has in a dump (what `toData` reads and
   * what it knowingly leaves out): a row with another field, or without one
   * of these, is named in the import summary.
   */
  fields?: string[]
  /** the row's file in python.org's MEDIA_ROOT, for upload collections (the importer uploads it) */
  file?: (row: DjangoRow) => null | string
  /**
   * A second pass once every row of this model is written: relations to
   * rows of the same model (a sponsorship overlapped by a later one), or
   * supporting documents that need this row's id. Returns the changes to
   * save on the document (or null for none).
   */
  link?: (row: DjangoRow, context: ImportContext, id: string) => Promise<null | Record<string, unknown>>
  /** the Django model, e.g. `events.event` */
  model: string
  /**
   * For a model that has no collection of its own but completes another
   * model's document (a user's email address): the id of the document this
   * row changes; `toData` then returns the changes. Such rows keep no
   * legacyId.
   */
  patches?: (row: DjangoRow, context: ImportContext) => Promise<null | string>
  /** models this one reads through `context.rows` only (they have no collection of their own) */
  reads?: string[]
  /** the collection data for one row (without `legacyId`, which the importer sets from `pk`) */
  toData: (row: DjangoRow, context: ImportContext) => Promise<Record<string, unknown>> | Record<string, unknown>
}

/**
 * Thrown by a mapper for a row this project cannot represent (a nomination
 * python.org never linked to an account): the importer lists the row with
 * the reason and goes on with the others.
 */
export class UnimportableRow extends Error {}

export const unimportable = (row: DjangoRow, why: string): never => {
  throw new UnimportableRow(`${row.model} ${String(row.pk)}: not imported: ${why}`)
}
