import type { Migration } from 'payload'

import { migrations } from '../../../migrations'

/**
 * The committed migrations in order (migrations/index.ts, which
 * `npm run migrate:create` keeps), imported with the code that runs them
 * rather than read from the folder at run time as Payload's own commands do
 * (one dynamic import per file, all at once): the scripts of this project
 * load nothing more after their start.
 */
export const committedMigrations = migrations as unknown as Migration[]
