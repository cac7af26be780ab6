/**
 * IANA time zones: validation, and the conversion between an instant and the
 * wall-clock time of a zone that recurrence needs (a weekly 18:00 in
 * Europe/Berlin is 18:00 local on both sides of a daylight-saving change).
 *
 * Offsets come from `@date-fns/tz` (the platform's Intl time zone data). The
 * few lines turning a wall-clock time back into an instant are ours because
 * they follow RFC 5545 (3.3.5) for the two awkward cases, which libraries
 * resolve differently: a time inside a spring-forward gap is read with the
 * offset from before the gap (02:30 becomes 03:30 local), and a time that
 * occurs twice when clocks go back is the first of the two.
 */
import { tzOffset } from '@date-fns/tz'

const MINUTE = 60_000
const DAY = 86_400_000

/** Offsets like "+01:00" name no place and have no daylight-saving rules: not a zone an event can be in. */
const OFFSET_NAME = /^[+-]\d/

const zoneCache = new Map<string, null | string>()

/**
 * The zone's canonical spelling ("europe/berlin" -> "Europe/Berlin"), or
 * null when the platform does not know it as an IANA zone.
 */
export const canonicalTimeZone = (value: string): null | string => {
  if (zoneCache.has(value)) return zoneCache.get(value)!
  let result: null | string = null
  if (value && value.length <= 64 && !OFFSET_NAME.test(value)) {
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone
      // Intl resolves aliases to other spellings (Asia/Kolkata -> Asia/Calcutta on some ICU builds): keep the
      // name given unless only its case differs
      result = resolved.toLowerCase() === value.toLowerCase() ? resolved : value
    } catch {
      result = null
    }
  }
  zoneCache.set(value, result)
  return result
}

export const isTimeZone = (value: unknown): value is string =>
  typeof value === 'string' && canonicalTimeZone(value) !== null

/** Field validation: empty, or an IANA zone name (refusals name the field). */
export const timeZoneValidator =
  (field: string) =>
  (value: null | string | undefined): string | true => {
    if (value === null || value === undefined || value === '') return true
    if (typeof value !== 'string') return `${field} must be a string`
    return isTimeZone(value)
      ? true
      : `${field} must be an IANA time zone name such as "Europe/Berlin" (got "${String(value).slice(0, 64)}")`
  }

/** The zone's offset from UTC at `instant`, in minutes. */
export const offsetMinutes = (zone: string, instant: Date): number => (zone === 'UTC' ? 0 : tzOffset(zone, instant))

/**
 * "Floating" time: a Date whose UTC fields are the wall-clock fields in
 * `zone`. Recurrence rules are expanded on floating times (no DST inside),
 * then each result is turned back into an instant.
 */
export const toFloating = (instant: Date, zone: string): Date =>
  new Date(instant.getTime() + offsetMinutes(zone, instant) * MINUTE)

/** The instant at which the wall clock in `zone` shows `floating`'s UTC fields. */
export const fromFloating = (floating: Date, zone: string): Date => {
  const wall = floating.getTime()
  if (zone === 'UTC') return new Date(wall)
  const before = offsetMinutes(zone, new Date(wall - DAY))
  const after = offsetMinutes(zone, new Date(wall + DAY))
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => toFloating(new Date(instant), zone).getTime() === wall)
    .sort((a, b) => a - b)
  // twice (clocks went back): the first; never (a spring-forward gap): with the offset before the gap
  return new Date(candidates[0] ?? wall - before * MINUTE)
}
