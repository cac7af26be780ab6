import type { SanitizedConfig } from 'payload'

let config: SanitizedConfig

beforeAll(async () => {
  process.env.SITE_URL = 'https://preview.example.org'
  process.env.PAYLOAD_SECRET ||= 'test-secret'
  config = await (await import('../../payload.config')).default
})

const preview = (slug: string, doc: Record<string, unknown>) => {
  const collection = config.collections.find((c) => c.slug === slug)
  const fn = collection?.admin.preview
  if (typeof fn !== 'function') throw new Error(`${slug} has no preview`)
  return fn(doc as never, { locale: 'en', req: {} as never, token: null })
}

describe('the admin "Preview" button', () => {
  it.each([
    ['pages', { path: 'about/psf' }, 'https://preview.example.org/about/psf/'],
    ['success-stories', { slug: 'acme' }, 'https://preview.example.org/success-stories/acme/'],
    ['community-posts', { slug: 'hello' }, 'https://preview.example.org/community/posts/hello/'],
    ['minutes', { slug: 'psf-board-2024-01-15' }, 'https://preview.example.org/psf/records/board/minutes/psf-board-2024-01-15/'],
    ['code-samples', { slug: 'fib' }, 'https://preview.example.org/code-samples/fib/'],
  ])('%s opens the document on the public site', async (slug, doc, url) => {
    expect(await preview(slug, doc)).toBe(url)
  })

  it('offers nothing for a document without a path yet', async () => {
    expect(await preview('pages', {})).toBeNull()
  })
})
