import cliProgress from 'cli-progress'

/** Where progress goes: process.stdout, or a test's stand-in. */
export type ProgressStream = {
  columns?: number
  isTTY?: boolean
  write: (chunk: string) => unknown
}

export type StepProgress = {
  /** `amount` more items done */
  tick: (amount?: number) => void
  /** the step is over; `note` (e.g. "120 created, 3 skipped") ends its line */
  done: (note?: string) => void
}

export type Progress = {
  /** a step of `total` items */
  step: (name: string, total: number) => StepProgress
  /** a line of its own (the summary, a password shown once) */
  line: (text: string) => void
}

/** A step that is still running after this long gets a bar. */
export const BAR_AFTER_MS = 1_000

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`

/**
 * Progress of the seed's steps. On a terminal, a step that runs longer than
 * a second shows a `cli-progress` bar (shorter ones print just their line,
 * a bar would only flicker). Anywhere else (a pipe, a log file, CI) there
 * are no bars and no control characters: one line per step when it ends.
 */
export const createProgress = ({
  prefix = '[seed]',
  stream = process.stdout as ProgressStream,
}: { prefix?: string; stream?: ProgressStream } = {}): Progress => {
  const terminal = Boolean(stream.isTTY)
  // the bar on screen, if any: a line printed meanwhile replaces it, and it is drawn again below
  let shown: cliProgress.SingleBar | null = null
  const line = (text: string) => {
    if (shown) stream.write('\r\x1b[2K')
    stream.write(`${prefix} ${text}\n`)
    shown?.render()
  }

  const step = (name: string, total: number): StepProgress => {
    const started = Date.now()
    let value = 0
    let bar: cliProgress.SingleBar | null = null
    let finished = false

    const showBar = () => {
      if (bar || finished || !terminal) return
      bar = new cliProgress.SingleBar(
        {
          clearOnComplete: false,
          format: `${prefix} ${name} [{bar}] {value}/{total} {percentage}% {duration}s`,
          hideCursor: true,
          // cli-progress writes to any stream with write(); ours may be a test's stand-in
          stream: stream as never,
        },
        cliProgress.Presets.shades_classic,
      )
      bar.start(Math.max(total, value, 1), value)
      shown = bar
    }
    // a step that makes no progress for a while (one long statement) still gets its bar
    const timer = terminal ? setTimeout(showBar, BAR_AFTER_MS) : null
    timer?.unref?.()

    return {
      done: (note) => {
        if (finished) return
        finished = true
        if (timer) clearTimeout(timer)
        const summary = `${name}: ${note ?? `${value} done`} (${seconds(Date.now() - started)})`
        if (bar) {
          const finishedBar = bar as cliProgress.SingleBar
          // skipped items count as done: a finished step is a full bar
          if (value > total) finishedBar.setTotal(value)
          finishedBar.update(Math.max(value, total))
          finishedBar.stop()
          shown = null
        }
        line(summary)
      },
      tick: (amount = 1) => {
        value += amount
        if (!terminal) return
        if (!bar && Date.now() - started >= BAR_AFTER_MS) showBar()
        if (bar) (bar as cliProgress.SingleBar).update(value)
      },
    }
  }

  return { line, step }
}

/** Progress that prints nothing (library callers that only want the result). */
export const silentProgress: Progress = {
  line: () => undefined,
  step: () => ({ done: () => undefined, tick: () => undefined }),
}
