'use client'

import { FieldDescription, FieldError, FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { TextareaFieldClientComponent } from 'payload'
import React, { useEffect, useState } from 'react'

import { CONTENT_TYPE_FIELD, CONTENT_TYPE_LABELS, type ContentType, isSourceContentType } from '../contentTypes'
import { CodeEditor } from './CodeEditor'
import styles from './markupAdmin.module.css'
import { usePostJson } from './usePostJson'

/** How long typing must pause before the preview asks the server again. */
const PREVIEW_DELAY_MS = 400

const EDITOR_LANGUAGE = { HTML: 'html', MARKDOWN: 'markdown', RESTRUCTUREDTEXT: 'rst' } as const

const siblingPath = (path: string, name: string) => (path.includes('.') ? path.replace(/[^.]+$/, name) : name)

/**
 * Markdown, reStructuredText or HTML source in a code editor with syntax
 * highlighting, and beside it the HTML the site will show: rendered and
 * sanitized by the server with the renderer the save path uses
 * (POST /api/markup/preview), asked again whenever typing pauses.
 */
export const MarkupSourceField: TextareaFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { disabled, path, setValue, showError, value } = useField<string>({ potentiallyStalePath: pathFromProps })
  const contentType = useFormFields(
    ([fields]) => fields[siblingPath(path, CONTENT_TYPE_FIELD)]?.value as ContentType | undefined,
  )
  const postJson = usePostJson()
  const [preview, setPreview] = useState<{ error?: string; html?: string; loading: boolean }>({ loading: true })
  const source = value ?? ''

  useEffect(() => {
    if (!isSourceContentType(contentType)) return
    const controller = new AbortController()
    setPreview((previous) => ({ ...previous, loading: true }))
    const timer = setTimeout(() => {
      postJson<{ html: string }>('/markup/preview', { contentType, source }, controller.signal)
        .then(({ html }) => setPreview({ html, loading: false }))
        .catch((err: Error) => {
          if (!controller.signal.aborted)
            setPreview((previous) => ({ ...previous, error: err.message, loading: false }))
        })
    }, PREVIEW_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [contentType, postJson, source])

  if (!isSourceContentType(contentType)) return null
  const inputId = `field-${path.replace(/\./g, '__')}`
  const label = typeof field.label === 'string' ? field.label : field.name

  return (
    <div className={`field-type markup-source${showError ? ' error' : ''}`} data-markup-source={path}>
      <FieldLabel htmlFor={inputId} label={field.label} path={path} required={field.required} />
      <FieldError path={path} showError={showError} />
      <div className={styles.columns}>
        <div>
          <p className={styles.panelTitle}>{CONTENT_TYPE_LABELS[contentType]} source</p>
          <CodeEditor
            ariaLabel={`${label} (${CONTENT_TYPE_LABELS[contentType]})`}
            id={inputId}
            language={EDITOR_LANGUAGE[contentType]}
            minHeight={240}
            onChange={(next) => setValue(next)}
            readOnly={Boolean(readOnly || disabled)}
            value={source}
          />
        </div>
        <div>
          <p className={styles.panelTitle}>
            Preview
            <span aria-live="polite" className={styles.status}>
              {preview.loading ? (
                'updating…'
              ) : preview.error ? (
                <span className={styles.error}>{preview.error}</span>
              ) : (
                ''
              )}
            </span>
          </p>
          <div
            className={styles.preview}
            data-testid="markup-preview"
            // the server rendered and sanitized it, exactly as it will be stored
            dangerouslySetInnerHTML={{ __html: preview.html ?? '' }}
          />
        </div>
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
