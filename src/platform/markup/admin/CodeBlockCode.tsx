'use client'

import { FieldLabel, useField, useFormFields } from '@payloadcms/ui'
import type { CodeFieldClientComponent } from 'payload'
import React from 'react'

import { CodeEditor } from './CodeEditor'

/** The code of a rich text code block, highlighted in the block's language. */
export const CodeBlockCode: CodeFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { disabled, path, setValue, value } = useField<string>({ potentiallyStalePath: pathFromProps })
  const language = useFormFields(([fields]) => fields.language?.value as string | undefined) ?? 'python'
  const inputId = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type code-block-code" data-language={language}>
      {field.label ? <FieldLabel htmlFor={inputId} label={field.label} path={path} /> : null}
      <CodeEditor
        ariaLabel={`Code (${language})`}
        id={inputId}
        language={language}
        minHeight={80}
        onChange={(next) => setValue(next)}
        readOnly={Boolean(readOnly || disabled)}
        value={value ?? ''}
      />
    </div>
  )
}
