import type { ElectionStatus } from '../../src/elections/status'

const DAY = 86_400_000

type NominationSpec = { employer?: string; nominator: string; statement: string }
type NomineeSpec = { acceptance: 'ACCEPTED' | 'DECLINED' | 'PENDING'; nominations: NominationSpec[]; user: string }

export type ElectionSpec = {
  description: string
  /** days from today (UTC) of nominationsOpen, nominationsClose, votingOpen, votingClose */
  days: [number, number, number, number]
  name: (votingYear: number) => string
  nominees: NomineeSpec[]
  status: ElectionStatus
}

const statement = (who: string, what: string) =>
  `${who} has ${what}. I believe they would serve the community well and bring a thoughtful, **inclusive** voice to the role.`

/**
 * One election in each status, whatever the day: the dates are relative to
 * the clock (each phase starts at 00:00 UTC of its day). Nominations of the
 * election that is open for them are made through the nomination workflow;
 * the others' nominees are history, carried in as an import would.
 */
export const ELECTIONS: ElectionSpec[] = [
  {
    days: [30, 60, 75, 89],
    description: 'Elect the members of the Python Packaging Council.\n\nNominations open soon.',
    name: (year) => `Python Packaging Council Election ${year}`,
    nominees: [],
    status: 'UPCOMING',
  },
  {
    days: [-10, 20, 35, 49],
    description:
      'Elect four directors of the **Python Software Foundation**.\n\nAny member may nominate themselves or another member; nominees accept or decline.',
    name: (year) => `PSF Board of Directors Election ${year}`,
    nominees: [
      {
        acceptance: 'PENDING',
        nominations: [
          {
            employer: 'Maple Code Academy',
            nominator: 'priya',
            statement: statement('Amara', 'taught Python to hundreds of adults'),
          },
        ],
        user: 'amara',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [
          {
            employer: 'Kestrel Data Systems',
            nominator: 'lars',
            statement: 'I would like to serve on the board to support regional conferences.',
          },
          { nominator: 'sofia', statement: statement('Lars', 'organised sprints in Scandinavia for a decade') },
        ],
        user: 'lars',
      },
      {
        acceptance: 'DECLINED',
        nominations: [
          { nominator: 'fatima', statement: statement('Kenji', 'translated the Python documentation into Japanese') },
        ],
        user: 'kenji',
      },
    ],
    status: 'NOMINATIONS_OPEN',
  },
  {
    days: [-40, -5, 10, 24],
    description: 'Elect the members of the PSF Code of Conduct Work Group.',
    name: (year) => `PSF Code of Conduct Work Group Election ${year}`,
    nominees: [
      {
        acceptance: 'ACCEPTED',
        nominations: [{ nominator: 'amara', statement: statement('Fatima', 'moderated community forums') }],
        user: 'fatima',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [
          { nominator: 'isabel', statement: 'I have served on conference code of conduct teams for five years.' },
        ],
        user: 'isabel',
      },
      {
        acceptance: 'DECLINED',
        nominations: [{ nominator: 'priya', statement: statement('Oliver', 'run a large user group') }],
        user: 'oliver',
      },
    ],
    status: 'NOMINATIONS_CLOSED',
  },
  {
    days: [-50, -20, -3, 11],
    description: 'Elect the members of the PSF Grants Work Group.',
    name: (year) => `PSF Grants Work Group Election ${year}`,
    nominees: [
      {
        acceptance: 'ACCEPTED',
        nominations: [{ nominator: 'lars', statement: statement('Priya', 'reviewed grant requests as a volunteer') }],
        user: 'priya',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [{ nominator: 'sofia', statement: 'I would like to help fund more events in Southern Europe.' }],
        user: 'sofia',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [
          {
            employer: 'Alpine Quant',
            nominator: 'kenji',
            statement: statement('Daniel', 'audited the accounts of two conferences'),
          },
        ],
        user: 'daniel',
      },
    ],
    status: 'VOTING_OPEN',
  },
  {
    days: [-420, -390, -380, -366],
    description:
      'Elect four directors of the **Python Software Foundation**.\n\nThe results were announced on the PSF blog.',
    name: (year) => `PSF Board of Directors Election ${year}`,
    nominees: [
      {
        acceptance: 'ACCEPTED',
        nominations: [{ nominator: 'amara', statement: statement('Priya', 'led the Pune Python meetup since 2016') }],
        user: 'priya',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [
          { nominator: 'chenwei', statement: 'Running for the board to represent sponsors and small companies.' },
        ],
        user: 'chenwei',
      },
      {
        acceptance: 'ACCEPTED',
        nominations: [{ nominator: 'daniel', statement: statement('Isabel', 'organised Python Brasil') }],
        user: 'isabel',
      },
      {
        acceptance: 'DECLINED',
        nominations: [{ nominator: 'oliver', statement: statement('Sofia', 'mentored new contributors') }],
        user: 'sofia',
      },
    ],
    status: 'CLOSED',
  },
]

/** The four dates of an election, from the clock's today. */
export const electionDates = (now: Date, days: ElectionSpec['days']) => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const [nominationsOpen, nominationsClose, votingOpen, votingClose] = days.map((offset) =>
    new Date(today + offset * DAY).toISOString(),
  ) as [string, string, string, string]
  return { nominationsClose, nominationsOpen, votingClose, votingOpen }
}
