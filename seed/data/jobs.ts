import type { JobStatus } from '../../src/jobs/status'

/** python.org's job board vocabulary. */
export const JOB_TYPES = [
  'Back end',
  'Big Data',
  'Cloud',
  'Database',
  'Data Science',
  'DevOps',
  'Front end',
  'Machine Learning',
  'Management',
  'Scientific',
  'Systems',
  'Testing',
  'Web',
]

export const JOB_CATEGORIES = [
  'Developer / Engineer',
  'Technical Lead',
  'Data Scientist',
  'Project Manager',
  'Educator',
  'Other',
]

export type JobSpec = {
  category: string
  city: string
  company: string
  country: string
  featured?: boolean
  owner: string
  region?: string
  remote: boolean
  status: JobStatus
  title: string
  types: string[]
  /** archived by its owner before submitting it (the others are archived by staff after approval) */
  withdrawn?: boolean
}

/** Thirty postings by a few members, in every status of the review workflow. */
// prettier-ignore
export const JOBS: JobSpec[] = [
  { category: 'Developer / Engineer', city: 'Turin', company: 'Northwind Robotics', country: 'Italy', featured: true, owner: 'sofia', remote: false, status: 'APPROVED', title: 'Senior Python Engineer', types: ['Back end', 'Systems'] },
  { category: 'Data Scientist', city: 'Berlin', company: 'Kestrel Data Systems', country: 'Germany', owner: 'lars', remote: true, status: 'APPROVED', title: 'Data Scientist, Forecasting', types: ['Data Science', 'Machine Learning'] },
  { category: 'Developer / Engineer', city: 'Austin', company: 'Blue Heron Cloud', country: 'United States', featured: true, owner: 'chenwei', region: 'Texas', remote: true, status: 'APPROVED', title: 'Platform Engineer (Python, Kubernetes)', types: ['Cloud', 'DevOps'] },
  { category: 'Technical Lead', city: 'Lisbon', company: 'Orchard Labs', country: 'Portugal', owner: 'isabel', remote: false, status: 'APPROVED', title: 'Tech Lead, Web Platform', types: ['Web', 'Management'] },
  { category: 'Developer / Engineer', city: 'Nairobi', company: 'Savanna Payments', country: 'Kenya', owner: 'amara', remote: true, status: 'APPROVED', title: 'Backend Developer (Django)', types: ['Back end', 'Web'] },
  { category: 'Educator', city: 'Toronto', company: 'Maple Code Academy', country: 'Canada', owner: 'amara', region: 'Ontario', remote: false, status: 'APPROVED', title: 'Python Instructor', types: ['Scientific'] },
  { category: 'Developer / Engineer', city: 'Tokyo', company: 'Sakura Analytics', country: 'Japan', owner: 'kenji', remote: false, status: 'APPROVED', title: 'Data Engineer', types: ['Big Data', 'Database'] },
  { category: 'Developer / Engineer', city: 'Sydney', company: 'Coral Reef Research Institute', country: 'Australia', owner: 'fatima', region: 'New South Wales', remote: true, status: 'APPROVED', title: 'Research Software Engineer', types: ['Scientific', 'Data Science'] },
  { category: 'Project Manager', city: 'London', company: 'Quill & Quartz', country: 'United Kingdom', owner: 'oliver', remote: false, status: 'APPROVED', title: 'Engineering Manager, Python Services', types: ['Management'] },
  { category: 'Developer / Engineer', city: 'Bengaluru', company: 'Monsoon Software', country: 'India', owner: 'priya', region: 'Karnataka', remote: false, status: 'APPROVED', title: 'Test Automation Engineer', types: ['Testing'] },
  { category: 'Developer / Engineer', city: 'São Paulo', company: 'Ipê Tecnologia', country: 'Brazil', owner: 'isabel', remote: true, status: 'APPROVED', title: 'Full Stack Developer (FastAPI, React)', types: ['Front end', 'Back end'] },
  { category: 'Data Scientist', city: 'Zurich', company: 'Alpine Quant', country: 'Switzerland', owner: 'daniel', remote: false, status: 'APPROVED', title: 'Quantitative Developer', types: ['Data Science', 'Big Data'] },
  { category: 'Developer / Engineer', city: 'Amsterdam', company: 'Tulip Logistics', country: 'Netherlands', owner: 'lars', remote: true, status: 'REVIEW', title: 'Python Developer, Routing', types: ['Back end'] },
  { category: 'Technical Lead', city: 'Paris', company: 'Lumière Médias', country: 'France', owner: 'oliver', remote: false, status: 'REVIEW', title: 'Lead Backend Engineer', types: ['Back end', 'Web'] },
  { category: 'Developer / Engineer', city: 'Seattle', company: 'Blue Heron Cloud', country: 'United States', owner: 'chenwei', region: 'Washington', remote: true, status: 'REVIEW', title: 'Site Reliability Engineer', types: ['DevOps', 'Systems'] },
  { category: 'Other', city: 'Dublin', company: 'Shamrock Security', country: 'Ireland', owner: 'daniel', remote: false, status: 'REVIEW', title: 'Security Engineer (Python tooling)', types: ['Systems', 'Testing'] },
  { category: 'Developer / Engineer', city: 'Kraków', company: 'Wawel Games', country: 'Poland', owner: 'sofia', remote: false, status: 'DRAFT', title: 'Tools Programmer', types: ['Systems'] },
  { category: 'Data Scientist', city: 'Madrid', company: 'Sierra Health Informatics', country: 'Spain', owner: 'fatima', remote: true, status: 'DRAFT', title: 'Machine Learning Engineer', types: ['Machine Learning'] },
  { category: 'Developer / Engineer', city: 'Oslo', company: 'Fjord Energy', country: 'Norway', owner: 'lars', remote: false, status: 'DRAFT', title: 'Python Developer, Grid Analytics', types: ['Data Science', 'Back end'] },
  { category: 'Other', city: 'Remote', company: 'Crypto Moon Riches', country: 'Anywhere', owner: 'daniel', remote: true, status: 'REJECTED', title: 'Rockstar Ninja Coder', types: ['Web'] },
  { category: 'Developer / Engineer', city: 'Munich', company: 'Bavarian Motors Digital', country: 'Germany', owner: 'oliver', remote: false, status: 'REJECTED', title: 'Java Developer', types: ['Back end'] },
  { category: 'Project Manager', city: 'Chicago', company: 'Prairie Insurance', country: 'United States', owner: 'kenji', region: 'Illinois', remote: false, status: 'REJECTED', title: 'Scrum Master', types: ['Management'] },
  { category: 'Developer / Engineer', city: 'Helsinki', company: 'Aurora Mobile', country: 'Finland', owner: 'priya', remote: true, status: 'ARCHIVED', title: 'Backend Engineer, Push Notifications', types: ['Back end', 'Cloud'] },
  { category: 'Educator', city: 'Cape Town', company: 'Table Mountain University', country: 'South Africa', owner: 'amara', remote: false, status: 'ARCHIVED', title: 'Lecturer in Scientific Computing', types: ['Scientific'] },
  { category: 'Developer / Engineer', city: 'Vienna', company: 'Danube Data', country: 'Austria', owner: 'sofia', remote: false, status: 'ARCHIVED', title: 'Junior Python Developer', types: ['Web'], withdrawn: true },
  { category: 'Developer / Engineer', city: 'Singapore', company: 'Lion City Fintech', country: 'Singapore', owner: 'chenwei', remote: false, status: 'ARCHIVED', title: 'Python Engineer, Payments', types: ['Back end', 'Database'] },
  { category: 'Data Scientist', city: 'Boston', company: 'Harbor Genomics', country: 'United States', owner: 'fatima', region: 'Massachusetts', remote: false, status: 'EXPIRED', title: 'Bioinformatics Scientist', types: ['Scientific', 'Data Science'] },
  { category: 'Developer / Engineer', city: 'Mexico City', company: 'Azteca Retail', country: 'Mexico', owner: 'isabel', remote: true, status: 'EXPIRED', title: 'E-commerce Backend Developer', types: ['Web', 'Back end'] },
  { category: 'Technical Lead', city: 'Stockholm', company: 'Nordic Streams', country: 'Sweden', owner: 'lars', remote: false, status: 'EXPIRED', title: 'Staff Engineer, Data Pipelines', types: ['Big Data', 'Cloud'] },
  { category: 'Developer / Engineer', city: 'Seoul', company: 'Han River Robotics', country: 'South Korea', owner: 'kenji', remote: false, status: 'EXPIRED', title: 'Robotics Software Engineer', types: ['Systems', 'Machine Learning'] },
]

/** Review comments: staff ask, owners answer, in the order written. */
export const JOB_REVIEW_COMMENTS: Record<string, { by: 'owner' | 'staff'; text: string }[]> = {
  'Java Developer': [
    {
      by: 'staff',
      text: 'The Python Job Board lists jobs that are mainly about Python; this posting does not mention it.',
    },
  ],
  'Lead Backend Engineer': [
    { by: 'staff', text: 'Could you add the salary range or say whether remote work is possible?' },
    { by: 'owner', text: 'Added: hybrid, two days a week in the office.' },
  ],
  'Rockstar Ninja Coder': [
    {
      by: 'staff',
      text: 'Please describe the actual role and company; postings need a real employer and a concrete job.',
    },
  ],
  'Scrum Master': [
    { by: 'staff', text: 'This role does not involve Python development, so it is not a fit for the board.' },
  ],
  'Site Reliability Engineer': [{ by: 'staff', text: 'Thanks! We will review it within two business days.' }],
}

export const jobDescription = (job: JobSpec) => `## About ${job.company}

${job.company} builds software used every day by thousands of people${job.remote ? ', with a team that works remotely from many countries' : ` from our office in ${job.city}`}.

## The role

As our **${job.title}**, you will:

- design, build and run services written in Python;
- review code and mentor colleagues;
- work with product teams on what to build next.
`

export const jobRequirements = (job: JobSpec) => `- Several years of professional experience with Python 3
- Experience with ${job.types.join(' and ').toLowerCase()} work
- Good written English
`
