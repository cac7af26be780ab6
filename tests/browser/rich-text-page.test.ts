/**
 * An editor writes a page in rich text in the admin panel, as they would:
 * a heading, a link to another page (chosen from the pages, not typed as a
 * URL), an image from page images and a Python code block; publishes it;
 * and the public REST answer (anonymous) carries the HTML the site shows.
 * (tests/helpers/browser.ts: Chromium against the production build.)
 */
import {
  adminLogin,
  apiLogin,
  type BrowserApp,
  createUserViaApi,
  startBrowserApp,
  step,
} from '../helpers/browser'
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
      body: JSON.stringify({ email: 'editor@example.org', isStaff: true, password: 'editor-password-1', username: 'editor' }),
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
    await page.locator('#slash-menu').getByRole('button', { name: item }).first().click()
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

    await step(page, 'link to another page', async () => {
      await page.keyboard.type('Read about us today.')
      // select "about us" and link it from the inline toolbar
      for (let i = 0; i < ' today.'.length; i += 1) await page.keyboard.press('ArrowLeft')
      for (let i = 0; i < 'about us'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft')
      await page.locator('.inline-toolbar-popup button.toolbar-popup__button-link').click()
      const drawer = page.locator('.drawer__content').last()
      await drawer.getByText('Internal link', { exact: true }).click()
      await drawer.locator('.relationship .rs__control').click()
      await page.locator('.rs__option', { hasText: 'About the PSF' }).click()
      await drawer.getByRole('button', { name: 'Save' }).click()
      await editor.locator('a', { hasText: 'about us' }).waitFor()
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
    })

    await step(page, 'image from page images', async () => {
      await slash('upload', /upload/i)
      const drawer = page.locator('.drawer__content').last()
      await drawer.getByText(image.filename).first().click()
      await editor.locator('.lexical-upload').first().waitFor()
    })

    await step(page, 'python code block', async () => {
      // after the image: a new paragraph below it, then the code block
      await editor.locator('.lexical-upload').first().click()
      await page.keyboard.press('Enter')
      await slash('code', /code/i)
      const block = page.locator('.payload-richtext-code-block').first()
      await block.waitFor()
      await block.locator('[data-selected-language="python"]').waitFor()
      await block.locator('.cm-content').click()
      await page.keyboard.type('print("Hello, world!")')
    })

    await step(page, 'publish and save', async () => {
      await page.locator('#field-isPublished').check()
      await page.locator('#action-save').click()
      await page.waitForURL(/\/admin\/collections\/pages\/[0-9a-f-]{36}/)
      await page.locator('.payload-toast-container', { hasText: /success/i }).first().waitFor()
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
