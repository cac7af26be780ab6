import type { DateField, FieldHook } from 'payload'

import { deepMerge } from './deepMerge'

/** A calendar date as stored: midnight UTC of that day. */
export const toDateOnly = (value: Date | string): string => {
  const date = new Date(value)
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())).toISOString()
}

/** The calendar date of a value, or null when it is not a date at all. */
export const parseDay = (value: unknown): null | string => {
  if (value === null || value === undefined || value === '') return null
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? null : toDateOnly(date)
}

const normalize: FieldHook = ({ value }) => {
  if (value === null || value === undefined || value === '') return value === '' ? null : value
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? value : toDateOnly(date)
}

/**
 * A date without a time of day (a sponsorship's start, the day it was
 * approved...). Stored as midnight UTC of the calendar day, whatever time
 * the client sent (the admin's day picker sends noon UTC), so "today within
 * the period" compares days with the clock's start of today.
 */
export const dateOnlyField = (name: string, overrides: Partial<DateField> = {}): DateField =>
  deepMerge<DateField>(
    {
      name,
      type: 'date',
      admin: { date: { displayFormat: 'yyyy-MM-dd', pickerAppearance: 'dayOnly' } },
      hooks: { beforeChange: [normalize] },
    },
    overrides,
  )
