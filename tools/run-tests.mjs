#!/usr/bin/env node
// Runs every test suite of the workspace and prints one closing line: "N passed, N failed".
// Jest's and Playwright's own summaries are per runner; CI reads this line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const RESULTS = 'dist/test-results';
// The PostgreSQL server the suites use; each test file makes and drops its own database on it.
const POSTGRES_URL =
  process.env.HELPDESK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const env = {
  ...process.env,
  CI: 'true',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NG_CLI_ANALYTICS: 'false',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
}

function jestSuite(name, config, extraEnv) {
  return {
    name,
    run: () =>
      run(
        'npx',
        ['jest', '-c', config, '--runInBand', '--json', `--outputFile=${RESULTS}/${name}.json`],
        extraEnv,
      ),
    count: (report) => ({ passed: report.numPassedTests, failed: report.numFailedTests }),
  };
}

const suites = [
  jestSuite('shared-domain', 'libs/shared/domain/jest.config.ts'),
  jestSuite('api-sqlite', 'apps/api/jest.config.cts', { HELPDESK_TEST_DATABASE: 'sqlite' }),
  jestSuite('api-postgres', 'apps/api/jest.config.cts', {
    HELPDESK_TEST_DATABASE: 'postgres',
    HELPDESK_TEST_POSTGRES_URL: POSTGRES_URL,
  }),
  jestSuite('api-cluster', 'apps/api/jest.cluster.config.cts', {
    HELPDESK_TEST_POSTGRES_URL: POSTGRES_URL,
  }),
  jestSuite('web', 'apps/web/jest.config.cts'),
  {
    name: 'web-e2e',
    run: () => run('npx', ['playwright', 'test', '-c', 'apps/web-e2e/playwright.config.ts']),
    count: (report) => ({
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
    }),
  },
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const broken = [];
if (run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web']) !== 0) {
  broken.push('build');
}
for (const suite of suites) {
  const status = suite.run();
  const reportFile = `${RESULTS}/${suite.name}.json`;
  if (!existsSync(reportFile)) {
    broken.push(suite.name);
    continue;
  }
  const counts = suite.count(JSON.parse(readFileSync(reportFile, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  if (status !== 0 && counts.failed === 0) broken.push(suite.name);
}

if (broken.length > 0) console.log(`\nDid not complete: ${broken.join(', ')}`);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${RESULTS}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed > 0 || broken.length > 0 ? 1 : 0);
