/**
 * python.org's nominations app (apps/nominations/models.py) as this
 * project's elections domain, for the Django dump importer
 * (src/platform/djangoImport.ts). The importer writes each document as the
 * system, with `legacyId` from the row's pk and the PRESERVE_CONTENT_MANAGED
 * context flag, which the elections hooks honour: no nomination window, no
 * acceptance workflow, python.org's values as they were.
 *
 * What differs in shape:
 * - python.org's election has nominations open/close instants and one
 *   election `date`; ours has four calendar days (src/elections/status.ts).
 *   Nominations open on the day `nominations_open_at` falls on and close on
 *   the first day wholly after `nominations_close_at` (python.org took
 *   nominations until that instant); voting opens on `date` (not before
 *   nominations close) and, as python.org kept no end of voting, closes
 *   VOTING_DAYS later. An election without nomination instants (a
 *   referendum) gets no nomination period.
 * - python.org showed a nominee publicly only when `accepted` and staff had
 *   `approved` it; ours has the nominee's answer alone, so a nominee is
 *   ACCEPTED only when both were set (else PENDING: it stays private).
 * - A python.org nomination could name a nominee by free-text name and email
 *   and never be linked to an account; ours always belongs to a nominee (a
 *   user), so such a row cannot be imported and the mapper says why.
 */
import type { DjangoRow, ImportContext, ModelMapper } from '../platform/djangoImport'
import { utcDayStart } from './status'

/** How long a vote lasts when python.org does not say (it ran PSF votes for two weeks). */
export const VOTING_DAYS = 14

const DAY_MS = 24 * 60 * 60 * 1000

const instant = (value: unknown): Date | null => {
  if (typeof value !== 'string' || !value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const iso = (date: Date) => date.toISOString()

/** The first 00:00 UTC at or after `date`. */
const dayAtOrAfter = (date: Date) => {
  const start = utcDayStart(date)
  return start.getTime() === date.getTime() ? start : new Date(start.getTime() + DAY_MS)
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b)

const text = (value: unknown): null | string => (typeof value === 'string' && value.trim() ? value : null)

const unimportable = (row: DjangoRow, why: string): never => {
  throw new Error(`${row.model} ${String(row.pk)}: not imported: ${why}`)
}

const resolved = async (context: ImportContext, row: DjangoRow, field: string, model: string) => {
  const key = row.fields[field]
  if (key === null || key === undefined) return unimportable(row, `it has no ${field}`)
  return (
    (await context.resolve(model, key)) ?? unimportable(row, `its ${field} ${JSON.stringify(key)} was not imported`)
  )
}

export const electionMapper: ModelMapper = {
  collection: 'elections',
  model: 'nominations.election',
  toData: (row, context) => {
    const { fields } = row
    const date = instant(fields.date) ?? unimportable(row, 'it has no date')
    const opens = instant(fields.nominations_open_at)
    const closes = instant(fields.nominations_close_at)
    const electionDay = utcDayStart(date)
    let nominationsOpen = electionDay
    let nominationsClose = electionDay
    if (opens && closes) {
      nominationsOpen = utcDayStart(opens)
      nominationsClose = later(dayAtOrAfter(closes), nominationsOpen)
    }
    const votingOpen = later(electionDay, nominationsClose)
    if (fields.kind !== null && fields.kind !== undefined) {
      context.skip(row, 'kind', 'election kinds (board, packaging council) are not modelled; the name says which')
    }
    if (fields.hide_previous_service === true) {
      context.skip(
        row,
        'hide_previous_service',
        'the nomination form belongs to the frontend; no per-election form settings',
      )
    }
    const markup = fields.description_markup_type
    if (text(fields.description) && markup && markup !== 'markdown') {
      context.skip(
        row,
        'description_markup_type',
        `descriptions are rendered as Markdown, this one was ${String(markup)}`,
      )
    }
    return {
      description: text(fields.description),
      name: fields.name,
      nominationsClose: iso(nominationsClose),
      nominationsOpen: iso(nominationsOpen),
      votingClose: iso(new Date(votingOpen.getTime() + VOTING_DAYS * DAY_MS)),
      votingOpen: iso(votingOpen),
      ...(text(fields.slug) ? { slug: fields.slug } : {}),
    }
  },
}

export const nomineeMapper: ModelMapper = {
  collection: 'nominees',
  dependsOn: ['nominations.election', 'users.user'],
  model: 'nominations.nominee',
  toData: async (row, context) => {
    const { fields } = row
    const election = await resolved(context, row, 'election', 'nominations.election')
    const user = await resolved(context, row, 'user', 'users.user')
    const accepted = fields.accepted === true && fields.approved === true
    if (fields.accepted === true && fields.approved !== true) {
      context.skip(
        row,
        'approved',
        'accepted but never approved by staff: imported as PENDING, so it stays private as on python.org',
      )
    }
    return { acceptance: accepted ? 'ACCEPTED' : 'PENDING', accepted, election, user }
  },
}

export const nominationMapper: ModelMapper = {
  collection: 'nominations',
  dependsOn: ['nominations.election', 'nominations.nominee', 'users.user'],
  model: 'nominations.nomination',
  toData: async (row, context) => {
    const { fields } = row
    if (fields.nominee === null || fields.nominee === undefined) {
      unimportable(
        row,
        'python.org never linked this nomination to a nominee (an account); it names only a free-text name and email',
      )
    }
    const statement = text(fields.nomination_statement) ?? unimportable(row, 'it has no nomination statement')
    const election = await resolved(context, row, 'election', 'nominations.election')
    const nominee = await resolved(context, row, 'nominee', 'nominations.nominee')
    const nominator = await resolved(context, row, 'nominator', 'users.user')
    for (const field of ['name', 'email'] as const) {
      if (text(fields[field]))
        context.skip(row, field, 'the nominee is the linked account; the typed name and email are not kept')
    }
    if (fields.accepted === false || fields.approved === false) {
      context.skip(
        row,
        fields.accepted === false ? 'accepted' : 'approved',
        "per-nomination answers are not kept: a nomination is public when its nominee's is",
      )
    }
    for (const field of ['coc_acknowledged', 'mission_alignment', 'eligibility_confirmed'] as const) {
      if (fields[field] === true) context.skip(row, field, 'candidate acknowledgments are not modelled')
    }
    const markup = fields.nomination_statement_markup_type
    if (markup && markup !== 'markdown') {
      context.skip(
        row,
        'nomination_statement_markup_type',
        `statements are rendered as Markdown, this one was ${String(markup)}`,
      )
    }
    return {
      election,
      employer: text(fields.employer),
      nominator,
      nominee,
      otherAffiliations: text(fields.other_affiliations),
      previousBoardService: text(fields.previous_board_service),
      statement,
    }
  },
}

/** In dependency order. */
export const electionMappers: ModelMapper[] = [electionMapper, nomineeMapper, nominationMapper]
