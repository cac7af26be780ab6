import type { SeedResult } from './seed'

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width))

/** The run as a table: per collection, rows created and rows skipped (and deleted or kept by --reset). */
export const formatSummary = (result: SeedResult): string[] => {
  const collections = [...new Set([...Object.keys(result.reset ?? {}), ...Object.keys(result.summary)])].sort()
  const reset = Boolean(result.reset)
  const header = ['collection', 'created', 'skipped', ...(reset ? ['deleted', 'kept'] : [])]
  const rows = collections.map((collection) => {
    const counts = result.summary[collection] ?? { created: 0, skipped: 0 }
    const cleared = result.reset?.[collection] ?? { deleted: 0, kept: 0 }
    return [
      collection,
      String(counts.created),
      String(counts.skipped),
      ...(reset ? [String(cleared.deleted), String(cleared.kept)] : []),
    ]
  })
  const sum = (index: number) => String(rows.reduce((total, row) => total + Number(row[index]), 0))
  const total = ['total', sum(1), sum(2), ...(reset ? [sum(3), sum(4)] : [])]
  const widths = header.map((_, index) => Math.max(...[header, ...rows, total].map((row) => row[index]!.length)))
  const line = (row: string[]) => row.map((cell, index) => pad(cell, widths[index]!, index > 0)).join('  ')
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    line(total),
    `scale ${result.scale}, ${result.seconds.toFixed(1)} s`,
  ]
}
