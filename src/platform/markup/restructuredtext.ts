/**
 * reStructuredText -> HTML, following docutils' parsing rules for the parts
 * of the language python.org content uses.
 *
 * The work happens in three passes, because references may point forwards:
 *   1. parse the lines into a small block tree, collecting hyperlink targets,
 *      substitutions and footnotes on the way;
 *   2. finalize: number footnotes, give headings their ids (headings are
 *      implicit hyperlink targets, so `Title`_ can link to them);
 *   3. render the tree, resolving inline markup against what was collected.
 *
 * Every piece of source text is escaped on output, so HTML written in the
 * source shows up as text. URLs are only linked when their scheme is known to
 * be harmless. The `raw` and `include` directives are deliberately ignored:
 * one would let authors inject markup, the other read files from the server.
 */

// ---------------------------------------------------------------------------
// Document model
// ---------------------------------------------------------------------------

type EnumSequence = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman' | 'auto'

interface HeadingBlock {
  kind: 'heading'
  level: number
  title: string
  /** Filled in by finalizeDocument, once all explicit ids are known. */
  id: string
  plain: string
}

interface ImageSpec {
  uri: string
  alt: string | undefined
  width: string | undefined
  height: string | undefined
  align: string | undefined
  target: string | undefined
}

interface DefinitionItem {
  term: string
  classifiers: string[]
  body: Block[]
}

interface FieldItem {
  name: string
  body: Block[]
}

interface LineBlockLine {
  indent: number
  text: string
}

type FootnoteKind = 'numbered' | 'auto' | 'autoNamed' | 'symbol' | 'citation'

interface FootnoteDef {
  kind: FootnoteKind
  label: string
  body: Block[]
  /** Both filled in by finalizeDocument (auto-numbering needs the whole document). */
  display: string
  id: string
}

interface ContentsBlock {
  kind: 'contents'
  title: string
  depth: number
  local: boolean
  /** Index into ctx.headings of the first heading after the directive. */
  fromHeading: number
  /** Level of the section the directive sits in (0 = before any heading). */
  parentLevel: number
}

type Cell = Block[]

interface TableBlock {
  kind: 'table'
  caption: string | undefined
  header: Cell[][]
  body: Cell[][]
}

type Block =
  | HeadingBlock
  | ContentsBlock
  | TableBlock
  | { kind: 'paragraph'; text: string }
  | { kind: 'literal'; code: string; language?: string | undefined }
  | { kind: 'parsedLiteral'; text: string }
  | { kind: 'math'; text: string }
  | { kind: 'blockquote'; children: Block[]; attribution?: string; className: string | undefined }
  | { kind: 'bulletList'; items: Block[][] }
  | { kind: 'enumList'; items: Block[][]; sequence: EnumSequence; start: number }
  | { kind: 'definitionList'; items: DefinitionItem[] }
  | { kind: 'fieldList'; items: FieldItem[] }
  | { kind: 'lineBlock'; lines: LineBlockLine[] }
  | { kind: 'transition' }
  | { kind: 'box'; className: string; title: string; titleClass: string; children: Block[] }
  | { kind: 'div'; className: string; children: Block[] }
  | { kind: 'image'; image: ImageSpec }
  | { kind: 'figure'; image: ImageSpec; caption: Block[]; legend: Block[] }
  | { kind: 'rubric'; text: string }
  | { kind: 'anchor'; id: string }
  | { kind: 'footnotes'; notes: FootnoteDef[] }

type Target = { kind: 'url'; url: string } | { kind: 'internal'; id: string } | { kind: 'indirect'; name: string }

type Substitution =
  { kind: 'inline'; text: string } | { kind: 'text'; text: string } | { kind: 'image'; image: ImageSpec }

/** Everything the document declares, shared by all passes. */
interface Context {
  /** Adornment styles in order of first appearance; index + 1 is the heading level. */
  headingStyles: string[]
  headings: HeadingBlock[]
  usedIds: Set<string>
  idSuffixes: Map<string, number>
  /** `.. _name: url`, `.. _name:` and inline `_`targets``, by normalized name. */
  explicitTargets: Map<string, Target>
  /** Names defined by `` `text <url>`_ `` references; explicit targets win. */
  embeddedTargets: Map<string, Target>
  /** Section titles, by normalized name. */
  implicitTargets: Map<string, string>
  anonymousTargets: Target[]
  anonymousIndex: number
  /** By exact name, and by normalized name as docutils' fallback. */
  substitutions: Map<string, Substitution>
  substitutionsByNormalizedName: Map<string, Substitution>
  substitutionDepth: number
  footnotes: FootnoteDef[]
  footnotesByLabel: Map<string, FootnoteDef>
  /** `[#]` and `[*]` footnotes are matched to `[#]_` / `[*]_` references in order. */
  autoFootnoteQueue: FootnoteDef[]
  autoFootnoteIndex: number
  symbolFootnoteQueue: FootnoteDef[]
  symbolFootnoteIndex: number
  /** Set while rendering a title just to learn its text: nothing may be consumed. */
  dryRun: boolean
  /** How many parseBlocks calls are active, see MAX_NESTING. */
  nesting: number
}

function createContext(): Context {
  return {
    headingStyles: [],
    headings: [],
    usedIds: new Set(),
    idSuffixes: new Map(),
    explicitTargets: new Map(),
    embeddedTargets: new Map(),
    implicitTargets: new Map(),
    anonymousTargets: [],
    anonymousIndex: 0,
    substitutions: new Map(),
    substitutionsByNormalizedName: new Map(),
    substitutionDepth: 0,
    footnotes: [],
    footnotesByLabel: new Map(),
    autoFootnoteQueue: [],
    autoFootnoteIndex: 0,
    symbolFootnoteQueue: [],
    symbolFootnoteIndex: 0,
    dryRun: false,
    nesting: 0,
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

export function renderRestructuredText(source: string): string {
  const ctx = createContext()
  const blocks = parseBlocks(toLines(source), ctx)
  finalizeDocument(ctx)
  return renderBlocks(blocks, ctx)
}

// ---------------------------------------------------------------------------
// Small shared helpers
// ---------------------------------------------------------------------------

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Tabs become spaces (8-column stops, as docutils does) so indentation can be measured. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line
  let out = ''
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch
  return out
}

function toLines(source: string): string[] {
  return (
    source
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      // NUL marks escaped characters during inline parsing, so it may not come from the source
      .replace(/\u0000/g, '')
      .split('\n')
      .map((line) =>
        expandTabs(line)
          .replace(/[\v\f]/g, ' ')
          .trimEnd(),
      )
  )
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === ''
}

function indentOf(line: string): number {
  return line.length - line.replace(/^ +/, '').length
}

function skipBlank(lines: string[], from: number): number {
  let i = from
  while (i < lines.length && isBlank(lines[i])) i++
  return i
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && isBlank(lines[start])) start++
  while (end > start && isBlank(lines[end - 1])) end--
  return lines.slice(start, end)
}

/** Remove the indentation all non-blank lines share, keeping relative indentation. */
function dedent(lines: string[]): string[] {
  // (a loop rather than Math.min(...indents), which overflows on huge blocks)
  let common = Infinity
  for (const line of lines) if (!isBlank(line)) common = Math.min(common, indentOf(line))
  return common === Infinity ? lines : lines.map((line) => line.slice(common))
}

/**
 * docutils' StringList.get_indented: the block starting at `start` runs while
 * lines are blank or indented, and loses the indentation its lines share.
 * With `firstIndent`, line `start` is the first line of a list item or
 * explicit markup construct: it is cut at that column instead, and only the
 * following lines decide the common indentation.
 */
function getIndented(lines: string[], start: number, firstIndent?: number): { block: string[]; end: number } {
  const bodyStart = firstIndent === undefined ? start : start + 1
  let end = bodyStart
  while (end < lines.length && (isBlank(lines[end]) || lines[end].startsWith(' '))) end++
  // trailing blank lines separate this block from the next one, they are not part of it
  while (end > bodyStart && isBlank(lines[end - 1])) end--
  const body = dedent(lines.slice(bodyStart, end))
  const block = firstIndent === undefined ? body : [lines[start].slice(firstIndent), ...body]
  return { block, end }
}

/**
 * A list item's lines. When text follows the marker on the first line, that
 * text's column is the item's indentation and every following line must reach
 * it (docutils' get_known_indented); when the marker stands alone, the item
 * is simply the indented block below it.
 */
function getListItem(lines: string[], start: number, indent: number): { block: string[]; end: number } {
  if (lines[start].length <= indent) return getIndented(lines, start, indent)
  let end = start + 1
  while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end]) >= indent)) end++
  while (end > start + 1 && isBlank(lines[end - 1])) end--
  return { block: lines.slice(start, end).map((line) => line.slice(indent)), end }
}

/**
 * docutils' make_id: ASCII lowercase words joined by hyphens, starting with a
 * letter ("3.14 What's new" -> "what-s-new").
 */
function makeId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '')
}

/** docutils-like de-duplication: "intro", "intro-1", "intro-2" ... */
function uniqueId(base: string, ctx: Context): string {
  const stem = base === '' ? 'section' : base
  let id = stem
  // continue from the last suffix handed out for this stem, so many equal titles stay cheap
  let n = ctx.idSuffixes.get(stem) ?? 0
  while (ctx.usedIds.has(id)) id = `${stem}-${++n}`
  ctx.idSuffixes.set(stem, n)
  ctx.usedIds.add(id)
  return id
}

/** Reference names match case-insensitively and regardless of line breaks. */
function normalizeName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase()
}

function unescapeBackslashes(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}

const SAFE_URL_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp'])

/**
 * The URL to put in href/src, or undefined when it must not be linked
 * (javascript:, data:, vbscript: ...). Relative URLs and #fragments are fine.
 */
function safeUrl(url: string): string | undefined {
  // browsers skip whitespace and control characters while reading a scheme ("java\tscript:")
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  if (compact === '') return undefined
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (scheme && !SAFE_URL_SCHEMES.has(scheme[1].toLowerCase())) return undefined
  return compact
}

function link(href: string | undefined, html: string): string {
  const url = href === undefined ? undefined : safeUrl(href)
  return url === undefined ? html : `<a href="${escapeAttribute(url)}">${html}</a>`
}

const SIMPLE_NAME = '[A-Za-z0-9]+(?:[-_.+:][A-Za-z0-9]+)*'

// ---------------------------------------------------------------------------
// Block parsing
// ---------------------------------------------------------------------------

interface Parsed {
  blocks: Block[]
  next: number
}

/** A rule looks at line i (never blank) and either claims the construct there or declines. */
type BlockRule = (lines: string[], i: number, ctx: Context) => Parsed | undefined

/** Same order as docutils' Body state; plain text is the fallback. */
const BLOCK_RULES: BlockRule[] = [
  parseBlockQuote,
  parseBulletList,
  parseEnumeratedList,
  parseFieldList,
  parseDoctest,
  parseLineBlock,
  parseGridTable,
  parseSimpleTable,
  parseExplicitMarkup,
  parseShortAnonymousTarget,
  parseAdornmentLine,
]

/**
 * Lists, quotes and directives nest by recursion; past this depth the rest is
 * shown as preformatted text instead of exhausting the stack.
 */
const MAX_NESTING = 32

function parseBlocks(lines: string[], ctx: Context): Block[] {
  if (ctx.nesting >= MAX_NESTING) return [{ kind: 'literal', code: lines.join('\n') }]
  ctx.nesting++
  try {
    return parseBlockSequence(lines, ctx)
  } finally {
    ctx.nesting--
  }
}

function parseBlockSequence(lines: string[], ctx: Context): Block[] {
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++
      continue
    }
    const parsed = parseBlockAt(lines, i, ctx)
    blocks.push(...parsed.blocks)
    // every rule consumes at least its first line; the guard only protects against a bug looping forever
    i = Math.max(parsed.next, i + 1)
  }
  return blocks
}

function parseBlockAt(lines: string[], i: number, ctx: Context): Parsed {
  for (const rule of BLOCK_RULES) {
    const parsed = rule(lines, i, ctx)
    if (parsed) return parsed
  }
  return parseTextBlock(lines, i, ctx)
}

const BULLET = /^([-*+\u2022\u2023\u2043])(?: +|$)/
const ENUMERATOR =
  /^(?:\((\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|#)\)|(\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|#)([.)]))(?: +|$)/
const FIELD_MARKER = /^:(?![: ])((?:[^:\\]|\\.|:(?![ `]|$))*)(?<! ):(?: +|$)/
const DOCTEST = /^>>>(?: |$)/
const LINE_BLOCK = /^\|(?: +|$)/
const GRID_TABLE_TOP = /^\+-[-+]+-\+$/
const SIMPLE_TABLE_TOP = /^=+(?: +=+)+$/
const EXPLICIT_MARKUP = /^\.\.(?: +|$)/
const SHORT_ANONYMOUS_TARGET = /^__(?: +|$)/
/** A line made of one repeated punctuation character: section adornment or transition. */
const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/

/** Whether a line would start some construct other than a paragraph. */
function startsConstruct(line: string): boolean {
  return [
    BULLET,
    ENUMERATOR,
    FIELD_MARKER,
    DOCTEST,
    LINE_BLOCK,
    GRID_TABLE_TOP,
    SIMPLE_TABLE_TOP,
    EXPLICIT_MARKUP,
    SHORT_ANONYMOUS_TARGET,
  ].some((pattern) => pattern.test(line))
}

// --- text: titles, definition lists, paragraphs, literal blocks -------------

function parseTextBlock(lines: string[], i: number, ctx: Context): Parsed {
  const line = lines[i]
  const next = lines[i + 1]
  if (next !== undefined && isUnderline(line, next)) {
    return { blocks: [heading(line.trim(), next[0], ctx)], next: i + 2 }
  }
  // an indented line right below a text line makes a definition list; "Example::" followed
  // by indented code is far more likely a literal block whose blank line was forgotten
  if (!isBlank(next) && indentOf(next) > 0 && !line.endsWith('::')) {
    return parseDefinitionList(lines, i, ctx)
  }
  return parseParagraph(lines, i, ctx)
}

function isUnderline(title: string, underline: string): boolean {
  if (!ADORNMENT.test(underline)) return false
  // docutils accepts a short underline (with a warning) as long as it is not tiny
  return underline.length >= [...title.trim()].length || underline.length >= 4
}

function heading(title: string, style: string, ctx: Context): HeadingBlock {
  let index = ctx.headingStyles.indexOf(style)
  if (index === -1) index = ctx.headingStyles.push(style) - 1
  noteInline(title, ctx)
  const block: HeadingBlock = { kind: 'heading', level: Math.min(index + 1, 6), title, id: '', plain: '' }
  ctx.headings.push(block)
  return block
}

function paragraph(text: string, ctx: Context): Block {
  noteInline(text, ctx)
  return { kind: 'paragraph', text }
}

function parseParagraph(lines: string[], i: number, ctx: Context): Parsed {
  let end = i + 1
  // an indented line ends the paragraph too (docutils: "unexpected indentation")
  while (end < lines.length && !isBlank(lines[end]) && indentOf(lines[end]) === 0) end++
  const text = lines.slice(i, end).join(' ')
  if (!text.endsWith('::')) return { blocks: [paragraph(text, ctx)], next: end }

  // "Paragraph::" introduces a literal block: "::" alone vanishes, " ::" is
  // dropped, and "text::" keeps a single colon
  const lead = text.slice(0, -2)
  const blocks: Block[] = []
  if (lead.trim() !== '') blocks.push(paragraph(/\s$/.test(lead) ? lead.trimEnd() : `${lead}:`, ctx))
  const literal = parseLiteralBlock(lines, end)
  if (literal === undefined) return { blocks, next: end }
  blocks.push(literal.block)
  return { blocks, next: literal.next }
}

function parseLiteralBlock(lines: string[], from: number): { block: Block; next: number } | undefined {
  const start = skipBlank(lines, from)
  if (start >= lines.length) return undefined
  if (indentOf(lines[start]) > 0) {
    const { block, end } = getIndented(lines, start)
    return { block: { kind: 'literal', code: block.join('\n') }, next: end }
  }
  // "quoted" literal block: unindented lines all starting with the same punctuation (e.g. "> ")
  const quote = lines[start][0]
  if (!/[!-/:-@[-`{-~]/.test(quote)) return undefined
  let end = start
  while (end < lines.length && lines[end].startsWith(quote)) end++
  return { block: { kind: 'literal', code: lines.slice(start, end).join('\n') }, next: end }
}

function parseDefinitionList(lines: string[], i: number, ctx: Context): Parsed {
  const items: DefinitionItem[] = []
  let j = i
  do {
    const [term, ...classifiers] = lines[j].split(/ +: +/)
    noteInline(lines[j], ctx)
    const { block, end } = getIndented(lines, j + 1)
    items.push({ term, classifiers, body: parseBlocks(block, ctx) })
    j = skipBlank(lines, end)
  } while (j < lines.length && isDefinitionTerm(lines, j))
  return { blocks: [{ kind: 'definitionList', items }], next: j }
}

function isDefinitionTerm(lines: string[], j: number): boolean {
  const term = lines[j]
  const next = lines[j + 1]
  return (
    indentOf(term) === 0 &&
    !startsConstruct(term) &&
    !ADORNMENT.test(term) &&
    !term.endsWith('::') &&
    !isBlank(next) &&
    indentOf(next) > 0
  )
}

// --- block quotes ------------------------------------------------------------

function parseBlockQuote(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (indentOf(lines[i]) === 0) return undefined
  const { block, end } = getIndented(lines, i)
  return { blocks: [blockQuote(block, ctx)], next: end }
}

const ATTRIBUTION = /^(?:---?|\u2014) *(?=\S)/

/** A quote may end with an attribution paragraph: "-- Author". */
function blockQuote(lines: string[], ctx: Context, className?: string): Block {
  // walk up the last paragraph (its indented continuation lines) to its first line
  for (let k = lines.length - 1; k > 0 && !isBlank(lines[k]); k--) {
    if (indentOf(lines[k]) > 0) continue
    if (!isBlank(lines[k - 1]) || !ATTRIBUTION.test(lines[k])) break
    const attribution = lines
      .slice(k)
      .map((line) => line.trim())
      .join(' ')
      .replace(ATTRIBUTION, '')
    noteInline(attribution, ctx)
    return { kind: 'blockquote', children: parseBlocks(lines.slice(0, k), ctx), attribution, className }
  }
  return { kind: 'blockquote', children: parseBlocks(lines, ctx), className }
}

// --- lists ---------------------------------------------------------------------

function parseBulletList(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const first = BULLET.exec(lines[i])
  if (!first) return undefined
  const items: Block[][] = []
  let j = i
  for (let marker: RegExpExecArray | null = first; marker?.[1] === first[1]; marker = BULLET.exec(lines[j] ?? '')) {
    const { block, end } = getListItem(lines, j, marker[0].length)
    items.push(parseBlocks(block, ctx))
    j = skipBlank(lines, end)
  }
  return { blocks: [{ kind: 'bulletList', items }], next: j }
}

interface Enumerator {
  /** "1", "a", "iv", "#" ... */
  value: string
  format: 'period' | 'rparen' | 'parens'
  width: number
}

function parseEnumerator(line: string | undefined): Enumerator | undefined {
  const match = ENUMERATOR.exec(line ?? '')
  if (!match) return undefined
  if (match[1] !== undefined) return { value: match[1], format: 'parens', width: match[0].length }
  return { value: match[2], format: match[3] === '.' ? 'period' : 'rparen', width: match[0].length }
}

/** A lone "i" or "I" starts a roman list, other single letters an alphabetic one. */
function sequenceOf(value: string): EnumSequence {
  if (value === '#') return 'auto'
  if (/^\d+$/.test(value)) return 'arabic'
  if (value === 'i') return 'lowerroman'
  if (value === 'I') return 'upperroman'
  if (/^[a-z]$/.test(value)) return 'loweralpha'
  if (/^[A-Z]$/.test(value)) return 'upperalpha'
  return /^[a-z]+$/.test(value) ? 'lowerroman' : 'upperroman'
}

const ROMAN_NUMERALS: [string, number][] = [
  ['M', 1000],
  ['CM', 900],
  ['D', 500],
  ['CD', 400],
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
]

function toRoman(value: number): string {
  let rest = value
  let out = ''
  for (const [numeral, amount] of ROMAN_NUMERALS) {
    for (; rest >= amount; rest -= amount) out += numeral
  }
  return out
}

function fromRoman(numeral: string): number | undefined {
  let value = 0
  let rest = numeral
  for (const [symbol, amount] of ROMAN_NUMERALS) {
    while (rest.startsWith(symbol)) {
      value += amount
      rest = rest.slice(symbol.length)
    }
  }
  // reject "IIII", "VX" and friends by requiring the canonical spelling
  return rest === '' && value > 0 && toRoman(value) === numeral ? value : undefined
}

/** The ordinal an enumerator stands for within a sequence, undefined if it does not belong to it. */
function ordinalOf(value: string, sequence: EnumSequence): number | undefined {
  switch (sequence) {
    case 'auto':
      return value === '#' ? 1 : undefined
    case 'arabic':
      return /^\d+$/.test(value) ? Number(value) : undefined
    case 'loweralpha':
      return /^[a-z]$/.test(value) ? value.charCodeAt(0) - 96 : undefined
    case 'upperalpha':
      return /^[A-Z]$/.test(value) ? value.charCodeAt(0) - 64 : undefined
    case 'lowerroman':
      return /^[ivxlcdm]+$/.test(value) ? fromRoman(value.toUpperCase()) : undefined
    case 'upperroman':
      return /^[IVXLCDM]+$/.test(value) ? fromRoman(value) : undefined
  }
}

function continuesList(
  next: Enumerator | undefined,
  first: Enumerator,
  sequence: EnumSequence,
  ordinal: number,
): boolean {
  if (next === undefined || next.format !== first.format) return false
  return next.value === '#' || ordinalOf(next.value, sequence) === ordinal
}

function parseEnumeratedList(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const first = parseEnumerator(lines[i])
  if (!first) return undefined
  const sequence = sequenceOf(first.value)
  const start = ordinalOf(first.value, sequence)
  if (start === undefined) return undefined
  // docutils: "A. Einstein was a really smart dude." is a paragraph, not a list; an
  // item must be followed by a blank line, an indented line or the next item
  const after = lines[i + 1]
  if (!isBlank(after) && indentOf(after) === 0 && !continuesList(parseEnumerator(after), first, sequence, start + 1)) {
    return undefined
  }
  const items: Block[][] = []
  let j = i
  let marker: Enumerator | undefined = first
  while (marker && (items.length === 0 || continuesList(marker, first, sequence, start + items.length))) {
    const { block, end } = getListItem(lines, j, marker.width)
    items.push(parseBlocks(block, ctx))
    j = skipBlank(lines, end)
    marker = parseEnumerator(lines[j])
  }
  return { blocks: [{ kind: 'enumList', items, sequence, start }], next: j }
}

// --- field lists, doctests, line blocks ----------------------------------------

function parseFieldList(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (!FIELD_MARKER.test(lines[i])) return undefined
  const items: FieldItem[] = []
  let j = i
  for (let marker = FIELD_MARKER.exec(lines[j]); marker; marker = FIELD_MARKER.exec(lines[j] ?? '')) {
    const name = marker[1]
    noteInline(name, ctx)
    const { block, end } = getIndented(lines, j, marker[0].length)
    items.push({ name, body: parseBlocks(block, ctx) })
    j = skipBlank(lines, end)
  }
  return { blocks: [{ kind: 'fieldList', items }], next: j }
}

function parseDoctest(lines: string[], i: number): Parsed | undefined {
  if (!DOCTEST.test(lines[i])) return undefined
  let end = i
  while (end < lines.length && !isBlank(lines[end])) end++
  return { blocks: [{ kind: 'literal', code: lines.slice(i, end).join('\n'), language: 'pycon' }], next: end }
}

function parseLineBlock(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (!LINE_BLOCK.test(lines[i])) return undefined
  const out: LineBlockLine[] = []
  let j = i
  for (; j < lines.length; j++) {
    const line = lines[j]
    const previous = out[out.length - 1]
    if (LINE_BLOCK.test(line)) {
      const text = line.slice(2)
      out.push({ indent: indentOf(text), text: text.trim() })
    } else if (previous !== undefined && !isBlank(line) && indentOf(line) > 0) {
      // an indented line continues the previous line of the block
      previous.text += ` ${line.trim()}`
    } else {
      break
    }
  }
  for (const line of out) noteInline(line.text, ctx)
  return { blocks: [{ kind: 'lineBlock', lines: out }], next: j }
}

// --- tables ------------------------------------------------------------------------

function cellBlocks(cellLines: string[], ctx: Context): Cell {
  return parseBlocks(dedent(trimBlankEdges(cellLines.map((line) => line.trimEnd()))), ctx)
}

/** rows -> cells -> the cell's source lines */
function tableFromRows(rows: string[][][], headerRows: number, ctx: Context): TableBlock {
  const cells = rows.map((row) => row.map((cell) => cellBlocks(cell, ctx)))
  return { kind: 'table', caption: undefined, header: cells.slice(0, headerRows), body: cells.slice(headerRows) }
}

/** Grid tables without row or column spans. */
function parseGridTable(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (!GRID_TABLE_TOP.test(lines[i])) return undefined
  const borders = [...lines[i]].flatMap((ch, k) => (ch === '+' ? [k] : []))
  const rows: string[][][] = []
  let headerRows = 0
  let current: string[][] = []
  let end = i + 1
  for (; end < lines.length && /^[+|]/.test(lines[end]); end++) {
    const line = lines[end]
    if (line.startsWith('+')) {
      if (current.length > 0) rows.push(current)
      current = []
      if (line.includes('=') && headerRows === 0) headerRows = rows.length
      continue
    }
    if (current.length === 0) current = borders.slice(1).map(() => [])
    borders.slice(1).forEach((border, k) => current[k].push(line.slice(borders[k] + 1, border)))
  }
  if (current.length > 0) rows.push(current)
  return { blocks: [tableFromRows(rows, headerRows, ctx)], next: end }
}

/** Simple tables; column-span underlines are ignored. */
function parseSimpleTable(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (!SIMPLE_TABLE_TOP.test(lines[i])) return undefined
  const starts = [...lines[i].matchAll(/=+/g)].map((match) => match.index ?? 0)
  const rows: string[][][] = []
  let headerRows = 0
  let end = i + 1
  for (; end < lines.length; end++) {
    const line = lines[end]
    if (/^=[= ]*$/.test(line)) {
      // a border followed by a blank line (or the end) closes the table; earlier ones end the header
      if (isBlank(lines[end + 1])) {
        end++
        break
      }
      if (headerRows === 0) headerRows = rows.length
      continue
    }
    const last = rows[rows.length - 1]
    if (/^-[- ]*$/.test(line)) continue
    if (isBlank(line)) {
      last?.forEach((cell) => cell.push(''))
      continue
    }
    const cells = starts.map((start, k) => line.slice(start, starts[k + 1]))
    // a row whose first column is empty continues the row above
    if (cells[0].trim() === '' && last !== undefined) last.forEach((cell, k) => cell.push(cells[k]))
    else rows.push(cells.map((cell) => [cell]))
  }
  return { blocks: [tableFromRows(rows, headerRows, ctx)], next: end }
}

// --- transitions and over-lined titles ---------------------------------------------

function parseAdornmentLine(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const line = lines[i]
  if (!ADORNMENT.test(line)) return undefined
  const next = lines[i + 1]
  if (isBlank(next)) return line.length >= 4 ? { blocks: [{ kind: 'transition' }], next: i + 1 } : undefined
  const under = lines[i + 2]
  const title = next.trim()
  if (under === undefined || !ADORNMENT.test(under) || under[0] !== line[0]) return undefined
  if (line.length < [...title].length && line.length < 4) return undefined
  // an over-and-underlined style is distinct from the underlined-only one with the same character
  return { blocks: [heading(title, `overline ${line[0]}`, ctx)], next: i + 3 }
}

// --- explicit markup: comments, targets, footnotes, substitutions, directives ----

function parseExplicitMarkup(lines: string[], i: number, ctx: Context): Parsed | undefined {
  if (!EXPLICIT_MARKUP.test(lines[i])) return undefined
  return (
    parseFootnotes(lines, i, ctx) ??
    parseTarget(lines, i, ctx) ??
    parseSubstitutionDefinition(lines, i, ctx) ??
    parseDirective(lines, i, ctx) ??
    skipComment(lines, i)
  )
}

function skipComment(lines: string[], i: number): Parsed {
  // a bare ".." followed by a blank line is an "empty comment": it ends the preceding
  // construct but leaves any indented text after it alone
  if (lines[i] === '..' && isBlank(lines[i + 1])) return { blocks: [], next: i + 1 }
  return { blocks: [], next: getIndented(lines, i, lines[i].length).end }
}

const FOOTNOTE = new RegExp(`^\\.\\. +\\[(\\d+|#(?:${SIMPLE_NAME})?|\\*|${SIMPLE_NAME})\\](?: +|$)`)

/** Consecutive footnotes and citations are grouped into one list. */
function parseFootnotes(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const notes: FootnoteDef[] = []
  let j = i
  for (let match = FOOTNOTE.exec(lines[j]); match; match = FOOTNOTE.exec(lines[j] ?? '')) {
    const { block, end } = getIndented(lines, j, match[0].length)
    notes.push(registerFootnote(match[1], parseBlocks(block, ctx), ctx))
    j = skipBlank(lines, end)
  }
  return notes.length === 0 ? undefined : { blocks: [{ kind: 'footnotes', notes }], next: j }
}

function footnoteKind(label: string): FootnoteKind {
  if (/^\d+$/.test(label)) return 'numbered'
  if (label === '#') return 'auto'
  if (label.startsWith('#')) return 'autoNamed'
  return label === '*' ? 'symbol' : 'citation'
}

function registerFootnote(label: string, body: Block[], ctx: Context): FootnoteDef {
  const note: FootnoteDef = { kind: footnoteKind(label), label, body, display: '', id: '' }
  ctx.footnotes.push(note)
  if (note.kind === 'auto') ctx.autoFootnoteQueue.push(note)
  else if (note.kind === 'symbol') ctx.symbolFootnoteQueue.push(note)
  else if (!ctx.footnotesByLabel.has(label.toLowerCase())) ctx.footnotesByLabel.set(label.toLowerCase(), note)
  return note
}

const TARGET = /^\.\. +_(?:(_)|`((?:[^`\\]|\\.)+)`|((?:[^:\\`]|\\.)(?:[^:\\]|\\.)*?)):(?: +|$)/
const REFERENCE_TARGET = new RegExp(`^(?:\`((?:[^\`\\\\]|\\\\.)+)\`|(${SIMPLE_NAME}))_$`)

function parseTarget(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const match = TARGET.exec(lines[i])
  if (!match) return undefined
  const { block, end } = getIndented(lines, i, match[0].length)
  const target = targetFromBlock(block)
  if (match[1] !== undefined) {
    if (target) ctx.anonymousTargets.push(target)
    return { blocks: [], next: end }
  }
  const name = normalizeName(unescapeBackslashes(match[2] ?? match[3]))
  if (target) {
    if (!ctx.explicitTargets.has(name)) ctx.explicitTargets.set(name, target)
    return { blocks: [], next: end }
  }
  // ".. _name:" with nothing after it marks this spot in the document
  const existing = ctx.explicitTargets.get(name)
  if (existing?.kind === 'internal') return { blocks: [], next: end }
  const id = uniqueId(makeId(name), ctx)
  ctx.explicitTargets.set(name, { kind: 'internal', id })
  return { blocks: [{ kind: 'anchor', id }], next: end }
}

/** A target's link block is either a reference to another name ("other_") or a URL. */
function targetFromBlock(block: string[]): Target | undefined {
  const text = block
    .map((line) => line.trim())
    .join(' ')
    .trim()
  if (text === '') return undefined
  const reference = REFERENCE_TARGET.exec(text)
  if (reference) return { kind: 'indirect', name: normalizeName(unescapeBackslashes(reference[1] ?? reference[2])) }
  // long URLs may be wrapped over several lines; whitespace inside them is not significant
  return { kind: 'url', url: unescapeBackslashes(block.map((line) => line.trim()).join('')) }
}

function parseShortAnonymousTarget(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const match = SHORT_ANONYMOUS_TARGET.exec(lines[i])
  if (!match) return undefined
  const { block, end } = getIndented(lines, i, match[0].length)
  const target = targetFromBlock(block)
  if (target) ctx.anonymousTargets.push(target)
  return { blocks: [], next: end }
}

const SUBSTITUTION_DEFINITION = /^\.\. +\|(?! )((?:[^|\\]|\\.)+?)(?<! )\|(?: +|$)/
const DIRECTIVE_NAME = new RegExp(`^(${SIMPLE_NAME}) ?::(?: +|$)`)

function parseSubstitutionDefinition(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const match = SUBSTITUTION_DEFINITION.exec(lines[i])
  if (!match) return undefined
  const { block, end } = getIndented(lines, i, match[0].length)
  const [first = '', ...rest] = trimBlankEdges(block)
  const directive = DIRECTIVE_NAME.exec(first)
  const substitution = directive
    ? substitutionFromDirective(directive[1].toLowerCase(), [first.slice(directive[0].length), ...rest])
    : undefined
  const name = unescapeBackslashes(match[1])
  if (substitution && !ctx.substitutions.has(name)) {
    if (substitution.kind === 'inline') noteInline(substitution.text, ctx)
    ctx.substitutions.set(name, substitution)
    if (!ctx.substitutionsByNormalizedName.has(normalizeName(name))) {
      ctx.substitutionsByNormalizedName.set(normalizeName(name), substitution)
    }
  }
  return { blocks: [], next: end }
}

function substitutionFromDirective(name: string, block: string[]): Substitution | undefined {
  switch (name) {
    case 'replace':
      return {
        kind: 'inline',
        text: directiveBody(block)
          .map((line) => line.trim())
          .join(' '),
      }
    case 'image': {
      const parts = directiveWithArgument(block)
      return { kind: 'image', image: imageSpec(parts) }
    }
    case 'unicode':
      return { kind: 'text', text: unicodeDirectiveText(block.join(' ')) }
    default:
      return undefined
  }
}

/** The unicode directive: character codes ("U+2014", "0xA9", "&#x2122;", "169") and plain text. */
function unicodeDirectiveText(argument: string): string {
  const words = argument.split(' .. ')[0].trim().split(/\s+/)
  return words
    .map((word) => {
      const hex = /^(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-f]+);?$/i.exec(word)
      const code = hex ? parseInt(hex[1], 16) : /^\d+$/.test(word) ? Number(word) : undefined
      return code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : word
    })
    .join('')
}

// --- directives ----------------------------------------------------------------------

const DIRECTIVE = new RegExp(`^\\.\\. +(${SIMPLE_NAME}) ?::(?: +|$)`)

interface DirectiveParts {
  argumentLines: string[]
  options: Map<string, string>
  content: string[]
}

type DirectiveHandler = (block: string[], ctx: Context) => Block[]

function parseDirective(lines: string[], i: number, ctx: Context): Parsed | undefined {
  const match = DIRECTIVE.exec(lines[i])
  if (!match) return undefined
  const { block, end } = getIndented(lines, i, match[0].length)
  // unknown directives are dropped like comments, as are raw/include on purpose
  const handler = DIRECTIVES.get(match[1].toLowerCase())
  return { blocks: handler ? handler(block, ctx) : [], next: end }
}

/**
 * For directives taking an argument and options (docutils'
 * parse_directive_block): the lines before the first blank line hold the
 * argument, then ":option: value" lines; the content comes after the blank line.
 */
function directiveWithArgument(block: string[]): DirectiveParts {
  const lines = block[0] === '' ? block.slice(1) : block
  const blank = lines.findIndex(isBlank)
  const head = blank === -1 ? lines : lines.slice(0, blank)
  const content = blank === -1 ? [] : lines.slice(blank + 1)
  const optionStart = head.findIndex((line) => FIELD_MARKER.test(line))
  if (optionStart === -1) return { argumentLines: head, options: new Map(), content: trimBlankEdges(content) }
  const { options, rest } = parseOptions(head.slice(optionStart))
  // docutils would reject content glued to the options; treat it as content instead
  const glued = rest.length > 0 && content.length > 0 ? [...rest, ''] : rest
  return { argumentLines: head.slice(0, optionStart), options, content: trimBlankEdges([...glued, ...content]) }
}

/** For directives without an argument (note, warning ...): the first line already belongs to the content. */
function directiveBody(block: string[]): string[] {
  if (block[0] !== '') return trimBlankEdges(block)
  let start = 1
  while (start < block.length && FIELD_MARKER.test(block[start])) start++
  return trimBlankEdges(block.slice(start))
}

function parseOptions(lines: string[]): { options: Map<string, string>; rest: string[] } {
  const options = new Map<string, string>()
  let name: string | undefined
  for (let k = 0; k < lines.length; k++) {
    const match = FIELD_MARKER.exec(lines[k])
    if (match) {
      name = match[1].toLowerCase()
      options.set(name, lines[k].slice(match[0].length).trim())
    } else if (name !== undefined && indentOf(lines[k]) > 0) {
      options.set(name, `${options.get(name) ?? ''} ${lines[k].trim()}`.trim())
    } else {
      return { options, rest: lines.slice(k) }
    }
  }
  return { options, rest: [] }
}

function codeDirective(block: string[]): Block[] {
  const { argumentLines, content } = directiveWithArgument(block)
  const [argument = '', ...stray] = argumentLines
  // docutils rejects code that starts right under ".. code:: python" without a blank line;
  // authors nearly always meant it as code
  const glued = stray.length > 0 && content.length > 0 ? [...stray, ''] : stray
  const code = dedent(trimBlankEdges([...glued, ...content])).join('\n')
  const language = argument
    .trim()
    .split(/\s+/)[0]
    .replace(/[^\w#+.-]/g, '')
  return [{ kind: 'literal', code, language: language === '' ? undefined : language }]
}

function admonitionDirective(type: string, title: string): DirectiveHandler {
  return (block, ctx) => [
    {
      kind: 'box',
      className: `admonition ${type}`,
      title,
      titleClass: 'admonition-title',
      children: parseBlocks(directiveBody(block), ctx),
    },
  ]
}

function genericAdmonitionDirective(block: string[], ctx: Context): Block[] {
  const { argumentLines, content } = directiveWithArgument(block)
  const title = argumentLines.map((line) => line.trim()).join(' ')
  noteInline(title, ctx)
  const slug = makeId(title)
  return [
    {
      kind: 'box',
      className: slug === '' ? 'admonition' : `admonition admonition-${slug}`,
      title,
      titleClass: 'admonition-title',
      children: parseBlocks(content, ctx),
    },
  ]
}

/** Sphinx' versionadded / versionchanged / deprecated. */
function versionDirective(type: string, label: string): DirectiveHandler {
  return (block, ctx) => {
    const [version = '', ...rest] = (block[0] ?? '').trim().split(/\s+/)
    const body = [rest.join(' '), ...block.slice(1)]
    return [
      {
        kind: 'box',
        className: type,
        title: `${label} ${version}`.trim(),
        titleClass: 'versionmodified',
        children: parseBlocks(directiveBody(body), ctx),
      },
    ]
  }
}

function titledDirective(className: string): DirectiveHandler {
  return (block, ctx) => {
    const { argumentLines, content } = directiveWithArgument(block)
    const title = argumentLines.map((line) => line.trim()).join(' ')
    noteInline(title, ctx)
    return [{ kind: 'box', className, title, titleClass: `${className}-title`, children: parseBlocks(content, ctx) }]
  }
}

function containerDirective(className: string, takesClasses = false): DirectiveHandler {
  return (block, ctx) => {
    if (!takesClasses) return [{ kind: 'div', className, children: parseBlocks(directiveBody(block), ctx) }]
    const { argumentLines, content } = directiveWithArgument(block)
    const extra = argumentLines.join(' ').split(/\s+/).map(makeId).filter(Boolean)
    return [{ kind: 'div', className: [className, ...extra].join(' '), children: parseBlocks(content, ctx) }]
  }
}

function quoteDirective(className: string): DirectiveHandler {
  return (block, ctx) => [blockQuote(directiveBody(block), ctx, className)]
}

function imageSpec(parts: DirectiveParts): ImageSpec {
  const option = (name: string): string | undefined => parts.options.get(name)
  return {
    // a long URI may be wrapped; its whitespace is not significant
    uri: parts.argumentLines.join('').replace(/\s+/g, ''),
    alt: option('alt'),
    width: option('width'),
    height: option('height'),
    align: option('align'),
    target: option('target'),
  }
}

function imageDirective(block: string[]): Block[] {
  return [{ kind: 'image', image: imageSpec(directiveWithArgument(block)) }]
}

function figureDirective(block: string[], ctx: Context): Block[] {
  const parts = directiveWithArgument(block)
  const [first, ...rest] = parseBlocks(parts.content, ctx)
  const caption = first?.kind === 'paragraph' ? [first] : []
  const legend = first === undefined || first.kind === 'paragraph' ? rest : [first, ...rest]
  return [{ kind: 'figure', image: imageSpec(parts), caption, legend }]
}

function rubricDirective(block: string[], ctx: Context): Block[] {
  const text = directiveWithArgument(block)
    .argumentLines.map((line) => line.trim())
    .join(' ')
  noteInline(text, ctx)
  return [{ kind: 'rubric', text }]
}

function parsedLiteralDirective(block: string[], ctx: Context): Block[] {
  const text = dedent(directiveBody(block)).join('\n')
  noteInline(text, ctx)
  return [{ kind: 'parsedLiteral', text }]
}

function mathDirective(block: string[]): Block[] {
  return [{ kind: 'math', text: dedent(directiveBody(block)).join('\n') }]
}

function centeredDirective(block: string[], ctx: Context): Block[] {
  const text = directiveBody(block)
    .map((line) => line.trim())
    .join(' ')
  return [{ kind: 'div', className: 'centered', children: [paragraph(text, ctx)] }]
}

function contentsDirective(block: string[], ctx: Context): Block[] {
  const { argumentLines, options } = directiveWithArgument(block)
  const depth = Number.parseInt(options.get('depth') ?? '', 10)
  const title = argumentLines.map((line) => line.trim()).join(' ')
  const current = ctx.headings[ctx.headings.length - 1]
  return [
    {
      kind: 'contents',
      title: title === '' ? 'Contents' : title,
      depth: Number.isFinite(depth) && depth > 0 ? depth : 6,
      local: options.has('local'),
      fromHeading: ctx.headings.length,
      parentLevel: current?.level ?? 0,
    },
  ]
}

function listTableDirective(block: string[], ctx: Context): Block[] {
  const { argumentLines, options, content } = directiveWithArgument(block)
  const list = parseBlocks(content, ctx).find((child) => child.kind === 'bulletList')
  if (list?.kind !== 'bulletList') return []
  const rows = list.items.map((item) => {
    const cells = item.find((child) => child.kind === 'bulletList')
    return cells?.kind === 'bulletList' ? cells.items : [item]
  })
  return [tableWithHeader(rows, options, argumentLines, ctx)]
}

function csvTableDirective(block: string[], ctx: Context): Block[] {
  const { argumentLines, options, content } = directiveWithArgument(block)
  const toCells = (row: string[]): Cell[] => row.map((cell) => parseBlocks(cell.split('\n'), ctx))
  const header = options.has('header') ? parseCsv(options.get('header') ?? '').map(toCells) : []
  const rows = parseCsv(content.join('\n')).map(toCells)
  const table = tableWithHeader(rows, options, argumentLines, ctx)
  return [{ ...table, header: [...header, ...table.header] }]
}

function tableWithHeader(
  rows: Cell[][],
  options: Map<string, string>,
  argumentLines: string[],
  ctx: Context,
): TableBlock {
  const headerRows = Math.max(0, Number.parseInt(options.get('header-rows') ?? '0', 10) || 0)
  const caption = argumentLines.map((line) => line.trim()).join(' ')
  noteInline(caption, ctx)
  return {
    kind: 'table',
    caption: caption === '' ? undefined : caption,
    header: rows.slice(0, headerRows),
    body: rows.slice(headerRows),
  }
}

/** The table directive only adds a caption to the table in its content. */
function tableDirective(block: string[], ctx: Context): Block[] {
  const { argumentLines, content } = directiveWithArgument(block)
  const caption = argumentLines.map((line) => line.trim()).join(' ')
  noteInline(caption, ctx)
  return parseBlocks(content, ctx).map((child) =>
    child.kind === 'table' && caption !== '' ? { ...child, caption } : child,
  )
}

/** CSV as docutils reads it: double quotes, doubled quotes inside them, spaces after commas skipped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let fieldStart = true
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"'
        k++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && fieldStart) {
      quoted = true
      fieldStart = false
    } else if (ch === ',' || ch === '\n') {
      row.push(field.trim())
      field = ''
      fieldStart = true
      if (ch === '\n') {
        if (row.some((cell) => cell !== '')) rows.push(row)
        row = []
      }
    } else if (!(fieldStart && ch === ' ')) {
      field += ch
      fieldStart = false
    }
  }
  row.push(field.trim())
  if (row.some((cell) => cell !== '')) rows.push(row)
  return rows
}

const DIRECTIVES = new Map<string, DirectiveHandler>([
  ['code-block', codeDirective],
  ['code', codeDirective],
  ['sourcecode', codeDirective],
  ['attention', admonitionDirective('attention', 'Attention!')],
  ['caution', admonitionDirective('caution', 'Caution!')],
  ['danger', admonitionDirective('danger', '!DANGER!')],
  ['error', admonitionDirective('error', 'Error')],
  ['hint', admonitionDirective('hint', 'Hint')],
  ['important', admonitionDirective('important', 'Important')],
  ['note', admonitionDirective('note', 'Note')],
  ['tip', admonitionDirective('tip', 'Tip')],
  ['warning', admonitionDirective('warning', 'Warning')],
  ['seealso', admonitionDirective('seealso', 'See also')],
  ['admonition', genericAdmonitionDirective],
  ['versionadded', versionDirective('versionadded', 'New in version')],
  ['versionchanged', versionDirective('versionchanged', 'Changed in version')],
  ['deprecated', versionDirective('deprecated', 'Deprecated since version')],
  ['image', imageDirective],
  ['figure', figureDirective],
  ['topic', titledDirective('topic')],
  ['sidebar', titledDirective('sidebar')],
  ['rubric', rubricDirective],
  ['epigraph', quoteDirective('epigraph')],
  ['highlights', quoteDirective('highlights')],
  ['pull-quote', quoteDirective('pull-quote')],
  ['container', containerDirective('container', true)],
  ['compound', containerDirective('compound')],
  ['glossary', containerDirective('glossary')],
  ['hlist', containerDirective('hlist')],
  ['centered', centeredDirective],
  ['parsed-literal', parsedLiteralDirective],
  ['math', mathDirective],
  ['contents', contentsDirective],
  ['list-table', listTableDirective],
  ['csv-table', csvTableDirective],
  ['table', tableDirective],
])

// ---------------------------------------------------------------------------
// Collecting names from inline text at parse time
// ---------------------------------------------------------------------------

const EMBEDDED_REFERENCE = /`((?:[^`\\]|\\.)*?)<([^<>`]+)>`_(?!_)/g
const INLINE_TARGET = /(?:^|[\s\-/:'"(<[{])_`((?:[^`\\]|\\.)+)`/g

/**
 * `` `Python <https://python.org>`_ `` also defines the name "Python" for
 * later `Python`_ references, and _`inline targets` define names too; both
 * must be known before rendering starts.
 */
function noteInline(text: string, ctx: Context): void {
  for (const match of text.matchAll(EMBEDDED_REFERENCE)) {
    const label = match[1]
    if (label !== '' && !/\s$/.test(label)) continue
    const target = embeddedTarget(match[2])
    const name = normalizeName(unescapeBackslashes(label === '' ? match[2] : label))
    if (!ctx.embeddedTargets.has(name)) ctx.embeddedTargets.set(name, target)
  }
  for (const match of text.matchAll(INLINE_TARGET)) {
    const name = normalizeName(unescapeBackslashes(match[1]))
    if (!ctx.explicitTargets.has(name)) {
      ctx.explicitTargets.set(name, { kind: 'internal', id: uniqueId(makeId(name), ctx) })
    }
  }
}

/** `<other_>` aliases another target; anything else is a URI whose whitespace is insignificant. */
function embeddedTarget(text: string): Target {
  const alias = /^(.*[^\\\s])_$/s.exec(text.trim())
  if (alias) return { kind: 'indirect', name: normalizeName(unescapeBackslashes(alias[1].replace(/^`|`$/g, ''))) }
  return { kind: 'url', url: unescapeBackslashes(text.replace(/\s+/g, '')) }
}

// ---------------------------------------------------------------------------
// Finalizing: footnote numbers, heading ids
// ---------------------------------------------------------------------------

const FOOTNOTE_SYMBOLS = ['*', '\u2020', '\u2021', '\u00a7', '\u00b6', '#', '\u2660', '\u2665', '\u2666', '\u2663']

function finalizeDocument(ctx: Context): void {
  numberFootnotes(ctx)
  for (const block of ctx.headings) {
    // render the title once, consuming nothing, to learn its text (`*Title*` is named "Title")
    ctx.dryRun = true
    block.plain = htmlToText(renderInline(block.title, ctx))
    ctx.dryRun = false
    block.id = uniqueId(makeId(block.plain), ctx)
    const name = normalizeName(block.plain)
    if (!ctx.implicitTargets.has(name)) ctx.implicitTargets.set(name, `#${block.id}`)
  }
}

function numberFootnotes(ctx: Context): void {
  const taken = new Set(ctx.footnotes.filter((note) => note.kind === 'numbered').map((note) => note.label))
  let next = 1
  let symbols = 0
  for (const note of ctx.footnotes) {
    if (note.kind === 'auto' || note.kind === 'autoNamed') {
      // auto-numbered footnotes skip the numbers used by manually numbered ones
      while (taken.has(String(next))) next++
      note.display = String(next++)
    } else if (note.kind === 'symbol') {
      note.display = FOOTNOTE_SYMBOLS[symbols % 10].repeat(Math.floor(symbols / 10) + 1)
      symbols++
    } else {
      note.display = note.label
    }
    note.id =
      note.kind === 'citation'
        ? uniqueId(`citation-${makeId(note.label) || 'label'}`, ctx)
        : uniqueId(`footnote-${note.kind === 'symbol' ? `symbol-${symbols}` : note.display}`, ctx)
  }
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

// ---------------------------------------------------------------------------
// Reference resolution
// ---------------------------------------------------------------------------

function resolveName(name: string, ctx: Context, depth = 0): string | undefined {
  const target = ctx.explicitTargets.get(name) ?? ctx.embeddedTargets.get(name)
  if (target) return resolveTarget(target, ctx, depth)
  return ctx.implicitTargets.get(name)
}

function resolveTarget(target: Target, ctx: Context, depth: number): string | undefined {
  switch (target.kind) {
    case 'url':
      return target.url
    case 'internal':
      return `#${target.id}`
    case 'indirect':
      // indirect targets may form a cycle
      return depth > 10 ? undefined : resolveName(target.name, ctx, depth + 1)
  }
}

/** Anonymous references (`text`__) take the anonymous targets in document order. */
function nextAnonymousTarget(ctx: Context): string | undefined {
  if (ctx.dryRun) return undefined
  const target = ctx.anonymousTargets[ctx.anonymousIndex++]
  return target === undefined ? undefined : resolveTarget(target, ctx, 0)
}

function footnoteFor(label: string, ctx: Context): FootnoteDef | undefined {
  if (label === '#' || label === '*') {
    // in a dry run nothing may be taken from the queues
    if (ctx.dryRun) return undefined
    return label === '#'
      ? ctx.autoFootnoteQueue[ctx.autoFootnoteIndex++]
      : ctx.symbolFootnoteQueue[ctx.symbolFootnoteIndex++]
  }
  return ctx.footnotesByLabel.get(label.toLowerCase())
}

// ---------------------------------------------------------------------------
// Inline markup
// ---------------------------------------------------------------------------

/**
 * Backslash escapes are replaced by NUL + the character first (docutils'
 * escape2null), so an escaped character can neither start nor end markup.
 */
const ESCAPE = '\u0000'

function markEscapes(text: string): string {
  return text.replace(/\\([\s\S])/g, `${ESCAPE}$1`)
}

/** Drop escape marks; an escaped space or newline disappears entirely ("foo\ *bar*"). */
function unescapeText(text: string): string {
  return text.replace(/\u0000\s/g, '').replace(/\u0000/g, '')
}

/** Inline literals keep their backslashes. */
function restoreBackslashes(text: string): string {
  return text.replace(/\u0000/g, '\\')
}

function plainText(text: string): string {
  return escapeText(unescapeText(text))
}

/**
 * docutils' inline markup recognition rules: a start-string must follow
 * whitespace, an opening bracket/quote or a delimiter, and an end-string must
 * be followed by whitespace, a closing bracket/quote or punctuation. This is
 * what keeps "2*3*4", "snake_case_" or "a**b" from becoming markup.
 */
function isStartPrefix(ch: string | undefined): boolean {
  if (ch === undefined || /\s/.test(ch)) return true
  if (ch < '\u0080') return `-/:\\"'(<[{`.includes(ch)
  return /[\p{Ps}\p{Pi}\p{Pf}\p{Pd}\p{Po}]/u.test(ch)
}

function isEndSuffix(ch: string | undefined): boolean {
  if (ch === undefined || ch === ESCAPE || /\s/.test(ch)) return true
  if (ch < '\u0080') return `-/:\\.,;!?"')>]}`.includes(ch)
  return /[\p{Pe}\p{Pi}\p{Pf}\p{Pd}\p{Po}]/u.test(ch)
}

const QUOTE_PAIRS = new Map([
  ['"', '"'],
  ["'", "'"],
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['<', '>'],
  ['\u2018', '\u2019'],
  ['\u201c', '\u201d'],
  ['\u00ab', '\u00bb'],
  ['\u2039', '\u203a'],
])

/** One run of inline text being scanned. */
interface InlineScan {
  /** The source text with escapes marked. */
  text: string
  ctx: Context
  /**
   * Per kind of end-string, a position from which on none exists. Without
   * it, every unmatched start-string would search to the end of the text
   * again, which is quadratic on long paragraphs full of stray asterisks.
   */
  noCloseFrom: Map<string, number>
  /** See matchEmail and matchSimpleReference. */
  noEmailBefore: number
  noReferenceBefore: number
}

interface InlineMatch {
  html: string
  end: number
}

function canOpen(text: string, start: number, length: number): boolean {
  const before = text[start - 1]
  const after = text[start + length]
  if (after === undefined || /\s/.test(after) || !isStartPrefix(before)) return false
  // a quoted start-string ("*" or (*)) is just punctuation
  return before === undefined || QUOTE_PAIRS.get(before) !== after
}

/**
 * The first position at or after `from` where `accept` finds a valid
 * end-string (it returns where the construct ends), remembering failures.
 */
function searchClose<T>(
  scan: InlineScan,
  key: string,
  marker: string,
  from: number,
  accept: (j: number) => T | undefined,
): T | undefined {
  const knownMissing = scan.noCloseFrom.get(key)
  if (knownMissing !== undefined && from >= knownMissing) return undefined
  const { text } = scan
  for (let j = text.indexOf(marker, from); j !== -1; j = text.indexOf(marker, j + 1)) {
    // an end-string follows non-whitespace that is not an escaped character
    const before = text[j - 1]
    if (/\s/.test(before) || (before === ESCAPE && marker !== '``')) continue
    const found = accept(j)
    if (found !== undefined) return found
  }
  scan.noCloseFrom.set(key, Math.min(knownMissing ?? from, from))
  return undefined
}

/** Index of the first valid end-string at or after `from`, or undefined. */
function findClose(scan: InlineScan, from: number, marker: string): number | undefined {
  return searchClose(scan, marker, marker, from, (j) => (isEndSuffix(scan.text[j + marker.length]) ? j : undefined))
}

/** A start-string without its end-string is plain text (docutils warns, we don't). */
function unmatched(scan: InlineScan, start: number, length: number): InlineMatch {
  return { html: plainText(scan.text.slice(start, start + length)), end: start + length }
}

function renderInline(source: string, ctx: Context): string {
  const scan: InlineScan = {
    text: markEscapes(source),
    ctx,
    noCloseFrom: new Map(),
    noEmailBefore: 0,
    noReferenceBefore: 0,
  }
  const { text } = scan
  let html = ''
  let textStart = 0
  let i = 0
  while (i < text.length) {
    const match = matchInlineAt(scan, i)
    if (match === undefined) {
      i++
      continue
    }
    html += plainText(text.slice(textStart, i)) + match.html
    i = textStart = match.end
  }
  return html + plainText(text.slice(textStart))
}

function matchInlineAt(scan: InlineScan, i: number): InlineMatch | undefined {
  const next = scan.text[i + 1]
  switch (scan.text[i]) {
    case '`':
      return next === '`' ? matchLiteral(scan, i) : matchInterpreted(scan, i, i, undefined)
    case '*':
      return next === '*' ? matchStyled(scan, i, '**', 'strong') : matchStyled(scan, i, '*', 'em')
    case ':':
      return matchRole(scan, i)
    case '_':
      return next === '`' ? matchInlineTarget(scan, i) : undefined
    case '|':
      return matchSubstitution(scan, i)
    case '[':
      return matchFootnoteReference(scan, i)
    default:
      return matchStandalone(scan, i)
  }
}

function matchStyled(scan: InlineScan, start: number, marker: string, tag: string): InlineMatch | undefined {
  if (!canOpen(scan.text, start, marker.length)) return undefined
  const end = findClose(scan, start + marker.length + 1, marker)
  if (end === undefined) return unmatched(scan, start, marker.length)
  const content = scan.text.slice(start + marker.length, end)
  return { html: `<${tag}>${plainText(content)}</${tag}>`, end: end + marker.length }
}

function matchLiteral(scan: InlineScan, start: number): InlineMatch | undefined {
  if (!canOpen(scan.text, start, 2)) return undefined
  const end = findClose(scan, start + 3, '``')
  if (end === undefined) return unmatched(scan, start, 2)
  const code = restoreBackslashes(scan.text.slice(start + 2, end))
  return { html: `<code>${escapeText(code)}</code>`, end: end + 2 }
}

const ROLE_PREFIX = new RegExp(`:(${SIMPLE_NAME}):\``, 'y')
const INTERPRETED_SUFFIX = new RegExp(`(?::(${SIMPLE_NAME}):|(__?))?`, 'y')

function matchRole(scan: InlineScan, start: number): InlineMatch | undefined {
  if (!isStartPrefix(scan.text[start - 1])) return undefined
  ROLE_PREFIX.lastIndex = start
  const match = ROLE_PREFIX.exec(scan.text)
  if (!match) return undefined
  return matchInterpreted(scan, start, start + match[0].length - 1, match[1])
}

/**
 * Interpreted text and phrase references: `text`, :role:`text`, `text`:role:,
 * `text`_ and `text`__. `tick` is the opening backquote, `start` where the
 * construct (including a role prefix) begins.
 */
function matchInterpreted(
  scan: InlineScan,
  start: number,
  tick: number,
  role: string | undefined,
): InlineMatch | undefined {
  const after = scan.text[tick + 1]
  if (after === undefined || /\s/.test(after) || after === '`') return undefined
  if (role === undefined && !canOpen(scan.text, tick, 1)) return undefined
  const close = findInterpretedClose(scan, tick + 2)
  if (close === undefined) return unmatched(scan, start, tick + 1 - start)
  const content = scan.text.slice(tick + 1, close.index)
  const html =
    close.refend !== undefined && role === undefined
      ? renderPhraseReference(content, close.refend === '__', scan.ctx)
      : renderRole(role ?? close.role ?? 'title-reference', content)
  return { html, end: close.end }
}

interface InterpretedClose {
  index: number
  end: number
  role?: string
  refend?: string
}

function findInterpretedClose(scan: InlineScan, from: number): InterpretedClose | undefined {
  const { text } = scan
  return searchClose(scan, 'interpreted', '`', from, (j) => {
    INTERPRETED_SUFFIX.lastIndex = j + 1
    const suffix = INTERPRETED_SUFFIX.exec(text)
    // prefer "`_" / "`:role:" but fall back to a bare backquote, as docutils' regex would
    if (suffix && suffix[0] !== '' && isEndSuffix(text[j + 1 + suffix[0].length])) {
      return { index: j, end: j + 1 + suffix[0].length, role: suffix[1], refend: suffix[2] }
    }
    return isEndSuffix(text[j + 1]) ? { index: j, end: j + 1 } : undefined
  })
}

/** Display text of a Sphinx cross-reference: "title <target>", "~mod.func" -> "func", "!name". */
function crossReferenceText(content: string): string {
  const titled = /^(.+?)\s*<[^<>]*>$/s.exec(content)
  if (titled) return titled[1]
  const bare = content.replace(/^!/, '')
  return bare.startsWith('~') ? (bare.slice(1).split('.').pop() ?? '') : bare
}

const ROLE_TAGS = new Map([
  ['emphasis', 'em'],
  ['strong', 'strong'],
  ['literal', 'code'],
  ['code', 'code'],
  ['subscript', 'sub'],
  ['sub', 'sub'],
  ['superscript', 'sup'],
  ['sup', 'sup'],
  ['title-reference', 'cite'],
  ['title', 'cite'],
  ['t', 'cite'],
  ['abbreviation', 'abbr'],
  ['ab', 'abbr'],
  ['acronym', 'abbr'],
  ['ac', 'abbr'],
  ['kbd', 'kbd'],
  ['dfn', 'em'],
  // Sphinx cross-references to prose rather than to code
  ['ref', 'em'],
  ['doc', 'em'],
  ['term', 'em'],
  ['any', 'em'],
])

/** Roles not listed (Sphinx' :func:, :class:, :mod:, :file: ...) name code, so they become <code>. */
function renderRole(role: string, content: string): string {
  const name = role.toLowerCase()
  const text = unescapeText(content)
  if (name === 'pep' || name === 'pep-reference') return pepLink(text)
  if (name === 'rfc' || name === 'rfc-reference') return rfcLink(text)
  const tag = ROLE_TAGS.get(name) ?? 'code'
  const display = ['literal', 'code', 'emphasis', 'strong'].includes(name) ? text : crossReferenceText(text)
  return `<${tag}>${escapeText(display)}</${tag}>`
}

function pepLink(content: string): string {
  const match = /^(\d+)(?:#(.+))?$/.exec(content.trim())
  if (!match) return escapeText(content)
  const anchor = match[2] === undefined ? '' : `#${match[2]}`
  return link(`https://peps.python.org/pep-${match[1].padStart(4, '0')}/${anchor}`, `PEP ${Number(match[1])}`)
}

function rfcLink(content: string): string {
  const match = /^(\d+)(?:#(.+))?$/.exec(content.trim())
  if (!match) return escapeText(content)
  const anchor = match[2] === undefined ? '' : `#${match[2]}`
  return link(`https://tools.ietf.org/html/rfc${Number(match[1])}.html${anchor}`, `RFC ${Number(match[1])}`)
}

/** `<` must follow whitespace (or open the text) to start an embedded URI. */
const EMBEDDED_URI = /(?:^|\s)<([^<>]+)>$/

function renderPhraseReference(content: string, anonymous: boolean, ctx: Context): string {
  const embedded = EMBEDDED_URI.exec(content)
  if (embedded) {
    const label = unescapeText(content.slice(0, embedded.index)).trim()
    const href = resolveTarget(embeddedTarget(restoreBackslashes(embedded[1])), ctx, 0)
    return link(href, escapeText(label === '' ? unescapeText(embedded[1]).replace(/\s+/g, '') : label))
  }
  const href = anonymous ? nextAnonymousTarget(ctx) : resolveName(normalizeName(unescapeText(content)), ctx)
  return link(href, plainText(content))
}

function matchInlineTarget(scan: InlineScan, start: number): InlineMatch | undefined {
  if (!canOpen(scan.text, start, 2)) return undefined
  const end = findClose(scan, start + 3, '`')
  if (end === undefined) return unmatched(scan, start, 2)
  const content = scan.text.slice(start + 2, end)
  const target = scan.ctx.explicitTargets.get(normalizeName(unescapeText(content)))
  const html =
    target?.kind === 'internal' && !scan.ctx.dryRun
      ? `<span id="${escapeAttribute(target.id)}">${plainText(content)}</span>`
      : plainText(content)
  return { html, end: end + 1 }
}

function matchSubstitution(scan: InlineScan, start: number): InlineMatch | undefined {
  const { text, ctx } = scan
  if (!canOpen(text, start, 1)) return undefined
  const close = searchClose(scan, '|', '|', start + 2, (j) => {
    // |name|, |name|_ (also a reference) or |name|__ (anonymous reference)
    const refend = text[j + 1] === '_' ? (text[j + 2] === '_' ? '__' : '_') : ''
    return isEndSuffix(text[j + 1 + refend.length]) ? { index: j, refend } : undefined
  })
  if (close === undefined) return unmatched(scan, start, 1)
  const end = close.index + 1 + close.refend.length
  const name = unescapeText(text.slice(start + 1, close.index))
  const html = renderSubstitution(name, ctx)
  if (html === undefined) return { html: plainText(text.slice(start, end)), end }
  if (close.refend === '') return { html, end }
  const href = close.refend === '__' ? nextAnonymousTarget(ctx) : resolveName(normalizeName(name), ctx)
  return { html: link(href, html), end }
}

function renderSubstitution(name: string, ctx: Context): string | undefined {
  const substitution = ctx.substitutions.get(name) ?? ctx.substitutionsByNormalizedName.get(normalizeName(name))
  // a substitution that (indirectly) refers to itself would never finish
  if (substitution === undefined || ctx.substitutionDepth > 8) return undefined
  switch (substitution.kind) {
    case 'text':
      return escapeText(substitution.text)
    case 'image':
      return renderImage(substitution.image, ctx)
    case 'inline': {
      ctx.substitutionDepth++
      try {
        return renderInline(substitution.text, ctx)
      } finally {
        ctx.substitutionDepth--
      }
    }
  }
}

const FOOTNOTE_REFERENCE = new RegExp(`\\[(\\d+|#(?:${SIMPLE_NAME})?|\\*|${SIMPLE_NAME})\\]_`, 'y')

function matchFootnoteReference(scan: InlineScan, start: number): InlineMatch | undefined {
  if (!isStartPrefix(scan.text[start - 1])) return undefined
  FOOTNOTE_REFERENCE.lastIndex = start
  const match = FOOTNOTE_REFERENCE.exec(scan.text)
  if (!match || !isEndSuffix(scan.text[start + match[0].length])) return undefined
  const end = start + match[0].length
  const note = footnoteFor(match[1], scan.ctx)
  if (note === undefined) return { html: plainText(match[0]), end }
  const className = note.kind === 'citation' ? 'citation-reference' : 'footnote-reference'
  const html = `<a class="${className}" href="#${escapeAttribute(note.id)}">[${escapeText(note.display)}]</a>`
  return { html, end }
}

// sticky ("y") patterns match exactly at lastIndex, so no slicing of the text is needed
const STANDALONE_URI = /(?:(?:https?|ftp):\/\/[^\s<>"\u0000]+|mailto:[^\s<>"\u0000@]+@[^\s<>"\u0000]+)/iy
const EMAIL_LOCAL_PART = /[\w.+-]+/y
const EMAIL_DOMAIN = /[\w-]+(?:\.[\w-]+)+/y
const REFERENCE_NAME = /[\p{L}\p{N}]+(?:[-_.:+][\p{L}\p{N}]+)*/uy

function stickyMatch(pattern: RegExp, text: string, start: number): string | undefined {
  pattern.lastIndex = start
  return pattern.exec(text)?.[0]
}

/** Bare URLs, e-mail addresses and `name_` references, all of which start a word. */
function matchStandalone(scan: InlineScan, start: number): InlineMatch | undefined {
  const { text } = scan
  if (!/[\p{L}\p{N}]/u.test(text[start]) || !isStartPrefix(text[start - 1])) return undefined
  const uri = stickyMatch(STANDALONE_URI, text, start)
  if (uri !== undefined) {
    const url = trimUrl(uri)
    if (!/^[a-z]+:\/*$/i.test(url)) return { html: link(url, escapeText(url)), end: start + url.length }
  }
  return matchEmail(scan, start) ?? matchSimpleReference(scan, start)
}

/*
 * Words can start inside other words ("a-b-c" has three), so a failed e-mail
 * or reference attempt remembers where its run of characters ended: attempts
 * starting inside that run would reach the same end and fail the same way.
 */

function matchEmail(scan: InlineScan, start: number): InlineMatch | undefined {
  if (start < scan.noEmailBefore) return undefined
  const local = stickyMatch(EMAIL_LOCAL_PART, scan.text, start) ?? ''
  const at = start + local.length
  const domain = scan.text[at] === '@' ? stickyMatch(EMAIL_DOMAIN, scan.text, at + 1) : undefined
  if (domain === undefined) {
    scan.noEmailBefore = at
    return undefined
  }
  const address = `${local}@${domain}`
  return { html: link(`mailto:${address}`, escapeText(address)), end: start + address.length }
}

/** `name_` and anonymous `name__`; an unresolvable "word_" stays as written. */
function matchSimpleReference(scan: InlineScan, start: number): InlineMatch | undefined {
  if (start < scan.noReferenceBefore) return undefined
  const { text, ctx } = scan
  const name = stickyMatch(REFERENCE_NAME, text, start) ?? ''
  const nameEnd = start + name.length
  const refend = text.startsWith('__', nameEnd) ? '__' : text[nameEnd] === '_' ? '_' : ''
  const end = nameEnd + refend.length
  if (refend === '' || !isEndSuffix(text[end])) {
    scan.noReferenceBefore = nameEnd
    return undefined
  }
  const href = refend === '__' ? nextAnonymousTarget(ctx) : resolveName(normalizeName(name), ctx)
  return { html: href === undefined ? escapeText(name + refend) : link(href, escapeText(name)), end }
}

const URL_BRACKETS = new Map([
  [')', '('],
  [']', '['],
  ['}', '{'],
])

/** Sentence punctuation after a URL is not part of it; a closing bracket only if it closes one inside. */
function trimUrl(url: string): string {
  let out = url
  for (;;) {
    const last = out[out.length - 1]
    const opener = URL_BRACKETS.get(last)
    if (/[.,;:!?'"*]/.test(last)) out = out.slice(0, -1)
    else if (opener !== undefined && out.split(opener).length <= out.split(last).length - 1) out = out.slice(0, -1)
    else return out
  }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

function renderBlocks(blocks: Block[], ctx: Context): string {
  return blocks
    .map((block) => renderBlock(block, ctx))
    .filter((html) => html !== '')
    .join('\n')
}

function renderBlock(block: Block, ctx: Context): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level} id="${escapeAttribute(block.id)}">${renderInline(block.title, ctx)}</h${block.level}>`
    case 'paragraph':
      return `<p>${renderInline(block.text, ctx)}</p>`
    case 'literal': {
      const language = block.language === undefined ? '' : ` class="language-${escapeAttribute(block.language)}"`
      return `<pre><code${language}>${escapeText(block.code)}</code></pre>`
    }
    case 'parsedLiteral':
      return `<pre class="parsed-literal">${renderInline(block.text, ctx)}</pre>`
    case 'math':
      return `<pre class="math">${escapeText(block.text)}</pre>`
    case 'blockquote':
      return renderBlockQuote(block.children, block.attribution, block.className, ctx)
    case 'bulletList':
      return renderList('ul', '', block.items, ctx)
    case 'enumList':
      return renderList('ol', enumAttributes(block.sequence, block.start), block.items, ctx)
    case 'definitionList':
      return renderDefinitionList(block.items, ctx)
    case 'fieldList':
      return renderFieldList(block.items, ctx)
    case 'lineBlock':
      return renderLineBlock(block.lines, ctx)
    case 'transition':
      return '<hr>'
    case 'box': {
      const title = `<p class="${block.titleClass}">${renderInline(block.title, ctx)}</p>`
      return `<div class="${block.className}">\n${[title, renderBlocks(block.children, ctx)].filter(Boolean).join('\n')}\n</div>`
    }
    case 'div':
      return `<div class="${block.className}">\n${renderBlocks(block.children, ctx)}\n</div>`
    case 'image':
      return renderImage(block.image, ctx)
    case 'figure':
      return renderFigure(block.image, block.caption, block.legend, ctx)
    case 'table':
      return renderTable(block, ctx)
    case 'rubric':
      return `<p class="rubric">${renderInline(block.text, ctx)}</p>`
    case 'anchor':
      return `<span id="${escapeAttribute(block.id)}"></span>`
    case 'footnotes':
      return renderFootnotes(block.notes, ctx)
    case 'contents':
      return renderContents(block, ctx)
  }
}

/**
 * Like docutils' "simple" lists: when an item holds a single paragraph (plus
 * nested lists), the paragraph is written without <p> so lists stay compact.
 */
function isCompact(blocks: Block[]): boolean {
  if (blocks.length === 0) return true
  return (
    blocks[0].kind === 'paragraph' && blocks.slice(1).every((b) => b.kind === 'bulletList' || b.kind === 'enumList')
  )
}

function renderBody(blocks: Block[], compact: boolean, ctx: Context): string {
  const [first, ...rest] = blocks
  if (!compact || first?.kind !== 'paragraph') return renderBlocks(blocks, ctx)
  const nested = rest.length === 0 ? '' : `\n${renderBlocks(rest, ctx)}\n`
  return renderInline(first.text, ctx) + nested
}

function renderList(tag: string, attributes: string, items: Block[][], ctx: Context): string {
  const compact = items.every(isCompact)
  const rendered = items.map((item) => `<li>${renderBody(item, compact, ctx)}</li>`)
  return `<${tag}${attributes}>\n${rendered.join('\n')}\n</${tag}>`
}

function enumAttributes(sequence: EnumSequence, start: number): string {
  const type = { loweralpha: 'a', upperalpha: 'A', lowerroman: 'i', upperroman: 'I', arabic: '', auto: '' }[sequence]
  return (type === '' ? '' : ` type="${type}"`) + (start === 1 ? '' : ` start="${start}"`)
}

function renderDefinitionList(items: DefinitionItem[], ctx: Context): string {
  const rendered = items.map((item) => {
    const classifiers = item.classifiers.map((c) => ` <span class="classifier">${renderInline(c, ctx)}</span>`)
    const body = renderBody(item.body, item.body.length === 1, ctx)
    return `<dt>${renderInline(item.term, ctx)}${classifiers.join('')}</dt>\n<dd>${body}</dd>`
  })
  return `<dl>\n${rendered.join('\n')}\n</dl>`
}

function renderFieldList(items: FieldItem[], ctx: Context): string {
  const rendered = items.map(
    (item) =>
      `<dt>${renderInline(item.name, ctx)}</dt>\n<dd>${renderBody(item.body, item.body.length === 1, ctx)}</dd>`,
  )
  return `<dl class="field-list">\n${rendered.join('\n')}\n</dl>`
}

function renderLineBlock(lines: LineBlockLine[], ctx: Context): string {
  const rendered = lines.map((line) => {
    if (line.text === '') return '<div class="line"><br></div>'
    // indentation is meaningful in poems and addresses; keep it visible
    return `<div class="line">${'\u00a0'.repeat(line.indent)}${renderInline(line.text, ctx)}</div>`
  })
  return `<div class="line-block">\n${rendered.join('\n')}\n</div>`
}

function renderBlockQuote(
  children: Block[],
  attribution: string | undefined,
  className: string | undefined,
  ctx: Context,
): string {
  const open = className === undefined ? '<blockquote>' : `<blockquote class="${className}">`
  const parts = [renderBlocks(children, ctx)]
  if (attribution !== undefined) parts.push(`<p class="attribution">\u2014${renderInline(attribution, ctx)}</p>`)
  return `${open}\n${parts.filter(Boolean).join('\n')}\n</blockquote>`
}

function renderImage(image: ImageSpec, ctx: Context): string {
  const src = safeUrl(image.uri)
  if (src === undefined) return ''
  const attributes = [`src="${escapeAttribute(src)}"`, `alt="${escapeAttribute(image.alt ?? image.uri)}"`]
  // only plain pixel sizes: anything else would need inline styles, which get sanitized away
  for (const dimension of ['width', 'height'] as const) {
    const size = /^(\d+)(?:px)?$/.exec(image[dimension] ?? '')
    if (size) attributes.push(`${dimension}="${size[1]}"`)
  }
  if (image.align !== undefined && /^(left|center|right|top|middle|bottom)$/.test(image.align)) {
    attributes.push(`class="align-${image.align}"`)
  }
  const img = `<img ${attributes.join(' ')}>`
  if (image.target === undefined) return img
  const target = image.target.trim()
  const reference = REFERENCE_TARGET.exec(target)
  const href = reference ? resolveName(normalizeName(reference[1] ?? reference[2]), ctx) : target.replace(/\s+/g, '')
  return link(href, img)
}

function renderFigure(image: ImageSpec, caption: Block[], legend: Block[], ctx: Context): string {
  const parts = [renderImage(image, ctx)]
  if (caption.length > 0 || legend.length > 0) {
    const legendHtml = legend.length === 0 ? '' : `\n<div class="legend">\n${renderBlocks(legend, ctx)}\n</div>`
    parts.push(`<figcaption>${renderBlocks(caption, ctx)}${legendHtml}</figcaption>`)
  }
  return `<figure>\n${parts.join('\n')}\n</figure>`
}

function renderTable(table: TableBlock, ctx: Context): string {
  const row = (cells: Cell[], tag: string): string =>
    `<tr>${cells.map((cell) => `<${tag}>${renderBody(cell, cell.length === 1, ctx)}</${tag}>`).join('')}</tr>`
  const parts = ['<table>']
  if (table.caption !== undefined) parts.push(`<caption>${renderInline(table.caption, ctx)}</caption>`)
  if (table.header.length > 0) parts.push(`<thead>\n${table.header.map((r) => row(r, 'th')).join('\n')}\n</thead>`)
  parts.push(`<tbody>\n${table.body.map((r) => row(r, 'td')).join('\n')}\n</tbody>`, '</table>')
  return parts.join('\n')
}

function renderFootnotes(notes: FootnoteDef[], ctx: Context): string {
  const rendered = notes.map(
    (note) =>
      `<dt id="${escapeAttribute(note.id)}">[${escapeText(note.display)}]</dt>\n<dd>${renderBody(note.body, note.body.length === 1, ctx)}</dd>`,
  )
  return `<dl class="footnotes">\n${rendered.join('\n')}\n</dl>`
}

function renderContents(block: ContentsBlock, ctx: Context): string {
  let headings = ctx.headings
  if (block.local) {
    // only the subsections of the section holding the directive
    const after = headings.slice(block.fromHeading)
    const stop = after.findIndex((h) => h.level <= block.parentLevel)
    headings = stop === -1 ? after : after.slice(0, stop)
  }
  if (headings.length === 0) return ''
  const top = headings.reduce((min, h) => Math.min(min, h.level), 6)
  const shown = headings.filter((h) => h.level < top + block.depth)
  return `<div class="contents topic">\n<p class="topic-title">${escapeText(block.title)}</p>\n${tocList(shown)}\n</div>`
}

function tocList(headings: HeadingBlock[]): string {
  const items: string[] = []
  for (let k = 0; k < headings.length;) {
    const heading = headings[k]
    let end = k + 1
    while (end < headings.length && headings[end].level > heading.level) end++
    const children = headings.slice(k + 1, end)
    const nested = children.length === 0 ? '' : tocList(children)
    items.push(`<li><a href="#${escapeAttribute(heading.id)}">${escapeText(heading.plain)}</a>${nested}</li>`)
    k = end
  }
  return `<ul>${items.join('')}</ul>`
}
