/**
 * Every python.org model this project has an equivalent for: one
 * ModelMapper each, kept with its domain (src/<domain>/djangoImport.ts).
 * A model not listed here (nor read by one of these) is reported by the
 * importer as unknown, with its row count.
 */
import { bannerMappers } from '../../src/banners/djangoImport'
import { blogMappers } from '../../src/blogs/djangoImport'
import { codeSampleMappers } from '../../src/code-samples/djangoImport'
import { communityMappers } from '../../src/community/djangoImport'
import { downloadMappers } from '../../src/downloads/djangoImport'
import { electionMappers } from '../../src/elections/djangoImport'
import { eventMappers } from '../../src/events/djangoImport'
import { jobMappers } from '../../src/jobs/djangoImport'
import { minutesMappers } from '../../src/minutes/djangoImport'
import type { ModelMapper } from '../../src/platform/djangoImport'
import { pageMappers } from '../../src/site-pages/djangoImport'
import { sponsorMappers } from '../../src/sponsors/djangoImport'
import { successStoryMappers } from '../../src/success-stories/djangoImport'
import { userMappers } from '../../src/users/djangoImport'
import { workGroupMappers } from '../../src/work-groups/djangoImport'

export const allMappers: ModelMapper[] = [
  ...userMappers,
  ...pageMappers,
  ...downloadMappers,
  ...blogMappers,
  ...jobMappers,
  ...eventMappers,
  ...sponsorMappers,
  ...successStoryMappers,
  ...communityMappers,
  ...codeSampleMappers,
  ...minutesMappers,
  ...electionMappers,
  ...bannerMappers,
  ...workGroupMappers,
]
