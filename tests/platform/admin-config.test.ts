/**
 * The admin panel as an editor meets it (docs/admin.md): every collection
 * sits in one of the navigation's groups, has a title and list columns that
 * exist; every date shows its year; python.org's name, logo and favicon, no
 * outside avatar service; stamps and history where they belong. Read from
 * the built config, so a new collection that forgets one fails here.
 */
import type { Field, SanitizedConfig } from 'payload'
import { flattenTopLevelFields } from 'payload/shared'

import configPromise from '../../payload.config'
import { ADMIN_GROUPS } from '../../src/platform/admin/groups'
import { ADMIN_DATE_FORMAT, ADMIN_DATE_TIME_FORMAT } from '../../src/platform/admin/dates'
import { HISTORY_MAX_VERSIONS } from '../../src/platform/history/withHistory'

let config: SanitizedConfig
beforeAll(async () => {
  config = await configPromise
})

const ours = () => config.collections.filter((collection) => !collection.slug.startsWith('payload-'))

const dateFields = (fields: Field[], path = ''): { field: Field & { type: 'date' }; path: string }[] =>
  fields.flatMap((field) => {
    const here = 'name' in field && field.name ? `${path}${field.name}` : path
    if (field.type === 'date') return [{ field, path: here }]
    // not shown anywhere in the admin (Payload's own login sessions)
    if (('hidden' in field && field.hidden) || (field.admin as { disabled?: boolean } | undefined)?.disabled) return []
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => dateFields(tab.fields, `${here}.`))
    if (field.type === 'blocks') return field.blocks.flatMap((block) => dateFields(block.fields, `${here}.`))
    if ('fields' in field && Array.isArray(field.fields)) return dateFields(field.fields, here ? `${here}.` : '')
    return []
  })

it('every collection is in one of the shared navigation groups, and each group is used', () => {
  const groups = Object.values(ADMIN_GROUPS) as string[]
  expect(ours().filter((c) => !groups.includes(c.admin.group as string)).map((c) => c.slug)).toEqual([])
  expect(groups.filter((group) => !ours().some((c) => c.admin.group === group))).toEqual([])
  // the navigation lists groups in the order of ADMIN_GROUPS
  const order = [...new Set(ours().map((c) => c.admin.group))]
  expect(order).toEqual(groups)
})

it('every collection has a title field and list columns that exist', () => {
  const problems: string[] = []
  for (const collection of ours()) {
    const names = flattenTopLevelFields(collection.fields).flatMap((f) => ('name' in f ? [f.name] : []))
    const { defaultColumns, useAsTitle } = collection.admin
    if (!useAsTitle || useAsTitle === 'id') problems.push(`${collection.slug}: no useAsTitle`)
    else if (!names.includes(useAsTitle)) problems.push(`${collection.slug}: useAsTitle ${useAsTitle} is no field`)
    if (!defaultColumns?.length) problems.push(`${collection.slug}: no defaultColumns`)
    for (const column of defaultColumns ?? []) {
      if (!names.includes(column)) problems.push(`${collection.slug}: column ${column} is no field`)
    }
    for (const field of collection.fields) {
      if (field.type !== 'join') continue
      for (const column of field.admin?.defaultColumns ?? []) {
        const joined = config.collections.find((c) => c.slug === field.collection)!
        if (!flattenTopLevelFields(joined.fields).some((f) => 'name' in f && f.name === column)) {
          problems.push(`${collection.slug}.${field.name}: column ${column} is no field of ${joined.slug}`)
        }
      }
    }
  }
  expect(problems).toEqual([])
})

it('pages list title, path, published and updated; a release lists its files without repeating the release', () => {
  const pages = config.collections.find((c) => c.slug === 'pages')!
  expect(pages.admin.defaultColumns).toEqual(['title', 'path', 'isPublished', 'updatedAt'])
  const files = config.collections.find((c) => c.slug === 'releases')!.fields.find((f) => 'name' in f && f.name === 'files')
  expect((files as { admin: { defaultColumns: string[] } }).admin.defaultColumns).not.toContain('release')
})

it('every date field shows its year, in lists and in its picker', () => {
  const missing: string[] = []
  for (const collection of ours()) {
    for (const { field, path } of dateFields(collection.fields)) {
      const format = field.admin?.date?.displayFormat
      const appearance = field.admin?.date?.pickerAppearance ?? 'default'
      if (['timeOnly', 'monthOnly'].includes(appearance) || field.admin?.hidden || field.hidden) continue
      // Payload's own timestamps show in the root dateFormat (checked below)
      if (['createdAt', 'updatedAt'].includes(path)) continue
      if (!format || !/yyyy/.test(format)) missing.push(`${collection.slug}.${path} (${format ?? 'none'})`)
    }
  }
  expect(missing).toEqual([])
  expect(config.admin.dateFormat).toBe(ADMIN_DATE_TIME_FORMAT)
  const release = config.collections.find((c) => c.slug === 'releases')!
  const releaseDate = dateFields(release.fields).find((d) => d.path === 'releaseDate')!
  expect(releaseDate.field.admin?.date?.displayFormat).toBe(ADMIN_DATE_FORMAT)
})

it("shows python.org's name, logo and favicon, and no outside avatar service", () => {
  expect(config.admin.avatar).toBe('default')
  expect(config.admin.components.graphics.Logo).toBe('/src/platform/admin/Logo#Logo')
  expect(config.admin.components.graphics.Icon).toBe('/src/platform/admin/Icon#Icon')
  const icons = config.admin.meta.icons as { url: string }[]
  expect(icons[0]!.url).toMatch(/^data:image\/svg\+xml,/)
  expect(decodeURIComponent(icons[0]!.url)).toContain('#3776ab')
  expect(config.admin.meta.titleSuffix).toMatch(/python\.org/)
  expect(config.admin.components.beforeDashboard).toEqual(['/src/platform/admin/WaitingWork#WaitingWork'])
})

it('stamps render as read-only lines; the four history collections keep versions without drafts', () => {
  const pages = config.collections.find((c) => c.slug === 'pages')!
  for (const name of ['creator', 'lastModifiedBy', 'created', 'updated']) {
    const field = pages.fields.find((f) => 'name' in f && f.name === name) as { admin: { components: { Field: string } } }
    expect([name, field.admin.components.Field]).toEqual([name, '/src/platform/admin/ReadOnlyField#ReadOnlyField'])
  }
  const versioned = config.collections.filter((c) => c.versions).map((c) => c.slug)
  expect(versioned.sort()).toEqual(['code-samples', 'minutes', 'pages', 'success-stories'])
  for (const slug of versioned) {
    const collection = config.collections.find((c) => c.slug === slug)!
    expect(collection.versions).toMatchObject({ drafts: false, maxPerDoc: HISTORY_MAX_VERSIONS })
  }
})

it('join tables show on saved documents only; the python.org id is a read-only line', () => {
  const joins = ours().flatMap((collection) =>
    collection.fields.filter((f) => f.type === 'join').map((f) => ({ field: f, slug: collection.slug })),
  )
  expect(joins.length).toBeGreaterThan(5)
  for (const { field, slug } of joins) {
    const condition = field.admin?.condition as ((data: unknown, sibling: unknown, ctx: unknown) => boolean) | undefined
    expect([slug, field.name, typeof condition]).toEqual([slug, field.name, 'function'])
    expect(condition!({}, {}, {})).toBe(false)
    expect(condition!({ id: 'a-saved-document' }, {}, {})).toBe(true)
  }
  const legacyId = config.collections.find((c) => c.slug === 'pages')!.fields.find((f) => 'name' in f && f.name === 'legacyId')
  expect((legacyId as { admin: { components: { Field: string } } }).admin.components.Field).toBe(
    '/src/platform/admin/ReadOnlyField#ReadOnlyField',
  )
})

it('read-only values are lines of text (in read-only groups too); boxes of text keep their box', () => {
  const READ_ONLY = '/src/platform/admin/ReadOnlyField#ReadOnlyField'
  const fieldAt = (slug: string, path: string[]) => {
    let fields = config.collections.find((c) => c.slug === slug)!.fields
    let found: Field | undefined
    for (const name of path) {
      found = flattenTopLevelFields(fields).find((f) => 'name' in f && f.name === name) as Field
      fields = 'fields' in found! ? (found as { fields: Field[] }).fields : []
    }
    return found as { admin?: { components?: { Field?: unknown } } }
  }
  expect(fieldAt('sponsorships', ['approvedOn']).admin?.components?.Field).toBe(READ_ONLY)
  expect(fieldAt('releases', ['versionNumber']).admin?.components?.Field).toBe(READ_ONLY)
  expect(fieldAt('events', ['nextOccurrence', 'start']).admin?.components?.Field).toBe(READ_ONLY)
  expect(fieldAt('pages', ['contentHtml']).admin?.components?.Field).toBeUndefined()
  // an editable field is left alone
  expect(fieldAt('pages', ['title']).admin?.components?.Field).toBeUndefined()
})

it('checkboxes show as yes or a dash in lists', () => {
  const published = config.collections
    .find((c) => c.slug === 'pages')!
    .fields.find((f) => 'name' in f && f.name === 'isPublished') as { admin: { components: { Cell: string } } }
  expect(published.admin.components.Cell).toBe('/src/platform/admin/YesNoCell#YesNoCell')
})
