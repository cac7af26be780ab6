/**
 * How long a stopping process waits for in-flight requests and running jobs
 * before it gives up on them (SHUTDOWN_TIMEOUT_MS, default 25 s: inside the
 * 30 s a container platform usually allows between SIGTERM and SIGKILL).
 */
export const shutdownTimeoutMs = (): number => {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000)
  return Number.isFinite(value) && value >= 0 ? value : 25_000
}

/** The exit code of a process stopped by `signal` (128 + its number), as shells and Node report it. */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (signal === 'SIGINT' ? 2 : 15)
