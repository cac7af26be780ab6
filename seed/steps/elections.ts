import type { SeedRun } from '../context'

export const seedElections = async (_run: SeedRun) => undefined
