'use client'

import { useConfig } from '@payloadcms/ui'
import { useCallback } from 'react'

/** POSTs JSON to one of our API endpoints as the logged-in editor; an error answer throws its message. */
export const usePostJson = () => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  return useCallback(
    async <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> => {
      const response = await fetch(`${serverURL ?? ''}${api}${path}`, {
        body: JSON.stringify(body),
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
        signal,
      })
      const answer = (await response.json().catch(() => null)) as (T & { errors?: { message?: string }[] }) | null
      if (!response.ok || !answer) throw new Error(answer?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      return answer
    },
    [api, serverURL],
  )
}
