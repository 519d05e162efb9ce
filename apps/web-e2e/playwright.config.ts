import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const PORT = 4310;
const workspaceRoot = join(__dirname, '../..');

/**
 * Runs the browser tests against the real built API (which serves the built web app),
 * started on a fresh SQLite database. Build first: `npx nx run-many -t build -p api web`.
 */
export default defineConfig({
  testDir: './src',
  outputDir: '../../dist/test-results/web-e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../../dist/test-results/web-e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
        '--disable-quic',
      ],
    },
    headless: true,
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts/,
      dependencies: ['setup'],
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: 'rm -rf tmp/e2e && mkdir -p tmp/e2e/uploads && node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATABASE_URL: 'sqlite:tmp/e2e/helpdesk.sqlite',
      UPLOAD_DIR: 'tmp/e2e/uploads',
      NODE_ENV: 'production',
      REQUEST_LOGS: 'off',
    },
  },
});
