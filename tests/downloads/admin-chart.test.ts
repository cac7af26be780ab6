/**
 * The Releases edit view shows daily downloads: a UI field rendering
 * src/downloads/ReleaseDownloadsChart, registered in the admin import map
 * (what `payload generate:importmap` writes), reading the staff-only totals
 * endpoint with parameters that endpoint accepts.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Field, UIField } from 'payload'

import { Releases } from '../../collections/downloads/Releases'
import { projectRoot } from '../../src/platform/paths'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { json, seedRelease, unique } from './fixtures'

const COMPONENT = '/src/downloads/ReleaseDownloadsChart#ReleaseDownloadsChart'

let t: TestContext
let staff: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  await t.makeUser('superuser')
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

const findField = (fields: Field[], name: string): Field | undefined => {
  for (const field of fields) {
    if ('name' in field && field.name === name) return field
    if ('fields' in field && Array.isArray(field.fields)) {
      const nested = findField(field.fields as Field[], name)
      if (nested) return nested
    }
  }
  return undefined
}

describe('the downloads chart on the release edit view', () => {
  it('is a visible UI field of the releases collection rendering ReleaseDownloadsChart', () => {
    const field = findField(Releases.fields, 'downloadsChart') as UIField | undefined
    expect(field?.type).toBe('ui')
    expect(field?.admin?.components?.Field).toBe(COMPONENT)
    expect((field?.admin as { disabled?: boolean } | undefined)?.disabled).not.toBe(true)
    expect(field?.admin?.condition).toBeUndefined()
  })

  it('survives into the running config (the collection Payload serves)', () => {
    const releases = t.config.collections.find((collection) => collection.slug === 'releases')!
    const field = releases.fields.find((candidate) => 'name' in candidate && candidate.name === 'downloadsChart') as UIField | undefined
    expect(field?.admin?.components?.Field).toBe(COMPONENT)
  })

  it('is in the generated admin import map, pointing at the component module', () => {
    const importMapFile = path.join(projectRoot, 'src/app/(payload)/admin/importMap.js')
    const importMap = fs.readFileSync(importMapFile, 'utf8')
    const entry = new RegExp(`"${COMPONENT}":\\s*(ReleaseDownloadsChart_[0-9a-f]+)`).exec(importMap)
    expect(entry).not.toBeNull()
    expect(importMap).toMatch(new RegExp(`import \\{ ReleaseDownloadsChart as ${entry![1]} \\} from '([./]+)src/downloads/ReleaseDownloadsChart'`))

    const source = fs.readFileSync(path.join(projectRoot, 'src/downloads/ReleaseDownloadsChart.tsx'), 'utf8')
    expect(source).toMatch(/^'use client'/)
    expect(source).toMatch(/export const ReleaseDownloadsChart\b/)
  })

  it('asks the totals endpoint for what the endpoint answers: daily totals of this release over the last 60 days', async () => {
    const source = fs.readFileSync(path.join(projectRoot, 'src/downloads/ReleaseDownloadsChart.tsx'), 'utf8')
    expect(source).toContain('/api/download-statistics/totals?groupBy=day&release=${id}&from=${from}')

    // the same request, as the chart makes it for a staff user
    const release = await seedRelease(t, { name: 'Python 3.13.7', slug: unique('chart') })
    const from = new Date(Date.now() - 59 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
    const response = await t.api('GET', `/download-statistics/totals?groupBy=day&release=${release.id}&from=${from}`, { auth: staff })
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ groupBy: 'day', totals: [] })
  })
})
