/**
 * One progress bar per file (cli-progress): reading the file, then
 * importing its rows. Only on a terminal: piped or in CI the importer
 * prints its log lines and the summary, nothing that redraws.
 */
import cliProgress from 'cli-progress'

export type FileBar = {
  done: () => void
  phase: (phase: string, total: number) => void
  update: (value: number) => void
}

export type Progress = { bar: (file: string) => FileBar; stop: () => void }

const silent: FileBar = { done: () => undefined, phase: () => undefined, update: () => undefined }

export const progressBars = (stream: NodeJS.WriteStream | undefined): Progress => {
  if (!stream?.isTTY) return { bar: () => silent, stop: () => undefined }
  const multi = new cliProgress.MultiBar(
    {
      clearOnComplete: false,
      format: '{file} {phase} [{bar}] {percentage}% {value}/{total}',
      hideCursor: true,
      stream,
    },
    cliProgress.Presets.shades_classic,
  )
  return {
    bar: (file) => {
      const bar = multi.create(1, 0, { file, phase: '' })
      return {
        done: () => bar.update(bar.getTotal()),
        phase: (phase, total) => {
          bar.setTotal(Math.max(total, 1))
          bar.update(0, { phase })
        },
        update: (value) => bar.update(value),
      }
    },
    stop: () => multi.stop(),
  }
}
