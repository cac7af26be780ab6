/**
 * parseFeed on its own: RSS 2.0 and Atom documents as blogs really write
 * them, and the documents it must refuse with a clear error.
 */
import { FeedParseError, parseFeed } from '../../src/blogs/parseFeed'
import { atomDocument, hostileFeed, MALFORMED_FEED, pythonInsider, pythonInsiderPosts, rssDocument } from './feedServer'

describe('parseFeed: RSS 2.0', () => {
  it('reads every item: guid, link, title, pubDate, escaped description and CDATA content:encoded', () => {
    const feed = parseFeed(pythonInsider('u1'), 'https://pythoninsider.blogspot.com/feeds/posts/default?alt=rss')
    const posts = pythonInsiderPosts('u1')
    expect(feed.format).toBe('rss')
    expect(feed.title).toBe('Python Insider')
    expect(feed.link).toBe('https://pythoninsider.blogspot.com/')
    expect(feed.entries).toHaveLength(3)
    const [first, second, third] = feed.entries
    expect(first).toEqual({
      content: posts[0]!.content,
      guid: posts[0]!.guid,
      pubDate: new Date('2026-06-02T14:30:00Z'),
      summary: '<p>Python 3.14.6 is now available: read on.</p>',
      title: 'Python 3.14.6 is now available',
      url: posts[0]!.link,
    })
    // entities in the title decode once; CDATA keeps its own &amp; as written
    expect(second!.title).toBe('Python 3.15.0 beta 1 & the feature freeze')
    expect(second!.content).toContain('is here &amp; feature-frozen')
    expect(second!.summary).toBe('<p>Python 3.15.0 beta 1 &amp; the feature freeze: read on.</p>')
    expect(second!.pubDate).toEqual(new Date('2026-05-07T09:00:00Z'))
    // numeric offsets are honoured
    expect(third!.pubDate).toEqual(new Date('2026-04-15T22:15:00Z'))
  })

  it('falls back to the item link as guid, and leaves out items without any http(s) link', () => {
    const feed = parseFeed(
      rssDocument({ link: 'https://blog.example/', title: 'No guids' }, [
        { link: 'https://blog.example/a', title: 'A' },
        { link: '/relative/b', title: 'B' },
        { link: 'javascript:alert(1)', title: 'C' },
        { title: 'D' },
      ]),
      'https://blog.example/feed.xml',
    )
    expect(feed.entries.map((entry) => [entry.guid, entry.url])).toEqual([
      ['https://blog.example/a', 'https://blog.example/a'],
      ['https://blog.example/relative/b', 'https://blog.example/relative/b'],
    ])
  })

  it('gives no date when the item has none or an unreadable one', () => {
    const feed = parseFeed(
      rssDocument({ link: 'https://blog.example/', title: 'Dates' }, [
        { guid: 'g1', link: 'https://blog.example/1', title: 'none' },
        { guid: 'g2', link: 'https://blog.example/2', pubDate: 'sometime last week', title: 'garbage' },
      ]),
    )
    expect(feed.entries.map((entry) => entry.pubDate)).toEqual([null, null])
  })

  it('keeps the first of two items with the same guid', () => {
    const feed = parseFeed(
      rssDocument({ link: 'https://blog.example/', title: 'Dupes' }, [
        { guid: 'same', link: 'https://blog.example/1', title: 'first' },
        { guid: 'same', link: 'https://blog.example/2', title: 'second' },
      ]),
    )
    expect(feed.entries.map((entry) => entry.title)).toEqual(['first'])
  })

  it('keeps numeric-looking guids as text', () => {
    const feed = parseFeed(rssDocument({ link: 'https://b.example/', title: 'N' }, [{ guid: '000123', link: 'https://b.example/1', title: 'n' }]))
    expect(feed.entries[0]!.guid).toBe('000123')
  })

  it('passes HTML through unsanitized (the blog-entries hooks sanitize on save) but drops javascript: entry links', () => {
    const feed = parseFeed(hostileFeed('u2'))
    expect(feed.entries).toHaveLength(1)
    expect(feed.entries[0]!.content).toContain('<script>')
  })
})

describe('parseFeed: Atom', () => {
  it('reads id, the alternate link (not self), html and xhtml content, published before updated', () => {
    const feed = parseFeed(atomDocument('u3'), 'https://pypy.org/atom.xml')
    expect(feed.format).toBe('atom')
    expect(feed.title).toBe('PyPy Status Blog')
    expect(feed.link).toBe('https://pypy.org/blog/')
    const [release, profiling] = feed.entries
    expect(release).toEqual({
      content: '<p>Download it from <a href="https://pypy.org/download.html">the downloads page</a>.</p>',
      guid: 'urn:pypy:u3:release-7.3.20',
      pubDate: new Date('2026-06-10T12:00:00Z'),
      summary: '<p>The PyPy team is proud to release v7.3.20.</p>',
      // type="html" title: markup stripped, entities decoded
      title: 'PyPy v7.3.20 & more',
      url: 'https://pypy.org/posts/2026/06/u3-pypy-v7320-release.html',
    })
    // a link without rel is the alternate link; xhtml content is the markup inside the div
    expect(profiling!.url).toBe('https://pypy.org/posts/2026/05/u3-profiling-the-jit.html')
    expect(profiling!.content).toBe('<p>A look at <code>vmprof</code> &amp; friends.</p>')
    expect(profiling!.pubDate).toEqual(new Date('2026-05-20T05:30:00Z'))
    expect(profiling!.summary).toBeNull()
  })

  it('escapes type="text" content so that it stays text', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>t</title>
      <link href="https://a.example/x"/><content>1 &lt; 2 &amp;&amp; &lt;b&gt;</content></entry></feed>`)
    expect(feed.entries[0]!.content).toBe('1 &lt; 2 &amp;&amp; &lt;b&gt;')
  })
})

describe('parseFeed: documents it refuses', () => {
  it('throws a FeedParseError naming the problem and its line for malformed XML', () => {
    expect(() => parseFeed(MALFORMED_FEED)).toThrow(FeedParseError)
    expect(() => parseFeed(MALFORMED_FEED)).toThrow(/not well-formed XML: .*\(line \d+, column \d+\)/)
  })

  it('throws for an empty document', () => {
    expect(() => parseFeed('   ')).toThrow(/empty/)
  })

  it('throws for well-formed XML that is not a feed, naming its root element', () => {
    expect(() => parseFeed('<html><body><p>Moved</p></body></html>')).toThrow(/Not an RSS or Atom feed.*<html>/)
  })
})
