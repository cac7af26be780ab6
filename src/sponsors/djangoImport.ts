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
import type { DjangoRow, ImportContext, ModelMapper } from '../platform/djangoImport'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const int = (value: unknown): null | number => (typeof value === 'number' && Number.isInteger(value) ? value : null)

const rowsOf = (context: ImportContext, model: string): DjangoRow[] => {
  if (!context.rows) throw new Error(`${model}: this mapper needs the importer to provide context.rows`)
  return context.rows(model)
}

export const legalClauseMapper: ModelMapper = {
  collection: 'sponsor-legal-clauses',
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
  model: 'sponsors.sponsorshippackage',
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
