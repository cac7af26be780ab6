import type { StreamParser } from '@codemirror/language'

type State = { literal: boolean; pendingLiteral: boolean }

/**
 * Highlighting (only highlighting: rendering is src/platform/markup/
 * restructuredtext.ts) of reStructuredText for the source editor. CodeMirror
 * ships no reStructuredText mode for its current version, so this small
 * line-oriented tokenizer marks what an author scans for: section
 * adornments, directives, targets, comments, field and bullet lists, inline
 * markup, roles, references and literal blocks (the indented lines after "::").
 */
export const restructuredText: StreamParser<State> = {
  name: 'rst',
  startState: () => ({ literal: false, pendingLiteral: false }),
  blankLine: () => undefined,
  token(stream, state) {
    if (stream.sol()) {
      const indented = /^\s/.test(stream.string)
      if (state.pendingLiteral && indented) state.literal = true
      else if (!indented) state.literal = false
      state.pendingLiteral = /::\s*$/.test(stream.string)
      if (state.literal) {
        stream.skipToEnd()
        return 'monospace'
      }
      if (stream.match(/^([=\-`:'"~^_*+#<>])\1{2,}\s*$/)) return 'heading'
      if (stream.match(/^\.\.\s+[\w:-]+::/)) return 'keyword'
      if (stream.match(/^\.\.\s+(?:_[^:]*:|\[[^\]]+\]|\|[^|]+\|)/)) return 'link'
      if (stream.match(/^\.\.(?:\s|$)/)) {
        stream.skipToEnd()
        return 'comment'
      }
      if (stream.match(/^\s*:[^:\s][^:]*:(?=\s|$)/)) return 'propertyName'
      if (stream.match(/^\s*(?:[-*+\u2022]|\d+[.)]|#\.)(?=\s)/)) return 'list'
    }
    if (stream.match(/^\*\*[^*]+\*\*/)) return 'strong'
    if (stream.match(/^\*[^*\s][^*]*\*/)) return 'emphasis'
    if (stream.match(/^``[^`]+``/)) return 'monospace'
    if (stream.match(/^:[\w:.+-]+:`[^`]*`/)) return 'keyword'
    if (stream.match(/^`[^`]+`__?/)) return 'link'
    if (stream.match(/^`[^`]+`/)) return 'string'
    if (stream.match(/^\|[^|\s][^|]*\|/)) return 'variableName'
    if (stream.match(/^\[[#*\w-]+\]_/)) return 'link'
    if (stream.match(/^https?:\/\/[^\s<>`]+/)) return 'url'
    if (!stream.match(/^[\w\s]+/)) stream.next()
    return null
  },
}
