/**
 * An editor restores an older version of a page in the admin panel: edits
 * it twice, opens Versions (which names who saved each version), opens the
 * first version and restores it; the page shows the first text again, and
 * REST confirms it, still published. (tests/helpers/browser.ts: Chromium
 * against the production build; screenshots of a failed step in
 * .data/test-screenshots/.)
 */
import type { Page } from 'playwright-core'

import { adminLogin, apiLogin, type BrowserApp, createUserViaApi, startBrowserApp, step } from '../helpers/browser'

let b: BrowserApp
let editorToken: string

const api = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${b.base}/api/${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method,
  })
  return { body: (await response.json()) as Record<string, any>, status: response.status }
}

beforeAll(async () => {
  b = await startBrowserApp()
  await createUserViaApi(b.base, { email: 'root@example.org', password: 'root-password-1', username: 'root' })
  const rootToken = await apiLogin(b.base, 'root@example.org', 'root-password-1')
  const editor = await createUserViaApi(
    b.base,
    { email: 'editor@example.org', password: 'editor-password-1', username: 'editor' },
    rootToken,
  )
  const promoted = await api('PATCH', `users/${editor.id}`, rootToken, { isStaff: true })
  if (promoted.status !== 200) throw new Error(`making the editor staff: ${JSON.stringify(promoted.body)}`)
  editorToken = await apiLogin(b.base, 'editor@example.org', 'editor-password-1')
}, 900_000)

afterAll(async () => {
  await b?.close()
})

/** Types into the edit form's title and description and saves, as the editor does. */
const editAndSave = async (page: Page, title: string, description: string) => {
  await page.locator('#field-title').fill(title)
  await page.locator('#field-description').fill(description)
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/api\/pages\/[^/?]+/.test(r.url()) && r.ok()),
    page.locator('#action-save').click(),
  ])
}

it('an editor restores the first version of a page', async () => {
  const created = await api('POST', 'pages', editorToken, {
    content: 'Welcome to Python.',
    description: 'First description',
    isPublished: true,
    path: 'about/history-test',
    title: 'First title',
  })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as string

  const { context, page } = await b.newPage()
  try {
    await adminLogin(page, 'editor@example.org', 'editor-password-1')

    await step(page, 'edit twice', async () => {
      await page.goto(`/admin/collections/pages/${id}`)
      await page.locator('#field-title').waitFor()
      await editAndSave(page, 'Second title', 'Second description')
      await editAndSave(page, 'Third title', 'Third description')
    })

    await step(page, 'open versions', async () => {
      await page.locator('.doc-tab', { hasText: 'Versions' }).click()
      await page.waitForURL(new RegExp(`/admin/collections/pages/${id}/versions`))
      const rows = page.locator('[data-testid="history-versions"] tbody tr')
      await rows.nth(2).waitFor()
      expect(await rows.count()).toBe(3)
      // newest first; each names who saved it
      expect(await rows.locator('td:nth-child(4)').allInnerTexts()).toEqual(['Third title', 'Second title', 'First title'])
      expect(await rows.locator('.history-versions__saved-by').allInnerTexts()).toEqual(['editor', 'editor', 'editor'])
    })

    await step(page, 'open the first version', async () => {
      await page.locator('[data-testid="history-versions"] tbody tr').last().locator('a').click()
      await page.waitForURL(new RegExp(`/admin/collections/pages/${id}/versions/[0-9a-f-]{36}`))
      await page.getByRole('button', { name: 'Restore this version' }).waitFor()
    })

    await step(page, 'restore it', async () => {
      await page.getByRole('button', { name: 'Restore this version' }).click()
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/pages\/versions\//.test(r.url())),
        page.getByRole('button', { name: 'Confirm' }).click(),
      ])
      await page.waitForURL(new RegExp(`/admin/collections/pages/${id}$`))
    })

    await step(page, 'the page shows the first text', async () => {
      await page.waitForFunction(
        () => (document.querySelector('#field-title') as HTMLInputElement | null)?.value === 'First title',
      )
      expect(await page.locator('#field-description').inputValue()).toBe('First description')
      // the restore is a save by the editor: the sidebar's stamp line says so
      expect(await page.locator('.read-only-field[data-field="lastModifiedBy"]').innerText()).toMatch(
        /Last modified by:\s*editor/,
      )
    })
  } finally {
    await context.close()
  }

  // REST confirms: the first text, still published, and the restore is a fourth version by the editor
  const stored = await api('GET', `pages/${id}?depth=0`, editorToken)
  expect(stored.body).toMatchObject({ description: 'First description', isPublished: true, title: 'First title' })
  const publicRead = await fetch(`${b.base}/api/pages/${id}`)
  expect(((await publicRead.json()) as { title: string }).title).toBe('First title')
  const versions = await api('GET', `pages/versions?where[parent][equals]=${id}&sort=-updatedAt&depth=0`, editorToken)
  expect(versions.body.totalDocs).toBe(4)
  expect(versions.body.docs[0].version.title).toBe('First title')
})
