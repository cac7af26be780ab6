/** The import summary as the command prints it. */
import type { ImportSummary } from './importer'

export const formatSummary = (summary: ImportSummary): string => {
  const lines: string[] = ['', 'Files:']
  for (const file of summary.files) {
    const together = file.together.length ? ` (with ${file.together.join(', ')})` : ''
    if (file.status === 'imported') lines.push(`  ${file.file}: imported, ${file.rows} rows${together}`)
    else {
      const at =
        file.error?.index === undefined
          ? ''
          : ` at row ${file.error.index}${file.error.model ? ` (${file.error.model} ${String(file.error.pk)})` : ''}`
      lines.push(`  ${file.file}: NOT IMPORTED${at}: ${file.error?.message ?? ''}${together}`)
    }
  }
  const collections = Object.entries(summary.collections).sort(([a], [b]) => a.localeCompare(b))
  if (collections.length) {
    lines.push('', 'Collections (created / updated / unchanged):')
    for (const [name, counts] of collections) {
      lines.push(`  ${name}: ${counts.created} / ${counts.updated} / ${counts.unchanged}`)
    }
  }
  const unknown = Object.entries(summary.unknownModels).sort(([a], [b]) => a.localeCompare(b))
  if (unknown.length) {
    lines.push('', 'Models with no equivalent here (not imported):')
    for (const [model, rows] of unknown) lines.push(`  ${model}: ${rows} rows`)
  }
  const readInto = Object.entries(summary.readInto)
  if (readInto.length) {
    lines.push('', 'Models read into other documents:')
    for (const [model, rows] of readInto) lines.push(`  ${model}: ${rows} rows`)
  }
  if (summary.notImported.length) {
    lines.push('', `Rows not imported (${summary.notImported.length}):`)
    for (const row of summary.notImported.slice(0, 200)) {
      lines.push(`  ${row.file} row ${row.index} (${row.model} ${String(row.pk)}): ${row.why}`)
    }
    if (summary.notImported.length > 200) lines.push(`  ... and ${summary.notImported.length - 200} more`)
  }
  if (summary.skipped.length) {
    lines.push('', 'Fields not carried across:')
    for (const skip of summary.skipped) {
      lines.push(
        `  ${skip.model}.${skip.field}: ${skip.why} (${skip.count} row${skip.count === 1 ? '' : 's'}, e.g. ${skip.examples.map(String).join(', ')})`,
      )
    }
  }
  if (summary.renumbered.length) {
    lines.push('', 'Documents created here that held a python.org id, renumbered:')
    for (const move of summary.renumbered) lines.push(`  ${move.collection}: legacyId ${move.from} -> ${move.to}`)
  }
  return `${lines.join('\n')}\n`
}
