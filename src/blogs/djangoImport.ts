/**
 * python.org's blogs app (apps/blogs/models.py) for the Django dump
 * importer (src/platform/djangoImport.ts):
 * - blogs.feed          -> feeds (`last_import` as `lastFetched`)
 * - blogs.blogentry     -> blog-entries (python.org kept no feed GUID: the entry's URL is
 *   its guid, as the feed fetcher does for feeds without one)
 * - blogs.feedaggregate -> feed-aggregates
 * - blogs.relatedblog   -> related-blogs; python.org kept the blog's feed URL on the row,
 *   here it is a feed of its own (the existing one with that URL, or a new one)
 */
import type { ModelMapper } from '../platform/djangoImport'
import { CONTENT_MANAGEABLE, dateTime, fit, resolveMany, str, text } from '../platform/djangoValues'

export const feedMapper: ModelMapper = {
  collection: 'feeds',
  fields: ['name', 'website_url', 'feed_url', 'last_import'],
  model: 'blogs.feed',
  toData: ({ fields }, context) => ({
    feedUrl: str(fields.feed_url),
    lastFetched: dateTime(fields.last_import, context),
    name: str(fields.name),
    websiteUrl: text(fields.website_url),
  }),
}

export const blogEntryMapper: ModelMapper = {
  collection: 'blog-entries',
  dependsOn: ['blogs.feed'],
  fields: ['title', 'summary', 'pub_date', 'url', 'feed'],
  model: 'blogs.blogentry',
  toData: async (row, context) => {
    const { fields } = row
    return {
      feed: await context.resolve('blogs.feed', fields.feed),
      guid: fit(row, 'url', str(fields.url), 2000, context),
      pubDate: dateTime(fields.pub_date, context),
      summary: text(fields.summary),
      title: fit(row, 'title', str(fields.title), 500, context),
      url: fit(row, 'url', str(fields.url), 2000, context),
    }
  },
}

export const feedAggregateMapper: ModelMapper = {
  collection: 'feed-aggregates',
  dependsOn: ['blogs.feed'],
  fields: ['name', 'slug', 'description', 'feeds'],
  model: 'blogs.feedaggregate',
  toData: async (row, context) => ({
    description: fit(row, 'description', text(row.fields.description), 2000, context),
    feeds: await resolveMany(context, 'blogs.feed', row.fields.feeds),
    name: str(row.fields.name),
    slug: str(row.fields.slug),
  }),
}

export const relatedBlogMapper: ModelMapper = {
  collection: 'related-blogs',
  dependsOn: ['blogs.feed', 'users.user'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'name',
    'feed_url',
    'blog_url',
    'blog_name',
    'last_entry_published',
    'last_entry_title',
  ],
  model: 'blogs.relatedblog',
  toData: async (row, context) => {
    const { fields } = row
    if (!context.ensure) throw new Error('blogs.relatedblog: needs the importer’s context.ensure')
    const feedUrl = str(fields.feed_url)
    return {
      blogName: fit(row, 'blog_name', text(fields.blog_name), 200, context),
      blogWebsite: text(fields.blog_url),
      feed: await context.ensure(
        'feeds',
        { feedUrl: { equals: feedUrl } },
        { feedUrl, isActive: true, name: str(fields.name) || feedUrl, websiteUrl: text(fields.blog_url) },
      ),
      lastEntryPublished: dateTime(fields.last_entry_published, context),
      lastEntryTitle: fit(row, 'last_entry_title', text(fields.last_entry_title), 500, context),
    }
  },
}

export const blogMappers: ModelMapper[] = [feedMapper, blogEntryMapper, feedAggregateMapper, relatedBlogMapper]
