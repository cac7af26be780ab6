import type { SeedRun } from '../context'

export const seedSponsors = async (_run: SeedRun) => undefined
