'use client'

import { Button, useForm, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientProps } from 'payload'
import React, { useState } from 'react'

import { CONTENT_TYPE_FIELD, CONTENT_TYPE_LABELS, type ContentType, isSourceContentType } from '../contentTypes'
import styles from './markupAdmin.module.css'
import { usePostJson } from './usePostJson'

type Converted = { html: string; name: string; richText: unknown }

/**
 * "Convert to rich text": the document's Markdown, HTML or reStructuredText
 * (each of its markup fields) converted by the server with the rich text
 * library's own converters (POST /api/markup/convert), shown as the page
 * would show it, and saved through the document's ordinary save only when
 * the editor confirms. Cancelling leaves the document as it was.
 */
export const ConvertToRichText: React.FC<UIFieldClientProps & { sources: string[] }> = ({ sources }) => {
  const contentType = useFormFields(([fields]) => fields[CONTENT_TYPE_FIELD]?.value as ContentType | undefined)
  const values = useFormFields(([fields]) => sources.map((name) => (fields[name]?.value as string | undefined) ?? ''))
  const { dispatchFields, setModified, submit } = useForm()
  const postJson = usePostJson()
  const [state, setState] = useState<{ busy: boolean; error?: string; result?: Converted[] }>({ busy: false })

  if (!isSourceContentType(contentType)) return null

  const convert = async () => {
    setState({ busy: true })
    try {
      const result: Converted[] = []
      for (const [index, name] of sources.entries()) {
        const answer = await postJson<{ html: string; richText: unknown }>('/markup/convert', {
          contentType,
          source: values[index],
        })
        result.push({ ...answer, name })
      }
      setState({ busy: false, result })
    } catch (err) {
      setState({ busy: false, error: (err as Error).message })
    }
  }

  const confirm = async () => {
    if (!state.result) return
    const overrides: Record<string, unknown> = { [CONTENT_TYPE_FIELD]: 'RICHTEXT' }
    for (const { name, richText } of state.result) {
      overrides[`${name}Rich`] = richText
      dispatchFields({ type: 'UPDATE', path: `${name}Rich`, value: richText })
    }
    dispatchFields({ type: 'UPDATE', path: CONTENT_TYPE_FIELD, value: 'RICHTEXT' })
    setModified(true)
    setState({ busy: true })
    await submit({ overrides })
    setState({ busy: false })
  }

  return (
    <div className={`field-type ${styles.convert}`} data-testid="convert-to-rich-text">
      {!state.result && (
        <div className={styles.actions}>
          <Button buttonStyle="secondary" disabled={state.busy} onClick={() => void convert()} size="small">
            Convert to rich text
          </Button>
        </div>
      )}
      {state.error && <p className={styles.error}>{state.error}</p>}
      {state.result && (
        <div>
          <p className={styles.panelTitle}>
            The {CONTENT_TYPE_LABELS[contentType]} as rich text: check it, then save it or cancel
          </p>
          {state.result.map(({ html, name }) => (
            <div
              className={styles.preview}
              data-testid={`converted-${name}`}
              // rendered and sanitized by the server, as saving it will store it
              dangerouslySetInnerHTML={{ __html: html }}
              key={name}
            />
          ))}
          <div className={styles.actions}>
            <Button buttonStyle="primary" disabled={state.busy} onClick={() => void confirm()} size="small">
              Save as rich text
            </Button>
            <Button
              buttonStyle="secondary"
              disabled={state.busy}
              onClick={() => setState({ busy: false })}
              size="small"
            >
              Cancel
            </Button>
          </div>
        </div>
      )}
    </div>
  )
}
