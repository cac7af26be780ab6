import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import escapeHTML from 'escape-html'
import {
  IS_BOLD,
  IS_CODE,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  type SerializedEditorState,
} from '@payloadcms/richtext-lexical/lexical'
import type { PayloadRequest } from 'payload'

import { CODE_BLOCK, IMAGE_COLLECTION, LINKABLE_COLLECTION } from './editor'
import { sanitize } from './sanitize'

type LexicalNode = Record<string, any> & { children?: LexicalNode[]; type?: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A relationship value as Lexical stores it (an id) or as a read populates it (the document). */
const idOf = (value: unknown): null | string => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' && UUID.test(id) ? id : null
}

const isInternalPageLink = (node: LexicalNode): boolean =>
  (node.type === 'link' || node.type === 'autolink') &&
  node.fields?.linkType === 'internal' &&
  node.fields?.doc?.relationTo === LINKABLE_COLLECTION

const isPageImage = (node: LexicalNode): boolean => node.type === 'upload' && node.relationTo === IMAGE_COLLECTION

const walk = (node: unknown, visit: (node: LexicalNode) => void): void => {
  if (!node || typeof node !== 'object') return
  visit(node as LexicalNode)
  const { children } = node as LexicalNode
  if (Array.isArray(children)) for (const child of children) walk(child, visit)
}

/** The pages a rich text links to and the page images it shows (what its HTML depends on). */
export const referencedDocuments = (data: unknown): { images: string[]; pages: string[] } => {
  const pages = new Set<string>()
  const images = new Set<string>()
  walk((data as { root?: unknown } | null)?.root, (node) => {
    if (isInternalPageLink(node)) {
      const id = idOf(node.fields.doc.value)
      if (id) pages.add(id)
    } else if (isPageImage(node)) {
      const id = idOf(node.value)
      if (id) images.add(id)
    }
  })
  return { images: [...images], pages: [...pages] }
}

export const isRichTextState = (data: unknown): data is SerializedEditorState =>
  Boolean(data && typeof data === 'object' && Array.isArray((data as { root?: { children?: unknown } }).root?.children))

type ImageDoc = { alt?: null | string; height?: null | number; id: string; url?: null | string; width?: null | number }

/**
 * Looks up what the HTML shows of the documents a rich text refers to (a
 * linked page's current path, an image's URL and alt text): two queries
 * however many links and images there are. As the system: the HTML is
 * rendered once for every reader, whoever saved the document, and a path
 * or image URL is no secret (reading the page still follows its own rules).
 */
const lookUp = async (req: PayloadRequest, data: unknown) => {
  const { images, pages } = referencedDocuments(data)
  const paths = new Map<string, string>()
  const imageDocs = new Map<string, ImageDoc>()
  if (pages.length) {
    const found = await req.payload.find({
      collection: LINKABLE_COLLECTION,
      depth: 0,
      limit: pages.length,
      overrideAccess: true,
      pagination: false,
      req,
      select: { path: true },
      where: { id: { in: pages } },
    })
    for (const page of found.docs) paths.set(String(page.id), (page as { path: string }).path)
  }
  if (images.length) {
    const found = await req.payload.find({
      collection: IMAGE_COLLECTION,
      depth: 0,
      limit: images.length,
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { in: images } },
    })
    for (const image of found.docs) imageDocs.set(String(image.id), image as unknown as ImageDoc)
  }
  return { imageDocs, paths }
}

/** The site path of a page (python.org's URLs end with a slash). */
export const pageHref = (path: string): string => `/${path}/`

const converters = ({ imageDocs, paths }: Awaited<ReturnType<typeof lookUp>>): HTMLConverters => {
  const links = LinkHTMLConverter({
    internalDocToHref: ({ linkNode }) => pageHref(paths.get(idOf(linkNode.fields.doc?.value) ?? '') ?? ''),
  })
  return {
    ...defaultHTMLConverters,
    ...links,
    blocks: {
      [CODE_BLOCK]: ({ node }) => {
        const fields = node.fields as { code?: unknown; language?: unknown }
        const language = typeof fields.language === 'string' ? fields.language : ''
        const code = typeof fields.code === 'string' ? fields.code : ''
        const cls = /^[a-z0-9+#-]+$/i.test(language) ? ` class="language-${language}"` : ''
        return `<pre><code${cls}>${escapeHTML(code)}</code></pre>`
      },
    },
    link: (args) => {
      const node = args.node as LexicalNode
      // a link to a page that no longer exists keeps its text, not a link to nowhere
      if (node.fields?.linkType === 'internal' && !paths.has(idOf(node.fields.doc?.value) ?? '')) {
        return args.nodesToHTML({ nodes: args.node.children }).join('')
      }
      return (links.link as (a: typeof args) => string)(args)
    },
    list: ({ node, nodesToHTML }) => {
      const tag = node.tag === 'ol' ? 'ol' : 'ul'
      const start = tag === 'ol' && Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : ''
      return `<${tag}${start}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
    },
    listitem: ({ node, nodesToHTML }) => `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`,
    table: ({ node, nodesToHTML }) => `<table><tbody>${nodesToHTML({ nodes: node.children }).join('')}</tbody></table>`,
    tablecell: ({ node, nodesToHTML }) => {
      const tag = node.headerState > 0 ? 'th' : 'td'
      const span = [
        node.colSpan > 1 ? ` colspan="${Number(node.colSpan)}"` : '',
        node.rowSpan > 1 ? ` rowspan="${Number(node.rowSpan)}"` : '',
      ].join('')
      return `<${tag}${span}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
    },
    tablerow: ({ node, nodesToHTML }) => `<tr>${nodesToHTML({ nodes: node.children }).join('')}</tr>`,
    text: ({ node }) => {
      let text = escapeHTML(node.text)
      // semantic elements, not the library's inline styles (which the sanitizer strips)
      if (node.format & IS_CODE) text = `<code>${text}</code>`
      if (node.format & IS_BOLD) text = `<strong>${text}</strong>`
      if (node.format & IS_ITALIC) text = `<em>${text}</em>`
      if (node.format & IS_STRIKETHROUGH) text = `<del>${text}</del>`
      if (node.format & IS_SUBSCRIPT) text = `<sub>${text}</sub>`
      if (node.format & IS_SUPERSCRIPT) text = `<sup>${text}</sup>`
      return text
    },
    upload: ({ node }) => {
      const upload = node as LexicalNode
      const image = imageDocs.get(idOf(upload.value) ?? '')
      if (!image?.url) return ''
      const alt = (typeof upload.fields?.alt === 'string' && upload.fields.alt.trim()) || image.alt || ''
      const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
      return `<img src="${escapeHTML(image.url)}" alt="${escapeHTML(alt)}"${size} loading="lazy" />`
    },
  }
}

/**
 * Lexical JSON -> the sanitized HTML every content type renders to, with
 * internal links pointing at the linked page's path as it is now.
 */
export const renderRichText = async (req: PayloadRequest, data: unknown): Promise<string> => {
  if (!isRichTextState(data)) return ''
  const html = convertLexicalToHTML({
    converters: converters(await lookUp(req, data)),
    data,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitize(html)
}
