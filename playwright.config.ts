import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { ADMIN, E2E_PORT } from './e2e/env.js';

/**
 * End-to-end runs drive Debian's Chromium against the real server started from source, on
 * its own port and a fresh data directory, serving the built web app (`vite build` first:
 * `npm run test:e2e` does both).
 */
// FOLIO_E2E_BASE_URL points the tests at a server already running (e.g. `vite` in dev) instead.
const externalServer = process.env.FOLIO_E2E_BASE_URL;
const baseURL = externalServer ?? `http://127.0.0.1:${E2E_PORT}`;
// The runner and each worker load this file; workers inherit the runner's directory.
process.env.FOLIO_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-'));
const dataDir = process.env.FOLIO_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 860 } } },
  ],
  webServer: externalServer
    ? undefined
    : {
        command: 'node --import tsx src/main.ts',
        url: `${baseURL}/health`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(E2E_PORT),
          HOST: '127.0.0.1',
          FOLIO_DATA_DIR: dataDir,
          FOLIO_ADMIN_PASSWORD: ADMIN.password,
          FOLIO_LOG_LEVEL: 'warn',
          NODE_ENV: 'test',
        },
      },
});
