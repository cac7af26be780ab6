/**
 * The JSON shape of a Lexical editor state, checked before Payload's and
 * Lexical's own hooks walk it (they trust it, and crash on a node that is
 * not an object). No server-only imports: the field config uses it too.
 */

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Deeper than any real document; the renderers recurse once per level. */
export const MAX_RICH_TEXT_DEPTH = 64
export const MAX_RICH_TEXT_NODES = 100_000

/** Why `value` is not a Lexical editor state (null when it is one, or empty). */
export const richTextShapeError = (value: unknown): null | string => {
  if (value === null || value === undefined) return null
  if (!isPlainObject(value) || !isPlainObject(value.root) || value.root.type !== 'root') {
    return 'must be a Lexical editor state: { "root": { "type": "root", "children": [...] } }'
  }
  const stack: { depth: number; node: unknown }[] = [{ depth: 0, node: value.root }]
  let count = 0
  while (stack.length) {
    const { depth, node } = stack.pop()!
    count += 1
    if (count > MAX_RICH_TEXT_NODES) return `has more than ${MAX_RICH_TEXT_NODES} nodes`
    if (depth > MAX_RICH_TEXT_DEPTH) return `nests deeper than ${MAX_RICH_TEXT_DEPTH} levels`
    if (!isPlainObject(node) || typeof node.type !== 'string') return 'has a node that is not an object with a "type"'
    if ('fields' in node && node.fields !== undefined && node.fields !== null && !isPlainObject(node.fields)) {
      return 'has node "fields" that are not an object'
    }
    if ('children' in node) {
      if (!Array.isArray(node.children)) return 'has node "children" that are not an array'
      for (const child of node.children) stack.push({ depth: depth + 1, node: child })
    }
  }
  if (!Array.isArray(value.root.children)) return 'must have root.children'
  return null
}

const CONTENT_NODES = new Set(['upload', 'block', 'horizontalrule', 'table'])

/** True when an editor state shows nothing: no text, image, block, rule or table. */
export const isRichTextEmpty = (value: unknown): boolean => {
  if (!isPlainObject(value) || !isPlainObject(value.root)) return true
  const stack: unknown[] = [value.root]
  while (stack.length) {
    const node = stack.pop()
    if (!isPlainObject(node)) continue
    if (typeof node.type === 'string' && CONTENT_NODES.has(node.type)) return false
    if (typeof node.text === 'string' && node.text.trim()) return false
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return true
}
