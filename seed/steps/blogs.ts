import { slugify } from '../../fields/slugify'
import { ID_ONLY, runStep, type SeedRun } from '../context'
import { cpythonReleaseSpecs } from '../data/releaseModel'

const DAY = 86_400_000

/**
 * The feeds point at hosts under `.invalid`, a name that never resolves
 * (RFC 6761), and are inactive: the feed fetcher skips them, and a manual
 * fetch fails fast instead of reaching anybody's server.
 */
export const DEMO_FEEDS = [
  {
    description: 'Release announcements and news from the Python core developers.',
    host: 'python-insider.invalid',
    name: 'Python Insider',
    priority: 10,
  },
  { description: 'News from the Python Software Foundation.', host: 'psf-news.invalid', name: 'PSF News', priority: 8 },
  {
    description: 'What is new on the Python Package Index.',
    host: 'pypi-blog.invalid',
    name: 'PyPI Blog',
    priority: 5,
  },
] as const

type EntrySpec = {
  daysAgo?: number
  feed: string
  featured?: boolean
  guid: string
  pubDate?: string
  summary: string
  title: string
}

const PSF_POSTS = [
  'The PSF Board Election results are in',
  'Announcing this year\u2019s PSF Community Service Awards',
  'Grants program: a record year for regional conferences',
  'Welcoming our newest Visionary sponsor',
  'PyCon US: the call for proposals is open',
  'Meet the developers in residence',
  'Our annual impact report',
  'Updates to the PSF Code of Conduct',
  'Sprints around the world: how the PSF helps',
  'Trademark policy: questions and answers',
]

const PYPI_POSTS = [
  'Trusted publishing for every project',
  'Organization accounts are here',
  'Two-factor authentication, one year on',
  'Malware reporting gets easier',
  'Attestations for uploaded files',
  'Archiving projects you no longer maintain',
]

/** The blog entries: release announcements (on their release day) and news (relative to today). */
export const demoEntries = (): EntrySpec[] => {
  const announcements = cpythonReleaseSpecs()
    .filter((spec) => spec.hasFiles)
    .sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))
    .slice(0, 16)
    .map((spec, index): EntrySpec => ({
      featured: index === 0,
      feed: 'Python Insider',
      guid: `tag:python-insider.invalid,seed:${spec.slug}`,
      pubDate: spec.releaseDate.replace('T00:00:00', 'T16:00:00'),
      summary: `${spec.name} is now available: ${spec.preRelease ? 'a preview release for testing' : spec.sourceOnly ? 'a security release, source only' : 'with installers for Windows, macOS and more'}.`,
      title: `${spec.name} is now available`,
    }))
  const news = (feed: string, host: string, titles: string[], every: number): EntrySpec[] =>
    titles.map((title, index) => ({
      daysAgo: 2 + index * every,
      featured: feed === 'PSF News' && index === 0,
      feed,
      guid: `tag:${host},seed:${slugify(title)}`,
      summary: `${title}. Read the whole post on the blog.`,
      title,
    }))
  return [
    ...announcements,
    ...news('PSF News', 'psf-news.invalid', PSF_POSTS, 9),
    ...news('PyPI Blog', 'pypi-blog.invalid', PYPI_POSTS, 17),
  ]
}

const AGGREGATES = [
  { description: 'Every blog the site follows.', feeds: DEMO_FEEDS.map((feed) => feed.name), name: 'Python Blogs' },
  { description: 'The PSF and PyPI.', feeds: ['PSF News', 'PyPI Blog'], name: 'Foundation News' },
]

export const seedBlogs = (run: SeedRun) => {
  const entries = demoEntries()
  return runStep(run, 'blogs', DEMO_FEEDS.length * 2 + entries.length + AGGREGATES.length, async (step) => {
    const staff = step.actor('maya')
    const feeds = new Map<string, string>()
    for (const feed of DEMO_FEEDS) {
      const feedUrl = `https://${feed.host}/feeds/posts/default`
      const { id } = await step.ensure('feeds', feedUrl, {
        create: async () => {
          // overrideAccess: staff's list of blogs, written by the system; inactive, so never fetched
          const doc = await step.payload.create({
            collection: 'feeds',
            data: {
              feedUrl,
              isActive: false,
              name: feed.name,
              priority: feed.priority,
              websiteUrl: `https://${feed.host}/`,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
          return String(doc.id)
        },
        find: () => step.findId('feeds', { feedUrl: { equals: feedUrl } }),
      })
      feeds.set(feed.name, id)
      step.tick()
    }

    const newest = new Map<string, { pubDate: string; title: string }>()
    for (const entry of entries) {
      const host = DEMO_FEEDS.find((feed) => feed.name === entry.feed)!.host
      const pubDate = entry.pubDate ?? new Date(step.now.getTime() - (entry.daysAgo ?? 0) * DAY).toISOString()
      const url = `https://${host}/${pubDate.slice(0, 4)}/${pubDate.slice(5, 7)}/${slugify(entry.title)}.html`
      await step.ensure('blog-entries', entry.guid, {
        create: async () => {
          // overrideAccess: entries as the feed fetcher stores them (the hook sanitizes their HTML)
          const doc = await step.payload.create({
            collection: 'blog-entries',
            data: {
              content: `<p>${entry.summary}</p><p>This post is part of the demo site's seed data; its feed is not fetched.</p>`,
              feed: feeds.get(entry.feed)!,
              guid: entry.guid,
              isFeatured: Boolean(entry.featured),
              pubDate,
              summary: `<p>${entry.summary}</p>`,
              title: entry.title,
              url,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(),
          })
          return String(doc.id)
        },
        find: () => step.findId('blog-entries', { guid: { equals: entry.guid } }),
      })
      const current = newest.get(entry.feed)
      if (!current || current.pubDate < pubDate) newest.set(entry.feed, { pubDate, title: entry.title })
      step.tick()
    }

    for (const aggregate of AGGREGATES) {
      const slug = slugify(aggregate.name)
      await step.ensure('feed-aggregates', slug, {
        create: async () => {
          // overrideAccess: staff's grouping of feeds, written by the system
          const doc = await step.payload.create({
            collection: 'feed-aggregates',
            data: { ...aggregate, feeds: aggregate.feeds.map((name) => feeds.get(name)!), slug },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
          return String(doc.id)
        },
        find: () => step.findId('feed-aggregates', { slug: { equals: slug } }),
      })
      step.tick()
    }

    for (const feed of DEMO_FEEDS) {
      const latest = newest.get(feed.name)
      await step.ensure('related-blogs', feed.name, {
        create: async () => {
          // overrideAccess: the newest entry's date and title are the fetcher's to write; the system
          // fills them from the entries seeded above, as the fetcher would have
          const doc = await step.payload.create({
            collection: 'related-blogs',
            data: {
              blogName: feed.name,
              blogWebsite: `https://${feed.host}/`,
              feed: feeds.get(feed.name)!,
              lastEntryPublished: latest?.pubDate,
              lastEntryTitle: latest?.title,
            },
            ...ID_ONLY,
            overrideAccess: true,
            req: await step.req(staff),
          })
          return String(doc.id)
        },
        find: () => step.findId('related-blogs', { feed: { equals: feeds.get(feed.name)! } }),
      })
      step.tick()
    }
  })
}
