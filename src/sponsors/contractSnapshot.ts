/**
 * What a contract copies from its sponsorship, sponsor and level, so that it
 * stays what was agreed when they change later (python.org's Contract.new).
 * The system reads these (overrideAccess): it is building the contract, not
 * answering a user.
 */
import type { PayloadRequest } from 'payload'

import type { Sponsor, SponsorshipLevel } from '../../payload-types'
import { parseDay } from '../../fields/dateOnly'
import { idOf, UUID } from './workflow'

export type SponsorshipTerms = {
  endDate?: null | string
  level?: unknown
  sponsorshipFee?: null | number
  startDate?: null | string
  year?: null | number
}

const findLevel = async (req: PayloadRequest, level: unknown): Promise<null | SponsorshipLevel> => {
  const id = idOf(level)
  // a malformed id is refused by the field's validation after the hooks
  if (!id || !UUID.test(id)) return null
  return req.payload.findByID({
    collection: 'sponsorship-levels',
    depth: 0,
    disableErrors: true,
    id,
    overrideAccess: true,
    req,
  })
}

/** The terms as the contract states them: level name, fee, period, year. */
export const contractTerms = async (req: PayloadRequest, terms: SponsorshipTerms) => {
  const level = await findLevel(req, terms.level)
  return {
    // a malformed date is refused by the field's validation after the hooks (and the contract with it)
    endDate: parseDay(terms.endDate),
    levelName: level?.name ?? null,
    sponsorshipFee: terms.sponsorshipFee ?? null,
    startDate: parseDay(terms.startDate),
    year: terms.year ?? level?.year ?? null,
  }
}

const lines = (...parts: (null | string | undefined)[]) => parts.filter((part) => part && part.trim()).join('\n')

export const sponsorAddress = (sponsor: Sponsor): string =>
  lines(
    sponsor.mailingAddressLine1,
    sponsor.mailingAddressLine2,
    [sponsor.city, [sponsor.state, sponsor.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    sponsor.country,
  )

/** Everything a new contract starts with. */
export const contractSnapshot = async (req: PayloadRequest, sponsorId: string, terms: SponsorshipTerms) => {
  const sponsor = await req.payload.findByID({
    collection: 'sponsors',
    depth: 0,
    id: sponsorId,
    overrideAccess: true,
    req,
  })
  const level = await findLevel(req, terms.level)
  const clauseIds = (level?.legalClauses ?? []).map(idOf).filter((id): id is string => Boolean(id))
  const clauses = clauseIds.length
    ? (
        await req.payload.find({
          collection: 'sponsor-legal-clauses',
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          req,
          sort: ['order', 'createdAt'],
          where: { id: { in: clauseIds } },
        })
      ).docs
    : []
  const contact = [sponsor.contactName, [sponsor.primaryPhone, sponsor.contactEmail].filter(Boolean).join(' | ')]
    .filter(Boolean)
    .join(' - ')
  return {
    ...(await contractTerms(req, terms)),
    benefitsList: level?.benefits ?? '',
    legalClauses: clauses.map((clause) => ({ clause: clause.clause })),
    sponsor: sponsor.id,
    sponsorAddress: sponsorAddress(sponsor),
    sponsorContact: contact,
    sponsorInfo: `${sponsor.name}, ${sponsor.description}`,
    sponsorName: sponsor.name,
  }
}
