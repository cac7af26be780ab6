import crypto from 'node:crypto'

import {
  convertHTMLToLexical,
  convertMarkdownToLexical,
  editorConfigFactory,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import type { Field, Payload, PayloadRequest, RichTextField } from 'payload'

import type { MarkupFieldCustom } from '../../../fields/markup'
import { CODE_LANGUAGES, type SourceContentType } from './contentTypes'
import { CODE_BLOCK, IMAGE_COLLECTION } from './editor'
import { renderMarkup } from './render'
import { sanitize } from './sanitize'

type LexicalNode = Record<string, any> & { children?: LexicalNode[]; type: string }
export type EditorState = { root: LexicalNode }

const configs = new WeakMap<Payload, SanitizedServerEditorConfig>()

/** The editor config of the rich text fields (fields/markup.ts: they all share one editor). */
const editorConfigOf = (payload: Payload): SanitizedServerEditorConfig => {
  const known = configs.get(payload)
  if (known) return known
  const isRich = (field: Field) =>
    field.type === 'richText' && (field as { custom?: { markup?: MarkupFieldCustom } }).custom?.markup?.role === 'rich'
  const field = payload.config.collections.flatMap((collection) => collection.flattenedFields).find(isRich as never)
  if (!field) throw new Error('No rich text field (fields/markup.ts) in the config')
  const config = editorConfigFactory.fromField({ field: field as unknown as RichTextField })
  configs.set(payload, config)
  return config
}

/** An id as Payload gives a block (a 24-hex ObjectID-like string). */
const blockId = () => crypto.randomBytes(12).toString('hex')

const codeBlockNode = (language: string, code: string): LexicalNode => ({
  type: 'block',
  fields: { id: blockId(), blockName: '', blockType: CODE_BLOCK, code, language },
  format: '',
  version: 2,
})

const languageOf = (element: Element): string => {
  const classes = [element.querySelector('code')?.className ?? '', element.className].join(' ')
  const named = /(?:^|\s)(?:language|lang|highlight)-([\w+#-]+)/.exec(classes)?.[1]?.toLowerCase()
  if (named === 'py' || named === 'python3') return 'python'
  if (named === 'bash' || named === 'sh' || named === 'console') return 'shell'
  if (named && named in CODE_LANGUAGES) return named
  return 'text'
}

const fileNameOf = (src: string): null | string => {
  try {
    const name = decodeURIComponent(new URL(src, 'http://site.invalid').pathname.split('/').pop() ?? '')
    return name || null
  } catch {
    return null
  }
}

/**
 * Images become the editor's image nodes when they show a page image (found
 * by file name, marked the way the library's own HTML import recognises an
 * upload); any other image becomes a link to it, so nothing disappears.
 */
const markImages = async (req: PayloadRequest, document: Document): Promise<Map<string, string>> => {
  const images = [...document.querySelectorAll('img')]
  const names = [...new Set(images.map((img) => fileNameOf(img.getAttribute('src') ?? '')).filter(Boolean))] as string[]
  // as the system: matching a file name to its image document; the editor chooses what to keep
  const found = names.length
    ? await req.payload.find({
        collection: IMAGE_COLLECTION,
        depth: 0,
        limit: names.length,
        overrideAccess: true,
        pagination: false,
        req,
        select: { filename: true },
        where: { filename: { in: names } },
      })
    : { docs: [] }
  const idByName = new Map(found.docs.map((doc) => [String((doc as { filename?: string }).filename), String(doc.id)]))
  const altById = new Map<string, string>()
  for (const img of images) {
    const src = img.getAttribute('src') ?? ''
    const id = idByName.get(fileNameOf(src) ?? '')
    if (id) {
      img.setAttribute('data-lexical-upload-relation-to', IMAGE_COLLECTION)
      img.setAttribute('data-lexical-upload-id', id)
      if (img.getAttribute('alt')) altById.set(id, img.getAttribute('alt')!)
    } else {
      const link = document.createElement('a')
      link.setAttribute('href', src)
      link.textContent = img.getAttribute('alt') || src
      img.replaceWith(link)
    }
  }
  return altById
}

/**
 * HTML -> Lexical with the library's converter. Lexical's HTML import knows
 * no code blocks (the code block is a Payload block, which imports no DOM):
 * each <pre> is swapped for a placeholder paragraph before the conversion and
 * for a code block, with its language and text, after it.
 */
const fromHtml = async (
  req: PayloadRequest,
  editorConfig: SanitizedServerEditorConfig,
  html: string,
): Promise<EditorState> => {
  // loaded on first use: a large module tree every process (migrations, workers) would otherwise load at start
  const { JSDOM } = await import('jsdom')
  const dom = new JSDOM(`<!DOCTYPE html><body>${sanitize(html)}</body>`)
  const { document } = dom.window
  const altById = await markImages(req, document)
  const codes = new Map<string, LexicalNode>()
  const marker = `codeblock${crypto.randomBytes(6).toString('hex')}`
  for (const pre of [...document.querySelectorAll('pre')]) {
    const key = `${marker}n${codes.size}`
    codes.set(key, codeBlockNode(languageOf(pre), (pre.textContent ?? '').replace(/\n$/, '')))
    const placeholder = document.createElement('p')
    placeholder.textContent = key
    pre.replaceWith(placeholder)
  }
  const state = convertHTMLToLexical({
    editorConfig,
    html: document.body.innerHTML,
    JSDOM,
  }) as unknown as EditorState
  const textOf = (node: LexicalNode): string =>
    typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join('')
  const swap = (nodes: LexicalNode[]): LexicalNode[] =>
    nodes.map((node) => {
      const code = node.type === 'paragraph' ? codes.get(textOf(node).trim()) : undefined
      if (code) return code
      if (node.type === 'upload' && altById.has(String(node.value))) {
        return { ...node, fields: { ...node.fields, alt: altById.get(String(node.value)) } }
      }
      return Array.isArray(node.children) ? { ...node, children: swap(node.children) } : node
    })
  return { ...state, root: { ...state.root, children: swap(state.root.children ?? []) } }
}

/**
 * Source markup -> a Lexical editor state, with the library's own
 * converters: Markdown directly, HTML through Lexical's HTML import, and
 * reStructuredText through the HTML our renderer makes of it.
 */
export const convertToRichText = async (
  req: PayloadRequest,
  { contentType, source }: { contentType: SourceContentType; source: string },
): Promise<EditorState> => {
  const editorConfig = editorConfigOf(req.payload)
  switch (contentType) {
    case 'MARKDOWN':
      return convertMarkdownToLexical({ editorConfig, markdown: source }) as unknown as EditorState
    case 'HTML':
      return fromHtml(req, editorConfig, source)
    case 'RESTRUCTUREDTEXT':
      return fromHtml(req, editorConfig, renderMarkup(source, 'RESTRUCTUREDTEXT'))
  }
}
