/**
 * `status` is not a column: a query on it (REST `?where[status][equals]=...`,
 * GraphQL `where: { status: ... }`, a count, the admin list's filter, a
 * relationship path such as `election.status` from nominees) is rewritten
 * into conditions on the four dates with the clock's now as the value, before
 * Payload validates and runs it. The database then filters, sorts and counts
 * as with any other condition; nothing is fetched to be filtered in memory.
 */
import { APIError, type Where } from 'payload'

import { now } from '../platform/clock'
import { ELECTION_STATUSES, type ElectionStatus, statusIs } from './status'

const SUPPORTED = ['equals', 'not_equals', 'in', 'not_in', 'exists'] as const

const everything: Where = { id: { exists: true } }
const nothing: Where = { id: { exists: false } }

const refuse = (path: string, rule: string): never => {
  throw new APIError(`where: ${path}: ${rule}`, 400, undefined, true)
}

const statusesOf = (path: string, value: unknown): ElectionStatus[] => {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
  return list.map((item) => {
    const text = typeof item === 'string' ? item.trim() : item
    if (typeof text === 'string' && (ELECTION_STATUSES as readonly string[]).includes(text)) {
      return text as ElectionStatus
    }
    return refuse(path, `"${String(item)}" is not an election status; expected one of ${ELECTION_STATUSES.join(', ')}`)
  })
}

const anyOf = (statuses: ElectionStatus[], prefix: string, at: Date): Where => {
  const unique = [...new Set(statuses)]
  if (!unique.length) return nothing
  if (unique.length === ELECTION_STATUSES.length) return everything
  const conditions = unique.map((status) => statusIs(status, prefix, at))
  return conditions.length === 1 ? conditions[0]! : { or: conditions }
}

const others = (statuses: ElectionStatus[]) => ELECTION_STATUSES.filter((status) => !statuses.includes(status))

const conditionFor = (path: string, constraint: unknown, prefix: string, at: Date): Where => {
  if (!constraint || typeof constraint !== 'object' || Array.isArray(constraint)) {
    return refuse(path, 'expected an operator, e.g. [equals]=NOMINATIONS_OPEN')
  }
  const parts = Object.entries(constraint as Record<string, unknown>).map(([operator, value]): Where => {
    switch (operator as (typeof SUPPORTED)[number]) {
      case 'equals':
        return anyOf(statusesOf(path, value), prefix, at)
      case 'not_equals':
        return anyOf(others(statusesOf(path, value)), prefix, at)
      case 'in':
        return anyOf(statusesOf(path, value), prefix, at)
      case 'not_in':
        return anyOf(others(statusesOf(path, value)), prefix, at)
      case 'exists': {
        // every election has a status (its dates are required)
        const exists = value === true || value === 'true'
        if (!exists && value !== false && value !== 'false') return refuse(path, 'exists takes true or false')
        return exists ? everything : nothing
      }
      default:
        return refuse(path, `the operator "${operator}" does not apply to a status; use ${SUPPORTED.join(', ')}`)
    }
  })
  return parts.length === 1 ? parts[0]! : { and: parts }
}

/**
 * Rewrites every condition on a status path (`paths` maps e.g. `status` or
 * `election.status` to the prefix of the date fields it stands for), at any
 * depth of `and`/`or` (REST's lowercase, GraphQL's AND/OR), leaving the rest
 * of the query as it was.
 */
export const rewriteStatusWhere = (where: Where, paths: Record<string, string>, at: Date = now()): Where => {
  const rest: Where = {}
  const rewritten: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    const lower = key.toLowerCase()
    if ((lower === 'and' || lower === 'or') && Array.isArray(value)) {
      rest[key] = value.map((item) =>
        item && typeof item === 'object' ? rewriteStatusWhere(item as Where, paths, at) : item,
      ) as Where[]
      continue
    }
    // GraphQL and REST also accept `election__status` for `election.status`
    const path = key.replace(/__/g, '.')
    const prefix = paths[path]
    if (prefix === undefined) {
      rest[key] = value
      continue
    }
    rewritten.push(conditionFor(path, value, prefix, at))
  }
  if (!rewritten.length) return rest
  return Object.keys(rest).length
    ? { and: [rest, ...rewritten] }
    : rewritten.length === 1
      ? rewritten[0]!
      : { and: rewritten }
}

/** True when `where` mentions one of `paths` anywhere (cheap test before copying a query). */
export const mentionsStatus = (where: unknown, paths: Record<string, string>): boolean => {
  if (!where || typeof where !== 'object') return false
  if (Array.isArray(where)) return where.some((item) => mentionsStatus(item, paths))
  return Object.entries(where as Record<string, unknown>).some(
    ([key, value]) =>
      key.replace(/__/g, '.') in paths || (['and', 'or'].includes(key.toLowerCase()) && mentionsStatus(value, paths)),
  )
}
