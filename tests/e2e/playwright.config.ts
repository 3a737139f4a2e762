/**
 * Browser tests of the web client in Debian's Chromium. GOBAN_WEB_URL is
 * where the client is served: the Vite preview server in the native tier,
 * nginx with a self-signed certificate in the stack tier.
 */
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The tests share one API server and database; running them one at a time keeps failures readable.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: process.env.GOBAN_WEB_URL ?? 'http://127.0.0.1:4173',
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      // Playwright's own browser downloads cannot be fetched here, so the tests drive Debian's package.
      executablePath: process.env.GOBAN_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
