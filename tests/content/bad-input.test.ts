/**
 * Bad input to pages, minutes and code samples is a client error naming the
 * field, never a 500, and writes nothing: unknown enum values, overlong
 * strings, values of the wrong type, malformed JSON.
 */
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { contentData, expectClientError, expectUnchanged, json, seed, type Json } from './fixtures'

let t: TestContext
let staff: TestUser
const existing: Record<string, Json> = {}

const COLLECTIONS = ['pages', 'minutes', 'code-samples'] as const

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
  for (const slug of COLLECTIONS) existing[slug] = await seed(t, slug, { ...contentData(slug, 'existing'), isPublished: true })
})
afterAll(async () => {
  await t?.close()
})

/** Each bad value is refused on create and on update of an existing document. */
const expectRefused = async (slug: (typeof COLLECTIONS)[number], field: string, data: Json) => {
  await expectUnchanged(t, slug, async () => {
    await expectClientError(await t.api('POST', `/${slug}`, { auth: staff, body: { ...contentData(slug, 'bad'), ...data } }), field)
    await expectClientError(await t.api('PATCH', `/${slug}/${existing[slug]!.id}`, { auth: staff, body: data }), field)
  })
}

describe('unknown enum values', () => {
  it.each(COLLECTIONS)('%s: contentType LATEX', async (slug) => {
    await expectRefused(slug, 'contentType', { contentType: 'LATEX' })
    await expectRefused(slug, 'contentType', { contentType: 'markdown ' })
  })

  it('through GraphQL the schema refuses it', async () => {
    await expectUnchanged(t, 'pages', async () => {
      const result = await t.graphql(`mutation { updatePage(id: "${existing.pages!.id}", data: { contentType: LATEX }) { id } }`, { auth: staff })
      expect(result.status).toBeLessThan(500)
      expect(JSON.stringify(result.errors)).toMatch(/contentType/)
    })
  })

  it('through the Local API too', async () => {
    await expectUnchanged(t, 'minutes', async () => {
      await expect(
        t.payload.update({ collection: 'minutes', data: { contentType: 'LATEX' } as never, id: existing.minutes!.id, overrideAccess: true }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'contentType' })] } })
    })
  })
})

describe('overlong strings', () => {
  it('pages: title over 500, path over 500, keywords over 1000, description over 5000, templateName over 100', async () => {
    await expectRefused('pages', 'title', { title: 'x'.repeat(501) })
    await expectRefused('pages', 'path', { path: `a/${'b'.repeat(499)}` })
    await expectRefused('pages', 'keywords', { keywords: 'k'.repeat(1001) })
    await expectRefused('pages', 'description', { description: 'd'.repeat(5001) })
    await expectRefused('pages', 'templateName', { templateName: 't'.repeat(101) })
  })

  it('code samples: title over 200, slug over 200', async () => {
    await expectRefused('code-samples', 'title', { title: 't'.repeat(201) })
    await expectRefused('code-samples', 'slug', { slug: 's'.repeat(201) })
  })

  it('minutes: slug over 200', async () => {
    await expectRefused('minutes', 'slug', { slug: 's'.repeat(201) })
  })

  it('the limits themselves are fine', async () => {
    const response = await t.api('POST', '/pages', { auth: staff, body: { path: `a/${'b'.repeat(498)}`, title: 'x'.repeat(500) } })
    expect(response.status).toBe(201)
  })
})

describe('wrong types and missing values', () => {
  it('minutes: a date that is not a date, or none', async () => {
    await expectRefused('minutes', 'date', { date: 'next tuesday' })
    await expectUnchanged(t, 'minutes', async () => {
      await expectClientError(await t.api('POST', '/minutes', { auth: staff, body: { content: 'no date' } }), 'date')
    })
  })

  it('pages: no title', async () => {
    await expectUnchanged(t, 'pages', async () => {
      await expectClientError(await t.api('POST', '/pages', { auth: staff, body: { path: 'no-title' } }), 'title')
    })
  })

  it('code samples: no code', async () => {
    await expectUnchanged(t, 'code-samples', async () => {
      await expectClientError(await t.api('POST', '/code-samples', { auth: staff, body: { title: 'No code' } }), 'code')
    })
  })

  it('pages: a number or an object where text belongs, a string where a flag belongs', async () => {
    await expectRefused('pages', 'title', { title: 12345 })
    await expectRefused('pages', 'path', { path: { $ne: null } })
    await expectRefused('pages', 'isPublished', { isPublished: 'yes' })
  })

  it.each(COLLECTIONS)('%s: an array or object where text belongs is refused or never stored as such', async (slug) => {
    const field = slug === 'code-samples' ? 'description' : 'content'
    await expectUnchanged(t, slug, async () => {
      for (const value of [['a', 'b'], { nested: true }]) {
        const response = await t.api('PATCH', `/${slug}/${existing[slug]!.id}`, { auth: staff, body: { [field]: value } })
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
      }
    })
  })
})

describe('malformed JSON', () => {
  it.each(COLLECTIONS)('%s: a JSON body that is not an object is a 400, nothing written', async (slug) => {
    await expectUnchanged(t, slug, async () => {
      for (const rawBody of ['"just a string"', '[1, 2]', '42', 'null']) {
        for (const [method, path] of [
          ['POST', `/${slug}`],
          ['PATCH', `/${slug}/${existing[slug]!.id}`],
        ] as const) {
          const response = await t.api(method, path, { auth: staff, rawBody })
          expect(response.status).toBeGreaterThanOrEqual(400)
          expect(response.status).toBeLessThan(500)
        }
      }
    })
  })

  it.each(COLLECTIONS)('%s: a 400 on create and update, nothing written', async (slug) => {
    await expectUnchanged(t, slug, async () => {
      for (const [method, path] of [
        ['POST', `/${slug}`],
        ['PATCH', `/${slug}/${existing[slug]!.id}`],
      ] as const) {
        const response = await t.api(method, path, { auth: staff, rawBody: '{"title": "half' })
        expect(response.status).toBe(400)
        const body = await json(response)
        expect(JSON.stringify(body)).toMatch(/JSON/i)
      }
    })
  })
})
