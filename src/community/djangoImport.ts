/**
 * python.org's community app (apps/community/models.py) for the Django dump
 * importer (src/platform/djangoImport.ts):
 * - community.post  -> community-posts (status 2, "public", is published)
 * - community.link  -> community-links
 * - community.photo -> community-photos (the uploaded image, from python.org's media folder)
 * - community.video -> community-videos: the player URL of the embed code (or the
 *   click-through URL); embed HTML itself is never stored here
 * A photo, video or link python.org kept without a post cannot be imported:
 * here each belongs to a post.
 */
import { slugify } from '../../fields/slugify'
import { type DjangoRow, type ImportContext, type ModelMapper, unimportable } from '../platform/djangoImport'
import {
  CONTENT_MANAGEABLE,
  fit,
  htmlSource,
  htmlText,
  markup,
  markupField,
  stamps,
  str,
  text,
} from '../platform/djangoValues'

const STATUS_PUBLIC = 2

export const postMapper: ModelMapper = {
  collection: 'community-posts',
  dependsOn: ['users.user'],
  fields: [
    ...CONTENT_MANAGEABLE,
    'title',
    ...markupField('content'),
    'abstract',
    'media_type',
    'source_url',
    'meta',
    'status',
  ],
  model: 'community.post',
  toData: async (row, context) => {
    const { fields } = row
    const { contentType, source } = markup(row, 'content', context, 'HTML')
    for (const field of ['abstract', 'source_url'] as const) {
      if (text(fields[field])) context.skip(row, field, 'posts here have no such field')
    }
    if (fields.meta && typeof fields.meta === 'object' && Object.keys(fields.meta).length) {
      context.skip(row, 'meta', 'posts here have no such field')
    }
    // python.org's title was optional; its admin showed "Post <type> (<pk>)"
    const fallbackTitle = htmlText(str(fields.abstract) || (source ?? ''))
      .trim()
      .slice(0, 80)
    const title = text(fields.title) ?? (fallbackTitle || `Post ${String(row.pk)}`)
    return {
      ...(await stamps(fields, context)),
      content: source,
      contentType,
      isPublished: fields.status === STATUS_PUBLIC,
      slug: `${slugify(title).slice(0, 180) || 'post'}-${String(row.pk)}`,
      title: fit(row, 'title', title, 500, context),
    }
  },
}

const postOf = async (row: DjangoRow, context: ImportContext) => {
  if (row.fields.post === null || row.fields.post === undefined) unimportable(row, 'it belongs to no post')
  return (await context.resolve('community.post', row.fields.post)) ?? unimportable(row, 'its post was not imported')
}

export const linkMapper: ModelMapper = {
  collection: 'community-links',
  dependsOn: ['community.post'],
  fields: [...CONTENT_MANAGEABLE, 'post', 'url'],
  model: 'community.link',
  toData: async (row, context) => ({
    post: await postOf(row, context),
    url: text(row.fields.url) ?? unimportable(row, 'it has no URL'),
  }),
}

export const photoMapper: ModelMapper = {
  collection: 'community-photos',
  dependsOn: ['community.post'],
  fields: [...CONTENT_MANAGEABLE, 'post', 'image', 'image_url', 'caption', 'click_through_url'],
  file: (row) => text(row.fields.image),
  model: 'community.photo',
  toData: async (row, context) => {
    if (text(row.fields.image_url))
      context.skip(row, 'image_url', 'photos here are uploads; the remote image is not fetched')
    return {
      caption: fit(row, 'caption', text(row.fields.caption), 1000, context),
      clickThroughUrl: text(row.fields.click_through_url),
      post: await postOf(row, context),
    }
  },
}

export const videoMapper: ModelMapper = {
  collection: 'community-videos',
  dependsOn: ['community.post'],
  fields: [...CONTENT_MANAGEABLE, 'post', 'video_embed', 'video_data', 'caption', 'click_through_url'],
  model: 'community.video',
  toData: async (row, context) => {
    const { fields } = row
    if (text(fields.video_data))
      context.skip(row, 'video_data', 'uploaded video files are not kept: videos are links here')
    const embedded = htmlSource(str(fields.video_embed), 'iframe') ?? htmlSource(str(fields.video_embed), 'source')
    const videoUrl =
      (embedded?.startsWith('//') ? `https:${embedded}` : embedded) ??
      text(fields.click_through_url) ??
      unimportable(row, 'neither its embed code nor its click-through link has a video URL')
    return {
      caption: fit(row, 'caption', text(fields.caption), 1000, context),
      clickThroughUrl: text(fields.click_through_url),
      post: await postOf(row, context),
      videoUrl,
    }
  },
}

export const communityMappers: ModelMapper[] = [postMapper, linkMapper, photoMapper, videoMapper]
