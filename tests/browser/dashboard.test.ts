/**
 * The dashboard shows staff what waits for them: a member submits a job for
 * review through REST; staff sign in, the dashboard counts one job waiting,
 * and its link opens the jobs list filtered to the jobs in review, showing
 * that job and not the member's draft. (tests/helpers/browser.ts.)
 */
import { adminLogin, apiLogin, type BrowserApp, createUserViaApi, startBrowserApp, step } from '../helpers/browser'

let b: BrowserApp

const api = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${b.base}/api/${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    method,
  })
  const json = (await response.json()) as Record<string, any>
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const job = (title: string) => ({
  companyName: 'Acme Snakes',
  country: 'Netherlands',
  description: 'We build web services in Python.',
  email: 'hr@example.org',
  jobTitle: title,
})

beforeAll(async () => {
  b = await startBrowserApp()
  await createUserViaApi(b.base, { email: 'root@example.org', password: 'root-password-1', username: 'root' })
  const rootToken = await apiLogin(b.base, 'root@example.org', 'root-password-1')
  await createUserViaApi(b.base, { email: 'member@example.org', password: 'member-password-1', username: 'member' }, rootToken)
  const memberToken = await apiLogin(b.base, 'member@example.org', 'member-password-1')
  // the member submits one job for review and keeps another as a draft
  const submitted = await api('POST', 'jobs', memberToken, job('Senior Pythonista'))
  await api('PATCH', `jobs/${submitted.doc.id}`, memberToken, { status: 'REVIEW' })
  await api('POST', 'jobs', memberToken, job('Draft Pythonista'))
}, 900_000)

afterAll(async () => {
  await b?.close()
})

it('the dashboard shows the job waiting for review, and its link opens the filtered jobs list', async () => {
  const { context, page } = await b.newPage()
  try {
    await adminLogin(page, 'root@example.org', 'root-password-1')
    const entry = page.locator('[data-testid="waiting-work"] .waiting-work__item[data-collection="jobs"]')
    await step(page, 'dashboard', async () => {
      await page.goto('/admin')
      await entry.waitFor()
      expect(await entry.getAttribute('data-count')).toBe('1')
      expect(await entry.innerText()).toMatch(/^1\s+Jobs waiting for review$/)
    })
    await step(page, 'open the list', async () => {
      await entry.locator('a').click()
      await page.waitForURL((url) => url.pathname === '/admin/collections/jobs' && url.search.includes('REVIEW'))
      const rows = page.locator('.table tbody tr')
      await rows.filter({ hasText: 'Senior Pythonista' }).waitFor()
      expect(await rows.count()).toBe(1)
      expect(await rows.first().innerText()).toContain('Senior Pythonista')
      expect(await page.locator('.table').innerText()).not.toContain('Draft Pythonista')
    })
  } finally {
    await context.close()
  }
})
