import type { TaskConfig } from 'payload'

import { importAllCalendars, importCalendar } from './icsImport'

type ImportAllOutput = { calendars: number; created: number; failed: number; unpublished: number; updated: number }

/**
 * Imports every calendar that has an ICS URL, hourly. A broken feed is
 * recorded on its calendar and never fails the task.
 */
export const importCalendarsTask: TaskConfig<{ input: Record<string, never>; output: ImportAllOutput }> = {
  slug: 'importCalendars',
  handler: async ({ req }) => {
    const reports = await importAllCalendars(req.payload)
    const output: ImportAllOutput = { calendars: reports.length, created: 0, failed: 0, unpublished: 0, updated: 0 }
    for (const report of reports) {
      output.created += report.created
      output.updated += report.updated + report.republished
      output.unpublished += report.unpublished
      output.failed += report.ok ? report.failed : 1
    }
    req.payload.logger.info({ msg: 'calendars imported', ...output })
    return { output }
  },
  inputSchema: [],
  label: 'Import every calendar’s ICS feed',
  retries: 1,
  schedule: [{ cron: '0 15 * * * *', queue: 'default' }],
}

type ImportOneOutput = {
  created: number
  error: string
  failed: number
  ok: boolean
  unpublished: number
  updated: number
}

/** Imports one calendar now (queued by code or by staff). */
export const importCalendarTask: TaskConfig<{ input: { calendar: string }; output: ImportOneOutput }> = {
  slug: 'importCalendar',
  handler: async ({ input, req }) => {
    const report = await importCalendar(req.payload, input.calendar)
    return {
      output: {
        created: report.created,
        error: report.error ?? '',
        failed: report.failed,
        ok: report.ok,
        unpublished: report.unpublished,
        updated: report.updated + report.republished,
      },
    }
  },
  inputSchema: [{ name: 'calendar', type: 'text', required: true }],
  label: 'Import one calendar’s ICS feed',
  retries: 0,
}
