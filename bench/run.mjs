/**
 * Helpdesk benchmark: generates (or reuses) data sets, drives the real API and a raw floor
 * with autocannon, and writes bench/RESULTS.md, results.json and scaling.svg.
 * Never fails on speed; exits 1 only when a scenario got a non-2xx answer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readOptions } from './lib/args.mjs';
import { API_MAIN, ROOT } from './lib/processes.mjs';
import { machine, markdown, scalingSvg } from './lib/report.mjs';
import { runSuite } from './lib/suite.mjs';

function ensureBuiltApi() {
  if (existsSync(API_MAIN)) return;
  console.log('Building the API (dist/apps/api/main.js is missing)...');
  const build = spawnSync('npx', ['nx', 'build', 'api'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (build.status !== 0) throw new Error('nx build api failed');
}

async function main() {
  const argv = process.argv.slice(2);
  const options = readOptions(argv);
  if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('sqlite:')) {
    throw new Error('The load run supports SQLite only; see bench/README.md');
  }
  ensureBuiltApi();

  const main = await runSuite(options.tickets, options, { onlyScaling: false });
  const scaling = [];
  for (const size of options.scaling) {
    if (size === options.tickets) {
      scaling.push({ ...main, rows: main.rows.filter((row) => row.kind === 'read').slice(0, 4) });
    } else {
      scaling.push(await runSuite(size, options, { onlyScaling: true }));
    }
  }
  scaling.sort((a, b) => a.tickets - b.tickets);

  const report = { date: new Date().toISOString(), machine: machine(), options, argv, main, scaling };
  const out = resolve(ROOT, options.out);
  const folder = dirname(out);
  mkdirSync(folder, { recursive: true });
  writeFileSync(out, markdown(report));
  writeFileSync(join(folder, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (scaling.length > 0) writeFileSync(join(folder, 'scaling.svg'), scalingSvg(scaling));
  console.log(`\nWrote ${out}, results.json${scaling.length > 0 ? ' and scaling.svg' : ''}`);

  const failed = [main, ...scaling].flatMap((suite) =>
    suite.rows.filter((row) => row.ours.errors + row.floor.errors > 0).map((row) => row.scenario),
  );
  if (failed.length > 0) {
    console.error(`Non-2xx answers in: ${[...new Set(failed)].join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
