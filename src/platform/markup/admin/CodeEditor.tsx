'use client'

import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { html } from '@codemirror/lang-html'
import { markdown } from '@codemirror/lang-markdown'
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  type LanguageSupport,
  StreamLanguage,
  syntaxHighlighting,
} from '@codemirror/language'
import { c, cpp } from '@codemirror/legacy-modes/mode/clike'
import { css } from '@codemirror/legacy-modes/mode/css'
import { javascript, json } from '@codemirror/legacy-modes/mode/javascript'
import { properties } from '@codemirror/legacy-modes/mode/properties'
import { python } from '@codemirror/legacy-modes/mode/python'
import { shell } from '@codemirror/legacy-modes/mode/shell'
import { standardSQL } from '@codemirror/legacy-modes/mode/sql'
import { toml } from '@codemirror/legacy-modes/mode/toml'
import { yaml } from '@codemirror/legacy-modes/mode/yaml'
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state'
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view'
import React, { useEffect, useRef } from 'react'

import { restructuredText } from './rstMode'

const STREAM_MODES = {
  c,
  cpp,
  css,
  ini: properties,
  javascript,
  json,
  pycon: python,
  python,
  rst: restructuredText,
  shell,
  sql: standardSQL,
  toml,
  yaml,
} as const

/** The highlighting for a language name (a code block's language, or "markdown"/"html"/"rst" for markup). */
const languageFor = (name: string): Extension => {
  if (name === 'markdown') return markdown() as LanguageSupport
  if (name === 'html') return html() as LanguageSupport
  const mode = STREAM_MODES[name as keyof typeof STREAM_MODES]
  return mode ? StreamLanguage.define(mode as never) : []
}

/** Marks a change made from outside (the props), which is not an edit to report back. */
const fromProps = Annotation.define<boolean>()

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--theme-input-bg, var(--theme-elevation-0))',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 'var(--style-radius-s, 3px)',
    color: 'var(--theme-text)',
    fontSize: '13px',
  },
  '&.cm-focused': { outline: '1px solid var(--theme-elevation-400)' },
  '.cm-content': { fontFamily: 'var(--font-mono, monospace)', minHeight: 'var(--markup-editor-min-height, 120px)' },
  '.cm-gutters': { backgroundColor: 'var(--theme-elevation-50)', borderRight: '1px solid var(--theme-elevation-100)' },
  '.cm-scroller': { maxHeight: '70vh', overflow: 'auto' },
})

type Props = {
  /** accessible name of the editing area */
  ariaLabel: string
  id?: string
  language: string
  minHeight?: number
  onChange: (value: string) => void
  readOnly?: boolean
  value: string
}

/**
 * A code editor with syntax highlighting (CodeMirror 6, bundled with the
 * admin). Payload's own code field loads its Monaco editor from a public CDN
 * at run time, which leaves the field blank wherever that is unreachable.
 */
export const CodeEditor: React.FC<Props> = ({
  ariaLabel,
  id,
  language,
  minHeight = 120,
  onChange,
  readOnly = false,
  value,
}) => {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const languageSlot = useRef(new Compartment())
  const editableSlot = useRef(new Compartment())
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel, ...(id ? { id } : {}) }),
          theme,
          languageSlot.current.of(languageFor(language)),
          editableSlot.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromProps))) {
              onChangeRef.current(update.state.doc.toString())
            }
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // the editor is created once; the effects below keep it in step with the props
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // a value set from outside (a reset, a conversion) replaces the text
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({
        annotations: fromProps.of(true),
        changes: { from: 0, insert: value, to: editor.state.doc.length },
      })
    }
  }, [value])

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageFor(language)) })
  }, [language])

  useEffect(() => {
    view.current?.dispatch({
      effects: editableSlot.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    })
  }, [readOnly])

  return (
    <div
      className="markup-code-editor"
      data-language={language}
      ref={host}
      style={{ ['--markup-editor-min-height' as string]: `${minHeight}px` }}
    />
  )
}
