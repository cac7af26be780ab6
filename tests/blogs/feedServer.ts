import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local HTTP server standing in for the blogs the site aggregates (not a
 * test file itself). Tests register documents under paths of their own and
 * read back which paths were requested, in order. Nothing reaches the internet.
 */

export type Served = {
  body: string
  contentType?: string
  /** answer only after this many ms (longer than FEED_FETCH_TIMEOUT_MS: a "slow" feed) */
  delayMs?: number
  status?: number
}

export type FeedServer = {
  close: () => Promise<void>
  /** paths requested so far, oldest first */
  requests: string[]
  serve: (path: string, response: Served) => string
  url: (path: string) => string
}

export const startFeedServer = async (): Promise<FeedServer> => {
  const routes = new Map<string, Served>()
  const requests: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!
    requests.push(path)
    const route = routes.get(path)
    const answer = () => {
      if (response.destroyed) return
      if (!route) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
        return
      }
      response
        .writeHead(route.status ?? 200, { 'Content-Type': route.contentType ?? 'application/rss+xml; charset=utf-8' })
        .end(route.body)
    }
    if (route?.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer()
      }, route.delayMs)
      timers.add(timer)
    } else {
      answer()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = (path: string) => `http://127.0.0.1:${port}${path}`
  return {
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    requests,
    serve: (path, response) => {
      routes.set(path, response)
      return url(path)
    },
    url,
  }
}

/** A URL on which nothing listens: a port that was free a moment ago. */
export const unreachableUrl = async (): Promise<string> => {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return `http://127.0.0.1:${port}/feed.xml`
}

export const unique = (prefix: string): string => `${prefix}-${crypto.randomBytes(4).toString('hex')}`

const xmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export type RssItem = {
  /** HTML, written as CDATA in content:encoded */
  content?: string
  /** HTML, written entity-escaped in description */
  description?: string
  guid?: string
  link?: string
  pubDate?: string
  title: string
}

/** An RSS 2.0 document as Blogger writes it (content:encoded in CDATA, escaped descriptions). */
export const rssDocument = (channel: { link: string; title: string }, items: RssItem[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${xmlEscape(channel.title)}</title>
    <link>${xmlEscape(channel.link)}</link>
    <description>Python core development news and information.</description>
    <language>en-us</language>
    <atom:link href="${xmlEscape(channel.link)}feeds/posts/default?alt=rss" rel="self" type="application/rss+xml"/>
${items
  .map(
    (item) => `    <item>
      <title>${xmlEscape(item.title)}</title>
${item.link === undefined ? '' : `      <link>${xmlEscape(item.link)}</link>\n`}${
      item.guid === undefined ? '' : `      <guid isPermaLink="false">${xmlEscape(item.guid)}</guid>\n`
    }${item.pubDate === undefined ? '' : `      <pubDate>${item.pubDate}</pubDate>\n`}${
      item.description === undefined ? '' : `      <description>${xmlEscape(item.description)}</description>\n`
    }${item.content === undefined ? '' : `      <content:encoded><![CDATA[${item.content}]]></content:encoded>\n`}      <author>noreply@blogger.com (Python Insider)</author>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`

export type PythonInsiderPost = Required<Pick<RssItem, 'guid' | 'link' | 'pubDate' | 'title'>> & { content: string }

/** Three Python Insider-like posts; guids and links carry `tag` so that each test's feed has its own. */
export const pythonInsiderPosts = (tag: string): PythonInsiderPost[] => [
  {
    content: '<p>Python 3.14.6 is the sixth maintenance release of 3.14, with <strong>about 200 bug fixes</strong>.</p>',
    guid: `tag:blogger.com,1999:blog-3941553907430899163.post-${tag}-3146`,
    link: `https://pythoninsider.blogspot.com/2026/06/${tag}-python-3146-is-now-available.html`,
    pubDate: 'Tue, 02 Jun 2026 14:30:00 +0000',
    title: 'Python 3.14.6 is now available',
  },
  {
    content: '<p>The first beta of Python 3.15 is here &amp; feature-frozen.</p><ul><li>PEP 750</li></ul>',
    guid: `tag:blogger.com,1999:blog-3941553907430899163.post-${tag}-315b1`,
    link: `https://pythoninsider.blogspot.com/2026/05/${tag}-python-3150-beta-1.html`,
    pubDate: 'Thu, 07 May 2026 09:00:00 GMT',
    title: 'Python 3.15.0 beta 1 & the feature freeze',
  },
  {
    content: '<p>Security releases for 3.9 through 3.12 <a href="https://www.python.org/downloads/">are out</a>.</p>',
    guid: `tag:blogger.com,1999:blog-3941553907430899163.post-${tag}-sec`,
    link: `https://pythoninsider.blogspot.com/2026/04/${tag}-security-releases.html`,
    pubDate: 'Wed, 15 Apr 2026 18:15:00 -0400',
    title: 'Python 3.12.11, 3.11.13, 3.10.18 and 3.9.23 are now available',
  },
]

/** The HTML excerpt Blogger puts in each item's description. */
export const pythonInsiderSummary = (post: PythonInsiderPost): string => `<p>${post.title.replace(/&/g, '&amp;')}: read on.</p>`

export const pythonInsider = (tag: string, posts: PythonInsiderPost[] = pythonInsiderPosts(tag)): string =>
  rssDocument(
    { link: 'https://pythoninsider.blogspot.com/', title: 'Python Insider' },
    posts.map((post) => ({ ...post, description: pythonInsiderSummary(post) })),
  )

/** An Atom document with two entries: HTML and XHTML content, alternate and self links. */
export const atomDocument = (tag: string): string => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">PyPy Status Blog</title>
  <link rel="self" href="https://pypy.org/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://pypy.org/blog/"/>
  <id>urn:uuid:${tag}</id>
  <updated>2026-06-10T12:00:00Z</updated>
  <entry>
    <title type="html">PyPy v7.3.20 &amp;amp; &lt;em&gt;more&lt;/em&gt;</title>
    <link rel="self" href="https://pypy.org/posts/${tag}/self.xml"/>
    <link rel="alternate" type="text/html" href="https://pypy.org/posts/2026/06/${tag}-pypy-v7320-release.html"/>
    <id>urn:pypy:${tag}:release-7.3.20</id>
    <published>2026-06-10T12:00:00Z</published>
    <updated>2026-06-11T08:00:00Z</updated>
    <summary type="html">&lt;p&gt;The PyPy team is proud to release v7.3.20.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Download it from &lt;a href="https://pypy.org/download.html"&gt;the downloads page&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Profiling the JIT</title>
    <link href="https://pypy.org/posts/2026/05/${tag}-profiling-the-jit.html"/>
    <id>urn:pypy:${tag}:profiling</id>
    <updated>2026-05-20T07:30:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A look at <code>vmprof</code> &amp; friends.</p></div></content>
  </entry>
</feed>
`

export const MALFORMED_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Half a feed</title>
    <item>
      <title>Unclosed
    </item>
  </channel>
`

/** An entry whose HTML tries script, an event handler and a javascript: link; and one whose link is javascript:. */
export const hostileFeed = (tag: string): string =>
  rssDocument({ link: 'https://evil.example/', title: 'Hostile blog' }, [
    {
      content:
        '<p>Hello</p><script>alert("content")</script><img src="https://evil.example/x.png" onerror="alert(1)"><a href="javascript:alert(2)">click</a>',
      description: '<p onclick="steal()">Summary</p><script>alert("summary")</script>',
      guid: `${tag}-hostile-1`,
      link: `https://evil.example/${tag}/posts/1`,
      pubDate: 'Mon, 01 Jun 2026 10:00:00 GMT',
      title: 'Totally harmless',
    },
    {
      description: '<p>no real link</p>',
      link: 'javascript:alert(3)',
      pubDate: 'Mon, 01 Jun 2026 11:00:00 GMT',
      title: 'A javascript: link',
    },
  ])
