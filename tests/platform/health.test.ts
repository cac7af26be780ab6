import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('health', () => {
  it('answers 200 when the database answers', async () => {
    const response = await t.api('GET', '/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ database: 'ok', status: 'ok' })
  })
})
