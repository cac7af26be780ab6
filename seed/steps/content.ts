import type { SeedRun } from '../context'

export const seedContent = async (_run: SeedRun) => undefined
