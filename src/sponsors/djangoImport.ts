/**
 * python.org's sponsorship catalogue (Django `sponsors` app) as our levels
 * and legal clauses:
 * - `sponsors.legalclause` -> sponsor-legal-clauses;
 * - `sponsors.sponsorshippackage` -> sponsorship-levels, with the package's
 *   benefits folded into the level's benefits text ("Program - Benefit",
 *   with the package's tier quantity, as python.org's contracts list them)
 *   and the benefits' legal clauses as the level's clauses.
 * Benefits, programs and their feature configurations have no collection of
 * their own: they are read through `context.rows`.
 */
import { type DjangoRow, type ImportContext, type ModelMapper, unimportable } from '../platform/djangoImport'
import { dateTime, day, fit, text as nonBlank } from '../platform/djangoValues'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const int = (value: unknown): null | number => (typeof value === 'number' && Number.isInteger(value) ? value : null)

const rowsOf = (context: ImportContext, model: string): DjangoRow[] => {
  if (!context.rows) throw new Error(`${model}: this mapper needs the importer to provide context.rows`)
  return context.rows(model)
}

export const legalClauseMapper: ModelMapper = {
  collection: 'sponsor-legal-clauses',
  fields: ['internal_name', 'clause', 'notes', 'order'],
  model: 'sponsors.legalclause',
  toData: ({ fields }) => ({
    clause: text(fields.clause),
    internalName: text(fields.internal_name),
    notes: text(fields.notes),
    order: int(fields.order) ?? 0,
  }),
}

/**
 * The quantity a tiered benefit has in one package (python.org's
 * TieredBenefitConfiguration.display_modifier: "Name (label or quantity)").
 * Feature configurations are polymorphic: the tier row shares its pk with
 * the base `benefitfeatureconfiguration` row that names the benefit.
 */
const tiersOf = (context: ImportContext, packagePk: DjangoRow['pk']): Map<unknown, string> => {
  const benefitOfConfig = new Map(
    rowsOf(context, 'sponsors.benefitfeatureconfiguration').map((row) => [row.pk, row.fields.benefit]),
  )
  const tiers = new Map<unknown, string>()
  for (const tier of rowsOf(context, 'sponsors.tieredbenefitconfiguration')) {
    if (tier.fields.package !== packagePk) continue
    const benefit = benefitOfConfig.get(tier.pk)
    const label = text(tier.fields.display_label) || (int(tier.fields.quantity) ?? '')
    if (benefit !== undefined && label !== '') tiers.set(benefit, String(label))
  }
  return tiers
}

/** The package's available benefits, program by program in python.org's order, each as one line. */
export const packageBenefits = (context: ImportContext, packagePk: DjangoRow['pk']) => {
  const programs = new Map(rowsOf(context, 'sponsors.sponsorshipprogram').map((row) => [row.pk, row.fields]))
  const tiers = tiersOf(context, packagePk)
  const benefits = rowsOf(context, 'sponsors.sponsorshipbenefit')
    .filter(
      (row) => Array.isArray(row.fields.packages) && row.fields.packages.includes(packagePk) && !row.fields.unavailable,
    )
    .sort((a, b) => {
      const programA = programs.get(a.fields.program as never)
      const programB = programs.get(b.fields.program as never)
      return (
        (int(programA?.order) ?? 0) - (int(programB?.order) ?? 0) ||
        (int(a.fields.order) ?? 0) - (int(b.fields.order) ?? 0) ||
        Number(a.pk) - Number(b.pk)
      )
    })
  return benefits.map((row) => {
    const program = text(programs.get(row.fields.program as never)?.name)
    const tier = tiers.get(row.pk)
    return {
      legalClauses: Array.isArray(row.fields.legal_clauses) ? (row.fields.legal_clauses as unknown[]) : [],
      line: `${program ? `${program} - ` : ''}${text(row.fields.name)}${tier ? ` (${tier})` : ''}`,
    }
  })
}

export const sponsorshipPackageMapper: ModelMapper = {
  collection: 'sponsorship-levels',
  dependsOn: ['sponsors.legalclause'],
  fields: ['order', 'name', 'sponsorship_amount', 'advertise', 'logo_dimension', 'slug', 'year', 'allow_a_la_carte'],
  model: 'sponsors.sponsorshippackage',
  reads: [
    'sponsors.benefitfeatureconfiguration',
    'sponsors.sponsorshipbenefit',
    'sponsors.sponsorshipprogram',
    'sponsors.tieredbenefitconfiguration',
  ],
  toData: async (row, context) => {
    const { fields } = row
    const benefits = packageBenefits(context, row.pk)
    const clauseKeys = [...new Set(benefits.flatMap((benefit) => benefit.legalClauses))]
    const legalClauses: string[] = []
    for (const key of clauseKeys) {
      const id = await context.resolve('sponsors.legalclause', key)
      if (id) legalClauses.push(id)
      else context.skip(row, 'legal_clauses', `legal clause ${String(key)} is not in the dump`)
    }
    if (fields.slug) context.skip(row, 'slug', 'levels are named, not addressed by slug')
    if (fields.allow_a_la_carte !== undefined) context.skip(row, 'allow_a_la_carte', 'no a-la-carte benefits here')
    return {
      advertise: Boolean(fields.advertise),
      benefits: benefits.map((benefit) => benefit.line).join('\n'),
      legalClauses,
      logoDimension: int(fields.logo_dimension) ?? 175,
      name: text(fields.name),
      order: int(fields.order) ?? 0,
      sponsorshipAmount: int(fields.sponsorship_amount) ?? 0,
      year: int(fields.year),
    }
  },
}

/** In dependency order: clauses before the levels that refer to them. */
export const sponsorCatalogueMappers: ModelMapper[] = [legalClauseMapper, sponsorshipPackageMapper]

/*
 * Sponsors, their sponsorships and contracts (python.org's Sponsor,
 * SponsorContact, Sponsorship and Contract):
 * - `sponsors.sponsor` -> sponsors. python.org's address fields defaulted to ""
 *   for sponsors older than its contract workflow; ours are required for a
 *   contract's address, so a missing one reads NOT_GIVEN (and is named in the
 *   summary). Logos are files in python.org's media folder: not carried.
 * - `sponsors.sponsorcontact` -> the sponsor's primary contact (name, email); other
 *   contacts have no place here.
 * - `sponsors.sponsorship` -> sponsorships, in the status python.org had them in, with
 *   `overlapped_by` linked once all are written. A FINALIZED sponsorship must
 *   have an EXECUTED contract (checked at commit): one python.org kept
 *   without any (finalized before contracts existed) gets an EXECUTED contract
 *   made from what the dump says of it, marked as such.
 * - `sponsors.contract` -> sponsor-contracts, imported in the same transaction as the
 *   sponsorships (commitsWith).
 */

/** What python.org's empty address fields read here. */
export const NOT_GIVEN = '(not given on python.org)'

const SPONSORSHIP_STATUS: Record<string, string> = {
  applied: 'APPLIED',
  approved: 'APPROVED',
  finalized: 'FINALIZED',
  rejected: 'REJECTED',
}
const CONTRACT_STATUS: Record<string, string> = {
  'awaiting signature': 'AWAITING_SIGNATURE',
  draft: 'DRAFT',
  executed: 'EXECUTED',
  nullified: 'NULLIFIED',
  outdated: 'OUTDATED',
}

const required = (row: DjangoRow, field: string, context: ImportContext, max: number) => {
  const value = nonBlank(row.fields[field])?.trim()
  if (value) return fit(row, field, value, max, context)
  context.skip(row, field, `empty on python.org: "${NOT_GIVEN}" here, where it is required`)
  return NOT_GIVEN
}

const rowOf = (context: ImportContext, model: string, pk: unknown): DjangoRow | undefined =>
  context.rows?.(model).find((row) => row.pk === pk)

export const sponsorMapper: ModelMapper = {
  collection: 'sponsors',
  dependsOn: ['users.user'],
  fields: [
    'created',
    'updated',
    'creator',
    'last_modified_by',
    'name',
    'description',
    'landing_page_url',
    'twitter_handle',
    'linked_in_page_url',
    'web_logo',
    'white_logo',
    'print_logo',
    'primary_phone',
    'mailing_address_line_1',
    'mailing_address_line_2',
    'city',
    'state',
    'postal_code',
    'country',
    'country_of_incorporation',
    'state_of_incorporation',
  ],
  model: 'sponsors.sponsor',
  toData: async (row, context) => {
    const { fields } = row
    for (const field of ['web_logo', 'white_logo', 'print_logo'] as const) {
      if (nonBlank(fields[field])) context.skip(row, field, 'logo files are not carried: upload them to the sponsor')
    }
    const user = (key: unknown) => (key ? context.resolve('users.user', key) : Promise.resolve(null))
    return {
      city: required(row, 'city', context, 64),
      country: required(row, 'country', context, 64),
      countryOfIncorporation: nonBlank(fields.country_of_incorporation),
      created: dateTime(fields.created, context),
      ...(fields.created ? { createdAt: dateTime(fields.created, context) } : {}),
      creator: await user(fields.creator),
      description: required(row, 'description', context, 5000),
      landingPageUrl: nonBlank(fields.landing_page_url),
      lastModifiedBy: await user(fields.last_modified_by),
      linkedInPageUrl: nonBlank(fields.linked_in_page_url),
      mailingAddressLine1: required(row, 'mailing_address_line_1', context, 128),
      mailingAddressLine2: fit(row, 'mailing_address_line_2', nonBlank(fields.mailing_address_line_2), 128, context),
      name: fit(row, 'name', nonBlank(fields.name), 100, context) ?? unimportable(row, 'it has no name'),
      postalCode: required(row, 'postal_code', context, 64),
      primaryPhone: required(row, 'primary_phone', context, 32),
      state: fit(row, 'state', nonBlank(fields.state), 64, context),
      stateOfIncorporation: fit(row, 'state_of_incorporation', nonBlank(fields.state_of_incorporation), 64, context),
      twitterHandle: fit(row, 'twitter_handle', nonBlank(fields.twitter_handle), 32, context),
      updated: dateTime(fields.updated, context),
    }
  },
}

export const sponsorContactMapper: ModelMapper = {
  collection: 'sponsors',
  dependsOn: ['sponsors.sponsor'],
  fields: ['sponsor', 'user', 'primary', 'administrative', 'accounting', 'manager', 'name', 'email', 'phone'],
  model: 'sponsors.sponsorcontact',
  patches: (row, context) => context.resolve('sponsors.sponsor', row.fields.sponsor),
  toData: (row) => {
    if (row.fields.primary !== true) unimportable(row, 'not the primary contact: a sponsor here keeps one contact')
    return { contactEmail: nonBlank(row.fields.email), contactName: nonBlank(row.fields.name) }
  },
}

const hasExecutedContract = (context: ImportContext, sponsorshipPk: unknown) =>
  (context.rows?.('sponsors.contract') ?? []).some(
    (contract) => contract.fields.sponsorship === sponsorshipPk && contract.fields.status === 'executed',
  )

const OPEN = ['applied', 'approved']

export const sponsorshipMapper: ModelMapper = {
  collection: 'sponsorships',
  dependsOn: ['users.user', 'sponsors.sponsor', 'sponsors.sponsorshippackage'],
  fields: [
    'submited_by',
    'sponsor',
    'status',
    'locked',
    'start_date',
    'end_date',
    'applied_on',
    'approved_on',
    'rejected_on',
    'finalized_on',
    'year',
    'for_modified_package',
    'level_name_old',
    'package',
    'sponsorship_fee',
    'overlapped_by',
    'renewal',
  ],
  link: async (row, context, id) => {
    const changes: Record<string, unknown> = {}
    if (row.fields.overlapped_by) {
      changes.overlappedBy = await context.resolve('sponsors.sponsorship', row.fields.overlapped_by)
    }
    if (row.fields.status === 'finalized' && !hasExecutedContract(context, row.pk)) {
      if (!context.ensure) throw new Error('sponsors.sponsorship: needs the importer’s context.ensure')
      const sponsor = rowOf(context, 'sponsors.sponsor', row.fields.sponsor)
      const level = rowOf(context, 'sponsors.sponsorshippackage', row.fields.package)
      await context.ensure(
        'sponsor-contracts',
        { sponsorship: { equals: id } },
        {
          endDate: day(row.fields.end_date),
          levelName: nonBlank(level?.fields.name) ?? nonBlank(row.fields.level_name_old),
          revision: 0,
          sponsor: await context.resolve('sponsors.sponsor', row.fields.sponsor),
          sponsorInfo: 'python.org finalized this sponsorship before it kept contracts; this record stands for it.',
          sponsorName: nonBlank(sponsor?.fields.name) ?? `Sponsorship ${String(row.pk)}`,
          sponsorship: id,
          sponsorshipFee: typeof row.fields.sponsorship_fee === 'number' ? row.fields.sponsorship_fee : null,
          startDate: day(row.fields.start_date),
          status: 'EXECUTED',
          year: typeof row.fields.year === 'number' ? row.fields.year : null,
        },
      )
    }
    return changes
  },
  model: 'sponsors.sponsorship',
  reads: ['sponsors.contract', 'sponsors.sponsor', 'sponsors.sponsorship', 'sponsors.sponsorshippackage'],
  toData: async (row, context) => {
    const { fields } = row
    if (fields.sponsor === null || fields.sponsor === undefined) unimportable(row, 'it belongs to no sponsor')
    if (fields.package === null || fields.package === undefined) {
      unimportable(
        row,
        `it has no sponsorship package${nonBlank(fields.level_name_old) ? ` (only the old level name "${String(fields.level_name_old)}")` : ''}; a sponsorship here has a level`,
      )
    }
    const status =
      SPONSORSHIP_STATUS[String(fields.status)] ??
      unimportable(row, `its status ${JSON.stringify(fields.status)} is unknown`)
    if (OPEN.includes(String(fields.status))) {
      // one application in progress per sponsor (a unique index here): the newest one python.org had open stays
      const newer = (context.rows?.('sponsors.sponsorship') ?? []).find(
        (other) =>
          other.fields.sponsor === fields.sponsor &&
          OPEN.includes(String(other.fields.status)) &&
          Number(other.pk) > Number(row.pk),
      )
      if (newer)
        unimportable(
          row,
          `sponsor ${String(fields.sponsor)} has a newer open application (${String(newer.pk)}); a sponsor has one at a time here`,
        )
    }
    if (nonBlank(fields.level_name_old))
      context.skip(row, 'level_name_old', 'the old level name is not kept: the level is')
    return {
      appliedOn: day(fields.applied_on),
      approvedOn: day(fields.approved_on),
      endDate: day(fields.end_date),
      finalizedOn: day(fields.finalized_on),
      forModifiedPackage: fields.for_modified_package === true,
      level:
        (await context.resolve('sponsors.sponsorshippackage', fields.package)) ??
        unimportable(row, 'its package was not imported'),
      locked: fields.locked === true,
      rejectedOn: day(fields.rejected_on),
      renewal: fields.renewal === true,
      sponsor:
        (await context.resolve('sponsors.sponsor', fields.sponsor)) ??
        unimportable(row, 'its sponsor was not imported'),
      sponsorshipFee: typeof fields.sponsorship_fee === 'number' ? fields.sponsorship_fee : null,
      startDate: day(fields.start_date),
      status,
      submittedBy: fields.submited_by ? await context.resolve('users.user', fields.submited_by) : null,
      year: typeof fields.year === 'number' ? fields.year : null,
    }
  },
}

/** python.org's legal clauses text: markdown footnotes ("[^1]: ..."), one clause each. */
const clausesOf = (markdown: string) =>
  markdown
    .split(/\n(?=\[\^[^\]]+\]:)/)
    .map((clause) => clause.trim())
    .filter(Boolean)
    .map((clause) => ({ clause: clause.slice(0, 20000) }))

export const contractMapper: ModelMapper = {
  collection: 'sponsor-contracts',
  commitsWith: ['sponsors.sponsorship'],
  dependsOn: ['sponsors.sponsorship', 'sponsors.sponsor'],
  fields: [
    'status',
    'revision',
    'document',
    'document_docx',
    'signed_document',
    'sponsorship',
    'sponsor_info',
    'sponsor_contact',
    'benefits_list',
    'benefits_list_markup_type',
    '_benefits_list_rendered',
    'legal_clauses',
    'legal_clauses_markup_type',
    '_legal_clauses_rendered',
    'created_on',
    'last_update',
    'sent_on',
  ],
  model: 'sponsors.contract',
  reads: ['sponsors.sponsor', 'sponsors.sponsorship', 'sponsors.sponsorshippackage'],
  toData: async (row, context) => {
    const { fields } = row
    if (fields.sponsorship === null || fields.sponsorship === undefined)
      unimportable(row, 'it belongs to no sponsorship')
    const sponsorship =
      (await context.resolve('sponsors.sponsorship', fields.sponsorship)) ??
      unimportable(row, 'its sponsorship was not imported')
    const sponsorshipRow = rowOf(context, 'sponsors.sponsorship', fields.sponsorship)
    const sponsorRow = rowOf(context, 'sponsors.sponsor', sponsorshipRow?.fields.sponsor)
    const level = rowOf(context, 'sponsors.sponsorshippackage', sponsorshipRow?.fields.package)
    for (const field of ['document', 'document_docx', 'signed_document'] as const) {
      if (nonBlank(fields[field])) context.skip(row, field, 'contract files are not carried')
    }
    const status =
      CONTRACT_STATUS[String(fields.status)] ??
      unimportable(row, `its status ${JSON.stringify(fields.status)} is unknown`)
    return {
      benefitsList: fit(row, 'benefits_list', nonBlank(fields.benefits_list), 50000, context),
      ...(fields.created_on ? { createdAt: day(fields.created_on) } : {}),
      endDate: day(sponsorshipRow?.fields.end_date),
      legalClauses: clausesOf(typeof fields.legal_clauses === 'string' ? fields.legal_clauses : ''),
      levelName: nonBlank(level?.fields.name),
      revision: typeof fields.revision === 'number' ? fields.revision : 0,
      sentOn: day(fields.sent_on),
      sponsor:
        (await context.resolve('sponsors.sponsor', sponsorshipRow?.fields.sponsor)) ??
        unimportable(row, 'its sponsor was not imported'),
      sponsorContact: fit(row, 'sponsor_contact', nonBlank(fields.sponsor_contact), 500, context),
      sponsorInfo: fit(row, 'sponsor_info', nonBlank(fields.sponsor_info), 5000, context),
      sponsorName:
        fit(row, 'sponsor', nonBlank(sponsorRow?.fields.name), 100, context) ??
        `Sponsorship ${String(fields.sponsorship)}`,
      sponsorship,
      sponsorshipFee:
        typeof sponsorshipRow?.fields.sponsorship_fee === 'number' ? sponsorshipRow.fields.sponsorship_fee : null,
      startDate: day(sponsorshipRow?.fields.start_date),
      status,
      year: typeof sponsorshipRow?.fields.year === 'number' ? sponsorshipRow.fields.year : null,
    }
  },
}

/** Everything of the sponsors app this project has an equivalent for, in dependency order. */
export const sponsorMappers: ModelMapper[] = [
  ...sponsorCatalogueMappers,
  sponsorMapper,
  sponsorContactMapper,
  sponsorshipMapper,
  contractMapper,
]
