import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  CodeBlock,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineCodeFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  SubscriptFeature,
  SuperscriptFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import type { Block, Field } from 'payload'

import { CODE_LANGUAGES } from './contentTypes'

/** The slug of the code block (Lexical's premade one); its HTML is rendered in ./richText.ts. */
export const CODE_BLOCK = 'Code'

/** Where internal links may point, and where images come from. */
export const LINKABLE_COLLECTION = 'pages'
export const IMAGE_COLLECTION = 'page-images'

/**
 * Lexical's premade code block (a language and the code; Markdown's fenced
 * code converts to and from it), with the code typed in our own CodeMirror
 * editor: Payload's code field loads its Monaco editor from a public CDN at
 * run time, which leaves the field blank wherever that is unreachable.
 */
const codeBlock = (): Block => {
  const block = CodeBlock({ defaultLanguage: 'python', languages: CODE_LANGUAGES })
  return {
    ...block,
    fields: block.fields.map((field): Field =>
      'name' in field && field.name === 'code' && field.type === 'code'
        ? {
            ...field,
            admin: {
              ...field.admin,
              components: { Field: '/src/platform/markup/admin/CodeBlockCode#CodeBlockCode' },
            },
          }
        : field,
    ),
  }
}

/**
 * What python.org's pages use: headings, emphasis, lists, links (to other
 * pages by relationship, so a moved page's links follow it), images from
 * page images with alt text, tables, blockquotes and code blocks with a
 * language. Nothing whose HTML is only a style (underline, alignment,
 * indentation, colours): the sanitizer would strip it, and it would be lost.
 */
export const richTextEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] }),
    BoldFeature(),
    ItalicFeature(),
    StrikethroughFeature(),
    InlineCodeFeature(),
    SubscriptFeature(),
    SuperscriptFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    LinkFeature({ enabledCollections: [LINKABLE_COLLECTION], maxDepth: 1 }),
    UploadFeature({
      collections: {
        [IMAGE_COLLECTION]: {
          fields: [
            {
              name: 'alt',
              type: 'text',
              admin: {
                description: "Describes the image for readers who cannot see it (default: the image's own alt text).",
              },
              maxLength: 500,
            },
          ],
        },
      },
      enabledCollections: [IMAGE_COLLECTION],
      maxDepth: 1,
    }),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    EXPERIMENTAL_TableFeature(),
    BlocksFeature({ blocks: [codeBlock()] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
