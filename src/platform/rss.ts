/** RSS 2.0 documents for the site's feeds (minutes, releases, jobs). */

export type RssItem = {
  description?: string
  guid: string
  link: string
  pubDate?: Date | null | string
  title: string
}

export type RssChannel = {
  description: string
  items: RssItem[]
  link: string
  /** the feed's own URL, for atom:link rel=self */
  selfUrl?: string
  title: string
}

const escapeXml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // characters XML 1.0 forbids would make the whole feed unreadable
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')

const rfc822 = (value: Date | string): string => new Date(value).toUTCString()

export const renderRss = ({ description, items, link, selfUrl, title }: RssChannel): string => {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(title)}</title>`,
    `<link>${escapeXml(link)}</link>`,
    `<description>${escapeXml(description)}</description>`,
    '<language>en-us</language>',
    ...(selfUrl ? [`<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`] : []),
  ]
  const newest = items.find((item) => item.pubDate)?.pubDate
  if (newest) lines.push(`<lastBuildDate>${rfc822(newest)}</lastBuildDate>`)
  for (const item of items) {
    lines.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
      ...(item.pubDate ? [`<pubDate>${rfc822(item.pubDate)}</pubDate>`] : []),
      ...(item.description ? [`<description>${escapeXml(item.description)}</description>`] : []),
      '</item>',
    )
  }
  lines.push('</channel>', '</rss>')
  return `${lines.join('\n')}\n`
}

export const rssResponse = (channel: RssChannel): Response =>
  new Response(renderRss(channel), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })

/** The public site's base URL, for links inside feeds. */
export const siteUrl = (): string => (process.env.SITE_URL ?? 'https://www.python.org').replace(/\/+$/, '')
