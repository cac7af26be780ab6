import crypto from 'node:crypto'

import {
  convertHTMLToLexical,
  convertMarkdownToLexical,
  editorConfigFactory,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'
import type { Field, Payload, PayloadRequest, RichTextField } from 'payload'

import type { MarkupFieldCustom } from '../../../fields/markup'
import { CODE_LANGUAGES, type SourceContentType } from './contentTypes'
import { CODE_BLOCK } from './editor'
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
    field.type === 'richText' &&
    (field as { custom?: { markup?: MarkupFieldCustom } }).custom?.markup?.role === 'rich'
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

/**
 * HTML -> Lexical with the library's converter. Lexical's HTML import knows
 * no code blocks (the code block is a Payload block, which imports no DOM):
 * each <pre> is swapped for a placeholder paragraph before the conversion and
 * for a code block, with its language and text, after it.
 */
const fromHtml = (editorConfig: SanitizedServerEditorConfig, html: string): EditorState => {
  const dom = new JSDOM(`<!DOCTYPE html><body>${sanitize(html)}</body>`)
  const { document } = dom.window
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
      return Array.isArray(node.children) ? { ...node, children: swap(node.children) } : node
    })
  return { ...state, root: { ...state.root, children: swap(state.root.children ?? []) } }
}

/**
 * Source markup -> a Lexical editor state, with the library's own
 * converters: Markdown directly, HTML through Lexical's HTML import, and
 * reStructuredText through the HTML our renderer makes of it.
 */
export const convertToRichText = (
  req: PayloadRequest,
  { contentType, source }: { contentType: SourceContentType; source: string },
): EditorState => {
  const editorConfig = editorConfigOf(req.payload)
  switch (contentType) {
    case 'MARKDOWN':
      return convertMarkdownToLexical({ editorConfig, markdown: source }) as unknown as EditorState
    case 'HTML':
      return fromHtml(editorConfig, source)
    case 'RESTRUCTUREDTEXT':
      return fromHtml(editorConfig, renderMarkup(source, 'RESTRUCTUREDTEXT'))
  }
}
