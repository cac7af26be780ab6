import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** One entry as a feed document gives it; HTML in summary/content is not yet sanitized. */
export type ParsedEntry = {
  content: null | string
  /** the feed's id for the entry, else its URL */
  guid: string
  /** null when the feed gives no (readable) date */
  pubDate: Date | null
  summary: null | string
  title: string
  url: string
}

export type ParsedFeed = {
  entries: ParsedEntry[]
  format: 'atom' | 'rss'
  /** the channel's own website */
  link: null | string
  title: null | string
}

/** A document that is not a readable RSS or Atom feed. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FeedParseError'
  }
}

const TITLE_MAX = 500
const UNTITLED = '(untitled)'

/**
 * Elements whose text may carry markup (CDATA, escaped HTML, Atom xhtml):
 * kept raw by the parser and decoded here, so markup is never mangled into
 * objects and a CDATA section is never entity-decoded.
 */
const RAW_ELEMENTS = ['title', 'description', 'content:encoded', 'content', 'summary']

const parser = new XMLParser({
  attributeNamePrefix: '@_',
  ignoreAttributes: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ['atom:link', 'entry', 'item', 'link'].includes(name),
  // guids such as "12345" stay strings
  parseTagValue: false,
  stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
  trimValues: true,
})

type Node = Record<string, unknown>

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)

/** The text of a plain (non-raw) element: `<guid isPermaLink="false">x</guid>` or `<id>x</id>`. */
const textOf = (value: unknown): null | string => {
  const node = first(value)
  const text = isNode(node) ? node['#text'] : node
  if (typeof text !== 'string' && typeof text !== 'number') return null
  const trimmed = String(text).trim()
  return trimmed || null
}

const attrOf = (value: unknown, name: string): null | string => {
  const node = first(value)
  const attr = isNode(node) ? node[`@_${name}`] : undefined
  return typeof attr === 'string' ? attr.trim().toLowerCase() : null
}

const XML_ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' }
const HTML_ENTITIES: Record<string, string> = { ...XML_ENTITIES, hellip: '…', mdash: '—', nbsp: ' ', ndash: '–' }

const decodeEntities = (text: string, named: Record<string, string>): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return named[ref.toLowerCase()] ?? whole
  })

/** Raw element text -> its character data: CDATA sections verbatim, entities decoded elsewhere. */
const decodeXmlText = (raw: string): string =>
  raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part, XML_ENTITIES)))
    .join('')

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

type RawKind = 'html' | 'text' | 'xhtml'

/** A raw element with its Atom `type` (RSS descriptions are HTML by convention). */
const rawOf = (value: unknown, defaultKind: RawKind): null | { kind: RawKind; raw: string } => {
  const node = first(value)
  if (node === undefined || node === null) return null
  const raw = isNode(node) ? node['#text'] : node
  if (typeof raw !== 'string') return null
  const type = attrOf(node, 'type')
  const kind: RawKind =
    type === 'xhtml'
      ? 'xhtml'
      : type === 'html' || type?.includes('html')
        ? 'html'
        : type === 'text' || type === 'text/plain'
          ? 'text'
          : defaultKind
  return { kind, raw }
}

/** The element as HTML (sanitized later, when stored). */
const htmlOf = (value: unknown, defaultKind: RawKind): null | string => {
  const found = rawOf(value, defaultKind)
  if (!found) return null
  let html: string
  if (found.kind === 'xhtml') {
    // the content is the markup inside Atom's wrapping <div>
    html = found.raw.replace(/^\s*<div\b[^>]*>/i, '').replace(/<\/div>\s*$/i, '')
  } else if (found.kind === 'text') {
    html = escapeHtml(decodeXmlText(found.raw))
  } else {
    html = decodeXmlText(found.raw)
  }
  html = html.trim()
  return html || null
}

/** The element as one line of plain text. */
const plainOf = (value: unknown, defaultKind: RawKind): null | string => {
  const found = rawOf(value, defaultKind)
  if (!found) return null
  let text = found.kind === 'xhtml' ? found.raw : decodeXmlText(found.raw)
  if (found.kind !== 'text') text = decodeEntities(text.replace(/<[^>]*>/g, ''), HTML_ENTITIES)
  text = text.replace(/\s+/g, ' ').trim()
  return text || null
}

const titleOf = (value: unknown, defaultKind: RawKind): string => {
  const title = plainOf(value, defaultKind) ?? UNTITLED
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title
}

const parseDate = (value: unknown): Date | null => {
  const text = textOf(value)
  if (!text) return null
  const time = Date.parse(text)
  return Number.isNaN(time) ? null : new Date(time)
}

/** An absolute http(s) URL, resolved against the document's address; anything else (javascript:, data:) is no URL. */
const httpUrl = (value: null | string | undefined, base?: string): null | string => {
  if (!value) return null
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Atom: the `rel="alternate"` link (rel defaults to alternate), preferring HTML. */
const atomAlternate = (links: unknown): null | string => {
  const list = (Array.isArray(links) ? links : [links]).filter(isNode)
  const alternates = list.filter((link) => (attrOf(link, 'rel') ?? 'alternate') === 'alternate')
  const chosen = alternates.find((link) => (attrOf(link, 'type') ?? 'text/html').includes('html')) ?? alternates[0]
  const href = chosen?.['@_href']
  return typeof href === 'string' ? href.trim() : null
}

/** RSS `<link>` text, else an `<atom:link rel="alternate">` inside the item. */
const rssLink = (item: Node): null | string => {
  const links = Array.isArray(item.link) ? item.link : item.link === undefined ? [] : [item.link]
  for (const link of links) {
    const text = textOf(link)
    if (text) return text
    if (isNode(link) && typeof link['@_href'] === 'string') return link['@_href']
  }
  return item['atom:link'] ? atomAlternate(item['atom:link']) : null
}

const toEntry = (
  fields: {
    content: null | string
    guid: null | string
    link: null | string
    pubDate: Date | null
    summary: null | string
    title: string
  },
  base: string | undefined,
): null | ParsedEntry => {
  const guidUrl = httpUrl(fields.guid)
  const url = httpUrl(fields.link, base) ?? guidUrl
  // an entry needs a URL to point at; without one (or with a javascript: one) it is left out
  if (!url) return null
  return {
    content: fields.content,
    guid: fields.guid ?? url,
    pubDate: fields.pubDate,
    summary: fields.summary,
    title: fields.title,
    url,
  }
}

const parseRss = (channel: Node, items: unknown[], base: string | undefined): ParsedFeed => ({
  entries: items.filter(isNode).flatMap((item) => {
    const entry = toEntry(
      {
        content: htmlOf(item['content:encoded'], 'html'),
        guid: textOf(item.guid),
        link: rssLink(item),
        pubDate:
          parseDate(item.pubDate) ?? parseDate(item['dc:date']) ?? parseDate(item.published) ?? parseDate(item.updated),
        summary: htmlOf(item.description, 'html'),
        // RSS titles are plain text (escaped once)
        title: titleOf(item.title, 'text'),
      },
      base,
    )
    return entry ? [entry] : []
  }),
  format: 'rss',
  link: httpUrl(textOf(channel.link) ?? atomAlternate(channel['atom:link']), base),
  title: plainOf(channel.title, 'text'),
})

const parseAtom = (feed: Node, base: string | undefined): ParsedFeed => {
  const entries = Array.isArray(feed.entry) ? feed.entry : []
  return {
    entries: entries.filter(isNode).flatMap((item) => {
      const entry = toEntry(
        {
          content: attrOf(item.content, 'src') ? null : htmlOf(item.content, 'text'),
          guid: textOf(item.id),
          link: atomAlternate(item.link),
          pubDate: parseDate(item.published) ?? parseDate(item.updated) ?? parseDate(item.issued),
          summary: htmlOf(item.summary, 'text'),
          title: titleOf(item.title, 'text'),
        },
        base,
      )
      return entry ? [entry] : []
    }),
    format: 'atom',
    link: httpUrl(atomAlternate(feed.link), base),
    title: plainOf(feed.title, 'text'),
  }
}

/**
 * Parses an RSS 2.0 (or 1.0) or Atom document. `baseUrl`, the document's
 * own address, resolves relative links. An entry's guid falls back to its
 * URL; entries without an http(s) URL are left out; the first of two
 * entries with the same guid wins. Throws FeedParseError for a document
 * that is not well-formed XML or not a feed.
 */
export const parseFeed = (xml: string, baseUrl?: string): ParsedFeed => {
  if (!xml.trim()) throw new FeedParseError('The feed document is empty.')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { col, line, msg } = valid.err
    throw new FeedParseError(
      `The feed is not well-formed XML: ${msg.replace(/\.$/, '')} (line ${line}, column ${col}).`,
    )
  }
  let doc: Node
  try {
    doc = parser.parse(xml) as Node
  } catch (err) {
    throw new FeedParseError(`The feed could not be parsed: ${err instanceof Error ? err.message : String(err)}`)
  }
  let parsed: ParsedFeed
  if (isNode(doc.rss)) {
    const channel = first(doc.rss.channel)
    if (!isNode(channel)) throw new FeedParseError('The RSS document has no <channel>.')
    parsed = parseRss(channel, Array.isArray(channel.item) ? channel.item : [], baseUrl)
  } else if (isNode(doc['rdf:RDF'])) {
    const rdf = doc['rdf:RDF']
    parsed = parseRss(isNode(rdf.channel) ? rdf.channel : {}, Array.isArray(rdf.item) ? rdf.item : [], baseUrl)
  } else if (isNode(doc.feed) || doc.feed === '') {
    parsed = parseAtom(isNode(doc.feed) ? doc.feed : {}, baseUrl)
  } else {
    const root = Object.keys(doc).find((key) => !key.startsWith('#') && !key.startsWith('?'))
    throw new FeedParseError(`Not an RSS or Atom feed: the document's root element is <${root ?? 'none'}>.`)
  }
  const seen = new Set<string>()
  parsed.entries = parsed.entries.filter((entry) => !seen.has(entry.guid) && Boolean(seen.add(entry.guid)))
  return parsed
}
