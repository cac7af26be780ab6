/** Where the job board's moderation emails go (JOBS_TEAM_EMAIL). */
export const jobsTeamEmail = (): string => process.env.JOBS_TEAM_EMAIL ?? 'jobs@python.org'

/** The longest review comment (job_review_comments.comment). */
export const REVIEW_COMMENT_MAX_LENGTH = 5000
