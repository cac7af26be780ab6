/**
 * The demo site's calendars and events. Events happen relative to the day
 * the seed runs (upcoming ones must be upcoming), on the clocks of several
 * time zones: a calendar's, a venue's, or an event's own.
 */
import type { Frequency, Weekday } from '../../src/events/recurrence'
import { fromFloating } from '../../src/events/timeZones'

const DAY = 86_400_000

export const CALENDARS = [
  {
    categories: ['Conferences', 'Sprints', 'Workshops'],
    description: 'Python conferences, sprints and workshops around the world',
    name: 'Python Events',
    slug: 'python-events',
    timeZone: 'UTC',
  },
  {
    categories: ['Meetups', 'Study groups'],
    description: 'Meetings of local Python user groups',
    name: 'Python User Group Events',
    slug: 'python-user-group-events',
    timeZone: 'Europe/Berlin',
  },
  {
    categories: ['Board meetings', 'Member meetings', 'Office hours'],
    description: 'Meetings of the Python Software Foundation',
    name: 'PSF Events',
    slug: 'psf-events',
    timeZone: 'America/New_York',
  },
] as const

export type CalendarSlug = (typeof CALENDARS)[number]['slug']

export const VENUES = [
  {
    address: '1000 Fort Duquesne Blvd, Pittsburgh, PA',
    calendar: 'python-events',
    name: 'Pittsburgh Convention Center',
    timeZone: 'America/New_York',
  },
  {
    address: '5. května 65, Prague',
    calendar: 'python-events',
    name: 'Prague Congress Centre',
    timeZone: 'Europe/Prague',
  },
  {
    address: '3-5-1 Marunouchi, Tokyo',
    calendar: 'python-events',
    name: 'Tokyo International Forum',
    timeZone: 'Asia/Tokyo',
  },
  {
    address: '66 Goulburn St, Sydney',
    calendar: 'python-events',
    name: 'Sydney Conference Hall',
    timeZone: 'Australia/Sydney',
  },
  {
    address: 'Av. Rebouças 600, São Paulo',
    calendar: 'python-events',
    name: 'Centro de Convenções Rebouças',
    timeZone: 'America/Sao_Paulo',
  },
  {
    address: 'Ngong Road, Nairobi',
    calendar: 'python-events',
    name: 'Nairobi Innovation Hub',
    timeZone: 'Africa/Nairobi',
  },
  {
    address: 'Rungestraße 20, Berlin',
    calendar: 'python-user-group-events',
    name: 'Berlin Tech Hub',
    timeZone: 'Europe/Berlin',
  },
  { address: '', calendar: null, name: 'Online', timeZone: null },
] as const

export type OccurrenceSpec = { allDay: boolean; dtEnd: string; dtStart: string }

export type RuleSpec = {
  allDay?: boolean
  begin: string
  byMonthDay?: number
  byWeekday?: Weekday[]
  count?: number
  duration: number
  finish?: string
  frequency: Frequency
  interval?: number
  weekOfMonth?: number
}

export type EventSpec = {
  calendar: CalendarSlug
  categories: string[]
  description: string
  featured?: boolean
  occurrences: OccurrenceSpec[]
  published: boolean
  rules: RuleSpec[]
  slug: string
  /** the member who submitted it (default: staff created it) */
  submittedBy?: string
  /** the event's own clock, when it keeps another than its venue and calendar */
  timeZone?: string
  title: string
  venue: string
}

const midnight = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))

/** The instant `hh:mm` shows on the clocks of `zone` on the day `day` (UTC midnight of that date). */
const at = (day: Date, hh: number, mm: number, zone: string) =>
  fromFloating(new Date(day.getTime() + (hh * 60 + mm) * 60_000), zone)

/** The first date on or after `from` that is a `weekday` (0 Sunday ... 6 Saturday). */
const nextWeekday = (from: Date, weekday: number) =>
  new Date(from.getTime() + ((weekday - from.getUTCDay() + 7) % 7) * DAY)

/** The `n`th `weekday` of the month of `date`. */
const nthWeekday = (date: Date, weekday: number, n: number) =>
  new Date(
    nextWeekday(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)), weekday).getTime() +
      (n - 1) * 7 * DAY,
  )

const allDays = (start: Date, days: number): OccurrenceSpec => ({
  allDay: true,
  // an all-day occurrence's end is its last day
  dtEnd: new Date(start.getTime() + (days - 1) * DAY).toISOString(),
  dtStart: start.toISOString(),
})

const timed = (start: Date, minutes: number): OccurrenceSpec => ({
  allDay: false,
  dtEnd: new Date(start.getTime() + minutes * 60_000).toISOString(),
  dtStart: start.toISOString(),
})

const about = (what: string, where: string) => `${what}

Join us ${where}. Everyone is welcome: the \`Python Software Foundation Code of Conduct
<https://policies.python.org/python.org/code-of-conduct/>\`_ applies to all participants.
`

/** The events, relative to `now` (the seed's clock). */
export const demoEvents = (now: Date): EventSpec[] => {
  const today = midnight(now)
  const day = (offset: number) => new Date(today.getTime() + offset * DAY)
  const berlinMeetupBegin = nthWeekday(day(-400), 2, 2)
  const studyGroupBegin = nextWeekday(day(-60), 3)
  const boardBegin = nthWeekday(day(-200), 3, 2)
  const officeHoursBegin = nextWeekday(day(-30), 2)
  return [
    {
      calendar: 'python-events',
      categories: ['Conferences'],
      description: about(
        'The largest annual gathering of the Python community: tutorials, talks, sprints.',
        'in Pittsburgh',
      ),
      featured: true,
      occurrences: [allDays(day(160), 5)],
      published: true,
      rules: [],
      slug: 'pycon-us',
      title: 'PyCon US',
      venue: 'Pittsburgh Convention Center',
    },
    {
      calendar: 'python-events',
      categories: ['Conferences', 'Sprints'],
      description: about('Europe\u2019s Python conference: three days of talks, two of sprints.', 'in Prague'),
      featured: true,
      occurrences: [allDays(day(220), 5)],
      published: true,
      rules: [],
      slug: 'europython',
      title: 'EuroPython',
      venue: 'Prague Congress Centre',
    },
    {
      calendar: 'python-events',
      categories: ['Conferences'],
      description: about('The Python conference of Japan.', 'in Tokyo'),
      occurrences: [allDays(day(45), 2)],
      published: true,
      rules: [],
      slug: 'pycon-jp',
      title: 'PyCon JP',
      venue: 'Tokyo International Forum',
    },
    {
      calendar: 'python-events',
      categories: ['Conferences'],
      description: about('Australia\u2019s Python conference.', 'in Sydney'),
      occurrences: [allDays(day(-60), 3)],
      published: true,
      rules: [],
      slug: 'pycon-au',
      title: 'PyCon AU',
      venue: 'Sydney Conference Hall',
    },
    {
      calendar: 'python-events',
      categories: ['Conferences'],
      description: about('The Brazilian Python community\u2019s conference.', 'in São Paulo'),
      occurrences: [allDays(day(20), 3)],
      published: true,
      rules: [],
      slug: 'python-brasil',
      title: 'Python Brasil',
      venue: 'Centro de Convenções Rebouças',
    },
    {
      calendar: 'python-events',
      categories: ['Conferences'],
      description: about('The pan-African Python conference.', 'in Nairobi'),
      occurrences: [allDays(day(-200), 4)],
      published: true,
      rules: [],
      slug: 'pycon-africa',
      title: 'PyCon Africa',
      venue: 'Nairobi Innovation Hub',
    },
    {
      calendar: 'python-events',
      categories: ['Sprints'],
      description: about('Two evenings of remote sprinting on Django, hosted from the US west coast.', 'online'),
      occurrences: [
        timed(at(day(10), 17, 0, 'America/Los_Angeles'), 240),
        timed(at(day(11), 17, 0, 'America/Los_Angeles'), 240),
      ],
      published: true,
      rules: [],
      slug: 'django-sprint-weekend',
      timeZone: 'America/Los_Angeles',
      title: 'Django Sprint Weekend',
      venue: 'Online',
    },
    {
      calendar: 'python-events',
      categories: ['Workshops'],
      description: about('A one-day workshop for people who have never programmed.', 'in Berlin'),
      occurrences: [timed(at(day(5), 10, 0, 'Europe/Berlin'), 360)],
      published: true,
      rules: [],
      slug: 'intro-to-python-workshop',
      title: 'Intro to Python Workshop',
      venue: 'Berlin Tech Hub',
    },
    {
      calendar: 'python-events',
      categories: ['Sprints'],
      description: about('A week of daily check-ins during the core development sprint.', 'online'),
      occurrences: [],
      published: true,
      rules: [{ begin: at(day(30), 15, 0, 'UTC').toISOString(), count: 5, duration: 30, frequency: 'DAILY' }],
      slug: 'core-sprint-check-in',
      title: 'Core Sprint Daily Check-in',
      venue: 'Online',
    },
    {
      calendar: 'python-user-group-events',
      categories: ['Meetups'],
      description: about('Talks and pizza, on the second Tuesday of every month.', 'in Berlin'),
      featured: true,
      occurrences: [],
      published: true,
      rules: [
        {
          begin: at(berlinMeetupBegin, 19, 0, 'Europe/Berlin').toISOString(),
          byWeekday: ['TU'],
          duration: 150,
          frequency: 'MONTHLY',
          weekOfMonth: 2,
        },
      ],
      slug: 'berlin-python-meetup',
      title: 'Berlin Python Meetup',
      venue: 'Berlin Tech Hub',
    },
    {
      calendar: 'python-user-group-events',
      categories: ['Study groups'],
      description: about('Working through a book together, every other Wednesday.', 'in Berlin'),
      occurrences: [],
      published: true,
      rules: [
        {
          begin: at(studyGroupBegin, 18, 30, 'Europe/Berlin').toISOString(),
          byWeekday: ['WE'],
          count: 20,
          duration: 90,
          frequency: 'WEEKLY',
          interval: 2,
        },
      ],
      slug: 'python-study-group',
      title: 'Python Study Group',
      venue: 'Berlin Tech Hub',
    },
    {
      calendar: 'python-user-group-events',
      categories: ['Meetups'],
      description: about('An evening of lightning talks, submitted for review by its organiser.', 'in Osaka'),
      occurrences: [timed(at(day(25), 19, 0, 'Asia/Tokyo'), 120)],
      published: false,
      rules: [],
      slug: 'kansai-python-night',
      submittedBy: 'kenji',
      timeZone: 'Asia/Tokyo',
      title: 'Kansai Python Night',
      venue: 'Online',
    },
    {
      calendar: 'psf-events',
      categories: ['Board meetings'],
      description: about('The PSF board meets on the second Wednesday of every month.', 'online'),
      occurrences: [],
      published: true,
      rules: [
        {
          begin: at(boardBegin, 11, 0, 'America/New_York').toISOString(),
          byWeekday: ['WE'],
          duration: 120,
          frequency: 'MONTHLY',
          weekOfMonth: 2,
        },
      ],
      slug: 'psf-board-meeting',
      title: 'PSF Board Meeting',
      venue: 'Online',
    },
    {
      calendar: 'psf-events',
      categories: ['Office hours'],
      description: about('Ask the PSF staff anything, twice a week, for six months.', 'online'),
      occurrences: [],
      published: true,
      rules: [
        {
          begin: at(officeHoursBegin, 10, 0, 'America/New_York').toISOString(),
          byWeekday: ['TU', 'TH'],
          duration: 60,
          finish: at(day(150), 23, 59, 'America/New_York').toISOString(),
          frequency: 'WEEKLY',
        },
      ],
      slug: 'psf-office-hours',
      title: 'PSF Office Hours',
      venue: 'Online',
    },
    {
      calendar: 'psf-events',
      categories: ['Member meetings'],
      description: about('The annual meeting of the members of the Python Software Foundation.', 'online'),
      occurrences: [],
      published: true,
      rules: [{ allDay: true, begin: day(-300).toISOString(), count: 5, duration: 1440, frequency: 'YEARLY' }],
      slug: 'psf-members-meeting',
      title: 'PSF Annual Members Meeting',
      venue: 'Online',
    },
    {
      calendar: 'psf-events',
      categories: ['Office hours'],
      description: about('Grants office hours on the 15th of every month.', 'online'),
      occurrences: [],
      published: true,
      rules: [
        {
          begin: at(
            new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3, 15)),
            12,
            0,
            'America/New_York',
          ).toISOString(),
          byMonthDay: 15,
          count: 12,
          duration: 60,
          frequency: 'MONTHLY',
        },
      ],
      slug: 'psf-grants-office-hours',
      title: 'PSF Grants Office Hours',
      venue: 'Online',
    },
  ]
}
