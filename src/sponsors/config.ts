/** Where new sponsorship applications are announced (SPONSORS_TEAM_EMAIL). */
export const sponsorsTeamEmail = (): string => process.env.SPONSORS_TEAM_EMAIL ?? 'sponsors@python.org'

/** The emails of the sponsors domain (seeded in seed/sponsorEmailTemplates.ts). */
export const SPONSOR_TEMPLATES = {
  applied: 'sponsors.applied',
  approved: 'sponsors.approved',
  contractSent: 'sponsors.contract_sent',
  rejected: 'sponsors.rejected',
} as const
