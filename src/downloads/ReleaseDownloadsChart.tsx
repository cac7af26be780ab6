'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Point = { downloads: number; key: string }

const DAYS = 60
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The release's daily downloads (last 60 days) as a bar chart, drawn as
 * plain SVG from the staff-only totals endpoint.
 */
export const ReleaseDownloadsChart: React.FC = () => {
  const { id } = useDocumentInfo()
  const [points, setPoints] = useState<null | Point[]>(null)
  const [error, setError] = useState<null | string>(null)

  useEffect(() => {
    if (!id) return
    const from = new Date(Date.now() - (DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
    fetch(`/api/download-statistics/totals?groupBy=day&release=${id}&from=${from}`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const body = (await response.json()) as { totals: Point[] }
        setPoints(body.totals)
      })
      .catch((err: Error) => setError(err.message))
  }, [id])

  if (!id) return null
  if (error) return <p className="field-description">Daily downloads unavailable ({error}).</p>
  if (!points) return <p className="field-description">Loading daily downloads…</p>
  const total = points.reduce((sum, point) => sum + point.downloads, 0)
  // one slot per day of the window, days without downloads included, so bar width means a day
  const byDay = new Map(points.map((point) => [point.key, point.downloads]))
  const days = Array.from({ length: DAYS }, (_, index) => {
    const key = new Date(Date.now() - (DAYS - 1 - index) * DAY_MS).toISOString().slice(0, 10)
    return { downloads: byDay.get(key) ?? 0, key }
  })
  const max = Math.max(1, ...days.map((day) => day.downloads))
  const width = 600
  const height = 120
  const barWidth = width / DAYS
  return (
    <div className="field-type" data-testid="release-downloads-chart" style={{ marginBottom: '2rem' }}>
      <label className="field-label">Daily downloads (last 60 days): {total.toLocaleString()}</label>
      {points.length === 0 ? (
        <p className="field-description">No downloads recorded yet.</p>
      ) : (
        <svg
          aria-label="Daily downloads"
          height={height + 20}
          role="img"
          viewBox={`0 0 ${width} ${height + 20}`}
          width="100%"
        >
          {days.map((point, index) => {
            const barHeight = (point.downloads / max) * height
            return (
              <rect
                fill="var(--theme-elevation-800, #3776ab)"
                height={barHeight}
                key={point.key}
                width={Math.max(1, barWidth - 2)}
                x={index * barWidth}
                y={height - barHeight}
              >
                <title>{`${point.key}: ${point.downloads}`}</title>
              </rect>
            )
          })}
          <text fontSize="10" x="0" y={height + 15}>
            {days[0]!.key}
          </text>
          <text fontSize="10" textAnchor="end" x={width} y={height + 15}>
            {days[DAYS - 1]!.key}
          </text>
        </svg>
      )}
    </div>
  )
}
