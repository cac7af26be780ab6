import { seed } from '../../seed/seed'
import { createProgress } from '../../seed/progress'
import { setNow } from '../../src/platform/clock'
import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  setNow(null)
  await t?.close()
})

it('scratch', async () => {
  setNow('2026-11-29T12:00:00Z')
  const progress = createProgress({ stream: { isTTY: false, write: (s: string) => process.stdout.write(s) } })
  const result = await seed(t.payload, { log: progress.line, progress })
  console.log(JSON.stringify(result, null, 1))
  const again = await seed(t.payload, { log: progress.line, progress })
  console.log(JSON.stringify(again.summary))
}, 600_000)
