/** The PSF's sponsorship catalogue and made-up sponsors at every stage of the sponsorship workflow. */

export const LEGAL_CLAUSES = [
  {
    clause:
      'The Sponsor shall pay the Sponsorship Fee within thirty (30) days of the date of the PSF\u2019s invoice. All amounts are in United States dollars.',
    internalName: 'Payment terms',
    order: 0,
  },
  {
    clause:
      'The Sponsor grants the PSF a non-exclusive, royalty-free license to use the Sponsor\u2019s name and logos to acknowledge the sponsorship during the Term.',
    internalName: 'Use of the sponsor\u2019s marks',
    order: 1,
  },
  {
    clause:
      'The Sponsor may use the Python logo only as permitted by the PSF Trademark Usage Policy, and may not suggest that the PSF endorses its products.',
    internalName: 'Python trademarks',
    order: 2,
  },
  {
    clause:
      'Either party may terminate this Agreement upon written notice if the other party materially breaches it and does not cure the breach within thirty (30) days.',
    internalName: 'Termination',
    order: 3,
  },
]

export const LEVELS = [
  { advertise: true, amount: 160_000, logo: 350, name: 'Visionary', order: 0 },
  { advertise: true, amount: 96_000, logo: 300, name: 'Sustainability', order: 1 },
  { advertise: true, amount: 64_000, logo: 250, name: 'Maintaining', order: 2 },
  { advertise: true, amount: 32_000, logo: 200, name: 'Contributing', order: 3 },
  { advertise: true, amount: 16_000, logo: 175, name: 'Supporting', order: 4 },
  { advertise: true, amount: 8_000, logo: 150, name: 'Partner', order: 5 },
  { advertise: false, amount: 4_000, logo: 125, name: 'Participating', order: 6 },
]

export const levelBenefits = (name: string, order: number) =>
  [
    `Foundation - Logo on the python.org sponsors page (${name} placement)`,
    'Foundation - Acknowledgement in the PSF annual impact report',
    ...(order <= 3 ? ['PyCon US - Booth in the expo hall', 'PyCon US - Complimentary conference passes'] : []),
    ...(order <= 1 ? ['PyPI - Logo on the PyPI sponsors page', 'Python.org - Logo in the site footer'] : []),
  ].join('\n')

/**
 * Where a sponsorship ends up, and how it gets there:
 * - APPLIED: applied for, nobody looked yet;
 * - REJECTED: staff rejected it;
 * - DRAFT: approved, its contract is a draft;
 * - AWAITING_SIGNATURE: the contract was sent (its PDF rendered) and is waiting for the signature;
 * - NULLIFIED: the contract was sent and then nullified (to be revised);
 * - EXECUTED: the sent contract came back signed: the sponsorship is FINALIZED;
 * - EXECUTED_ON_PAPER: signed on paper and executed from the draft: FINALIZED too.
 */
export type Stage =
  'APPLIED' | 'AWAITING_SIGNATURE' | 'DRAFT' | 'EXECUTED' | 'EXECUTED_ON_PAPER' | 'NULLIFIED' | 'REJECTED'

export type SponsorshipSpec = {
  label: string
  level: string
  /** the period, in days from today: a live sponsorship starts before today and ends after it */
  period?: { end: number; start: number }
  stage: Stage
}

export type SponsorSpec = {
  city: string
  country: string
  creator: string
  description: string
  name: string
  phone: string
  postalCode: string
  sponsorships: SponsorshipSpec[]
  state?: string
  street: string
}

const year = (start: number) => ({ end: start + 364, start })

export const SPONSORS: SponsorSpec[] = [
  {
    city: 'San Francisco',
    country: 'United States',
    creator: 'chenwei',
    description: 'Acme Analytics makes dashboards and data tools for teams of every size, built on open source Python.',
    name: 'Acme Analytics',
    phone: '+1 415 555 0100',
    postalCode: '94105',
    sponsorships: [{ label: 'current', level: 'Visionary', period: year(-120), stage: 'EXECUTED' }],
    state: 'CA',
    street: '500 Howard Street',
  },
  {
    city: 'Seattle',
    country: 'United States',
    creator: 'chenwei',
    description: 'Blue Heron Cloud hosts Python applications for startups and enterprises alike.',
    name: 'Blue Heron Cloud',
    phone: '+1 206 555 0142',
    postalCode: '98101',
    sponsorships: [{ label: 'current', level: 'Sustainability', period: year(-45), stage: 'EXECUTED' }],
    state: 'WA',
    street: '1201 Third Avenue',
  },
  {
    city: 'Berlin',
    country: 'Germany',
    creator: 'lars',
    description: 'Kestrel Data Systems builds data pipelines for energy companies.',
    name: 'Kestrel Data Systems',
    phone: '+49 30 5550 1234',
    postalCode: '10115',
    sponsorships: [{ label: 'current', level: 'Maintaining', period: year(-200), stage: 'EXECUTED_ON_PAPER' }],
    street: 'Invalidenstraße 117',
  },
  {
    city: 'Turin',
    country: 'Italy',
    creator: 'sofia',
    description: 'Northwind Robotics programs warehouse robots in Python.',
    name: 'Northwind Robotics',
    phone: '+39 011 555 0199',
    postalCode: '10121',
    sponsorships: [{ label: 'current', level: 'Contributing', period: year(-10), stage: 'EXECUTED' }],
    street: 'Via Roma 15',
  },
  {
    city: 'Lisbon',
    country: 'Portugal',
    creator: 'isabel',
    description: 'Orchard Labs is a product studio building web applications with Django.',
    name: 'Orchard Labs',
    phone: '+351 21 555 0177',
    postalCode: '1100-148',
    sponsorships: [
      // last year's, over: a renewal took its place
      { label: 'previous', level: 'Partner', period: year(-500), stage: 'EXECUTED' },
      { label: 'current', level: 'Supporting', period: year(-90), stage: 'EXECUTED' },
    ],
    street: 'Rua Augusta 100',
  },
  {
    city: 'London',
    country: 'United Kingdom',
    creator: 'oliver',
    description: 'Quill & Quartz publishes technical books and online courses.',
    name: 'Quill & Quartz',
    phone: '+44 20 5550 1188',
    postalCode: 'EC1V 9BD',
    sponsorships: [{ label: 'current', level: 'Partner', period: year(14), stage: 'DRAFT' }],
    street: '1 City Road',
  },
  {
    city: 'Austin',
    country: 'United States',
    creator: 'daniel',
    description: 'Riverbend Software makes developer tools for testing Python code.',
    name: 'Riverbend Software',
    phone: '+1 512 555 0133',
    postalCode: '78701',
    sponsorships: [{ label: 'current', level: 'Contributing', period: year(7), stage: 'AWAITING_SIGNATURE' }],
    state: 'TX',
    street: '301 Congress Avenue',
  },
  {
    city: 'Madrid',
    country: 'Spain',
    creator: 'fatima',
    description: 'Sierra Health Informatics analyses clinical data for hospitals.',
    name: 'Sierra Health Informatics',
    phone: '+34 91 555 0166',
    postalCode: '28013',
    sponsorships: [{ label: 'current', level: 'Maintaining', period: year(30), stage: 'NULLIFIED' }],
    street: 'Gran Vía 28',
  },
  {
    city: 'Singapore',
    country: 'Singapore',
    creator: 'kenji',
    description: 'Tidewater Trading runs a marketplace for shipping capacity.',
    name: 'Tidewater Trading',
    phone: '+65 6555 0111',
    postalCode: '018989',
    sponsorships: [{ label: 'current', level: 'Participating', stage: 'APPLIED' }],
    street: '10 Marina Boulevard',
  },
  {
    city: 'Tallinn',
    country: 'Estonia',
    creator: 'oliver',
    description: 'Umbra Security sells security audits.',
    name: 'Umbra Security',
    phone: '+372 555 0122',
    postalCode: '10111',
    sponsorships: [{ label: 'current', level: 'Visionary', stage: 'REJECTED' }],
    street: 'Narva mnt 5',
  },
  {
    city: 'Toronto',
    country: 'Canada',
    creator: 'amara',
    description: 'Maple Code Academy teaches programming to adults changing careers.',
    name: 'Maple Code Academy',
    phone: '+1 416 555 0155',
    postalCode: 'M5H 2N2',
    sponsorships: [{ label: 'current', level: 'Participating', period: year(-300), stage: 'EXECUTED' }],
    state: 'ON',
    street: '100 Queen Street West',
  },
]
