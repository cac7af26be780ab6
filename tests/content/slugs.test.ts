/**
 * Slugs: generated from the name (work groups) or title (code samples) when
 * left empty, Django-slugify style ("Python 3.14.6" -> "python-3146");
 * unique per collection; a clash or a malformed slug is a 400 naming `slug`,
 * never a 500, and nothing is written.
 */
import { slugify } from '../../fields/slugify'
import { startTestPayload, type TestContext, type TestUser } from '../helpers/harness'
import { expectClientError, expectUnchanged, json } from './fixtures'

let t: TestContext
let staff: TestUser

beforeAll(async () => {
  t = await startTestPayload()
  staff = await t.makeUser('staff')
})
afterAll(async () => {
  await t?.close()
})

const COLLECTIONS = [
  { from: 'name', gqlCreate: 'createWorkGroup', required: { purpose: 'To test slugs' }, slug: 'work-groups' },
  { from: 'title', gqlCreate: 'createCodeSample', required: { code: 'print("slug")' }, slug: 'code-samples' },
] as const

describe('slugify (Django semantics)', () => {
  it.each([
    ['Python 3.14.6', 'python-3146'],
    ['Hello, World!', 'hello-world'],
    ['  Leading and   trailing  ', 'leading-and-trailing'],
    ['Café Déjà Vu', 'cafe-deja-vu'],
    ['a -- b', 'a-b'],
    ['PSF Board', 'psf-board'],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })
})

describe.each(COLLECTIONS)('$slug: slug', ({ from, gqlCreate, required, slug }) => {
  const create = (body: Record<string, unknown>) => t.api('POST', `/${slug}`, { auth: staff, body: { ...required, ...body } })

  it(`is generated from ${from} when empty`, async () => {
    for (const [source, expected, sent] of [
      [`Python 3.14.6 ${slug}`, `python-3146-${slug}`, undefined],
      [`Hello, ${slug}!`, `hello-${slug}`, ''],
      [`  Spaced ${slug}  `, `spaced-${slug}`, '   '],
    ] as const) {
      const response = await create({ [from]: source, ...(sent === undefined ? {} : { slug: sent }) })
      expect(response.status).toBe(201)
      expect((await json(response)).doc.slug).toBe(expected)
    }
  })

  it('keeps an explicit slug, and does not regenerate it when the source changes', async () => {
    const response = await create({ [from]: 'Original name', slug: `explicit-${slug}` })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    expect(doc.slug).toBe(`explicit-${slug}`)
    const updated = await t.api('PATCH', `/${slug}/${doc.id}`, { auth: staff, body: { [from]: 'Renamed entirely' } })
    expect((await json(updated)).doc.slug).toBe(`explicit-${slug}`)
  })

  it('a generated clash is a 400 naming slug, nothing written', async () => {
    expect((await create({ [from]: 'Twin Name' })).status).toBe(201)
    await expectUnchanged(t, slug, async () => {
      await expectClientError(await create({ [from]: 'Twin Name' }), 'slug')
      // different text, same slug
      await expectClientError(await create({ [from]: 'twin   name!' }), 'slug')
    })
  })

  it('an explicit clash, on create or update, is a 400 naming slug', async () => {
    expect((await create({ [from]: 'First', slug: 'taken-slug' })).status).toBe(201)
    const other = (await json(await create({ [from]: 'Second', slug: 'free-slug' }))).doc
    await expectUnchanged(t, slug, async () => {
      await expectClientError(await create({ [from]: 'Third', slug: 'taken-slug' }), 'slug')
      await expectClientError(await t.api('PATCH', `/${slug}/${other.id}`, { auth: staff, body: { slug: 'taken-slug' } }), 'slug')
    })
  })

  it('through GraphQL an empty slug is generated too, and a clash is a 400 error about slug', async () => {
    // the GraphQL schema marks slug required: clients send "" to have it generated
    const extra = slug === 'work-groups' ? 'purpose: "p"' : 'code: "x", contentType: MARKDOWN'
    const mutation = `mutation { ${gqlCreate}(data: { ${from}: "Graph Twin", slug: "", ${extra} }) { id slug } }`
    const first = await t.graphql(mutation, { auth: staff })
    expect(first.data[gqlCreate].slug).toBe('graph-twin')
    await expectUnchanged(t, slug, async () => {
      const clash = await t.graphql(mutation, { auth: staff })
      expect(clash.data?.[gqlCreate] ?? null).toBeNull()
      expect(clash.errors?.[0]?.extensions?.statusCode).toBe(400)
      expect(JSON.stringify(clash.errors)).toMatch(/slug/)
    })
  })

  it.each(['Not A Slug', 'under_score', 'trailing-', '-leading', 'double--hyphen', 'ünï', 'x'.repeat(201)])(
    'a malformed explicit slug %j is a 400 naming slug',
    async (bad) => {
      await expectUnchanged(t, slug, async () => {
        await expectClientError(await create({ [from]: 'Valid source', slug: bad }), 'slug')
      })
    },
  )

  it(`a ${from} with nothing to slugify and no slug is a 400 naming slug`, async () => {
    await expectUnchanged(t, slug, async () => {
      await expectClientError(await create({ [from]: '!!!' }), 'slug')
    })
  })
})

describe('slugs are unique per collection, not across collections', () => {
  it('a work group and a code sample may share a slug', async () => {
    const a = await t.api('POST', '/work-groups', { auth: staff, body: { name: 'Shared Slug', purpose: 'p' } })
    const b = await t.api('POST', '/code-samples', { auth: staff, body: { code: 'x', title: 'Shared Slug' } })
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect((await json(a)).doc.slug).toBe((await json(b)).doc.slug)
  })
})
