import { slugify } from '../../fields/slugify'
import type { User } from '../../payload-types'
import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import {
  LEGAL_CLAUSES,
  LEVELS,
  levelBenefits,
  SPONSORS,
  type SponsorSpec,
  type SponsorshipSpec,
} from '../data/sponsors'
import { pngImage, uploadFile } from '../media'

const DAY = 86_400_000

const domainOf = (name: string) => `${slugify(name)}.example.com`

/** A day `offset` days from the clock's today, as date-only fields store it. */
const dayFrom = (now: Date, offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY).toISOString()

const seedCatalogue = async (step: Step) => {
  const clauses: string[] = []
  for (const clause of LEGAL_CLAUSES) {
    const { id } = await step.ensure('sponsor-legal-clauses', clause.internalName, {
      create: async () => {
        // overrideAccess: the PSF's legal text, written by the system
        const doc = await step.payload.create({
          collection: 'sponsor-legal-clauses',
          data: clause,
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(step.actor('tomas')),
        })
        return String(doc.id)
      },
      find: () => step.findId('sponsor-legal-clauses', { internalName: { equals: clause.internalName } }),
    })
    clauses.push(id)
    step.tick()
  }
  // this year's catalogue (a run in another year adds that year's)
  const year = step.now.getUTCFullYear()
  const levels = new Map<string, string>()
  for (const level of LEVELS) {
    const { id } = await step.ensure('sponsorship-levels', `${year}/${level.name}`, {
      create: async () => {
        // overrideAccess: staff's catalogue, written by the system
        const doc = await step.payload.create({
          collection: 'sponsorship-levels',
          data: {
            advertise: level.advertise,
            benefits: levelBenefits(level.name, level.order),
            legalClauses: clauses,
            logoDimension: level.logo,
            name: level.name,
            order: level.order,
            sponsorshipAmount: level.amount,
            year,
          },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(step.actor('tomas')),
        })
        return String(doc.id)
      },
      find: () =>
        step.findId('sponsorship-levels', { and: [{ name: { equals: level.name } }, { year: { equals: year } }] }),
    })
    levels.set(level.name, id)
    step.tick()
  }
  return levels
}

const seedSponsor = async (step: Step, sponsor: SponsorSpec) => {
  const slug = slugify(sponsor.name)
  const creator = step.actor(sponsor.creator)
  return step.ensure('sponsors', slug, {
    create: async () => {
      // overrideAccess: the member registering their organisation uploads its logo (stamped as theirs)
      const logo = await step.payload.create({
        collection: 'sponsor-logos',
        data: { alt: `${sponsor.name} logo` },
        file: uploadFile(await pngImage(sponsor.name, 512, 512), `${slug}-logo.png`, 'image/png'),
        ...ID_ONLY,
        overrideAccess: true,
        req: await step.req(creator),
      })
      await step.record('sponsor-logos', `${slug}/web-logo`, String(logo.id))
      // overrideAccess: the system writes the member's registration; the member is its creator
      const doc = await step.payload.create({
        collection: 'sponsors',
        data: {
          city: sponsor.city,
          contactEmail: `sponsorship@${domainOf(sponsor.name)}`,
          contactName: `${creator.firstName} ${creator.lastName}`,
          country: sponsor.country,
          description: sponsor.description,
          landingPageUrl: `https://${domainOf(sponsor.name)}/`,
          linkedInPageUrl: `https://www.linkedin.com/company/${slug}`,
          mailingAddressLine1: sponsor.street,
          name: sponsor.name,
          postalCode: sponsor.postalCode,
          primaryPhone: sponsor.phone,
          printLogo: String(logo.id),
          slug,
          state: sponsor.state,
          webLogo: String(logo.id),
        },
        ...ID_ONLY,
        overrideAccess: true,
        req: await step.req(creator),
      })
      return String(doc.id)
    },
    find: () => step.findId('sponsors', { slug: { equals: slug } }),
  })
}

/**
 * A sponsorship through the workflow as its people would move it: the
 * member applies, staff approve or reject, send the contract, execute it.
 * Each move goes through the hooks of hooks/sponsors/, so the contract is
 * created (with its snapshot of sponsor, level, benefits and clauses) on
 * approval, its PDF is rendered when sent, and executing it finalizes the
 * sponsorship (and marks any earlier one it overlaps).
 */
const playSponsorship = async (
  step: Step,
  key: string,
  sponsorId: string,
  spec: SponsorshipSpec,
  creator: User,
  levelId: string,
) => {
  const staff = step.actor('tomas')
  // overrideAccess on each move: the seed is the system playing the people; the user given is the
  // actor the workflow hooks check (the applicant or staff)
  const application = await step.payload.create({
    collection: 'sponsorships',
    data: { level: levelId, sponsor: sponsorId, status: 'APPLIED' },
    overrideAccess: true,
    req: await step.req(creator),
  })
  const id = String(application.id)
  if (spec.stage === 'APPLIED') return id
  const update = async (
    collection: 'sponsor-contracts' | 'sponsorships',
    docId: string,
    data: Record<string, unknown>,
  ) => step.payload.update({ collection, data, id: docId, overrideAccess: true, req: await step.req(staff) })
  if (spec.stage === 'REJECTED') {
    await update('sponsorships', id, { status: 'REJECTED' })
    return id
  }
  await update('sponsorships', id, {
    endDate: dayFrom(step.now, spec.period!.end),
    startDate: dayFrom(step.now, spec.period!.start),
    status: 'APPROVED',
  })
  const contractId = await step.findId('sponsor-contracts', { sponsorship: { equals: id } })
  await step.record('sponsor-contracts', `${key}#contract`, contractId!)
  // staff revise the draft once (a new revision), as they do before sending
  await update('sponsor-contracts', contractId!, {
    sponsorInfo: `${spec.label === 'previous' ? 'Returning' : 'New'} sponsor at the ${spec.level} level.`,
  })
  if (spec.stage === 'DRAFT') return id
  if (spec.stage === 'EXECUTED_ON_PAPER') {
    await update('sponsor-contracts', contractId!, { status: 'EXECUTED' })
    return id
  }
  await update('sponsor-contracts', contractId!, { status: 'AWAITING_SIGNATURE' })
  const documentId = await step.findId('sponsor-contract-documents', { contract: { equals: contractId! } })
  await step.record('sponsor-contract-documents', `${key}#document`, documentId!)
  if (spec.stage === 'NULLIFIED') await update('sponsor-contracts', contractId!, { status: 'NULLIFIED' })
  if (spec.stage === 'EXECUTED') await update('sponsor-contracts', contractId!, { status: 'EXECUTED' })
  return id
}

export const SPONSORS_STEP_SIZE =
  LEGAL_CLAUSES.length + LEVELS.length + SPONSORS.reduce((sum, sponsor) => sum + 1 + sponsor.sponsorships.length, 0)

/** The sponsorship catalogue, and sponsors at every stage of the sponsorship and contract workflows. */
export const seedSponsors = (run: SeedRun) =>
  runStep(run, 'sponsors', SPONSORS_STEP_SIZE, async (step) => {
    const levels = await seedCatalogue(step)
    for (const sponsor of SPONSORS) {
      const { created, id: sponsorId } = await seedSponsor(step, sponsor)
      if (!created) await step.skipRecorded('sponsor-logos', `${slugify(sponsor.name)}/`)
      step.tick()
      for (const spec of sponsor.sponsorships) {
        const key = `${slugify(sponsor.name)}/${spec.label}`
        const result = await step.ensure('sponsorships', key, {
          create: () =>
            playSponsorship(step, key, sponsorId, spec, step.actor(sponsor.creator), levels.get(spec.level)!),
        })
        if (!result.created) {
          await step.skipRecorded('sponsor-contracts', `${key}#`)
          await step.skipRecorded('sponsor-contract-documents', `${key}#`)
        }
        step.tick()
      }
    }
  })
