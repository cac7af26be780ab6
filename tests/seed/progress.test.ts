/**
 * The seed's progress: a bar (cli-progress) on a terminal for steps that run
 * longer than a second, and nothing but one plain line per step anywhere
 * else (a pipe, a CI log). The clock is Jest's: no test waits a second.
 */
import { jest } from '@jest/globals'

import { BAR_AFTER_MS, createProgress, type ProgressStream } from '../../seed/progress'

const CONTROL = /[\r\x1b]/

const capture = (isTTY: boolean) => {
  const chunks: string[] = []
  const stream: ProgressStream = { columns: 100, isTTY, write: (chunk: string) => chunks.push(chunk) }
  return { chunks, stream, text: () => chunks.join('') }
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z') })
})
afterEach(() => {
  jest.useRealTimers()
})

describe('seed progress', () => {
  it('without a terminal: one plain line per step, however long it runs, and no bar', () => {
    const out = capture(false)
    const progress = createProgress({ stream: out.stream })
    const slow = progress.step('downloads', 500)
    for (let i = 0; i < 500; i += 1) {
      jest.advanceTimersByTime(10)
      slow.tick()
    }
    slow.done('500 created, 0 skipped')
    const quick = progress.step('mailing', 3)
    quick.tick(3)
    quick.done('3 created, 0 skipped')
    jest.advanceTimersByTime(5 * BAR_AFTER_MS)
    expect(out.text()).not.toMatch(CONTROL)
    expect(out.text().trimEnd().split('\n')).toEqual([
      '[seed] downloads: 500 created, 0 skipped (5.0s)',
      '[seed] mailing: 3 created, 0 skipped (0.0s)',
    ])
  })

  it('on a terminal: a bar once a step has run a second, and none for a quick step', () => {
    const out = capture(true)
    const progress = createProgress({ stream: out.stream })
    const quick = progress.step('mailing', 3)
    quick.tick(3)
    quick.done('3 created, 0 skipped')
    expect(out.text()).toBe('[seed] mailing: 3 created, 0 skipped (0.0s)\n')

    const slow = progress.step('downloads', 100)
    slow.tick(10)
    expect(out.text()).not.toContain('downloads [')
    // a long statement that makes no progress still gets its bar after a second
    jest.advanceTimersByTime(BAR_AFTER_MS + 100)
    expect(out.text()).toMatch(/\[seed\] downloads \[[█░]+\] 10\/100/)
    // a line printed meanwhile (the superuser's password) clears the bar's line and stands on its own
    progress.line('password (shown once): secret')
    expect(out.text()).toContain('\r\x1b[2K[seed] password (shown once): secret\n')
    slow.tick(90)
    slow.done('100 created, 0 skipped')
    expect(out.text()).toMatch(/downloads \[█+\] 100\/100/)
    expect(out.text().endsWith('[seed] downloads: 100 created, 0 skipped (1.1s)\n')).toBe(true)
  })
})
