import type { TextField } from 'payload'

import { deepMerge } from './deepMerge'
import { exceedsMaxLength } from './maxLength'
import { strictOrPythondotorg } from './pythondotorgRules'
import { serverDefaulted } from './serverDefaulted'
import { DJANGO_SLUG_PATTERN, SLUG_PATTERN, slugify } from './slugify'

const slugRule =
  (pattern: RegExp, rule: string) =>
  (value: null | string | undefined, { maxLength }: { maxLength?: number } = {}): string | true => {
    if (!value) return 'slug is required (or give a name to generate it from)'
    const tooLong = exceedsMaxLength('slug', value, maxLength)
    if (tooLong) return tooLong
    if (!pattern.test(value)) return `slug may contain only ${rule}`
    return true
  }

type SlugOptions = {
  /** the field the slug is generated from when left empty */
  from?: string
  overrides?: Partial<TextField>
}

/**
 * A unique, indexed, URL-safe slug. Left empty, it is generated from `from`
 * (name or title); a clash is answered by the unique index as a validation
 * error on `slug`.
 */
export const slugField = ({ from = 'name', overrides = {} }: SlugOptions = {}): TextField =>
  deepMerge<TextField>(
    {
      name: 'slug',
      type: 'text',
      access: serverDefaulted,
      admin: {
        description: `Generated from ${from} when left empty.`,
        position: 'sidebar',
      },
      hooks: {
        beforeValidate: [
          ({ data, value }) => {
            if (typeof value === 'string' && value.trim()) return value.trim()
            const source = data?.[from]
            return typeof source === 'string' && source.trim() ? slugify(source) : value
          },
        ],
      },
      index: true,
      maxLength: 200,
      required: true,
      unique: true,
      // python.org's API writes (and keeps) Django slugs: "3141-Windows-installer-64-bit"
      validate: strictOrPythondotorg(
        slugRule(SLUG_PATTERN, 'lowercase letters, digits and single hyphens'),
        slugRule(DJANGO_SLUG_PATTERN, 'letters, digits, underscores and hyphens'),
      ),
    },
    overrides,
  )
