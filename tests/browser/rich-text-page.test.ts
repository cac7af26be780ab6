/**
 * An editor writes a page in rich text in the admin panel, as they would:
 * a heading, a link to another page (chosen from the pages, not typed as a
 * URL), an image from page images and a Python code block; publishes it;
 * and the public REST answer (anonymous) carries the HTML the site shows.
 * (tests/helpers/browser.ts: Chromium against the production build.)
 */
import { adminLogin, apiLogin, type BrowserApp, createUserViaApi, startBrowserApp, step } from '../helpers/browser'
import { png } from '../community/fixtures'

let b: BrowserApp
let staffToken: string
const ABOUT_PATH = 'about/psf'
let image: { alt: string; filename: string; id: string }

const api = async (path: string, init: RequestInit = {}, token = staffToken) => {
  const response = await fetch(`${b.base}/api${path}`, {
    ...init,
    headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...(init.headers ?? {}) },
  })
  const body = await response.json()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

beforeAll(async () => {
  b = await startBrowserApp()
  // the first account of a site becomes its superuser; it makes the editor a staff member
  await createUserViaApi(b.base, { email: 'root@example.org', password: 'root-password-1', username: 'root' })
  const root = await apiLogin(b.base, 'root@example.org', 'root-password-1')
  await api(
    '/users',
    {
      body: JSON.stringify({
        email: 'editor@example.org',
        isStaff: true,
        password: 'editor-password-1',
        username: 'editor',
      }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    },
    root,
  )
  staffToken = await apiLogin(b.base, 'editor@example.org', 'editor-password-1')
  // the page to link to, and an image among its page images
  const about = await api('/pages', {
    body: JSON.stringify({ content: 'About the PSF', isPublished: true, path: ABOUT_PATH, title: 'About the PSF' }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await png(64, 48))], { type: 'image/png' }), 'psf-logo.png')
  form.append('_payload', JSON.stringify({ alt: 'The PSF logo', page: about.doc.id }))
  const uploaded = await api('/page-images', { body: form, method: 'POST' })
  image = { alt: 'The PSF logo', filename: uploaded.doc.filename, id: uploaded.doc.id }
}, 900_000)

afterAll(async () => {
  await b?.close()
})

it('an editor writes a page in rich text, publishes it, and the public API serves its HTML', async () => {
  const { context, page } = await b.newPage()
  const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  /** Lexical's slash menu: "/" then the item's name, as an editor inserts blocks. */
  const slash = async (search: string, item: RegExp) => {
    await page.keyboard.type(`/${search}`)
    await page.locator('#slash-menu').getByRole('option', { name: item }).first().click()
  }
  try {
    await adminLogin(page, 'editor@example.org', 'editor-password-1')

    await step(page, 'new page', async () => {
      await page.goto('/admin/collections/pages/create')
      await page.locator('#field-title').fill('Welcome to Python')
      await page.locator('#field-path').fill('welcome')
      // new pages start in the rich text editor
      await editor.waitFor()
    })

    await step(page, 'heading', async () => {
      await editor.click()
      // Lexical's Markdown shortcut: "## " starts a second-level heading
      await page.keyboard.type('## Welcome')
      await page.keyboard.press('Enter')
      await editor.locator('h2', { hasText: 'Welcome' }).waitFor()
    })

    await step(page, 'paragraph', async () => {
      await page.keyboard.type('Read about us today.')
      await page.keyboard.press('Enter')
    })

    await step(page, 'python code block', async () => {
      await slash('code', /code/i)
      const block = page.locator('.payload-richtext-code-block').first()
      await block.waitFor()
      // Python is the code block's first language
      await block.locator('[data-selected-language="python"]').waitFor()
      await block.locator('.cm-content').click()
      await page.keyboard.type('print("Hello, world!")')
    })

    await step(page, 'image from page images', async () => {
      // the toolbar's insert menu
      await page.locator('.fixed-toolbar .toolbar-popup__dropdown-add').click()
      await page
        .locator('.toolbar-popup__dropdown-item', { hasText: /upload/i })
        .first()
        .click()
      const drawer = page.locator('.drawer__content').last()
      await drawer.getByText(image.filename).first().click()
      await editor.locator('img').first().waitFor()
    })

    await step(page, 'link to another page', async () => {
      // select "about us" in the paragraph and link it from the inline toolbar
      await editor.locator('p', { hasText: 'Read about us today.' }).click({ position: { x: 2, y: 8 } })
      await page.keyboard.press('Home')
      for (let i = 0; i < 'Read '.length; i += 1) await page.keyboard.press('ArrowRight')
      for (let i = 0; i < 'about us'.length; i += 1) await page.keyboard.press('Shift+ArrowRight')
      await page.locator('.inline-toolbar-popup button.toolbar-popup__button-link').click()
      const drawer = page.locator('.drawer__content').last()
      await drawer.getByText('Internal Link', { exact: true }).click()
      await drawer.locator('.relationship .rs__control').click()
      await page.locator('.rs__option', { hasText: 'About the PSF' }).click()
      await page.locator('.rs__menu').waitFor({ state: 'detached' })
      // the drawer's form ignores a submit while it is still checking the chosen page with the
      // server (as an editor would, click again when nothing happened)
      const linkDrawer = page.locator('.drawer__content', { hasText: 'Edit Link' })
      for (let attempt = 1; await linkDrawer.isVisible(); attempt += 1) {
        if (attempt > 5) throw new Error('the link drawer does not save')
        await drawer.getByRole('button', { name: 'Save changes' }).click()
        await linkDrawer.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined)
      }
      await page.locator('.link-editor', { hasText: 'Linked to Page - About the PSF' }).waitFor()
    })

    await step(page, 'publish and save', async () => {
      await page.locator('#field-isPublished').check()
      await page.locator('#action-save').click()
      // a created document's edit view has its id in the address
      await page.waitForURL(/\/admin\/collections\/pages\/[0-9a-f-]{36}/)
    })
  } finally {
    await context.close()
  }

  // what the site's frontend reads, as anyone
  const { docs } = await api('/pages?where[path][equals]=welcome', {}, '')
  expect(docs).toHaveLength(1)
  const [saved] = docs
  expect(saved.isPublished).toBe(true)
  expect(saved.contentType).toBe('RICHTEXT')
  const html = saved.contentHtml as string
  expect(html).toContain('<h2>Welcome</h2>')
  expect(html).toContain(`<p>Read <a href="/${ABOUT_PATH}/">about us</a> today.</p>`)
  expect(html).toContain(`<img src="/api/page-images/file/${image.filename}" alt="${image.alt}" width="64" height="48"`)
  expect(html).toContain('<pre><code class="language-python">print("Hello, world!")</code></pre>')
})

it('an editor edits Markdown beside its live preview, then converts it to rich text and saves it', async () => {
  const { doc } = await api('/pages', {
    body: JSON.stringify({
      content: '# Old title\n\nSome *text*.',
      contentType: 'MARKDOWN',
      path: 'markdown-page',
      title: 'Markdown page',
    }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  const { context, page } = await b.newPage()
  const source = page.locator('[data-markup-source="content"]')
  const preview = source.locator('[data-testid="markup-preview"]')
  try {
    await adminLogin(page, 'editor@example.org', 'editor-password-1')

    await step(page, 'source and preview', async () => {
      await page.goto(`/admin/collections/pages/${doc.id}`)
      // the source in a code editor with highlighting, the rendered HTML beside it
      await source.locator('.cm-content').waitFor()
      expect(await source.locator('.cm-content').innerText()).toContain('# Old title')
      await preview.locator('h1', { hasText: 'Old title' }).waitFor()
      await preview.locator('em', { hasText: 'text' }).waitFor()
    })

    await step(page, 'the preview follows the typing', async () => {
      await source.locator('.cm-content').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type('\n\n## Added')
      await preview.locator('h2', { hasText: 'Added' }).waitFor()
    })

    await step(page, 'convert, check, save', async () => {
      await page.getByRole('button', { name: 'Convert to rich text' }).click()
      const converted = page.locator('[data-testid="converted-content"]')
      await converted.locator('h1', { hasText: 'Old title' }).waitFor()
      await converted.locator('h2', { hasText: 'Added' }).waitFor()
      await page.getByRole('button', { name: 'Save as rich text' }).click()
      // the rich text editor now holds the page, and the document is saved
      await page.locator('.rich-text-lexical h2', { hasText: 'Added' }).waitFor()
      for (let tries = 0; (await api(`/pages/${doc.id}?depth=0`)).contentType !== 'RICHTEXT'; tries += 1) {
        if (tries > 30) throw new Error('the converted page was not saved')
        await page.waitForTimeout(500)
      }
    })
  } finally {
    await context.close()
  }

  const saved = await api(`/pages/${doc.id}?depth=0`)
  expect(saved.contentType).toBe('RICHTEXT')
  expect(saved.contentHtml).toBe('<h1>Old title</h1><p>Some <em>text</em>.</p><h2>Added</h2>')
  expect(saved.contentRich.root.children.map((node: { type: string }) => node.type)).toEqual([
    'heading',
    'paragraph',
    'heading',
  ])
})
