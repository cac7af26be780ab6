/**
 * python.org's PSF work groups (apps/work_groups/models.py) for the Django
 * dump importer (src/platform/djangoImport.ts): work_groups.workgroup ->
 * work-groups. The purpose is kept; python.org's charter sections (active
 * time, core values, rules, communication, support), its approval flag and
 * its member lists have no field here and are named in the summary.
 */
import type { ModelMapper } from '../platform/djangoImport'
import { bool, CONTENT_MANAGEABLE, fit, markupField, stamps, str, text } from '../platform/djangoValues'

const CHARTER = ['short_description', 'active_time', 'core_values', 'rules', 'communication', 'support'] as const

export const workGroupMapper: ModelMapper = {
  collection: 'work-groups',
  dependsOn: ['users.user'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'name',
    'slug',
    'active',
    'approved',
    'short_description',
    ...['purpose', 'active_time', 'core_values', 'rules', 'communication', 'support'].flatMap(markupField),
    'url',
    'organizers',
    'members',
  ],
  model: 'work_groups.workgroup',
  toData: async (row, context) => {
    const { fields } = row
    for (const field of CHARTER)
      if (text(fields[field])) context.skip(row, field, 'work groups here keep their purpose only')
    for (const field of ['organizers', 'members'] as const) {
      if (Array.isArray(fields[field]) && fields[field].length)
        context.skip(row, field, 'group members are not kept here')
    }
    if (fields.approved === false) context.skip(row, 'approved', 'no approval flag here: an active group is public')
    const { createdAt, creator } = await stamps(fields, context, { lastModified: false })
    return {
      active: bool(fields.active, true),
      ...(createdAt ? { createdAt } : {}),
      creator,
      name: fit(row, 'name', str(fields.name), 200, context),
      purpose: fit(row, 'purpose', str(fields.purpose), 5000, context),
      slug: str(fields.slug),
      url: text(fields.url),
    }
  },
}

export const workGroupMappers: ModelMapper[] = [workGroupMapper]
