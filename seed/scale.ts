import type { SeedRun } from './context'

export const seedScaled = async (_run: SeedRun) => undefined
