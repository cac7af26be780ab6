/**
 * Which iCalendar recurrences stay recurring rules on import and which are
 * expanded into single occurrences (read by ical.js, no database needed):
 * the model holds FREQ with INTERVAL, UNTIL or COUNT, weekly BYDAY, monthly
 * BYMONTHDAY or "nth weekday"; everything else is expanded, never dropped.
 */
import { parseIcs } from '../../src/events/icsParse'

const feed = (rrule: string, extra = '', start = 'DTSTART;TZID=Europe/Berlin:20260302T180000') =>
  `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:rule@example.org
DTSTAMP:20260101T000000Z
${start}
DURATION:PT1H
${rrule}
${extra}
SUMMARY:Rule
END:VEVENT
END:VCALENDAR
`.replace(/\n\n/g, '\n')

const parse = (text: string) =>
  parseIcs(text, { calendarZone: 'UTC', horizon: new Date('2027-01-01T00:00:00Z'), maxExpanded: 1000 })

describe('kept as a rule', () => {
  it.each([
    [
      'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260601T000000Z',
      { byWeekday: ['MO', 'WE'], finish: '2026-06-01T00:00:00.000Z', frequency: 'WEEKLY' },
    ],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=6', { count: 6, frequency: 'WEEKLY', interval: 2 }],
    ['RRULE:FREQ=MONTHLY;BYMONTHDAY=2', { byMonthDay: 2, frequency: 'MONTHLY' }],
    ['RRULE:FREQ=MONTHLY;BYDAY=1MO', { byWeekday: ['MO'], frequency: 'MONTHLY', weekOfMonth: 1 }],
    ['RRULE:FREQ=DAILY;COUNT=3', { count: 3, frequency: 'DAILY' }],
    ['RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2', { frequency: 'YEARLY' }],
  ])('%s', (rrule, expected) => {
    const { events, problems } = parse(feed(rrule))
    expect(problems).toEqual([])
    expect(events[0]!.occurrences).toEqual([])
    expect(events[0]!.rules).toEqual([
      expect.objectContaining({ begin: '2026-03-02T17:00:00.000Z', duration: 60, ...expected }),
    ])
    expect(events[0]!.timeZone).toBe('Europe/Berlin')
  })

  it('the last Friday of the month (BYDAY=-1FR)', () => {
    const { events } = parse(feed('RRULE:FREQ=MONTHLY;BYDAY=-1FR', '', 'DTSTART;TZID=Europe/Berlin:20260327T180000'))
    expect(events[0]!.rules[0]).toMatchObject({ byWeekday: ['FR'], weekOfMonth: -1 })
  })
})

describe('expanded into single occurrences', () => {
  it.each([
    ['EXDATE', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;TZID=Europe/Berlin:20260309T180000', 3],
    ['RDATE', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE;TZID=Europe/Berlin:20260320T180000', 3],
    ['BYSETPOS', 'RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', '', 3],
    ['BYMONTH on a monthly rule', 'RRULE:FREQ=MONTHLY;COUNT=2;BYMONTH=3,4', '', 2],
    ['HOURLY', 'RRULE:FREQ=HOURLY;COUNT=5', '', 5],
  ])('%s', (_name, rrule, extra, expected) => {
    const { events, problems } = parse(feed(rrule, extra))
    expect(problems).toEqual([])
    expect(events[0]!.rules).toEqual([])
    expect(events[0]!.expanded).toBe(true)
    expect(events[0]!.occurrences).toHaveLength(expected)
  })

  it('an endless one up to the horizon, reported as truncated', () => {
    const { events } = parse(feed('RRULE:FREQ=DAILY', 'EXDATE;TZID=Europe/Berlin:20260303T180000'))
    expect(events[0]!.truncated).toBe(true)
    const last = events[0]!.occurrences.at(-1)!
    expect(new Date(last.dtStart) <= new Date('2027-01-01T00:00:00Z')).toBe(true)
    expect(events[0]!.occurrences.some((row) => row.dtStart.startsWith('2026-03-03'))).toBe(false)
  })

  it('a DTSTART off its own pattern (undefined in RFC 5545): as ical.js reads it, explicitly', () => {
    // Monday 2 March, repeating on Wednesdays
    const { events } = parse(feed('RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=3'))
    expect(events[0]!.rules).toEqual([])
    expect(events[0]!.occurrences.map((row) => row.dtStart)).toEqual([
      '2026-03-04T17:00:00.000Z',
      '2026-03-11T17:00:00.000Z',
      '2026-03-18T17:00:00.000Z',
    ])
  })
})
