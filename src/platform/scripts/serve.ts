/** `npm start`'s web server (run by run.ts after the migrations): see src/platform/server.ts. */
import { startServer } from '../server'

startServer(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
