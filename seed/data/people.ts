/**
 * The demo site's people: made-up names and example.* addresses (nobody
 * receives mail from a seeded site). Usernames are the seed's natural keys.
 */
export type Role = 'inactive' | 'member' | 'staff' | 'superuser'

export type DemoUser = {
  bio?: string
  email: string
  firstName: string
  lastName: string
  role: Role
  searchVisibility?: 'PRIVATE' | 'PUBLIC'
  username: string
}

export const DEMO_USERS: DemoUser[] = [
  {
    bio: 'Keeps the servers of the demo site running.',
    email: 'rosa.lindqvist@example.org',
    firstName: 'Rosa',
    lastName: 'Lindqvist',
    role: 'superuser',
    username: 'rosa',
  },
  {
    bio: 'PSF staff: community events and the job board.',
    email: 'maya.okafor@example.org',
    firstName: 'Maya',
    lastName: 'Okafor',
    role: 'staff',
    username: 'maya',
  },
  {
    bio: 'PSF staff: sponsorships and elections.',
    email: 'tomas.herrera@example.org',
    firstName: 'Tomás',
    lastName: 'Herrera',
    role: 'staff',
    username: 'tomas',
  },
  {
    bio: 'Release tooling and the downloads pages.',
    email: 'ines.moreau@example.org',
    firstName: 'Inès',
    lastName: 'Moreau',
    role: 'staff',
    username: 'ines',
  },
  {
    bio: 'Backend developer, organiser of a local Python meetup.',
    email: 'priya.raman@example.com',
    firstName: 'Priya',
    lastName: 'Raman',
    role: 'member',
    username: 'priya',
  },
  {
    bio: 'Data engineer; mentors at sprints.',
    email: 'lars.eriksen@example.net',
    firstName: 'Lars',
    lastName: 'Eriksen',
    role: 'member',
    username: 'lars',
  },
  {
    bio: 'Teaches Python at a community college.',
    email: 'amara.nwosu@example.com',
    firstName: 'Amara',
    lastName: 'Nwosu',
    role: 'member',
    username: 'amara',
  },
  {
    email: 'kenji.watanabe@example.org',
    firstName: 'Kenji',
    lastName: 'Watanabe',
    role: 'member',
    username: 'kenji',
  },
  {
    bio: 'Hiring manager at a robotics start-up.',
    email: 'sofia.rossi@example.com',
    firstName: 'Sofia',
    lastName: 'Rossi',
    role: 'member',
    username: 'sofia',
  },
  {
    email: 'daniel.cohen@example.net',
    firstName: 'Daniel',
    lastName: 'Cohen',
    role: 'member',
    searchVisibility: 'PRIVATE',
    username: 'daniel',
  },
  {
    bio: 'Scientific Python contributor.',
    email: 'fatima.zahra@example.org',
    firstName: 'Fatima',
    lastName: 'Zahra',
    role: 'member',
    username: 'fatima',
  },
  {
    email: 'oliver.brandt@example.com',
    firstName: 'Oliver',
    lastName: 'Brandt',
    role: 'member',
    username: 'oliver',
  },
  {
    bio: 'Runs the sponsorship programme of a cloud company.',
    email: 'chen.wei@example.com',
    firstName: 'Chen',
    lastName: 'Wei',
    role: 'member',
    username: 'chenwei',
  },
  {
    email: 'isabel.duarte@example.org',
    firstName: 'Isabel',
    lastName: 'Duarte',
    role: 'member',
    username: 'isabel',
  },
  {
    email: 'former.member@example.org',
    firstName: 'Former',
    lastName: 'Member',
    role: 'inactive',
    searchVisibility: 'PRIVATE',
    username: 'former',
  },
  {
    email: 'closed.account@example.net',
    firstName: 'Closed',
    lastName: 'Account',
    role: 'inactive',
    searchVisibility: 'PRIVATE',
    username: 'closed',
  },
]

export type DemoMembership = {
  legalName: string
  membershipType: 'BASIC' | 'CONTRIBUTING' | 'FELLOW' | 'MANAGING' | 'SPONSOR' | 'SUPPORTING'
  city: string
  country: string
  username: string
  votes: boolean
}

/** One membership per level; voting members affirm (the hook stamps today). */
export const DEMO_MEMBERSHIPS: DemoMembership[] = [
  {
    city: 'Pune',
    country: 'India',
    legalName: 'Priya Raman',
    membershipType: 'FELLOW',
    username: 'priya',
    votes: true,
  },
  {
    city: 'Bergen',
    country: 'Norway',
    legalName: 'Lars Eriksen',
    membershipType: 'CONTRIBUTING',
    username: 'lars',
    votes: true,
  },
  {
    city: 'Lagos',
    country: 'Nigeria',
    legalName: 'Amara Nwosu',
    membershipType: 'SUPPORTING',
    username: 'amara',
    votes: true,
  },
  {
    city: 'Osaka',
    country: 'Japan',
    legalName: 'Kenji Watanabe',
    membershipType: 'BASIC',
    username: 'kenji',
    votes: false,
  },
  {
    city: 'Turin',
    country: 'Italy',
    legalName: 'Sofia Rossi',
    membershipType: 'MANAGING',
    username: 'sofia',
    votes: true,
  },
  {
    city: 'Seattle',
    country: 'United States',
    legalName: 'Chen Wei',
    membershipType: 'SPONSOR',
    username: 'chenwei',
    votes: false,
  },
  {
    city: 'Rabat',
    country: 'Morocco',
    legalName: 'Fatima Zahra',
    membershipType: 'CONTRIBUTING',
    username: 'fatima',
    votes: true,
  },
]

export type DemoUserGroup = {
  approved: boolean
  creator: string
  location: string
  name: string
  startDate: string
  trusted: boolean
  type: 'DISTRIBUTION_LIST' | 'MEETUP' | 'OTHER'
  url: string
}

export const DEMO_USER_GROUPS: DemoUserGroup[] = [
  {
    approved: true,
    creator: 'priya',
    location: 'Pune, India',
    name: 'Pune Python Meetup',
    startDate: '2016-03-12',
    trusted: true,
    type: 'MEETUP',
    url: 'https://pune-python.example.org/',
  },
  {
    approved: true,
    creator: 'lars',
    location: 'Bergen, Norway',
    name: 'Python Vestland',
    startDate: '2019-09-01',
    trusted: false,
    type: 'MEETUP',
    url: 'https://python-vestland.example.net/',
  },
  {
    approved: true,
    creator: 'amara',
    location: 'Online',
    name: 'Python Educators Mailing List',
    startDate: '2012-01-15',
    trusted: true,
    type: 'DISTRIBUTION_LIST',
    url: 'https://lists.example.org/educators/',
  },
  {
    approved: false,
    creator: 'kenji',
    location: 'Osaka, Japan',
    name: 'Kansai Python Study Group',
    startDate: '2025-05-20',
    trusted: false,
    type: 'OTHER',
    url: 'https://kansai-python.example.org/',
  },
]
