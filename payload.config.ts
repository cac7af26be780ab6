import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Banners } from './collections/banners/Banners'
import { BlogEntries } from './collections/blogs/BlogEntries'
import { FeedAggregates } from './collections/blogs/FeedAggregates'
import { Feeds } from './collections/blogs/Feeds'
import { RelatedBlogs } from './collections/blogs/RelatedBlogs'
import { CodeSamples } from './collections/code-samples/CodeSamples'
import { CommunityLinks } from './collections/community/CommunityLinks'
import { CommunityPhotos } from './collections/community/CommunityPhotos'
import { CommunityPosts } from './collections/community/CommunityPosts'
import { CommunityVideos } from './collections/community/CommunityVideos'
import { DownloadOS } from './collections/downloads/DownloadOS'
import { DownloadStatistics } from './collections/downloads/DownloadStatistics'
import { ReleaseFiles } from './collections/downloads/ReleaseFiles'
import { Releases } from './collections/downloads/Releases'
import { Calendars } from './collections/events/Calendars'
import { EventCategories } from './collections/events/EventCategories'
import { EventLocations } from './collections/events/EventLocations'
import { EventOccurrences } from './collections/events/EventOccurrences'
import { EventRecurringRules } from './collections/events/EventRecurringRules'
import { Events } from './collections/events/Events'
import { JobCategories } from './collections/jobs/JobCategories'
import { JobReviewComments } from './collections/jobs/JobReviewComments'
import { Jobs } from './collections/jobs/Jobs'
import { JobTypes } from './collections/jobs/JobTypes'
import { EmailLogs } from './collections/mailing/EmailLogs'
import { EmailTemplates } from './collections/mailing/EmailTemplates'
import { Minutes } from './collections/minutes/Minutes'
import { PageDocuments } from './collections/pages/PageDocuments'
import { PageImages } from './collections/pages/PageImages'
import { Pages } from './collections/pages/Pages'
import { StoryCategories } from './collections/success-stories/StoryCategories'
import { SuccessStories } from './collections/success-stories/SuccessStories'
import { Memberships } from './collections/users/Memberships'
import { UserGroups } from './collections/users/UserGroups'
import { Users } from './collections/users/Users'
import { WorkGroups } from './collections/work-groups/WorkGroups'
import { rejectInactiveUsers } from './src/users/rejectInactiveUsers'
import { fetchFeedsTask, fetchFeedTask } from './src/blogs/tasks'
import { resolveDatabaseUrl } from './src/platform/db/databaseUrl'
import { healthEndpoint } from './src/platform/health'
import { pythondotorgEndpoints } from './src/downloads/pythondotorg'
import { downloadReads } from './src/downloads/reads'
import { eventReads } from './src/events/reads'
import { importCalendarsTask, importCalendarTask } from './src/events/tasks'
import { graphQLQueries } from './src/platform/reads'
import { pageReads } from './src/site-pages/reads'
import { sendEmailTask } from './src/mailing/sendEmailTask'
import { expireJobsTask } from './src/jobs/expireJobsTask'
import { emailAdapter } from './src/mailing/transport'
import { resolvePayloadSecret } from './src/platform/secret'
import { seoConfig } from './src/platform/seo'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' - python.org' },
    user: Users.slug,
  },
  collections: [
    // users
    Users,
    Memberships,
    UserGroups,
    // pages
    Pages,
    PageImages,
    PageDocuments,
    // downloads
    DownloadOS,
    Releases,
    ReleaseFiles,
    DownloadStatistics,
    // jobs
    Jobs,
    JobTypes,
    JobCategories,
    JobReviewComments,
    // blogs
    Feeds,
    BlogEntries,
    FeedAggregates,
    RelatedBlogs,
    // community
    CommunityPosts,
    CommunityPhotos,
    CommunityVideos,
    CommunityLinks,
    // success stories
    SuccessStories,
    StoryCategories,
    // code samples, minutes, banners, work groups
    CodeSamples,
    Minutes,
    Banners,
    WorkGroups,
    // events
    Calendars,
    Events,
    EventCategories,
    EventLocations,
    EventOccurrences,
    EventRecurringRules,
    // mailing
    EmailTemplates,
    EmailLogs,
  ],
  db: postgresAdapter({
    idType: 'uuid',
    migrationDir: process.env.PAYLOAD_MIGRATION_DIR ?? path.resolve(dirname, 'migrations'),
    pool: { connectionString: resolveDatabaseUrl(), max: Number(process.env.DATABASE_POOL_MAX ?? 20) },
    // the schema comes from committed migrations only, in development too
    push: false,
  }),
  defaultDepth: 1,
  email: emailAdapter(),
  endpoints: [healthEndpoint, ...pythondotorgEndpoints],
  graphQL: {
    disablePlaygroundInProduction: true,
    // every custom read (src/<domain>/reads.ts) is a GraphQL query too, with the REST endpoint's arguments and rules
    queries: graphQLQueries([...downloadReads, ...pageReads, ...eventReads]),
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
  },
  jobs: {
    // `npm start` / `npm run dev` work the queue in-process; tests run it by hand
    autoRun:
      process.env.PAYLOAD_JOBS_AUTORUN === 'false' || process.env.NODE_ENV === 'test'
        ? undefined
        : [{ cron: '*/10 * * * * *', limit: 50, queue: 'default' }],
    tasks: [sendEmailTask, expireJobsTask, fetchFeedsTask, fetchFeedTask, importCalendarsTask, importCalendarTask],
  },
  maxDepth: 4,
  onInit: rejectInactiveUsers,
  plugins: [seoPlugin(seoConfig)],
  secret: resolvePayloadSecret(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
