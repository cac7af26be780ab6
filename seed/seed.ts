import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { DOWNLOAD_OS } from './downloads'
import { EMAIL_TEMPLATES } from './emailTemplates'
import { JOB_EMAIL_TEMPLATES } from './jobEmailTemplates'
import { SPONSOR_EMAIL_TEMPLATES } from './sponsorEmailTemplates'

export type SeedLog = (message: string) => void

type Counts = { created: number; existing: number }

export type SeedResult = {
  createdSuperuser: boolean
  downloadOS: Counts
  generatedPassword?: string
  templates: Counts
}

/**
 * The first superuser. Credentials come from SEED_ADMIN_USERNAME,
 * SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD; without a password one is
 * generated and printed this once (it is stored only as a hash).
 */
const seedSuperuser = async (payload: Payload, log: SeedLog) => {
  const username = (process.env.SEED_ADMIN_USERNAME ?? 'admin').toLowerCase()
  const email = (process.env.SEED_ADMIN_EMAIL ?? 'admin@example.org').toLowerCase()
  const existing = await payload.find({
    collection: 'users',
    limit: 1,
    overrideAccess: true,
    where: { or: [{ username: { equals: username } }, { email: { equals: email } }] },
  })
  if (existing.docs.length) {
    log(`superuser "${username}" already exists: left as it is`)
    return { createdSuperuser: false }
  }
  const generatedPassword = process.env.SEED_ADMIN_PASSWORD ? undefined : crypto.randomBytes(12).toString('base64url')
  // overrideAccess: the seed is the system creating its first account
  await payload.create({
    collection: 'users',
    data: {
      email,
      emailPrivacy: 'NEVER',
      emailVerified: true,
      firstName: 'Site',
      isActive: true,
      isStaff: true,
      isSuperuser: true,
      lastName: 'Administrator',
      password: process.env.SEED_ADMIN_PASSWORD ?? generatedPassword!,
      searchVisibility: 'PRIVATE',
      username,
    },
    overrideAccess: true,
  })
  log(`created superuser "${username}" <${email}>`)
  if (generatedPassword) log(`  password (shown once, change it after logging in): ${generatedPassword}`)
  return { createdSuperuser: true, generatedPassword }
}

/** Email templates the code sends, created when missing; editors' changes are kept. */
const seedEmailTemplates = async (payload: Payload, log: SeedLog) => {
  let created = 0
  let existing = 0
  for (const template of [...EMAIL_TEMPLATES, ...JOB_EMAIL_TEMPLATES, ...SPONSOR_EMAIL_TEMPLATES]) {
    const found = await payload.count({
      collection: 'email-templates',
      overrideAccess: true,
      where: { internalName: { equals: template.internalName } },
    })
    if (found.totalDocs) {
      existing += 1
      continue
    }
    await payload.create({ collection: 'email-templates', data: template, overrideAccess: true })
    created += 1
  }
  log(`email templates: ${created} created, ${existing} already there`)
  return { created, existing }
}

/** The OS rows with python.org's own ids (legacyId), matched by slug or id (an editor may rename one). */
const seedDownloadOS = async (payload: Payload, log: SeedLog) => {
  let created = 0
  let existing = 0
  for (const os of DOWNLOAD_OS) {
    const found = await payload.count({
      collection: 'download-os',
      overrideAccess: true,
      where: { or: [{ slug: { equals: os.slug } }, { legacyId: { equals: os.legacyId } }] },
    })
    if (found.totalDocs) {
      existing += 1
      continue
    }
    // overrideAccess: the system writes python.org's ids, which clients cannot
    await payload.create({ collection: 'download-os', data: os, overrideAccess: true })
    created += 1
  }
  log(`download OSes: ${created} created, ${existing} already there`)
  return { created, existing }
}

/** Safe to run any number of times: it only creates what is missing. */
export const seed = async (
  payload: Payload,
  log: SeedLog = (message) => payload.logger.info(message),
): Promise<SeedResult> => {
  log('seeding users...')
  const superuser = await seedSuperuser(payload, log)
  log('seeding mailing...')
  const templates = await seedEmailTemplates(payload, log)
  log('seeding downloads...')
  const downloadOS = await seedDownloadOS(payload, log)
  return { ...superuser, downloadOS, templates }
}
