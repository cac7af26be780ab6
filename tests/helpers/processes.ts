/** Starting and watching the project's own processes (npm start, the worker) from tests. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import net from 'node:net'

import { projectRoot } from '../../src/platform/paths'

/** The environment of a production process started by a test (Jest's NODE_OPTIONS are not for it). */
export const productionEnv = (extra: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', ...extra }
  delete env.NODE_OPTIONS
  return env as NodeJS.ProcessEnv
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** True while something accepts TCP connections on the port. */
export const portAccepts = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Every process below `pid` (children, their children...), from `ps`. */
export const descendants = (pid: number): number[] => {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
  const childrenOf = new Map<number, number[]>()
  for (const line of table.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number)
    childrenOf.set(parent!, [...(childrenOf.get(parent!) ?? []), child!])
  }
  const found: number[] = []
  const walk = (parent: number) => {
    for (const child of childrenOf.get(parent) ?? []) {
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}

export type Started = {
  child: ChildProcess
  /** resolves with the exit code (or 128 + signal) when the process ends */
  exited: Promise<{ code: null | number; signal: NodeJS.Signals | null }>
  /** everything it printed so far, stdout and stderr */
  output: () => string
  /** resolves once `pattern` appears in the output (rejects after `timeoutMs` or if the process exits first) */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>
}

/** Starts a command in the project folder, collecting its output. */
export const start = (
  command: string,
  args: string[],
  { detached = false, env }: { detached?: boolean; env: NodeJS.ProcessEnv },
): Started => {
  const child = spawn(command, args, { cwd: projectRoot, detached, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const listeners = new Set<() => void>()
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<{ code: null | number; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const waitForOutput: Started['waitForOutput'] = (pattern, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return
        done()
        resolve()
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`expected ${pattern} in the output within ${timeoutMs} ms:\n${output}`))
      }, timeoutMs)
      void exited.then(({ code, signal }) => {
        if (!listeners.has(check)) return
        done()
        reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${output}`))
      })
      const done = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      check()
    })
  return { child, exited, output: () => output, waitForOutput }
}

/** Resolves with how the process ended, or rejects after `timeoutMs`. */
export const waitForExit = async (started: Started, timeoutMs = 60_000) => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running after ${timeoutMs} ms:\n${started.output()}`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([started.exited, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Ends a process a test started and everything below it, if still running (for afterAll). */
export const killTree = async (started: Started | undefined) => {
  if (!started?.child.pid || started.child.exitCode !== null || started.child.signalCode !== null) return
  for (const pid of [...descendants(started.child.pid), started.child.pid]) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }
  await started.exited
}
