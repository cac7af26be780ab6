import fs from 'node:fs'
import path from 'node:path'

import { headersWithCors, type UploadConfig } from 'payload'

import { dataRoot } from './paths'

/**
 * Uploaded files live under the data folder, one directory per collection.
 * (Several app instances need a shared volume or a storage adapter here.)
 * `npm run backup` archives this whole folder with the database.
 */
export const uploadsRoot = (): string => path.join(dataRoot(), 'uploads')

export const uploadDir = (collection: string): string => path.join(uploadsRoot(), collection)

type UploadHandler = NonNullable<UploadConfig['handlers']>[number]

/**
 * A file whose row exists but whose file is not on disk (a database restored
 * without its uploads, a file removed by hand) is not found: 404, where
 * Payload answers 500. Files that exist go on to Payload's own handler.
 */
// (Payload types a handler as Promise<Response> | Promise<void>; an async function is Promise<Response | void>)
export const missingFileIsNotFound = (async (req, { params }) => {
  const dir = path.resolve(uploadDir(params.collection))
  const file = path.resolve(dir, params.filename)
  // a name reaching outside the folder: Payload's handler refuses it
  if (!file.startsWith(dir + path.sep)) return
  try {
    await fs.promises.stat(file)
    return
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return
  }
  req.payload.logger.warn(`${params.collection}: ${params.filename} has a row but no file on disk (${file})`)
  return Response.json(
    { errors: [{ message: 'Not Found' }] },
    { headers: headersWithCors({ headers: new Headers(), req }), status: 404 },
  )
}) as UploadHandler
