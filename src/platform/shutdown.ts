/**
 * How long a stopping process waits for in-flight requests and running jobs
 * before it gives up on them (SHUTDOWN_TIMEOUT_MS, default 20 s). `npm start`
 * kills what is left SHUTDOWN_KILL_MARGIN_MS later: 25 s in all, inside the
 * 30 s Kubernetes allows between SIGTERM and SIGKILL by default.
 */
export const shutdownTimeoutMs = (): number => {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000)
  return Number.isFinite(value) && value >= 0 ? value : 20_000
}

export const SHUTDOWN_KILL_MARGIN_MS = 5_000

/** The exit code of a process stopped by `signal` (128 + its number), as shells and Node report it. */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (signal === 'SIGINT' ? 2 : 15)
