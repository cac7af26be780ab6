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
import { Elections } from './collections/elections/Elections'
import { Nominations } from './collections/elections/Nominations'
import { Nominees } from './collections/elections/Nominees'
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
import { SponsorContractDocuments } from './collections/sponsors/SponsorContractDocuments'
import { SponsorContracts } from './collections/sponsors/SponsorContracts'
import { SponsorLegalClauses } from './collections/sponsors/SponsorLegalClauses'
import { SponsorLogos } from './collections/sponsors/SponsorLogos'
import { Sponsors } from './collections/sponsors/Sponsors'
import { SponsorshipLevels } from './collections/sponsors/SponsorshipLevels'
import { Sponsorships } from './collections/sponsors/Sponsorships'
import { StoryCategories } from './collections/success-stories/StoryCategories'
import { SuccessStories } from './collections/success-stories/SuccessStories'
import { Memberships } from './collections/users/Memberships'
import { UserGroups } from './collections/users/UserGroups'
import { Users } from './collections/users/Users'
import { WorkGroups } from './collections/work-groups/WorkGroups'
import { jobsQueueAccess } from './access/jobsQueue'
import { rejectInactiveUsers } from './src/users/rejectInactiveUsers'
import { fetchFeedsTask, fetchFeedTask } from './src/blogs/tasks'
import { resolveDatabaseUrl } from './src/platform/db/databaseUrl'
import { explicitAccess } from './src/platform/access/explicitAccess'
import { poolOptions } from './src/platform/db/settings'
import { healthEndpoint } from './src/platform/health'
import { logger } from './src/platform/logging'
import { markupEndpoints } from './src/platform/markup/endpoints'
import { metricsEndpoint } from './src/platform/metrics'
import { pythondotorgEndpoints } from './src/downloads/pythondotorg'
import { bannerReads } from './src/banners/reads'
import { blogReads } from './src/blogs/reads'
import { downloadReads } from './src/downloads/reads'
import { statisticsReads } from './src/downloads/statisticsReads'
import { jobReads } from './src/jobs/reads'
import { minutesReads } from './src/minutes/reads'
import { addRelationFilters } from './src/platform/graphqlRelationFilters'
import { electionReads } from './src/elections/reads'
import { eventReads } from './src/events/reads'
import { importCalendarsTask, importCalendarTask } from './src/events/tasks'
import { graphQLQueries } from './src/platform/reads'
import { pageReads } from './src/site-pages/reads'
import { sponsorReads } from './src/sponsors/reads'
import { sendEmailTask } from './src/mailing/sendEmailTask'
import { expireJobsTask } from './src/jobs/expireJobsTask'
import { emailAdapter } from './src/mailing/transport'
import { corsOrigins, csrfOrigins } from './src/platform/cors'
import { withQueryValidation } from './src/platform/queryValidation'
import { withAtomicJobClaim } from './src/platform/queue/atomicClaim'
import { oneLogLinePerAttempt, QUEUE_POLL } from './src/platform/queue/logging'
import { resolvePayloadSecret } from './src/platform/secret'
import { seoConfig } from './src/platform/seo'
import { adminFieldDefaults } from './src/platform/admin/fieldDefaults'
import { ADMIN_DATE_TIME_FORMAT } from './src/platform/admin/dates'
import { pythonMarkDataUrl } from './src/platform/admin/pythonLogo'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    // no gravatar: an outside service, and a broken image offline
    avatar: 'default',
    components: {
      // what waits for staff: jobs to review, submissions, applications, failures (src/platform/admin/waitingWork.ts)
      beforeDashboard: ['/src/platform/admin/WaitingWork#WaitingWork'],
      graphics: { Icon: '/src/platform/admin/Icon#Icon', Logo: '/src/platform/admin/Logo#Logo' },
    },
    // dates with their year everywhere (a field's own displayFormat wins)
    dateFormat: ADMIN_DATE_TIME_FORMAT,
    importMap: { baseDir: dirname },
    meta: {
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: pythonMarkDataUrl() }],
      titleSuffix: ' - python.org admin',
    },
    user: Users.slug,
  },
  // in the order of the admin navigation's groups (src/platform/admin/groups.ts)
  collections: [
    // site content
    Pages,
    PageImages,
    PageDocuments,
    CodeSamples,
    Banners,
    // downloads
    Releases,
    ReleaseFiles,
    DownloadOS,
    DownloadStatistics,
    // events
    Events,
    Calendars,
    EventCategories,
    EventLocations,
    EventOccurrences,
    EventRecurringRules,
    // jobs
    Jobs,
    JobTypes,
    JobCategories,
    JobReviewComments,
    // success stories
    SuccessStories,
    StoryCategories,
    // community
    CommunityPosts,
    CommunityPhotos,
    CommunityVideos,
    CommunityLinks,
    // blogs
    Feeds,
    BlogEntries,
    FeedAggregates,
    RelatedBlogs,
    // sponsors
    Sponsorships,
    Sponsors,
    SponsorLogos,
    SponsorshipLevels,
    SponsorContracts,
    SponsorContractDocuments,
    SponsorLegalClauses,
    // PSF: board minutes, work groups, elections (nominees, nominations)
    Minutes,
    WorkGroups,
    Elections,
    Nominees,
    Nominations,
    // people
    Users,
    Memberships,
    UserGroups,
    // mailing
    EmailTemplates,
    EmailLogs,
  ],
  // browsers on these origins may call the API (CORS_ORIGINS, default SITE_URL); see src/platform/cors.ts
  cors: corsOrigins(),
  csrf: csrfOrigins(),
  // several instances work one jobs queue: each job is claimed by exactly one
  db: withAtomicJobClaim(
    postgresAdapter({
      // a mistyped DATABASE_URL must fail, not start an empty site: only `npm run dev` creates databases
      disableCreateDatabase: true,
      idType: 'uuid',
      migrationDir: process.env.PAYLOAD_MIGRATION_DIR ?? path.resolve(dirname, 'migrations'),
      // connection, statement and idle-transaction timeouts from the environment
      pool: poolOptions(resolveDatabaseUrl()),
      // the schema comes from committed migrations only, in development too
      push: false,
    }),
  ),
  defaultDepth: 1,
  email: emailAdapter(),
  endpoints: [healthEndpoint, metricsEndpoint, ...pythondotorgEndpoints, ...markupEndpoints],
  graphQL: {
    // frontends generate their types from the schema (also committed as schema.graphql)
    disableIntrospectionInProduction: false,
    disablePlaygroundInProduction: true,
    queries: (graphQL, info) => {
      // relationship fields filter by the related slug, as REST's where[category.slug] (category__slug)
      addRelationFilters(graphQL, info)
      // every custom read (src/<domain>/reads.ts) is a GraphQL query too, with the REST endpoint's arguments and rules
      return graphQLQueries([
        ...bannerReads,
        ...blogReads,
        ...downloadReads,
        ...statisticsReads,
        ...jobReads,
        ...minutesReads,
        ...pageReads,
        ...electionReads,
        ...sponsorReads,
        ...eventReads,
      ])(graphQL, info)
    },
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
  },
  jobs: {
    // run and schedule on request: superusers or the run secret; queue and cancel: superusers
    access: jobsQueueAccess,
    // worked by the worker process of `npm start` (src/platform/scripts/worker.ts;
    // its web server gets PAYLOAD_JOBS_AUTORUN=false) and inside `next dev`;
    // tests run it by hand
    autoRun: process.env.PAYLOAD_JOBS_AUTORUN === 'false' || process.env.NODE_ENV === 'test' ? undefined : [QUEUE_POLL],
    tasks: [
      sendEmailTask,
      expireJobsTask,
      fetchFeedsTask,
      fetchFeedTask,
      importCalendarsTask,
      importCalendarTask,
    ].map((task) => oneLogLinePerAttempt(task)),
  },
  // JSON lines in production, pretty in development; 4xx errors at info level
  logger: logger(),
  maxDepth: 4,
  onInit: rejectInactiveUsers,
  // explicitAccess first: it records what this config declares, so everything Payload and the other
  // plugins add gets the access decided in src/platform/access/builtIns.ts (or refuses everyone)
  // adminFieldDefaults: dates with their year, join tables once saved (src/platform/admin/fieldDefaults.ts)
  plugins: [explicitAccess(), seoPlugin(seoConfig), adminFieldDefaults()],
  secret: resolvePayloadSecret(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  // where/sort/limit/page/depth checked on every collection, Payload's own included (src/platform/queryValidation.ts)
}).then(withQueryValidation)
