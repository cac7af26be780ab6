import path from 'node:path'

import { dataRoot } from './paths'

/**
 * Uploaded files live under the data folder, one directory per collection.
 * (Several app instances need a shared volume or a storage adapter here.)
 */
export const uploadDir = (collection: string): string => path.join(dataRoot(), 'uploads', collection)
