import { startTestPayload, type TestContext } from '../helpers/harness'

let t: TestContext

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
})

describe('concurrent sign-ups on an empty site', () => {
  it('make exactly one superuser', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.api('POST', '/users', {
          body: { email: `racer${i}@example.org`, password: `racer-${i}-password`, username: `racer${i}` },
        }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201))
    const superusers = await t.payload.count({
      collection: 'users',
      overrideAccess: true,
      where: { isSuperuser: { equals: true } },
    })
    expect(superusers.totalDocs).toBe(1)
  })
})
