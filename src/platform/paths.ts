import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, wherever the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Git-ignored folder for the embedded database, the dev secret and dev mail. */
export const dataRoot = (): string => path.resolve(projectRoot, process.env.PAYLOAD_DATA_DIR ?? '.data')
