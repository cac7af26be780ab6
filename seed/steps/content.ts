import { slugify } from '../../fields/slugify'
import { ID_ONLY, runStep, type SeedRun, type Step } from '../context'
import { CODE_SAMPLES, COMMUNITY_POSTS, MINUTES, STORY_CATEGORIES, SUCCESS_STORIES, WORK_GROUPS } from '../data/content'
import { pngImage, uploadFile } from '../media'

const DAY = 86_400_000

const dayFrom = (now: Date, offset: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY).toISOString()

/** Banners in every type and target; their windows are relative to today (one runs now, one later, one is over). */
const banners = (now: Date) => [
  {
    bannerType: 'INFO' as const,
    endDate: dayFrom(now, 30),
    isActive: true,
    isDismissible: true,
    isSitewide: true,
    link: 'https://www.python.org/downloads/',
    linkText: 'Download it',
    message: 'The newest Python release is out, with installers for every platform.',
    name: 'new-release',
    startDate: dayFrom(now, -3),
    target: 'FRONTEND' as const,
    title: 'A new Python release',
  },
  {
    bannerType: 'SUCCESS' as const,
    isActive: true,
    isDismissible: true,
    isSitewide: false,
    message: 'Thanks to our sponsors, the PSF funded a record number of grants this year.',
    name: 'sponsors-thanks',
    paths: '/psf/*\n/sponsors/',
    target: 'FRONTEND' as const,
    title: 'Thank you, sponsors',
  },
  {
    bannerType: 'WARNING' as const,
    endDate: dayFrom(now, 15),
    isActive: true,
    isDismissible: false,
    isSitewide: false,
    message: 'The downloads API will be read-only for one hour during maintenance.',
    name: 'api-maintenance',
    startDate: dayFrom(now, 14),
    target: 'API' as const,
    title: 'Scheduled maintenance',
  },
  {
    bannerType: 'ERROR' as const,
    endDate: dayFrom(now, -20),
    isActive: false,
    isDismissible: true,
    isSitewide: true,
    message: 'Some downloads were slow; this is fixed.',
    name: 'mirror-outage',
    startDate: dayFrom(now, -21),
    target: 'FRONTEND' as const,
    title: 'Download mirror problems',
  },
]

const seedCommunity = async (step: Step) => {
  const staff = step.actor('maya')
  for (const post of COMMUNITY_POSTS) {
    const slug = slugify(post.title)
    const author = step.actor(post.author)
    const { created } = await step.ensure('community-posts', slug, {
      create: async () => {
        // overrideAccess: the system writes the member's post (stamped as theirs); staff publish it below
        const doc = await step.payload.create({
          collection: 'community-posts',
          data: { content: post.content, contentType: 'MARKDOWN', slug, title: post.title },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(author),
        })
        const id = String(doc.id)
        for (const [index, caption] of post.photos.entries()) {
          // overrideAccess: the author attaches a photo to their post
          const photo = await step.payload.create({
            collection: 'community-photos',
            data: { caption, post: id },
            file: uploadFile(await pngImage(caption, 1024, 683), `${slug}-${index + 1}.png`, 'image/png'),
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(author),
          })
          await step.record('community-photos', `${slug}#${index + 1}`, String(photo.id))
        }
        for (const [index, video] of post.videos.entries()) {
          // overrideAccess: the author links a video to their post
          const row = await step.payload.create({
            collection: 'community-videos',
            data: { caption: video.caption, post: id, videoUrl: video.url },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(author),
          })
          await step.record('community-videos', `${slug}#${index + 1}`, String(row.id))
        }
        for (const [index, link] of post.links.entries()) {
          // overrideAccess: the author links a page to their post
          const row = await step.payload.create({
            collection: 'community-links',
            data: { caption: link.caption, post: id, url: link.url },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(author),
          })
          await step.record('community-links', `${slug}#${index + 1}`, String(row.id))
        }
        if (post.published) {
          // overrideAccess: staff moderate (publish) posts
          await step.payload.update({
            collection: 'community-posts',
            data: { isPublished: true },
            id,
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
        }
        return id
      },
      find: () => step.findId('community-posts', { slug: { equals: slug } }),
    })
    if (!created) {
      for (const collection of ['community-photos', 'community-videos', 'community-links'] as const) {
        await step.skipRecorded(collection, `${slug}#`)
      }
    }
    step.tick()
  }
}

const seedSuccessStories = async (step: Step) => {
  const staff = step.actor('maya')
  const categories = new Map<string, string>()
  for (const name of STORY_CATEGORIES) {
    const slug = slugify(name)
    const { id } = await step.ensure('story-categories', slug, {
      create: async () => {
        // overrideAccess: staff's vocabulary
        const doc = await step.payload.create({
          collection: 'story-categories',
          data: { name, slug },
          ...ID_ONLY,
          overrideAccess: true,
          req: await step.req(staff),
        })
        return String(doc.id)
      },
      find: () => step.findId('story-categories', { slug: { equals: slug } }),
    })
    categories.set(name, id)
    step.tick()
  }
  for (const story of SUCCESS_STORIES) {
    const slug = slugify(story.name)
    await step.ensure('success-stories', slug, {
      create: async () => {
        // overrideAccess: the system writes the member's submission (staff are told: that email is not
        // sent by the seed); staff publish it below
        const doc = await step.payload.create({
          collection: 'success-stories',
          data: {
            category: categories.get(story.category)!,
            companyName: story.company,
            companyUrl: `https://${slugify(story.company)}.example.com/`,
            content: story.content,
            contentType: 'RESTRUCTUREDTEXT',
            name: story.name,
            slug,
          },
          overrideAccess: true,
          req: await step.req(step.actor(story.author)),
        })
        if (story.published) {
          // overrideAccess: staff publish (and feature) stories
          await step.payload.update({
            collection: 'success-stories',
            data: { featured: story.featured, isPublished: true },
            id: doc.id,
            overrideAccess: true,
            req: await step.req(staff),
          })
        }
        return String(doc.id)
      },
      find: () => step.findId('success-stories', { slug: { equals: slug } }),
    })
    step.tick()
  }
}

/** Staff-managed content: one create each, by staff. */
const seedStaffContent = async (step: Step) => {
  const staff = step.actor('maya')
  const create = async (
    collection: 'banners' | 'code-samples' | 'minutes' | 'work-groups',
    data: Record<string, unknown>,
  ) => {
    // overrideAccess: staff's content, written by the system; the hooks render the markup and stamp the creator
    const doc = await step.payload.create({
      ...ID_ONLY,
      collection,
      data: data as never,
      overrideAccess: true,
      req: await step.req(staff),
    })
    return String(doc.id)
  }
  for (const sample of CODE_SAMPLES) {
    const slug = slugify(sample.title)
    await step.ensure('code-samples', slug, {
      create: () =>
        create('code-samples', {
          code: sample.code,
          contentType: 'MARKDOWN',
          description: sample.description,
          isPublished: sample.published !== false,
          slug,
          title: sample.title,
        }),
      find: () => step.findId('code-samples', { slug: { equals: slug } }),
    })
    step.tick()
  }
  for (const minutes of MINUTES) {
    const slug = `psf-board-${minutes.date}`
    await step.ensure('minutes', slug, {
      create: () =>
        create('minutes', {
          content: [
            `PSF Board Meeting Minutes, ${minutes.date}`,
            '='.repeat(`PSF Board Meeting Minutes, ${minutes.date}`.length),
            '',
            'Resolutions and discussions',
            '---------------------------',
            '',
            ...minutes.items.map((item) => `* ${item}`),
            '',
          ].join('\n'),
          contentType: 'RESTRUCTUREDTEXT',
          date: `${minutes.date}T00:00:00.000Z`,
          isPublished: minutes.published !== false,
          slug,
        }),
      find: () => step.findId('minutes', { slug: { equals: slug } }),
    })
    step.tick()
  }
  for (const banner of banners(step.now)) {
    await step.ensure('banners', banner.name, {
      create: () => create('banners', banner),
      find: () => step.findId('banners', { name: { equals: banner.name } }),
    })
    step.tick()
  }
  for (const group of WORK_GROUPS) {
    const slug = slugify(group.name)
    await step.ensure('work-groups', slug, {
      create: () => create('work-groups', { ...group, slug, url: `https://www.python.org/psf/workgroups/${slug}/` }),
      find: () => step.findId('work-groups', { slug: { equals: slug } }),
    })
    step.tick()
  }
}

export const CONTENT_STEP_SIZE =
  COMMUNITY_POSTS.length +
  STORY_CATEGORIES.length +
  SUCCESS_STORIES.length +
  CODE_SAMPLES.length +
  MINUTES.length +
  4 +
  WORK_GROUPS.length

/** Community posts, success stories, code samples, board minutes, banners and work groups. */
export const seedContent = (run: SeedRun) =>
  runStep(run, 'content', CONTENT_STEP_SIZE, async (step) => {
    await seedCommunity(step)
    await seedSuccessStories(step)
    await seedStaffContent(step)
  })
