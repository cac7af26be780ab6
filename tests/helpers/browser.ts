/**
 * Browser tests: Debian's Chromium driven by playwright-core against the
 * production build (`npm start` on a test database of its own), as an editor
 * meets the admin panel.
 *
 * The browser is /usr/bin/chromium (or CHROMIUM_PATH). Without it the tests
 * fail with how to install it; `.ci/run` installs it from Debian's packages.
 * Every failed step leaves a screenshot in .data/test-screenshots/ (git-ignored).
 */
import fs from 'node:fs'
import path from 'node:path'

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

import { dataRoot } from '../../src/platform/paths'
import { type BuiltApp, ensureBuilt, startBuiltApp, waitForHealth } from './builtApp'
import { createTestDatabase } from './harness'
import { killTree } from './processes'

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const screenshotDir = (): string => path.join(dataRoot(), 'test-screenshots')

// without these, Chromium keeps reaching for Google's services, which a closed network refuses
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export const launchChromium = async (): Promise<Browser> => {
  const executablePath = chromiumPath()
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Browser tests need Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH. ` +
        '.ci/run installs it when it is missing.',
    )
  }
  return chromium.launch({ args: CHROMIUM_ARGS, executablePath, headless: true })
}

export type BrowserApp = {
  app: BuiltApp
  base: string
  browser: Browser
  close: () => Promise<void>
  /** a fresh browser context (own cookies) with a page */
  newPage: () => Promise<{ context: BrowserContext; page: Page }>
}

/** The built app on an empty database of its own, and a browser. Call in beforeAll; `close()` in afterAll. */
export const startBrowserApp = async (env: Record<string, string> = {}): Promise<BrowserApp> => {
  await ensureBuilt()
  const database = await createTestDatabase({ empty: true })
  const browser = await launchChromium()
  const app = await startBuiltApp({ databaseUrl: database.databaseUrl, env })
  await waitForHealth(app)
  return {
    app,
    base: app.base,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined)
      await killTree(app)
      await database.drop()
    },
    newPage: async () => {
      const context = await browser.newContext({ baseURL: app.base, viewport: { height: 900, width: 1400 } })
      context.setDefaultTimeout(30_000)
      return { context, page: await context.newPage() }
    },
  }
}

let shot = 0

/**
 * One step of a browser test: on failure, a screenshot named after the test
 * and the step is written to .data/test-screenshots/ before the error goes on.
 */
export const step = async <T>(page: Page, name: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (err) {
    shot += 1
    const test = (expect.getState().currentTestName ?? 'browser').replace(/[^a-z0-9]+/gi, '-').slice(0, 80)
    fs.mkdirSync(screenshotDir(), { recursive: true })
    const file = path.join(screenshotDir(), `${test}-${shot}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`)
    await page.screenshot({ fullPage: true, path: file }).catch(() => undefined)
    if (err instanceof Error) err.message = `${err.message}\n(screenshot: ${file})`
    throw err
  }
}

/** Creates a user through the app's own REST API (the first one becomes the superuser). */
export const createUserViaApi = async (
  base: string,
  user: { email: string; password: string; username: string },
  token?: string,
): Promise<{ id: string }> => {
  const response = await fetch(`${base}/api/users`, {
    body: JSON.stringify(user),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method: 'POST',
  })
  if (response.status !== 201) throw new Error(`creating ${user.username}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { doc: { id: string } }).doc
}

export const apiLogin = async (base: string, email: string, password: string): Promise<string> => {
  const response = await fetch(`${base}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'Content-Type': 'application/json' },
    method: 'POST',
  })
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** Logs in through the admin panel's own login form, as an editor does. */
export const adminLogin = async (page: Page, email: string, password: string) =>
  step(page, 'login', async () => {
    await page.goto('/admin/login')
    await page.locator('input[name="username"], input[name="email"]').first().fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.startsWith('/admin/login'))
  })
