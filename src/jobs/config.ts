/** Where the job board's moderation emails go (JOBS_TEAM_EMAIL). */
export const jobsTeamEmail = (): string => process.env.JOBS_TEAM_EMAIL ?? 'jobs@python.org'
