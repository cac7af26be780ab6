/**
 * The admin panel in a real browser: the first account signs in through the
 * login form and lands on the dashboard; a member who signs in is refused the
 * panel. (tests/helpers/browser.ts: Chromium against the production build.)
 */
import { adminLogin, apiLogin, type BrowserApp, createUserViaApi, startBrowserApp, step } from '../helpers/browser'

let b: BrowserApp

beforeAll(async () => {
  b = await startBrowserApp()
  // the first account of a site becomes its superuser
  await createUserViaApi(b.base, { email: 'root@example.org', password: 'root-password-1', username: 'root' })
  const token = await apiLogin(b.base, 'root@example.org', 'root-password-1')
  await createUserViaApi(b.base, { email: 'member@example.org', password: 'member-password-1', username: 'member' }, token)
}, 900_000)

afterAll(async () => {
  await b?.close()
})

it('staff sign in through the login form and see the dashboard', async () => {
  const { context, page } = await b.newPage()
  try {
    await adminLogin(page, 'root@example.org', 'root-password-1')
    await step(page, 'dashboard', async () => {
      await page.waitForSelector('.dashboard')
      expect(new URL(page.url()).pathname).toBe('/admin')
    })
  } finally {
    await context.close()
  }
})

it('a member is not let into the admin panel', async () => {
  const { context, page } = await b.newPage()
  try {
    await step(page, 'member login', async () => {
      await page.goto('/admin/login')
      await page.locator('input[name="username"], input[name="email"]').first().fill('member@example.org')
      await page.locator('input[name="password"]').fill('member-password-1')
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/users/login')),
        page.locator('button[type="submit"]').click(),
      ])
      await page.goto('/admin')
      await page.waitForLoadState('networkidle')
    })
    await step(page, 'refused', async () => {
      expect(await page.locator('.dashboard').count()).toBe(0)
    })
  } finally {
    await context.close()
  }
})
